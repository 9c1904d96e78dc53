"""The mediation form's own questions: the first (with a word for an upset worker, a group or
a dispatched worker) and the summary to confirm; and a short question about mediation itself
asked in the form ("这个要钱吗"), answered from its entry (《人民调解法》第四条, 《劳动争议调解
仲裁法》第十四条、第五十三条)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import button, buttons
from actions.mediation_text import summary
from actions.message import (
    as_chinese,
    asked_before,
    opening_text,
    recent_user_texts,
    understood_text,
)
from actions.services import ServiceAction
from actions.worked_out_story import MEDIATION_FORM
from bot.domain.course_cards import answer as course_answer
from bot.domain.course_questions import aspects
from bot.domain.courses import rank_by_text
from bot.domain.feelings import ACKNOWLEDGED, sounds_upset
from bot.domain.groups import group_size
from bot.knowledge.answers import answer_text, layout
from bot.knowledge.aspects_asked import fee_asked_with_the_request, one_aspect_asked
from bot.knowledge.pointed_reprisal import let_go_for_filing_feared
from bot.store import courses as repo

GROUP_MIN = 3
GROUP_NOTE = (
    "可以一起申请：工友们有共同请求的，推举一位代表来登记就行，十人以上的还可以推举代表参加调解"
    "（《劳动争议调解仲裁法》第七条）。请在事情经过里写上一共多少人、各欠多少。"
)


_TOGETHER = re.compile(r"一起|代表|推举|集体")
_DISPATCH = re.compile(r"派遣|劳务公司|外包公司|中介公司")
_WHICH_ONE = re.compile(
    r"哪个公司|哪家|找哪个|告哪个|哪一家|哪个单位|找谁|一起告|一起申请|都告|两家|两个公司|一起列|都列"
)
DISPATCH_NOTE = (
    "劳务派遣的：和您签劳动合同的派遣公司是用人单位，您实际上班的厂是用工单位，发生争议时两家是"
    "共同当事人，都可以列上（《劳动争议调解仲裁法》第二十二条）。问到单位时把两家的名字都告诉我就行。"
)


# "我还在厂头上班 … 想申请调解 又怕老板晓得了把我开了": filing is no ground for a dismissal
# (《劳动合同法》第三十九条至第四十一条 name every ground), and one for it is unlawful
REPRISAL_NOTE = (
    "您还在上班也可以申请。单位不能因为您申请调解、讨要应得的钱就辞退您：法律规定的解除理由里没有"
    "这一条，这样辞退属于违法解除，您可以要求继续上班，或者要经济补偿2倍的赔偿金（《劳动合同法》"
    "第四十八条、第八十七条）。调解员只在您提交申请后才联系单位；真遇到打击报复，马上告诉我们。"
)


class ActionAskMediationName(ServiceAction, Action):
    """The mediation form's first question: with its opening line only the first time; after
    a side question it picks up the thread instead of starting over. What the request asks
    besides (what it costs, whether filing costs the job) is answered first."""

    def name(self) -> str:
        return "action_ask_mediation_form_name"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if asked_before(tracker, "mediation_form"):
            dispatcher.utter_message(response="utter_resume_mediation_form")
            return []
        opening = opening_text(tracker, "mediation_form")
        if sounds_upset(opening):
            # "气死老子了!!! 老板跑路了…": the worker's state acknowledged first
            dispatcher.utter_message(text=ACKNOWLEDGED)
        # (read in Chinese: "Me and 2 coworkers … can we file mediation together?")
        told = [as_chinese(t) for t in [opening, *recent_user_texts(tracker, 3)]]
        group = max((group_size(t) or 0 for t in told), default=0) >= GROUP_MIN
        together = _TOGETHER.search(told[0])
        if group or (together and any(group_size(t) is not None for t in told)):
            # ("我们车间有15个人都不想去" then "我们想一起去申请调解 派个代表可以不")
            # "我们工地上12个工友 … 可不可以一起申请": how a group files, then the form
            dispatcher.utter_message(text=GROUP_NOTE)
        if _DISPATCH.search(opening) and _WHICH_ONE.search(opening):
            # "劳务派遣到电子厂 … 搞不清楚该找哪个公司": both firms are parties
            dispatcher.utter_message(text=DISPATCH_NOTE)
        fee = fee_asked_with_the_request(self.services.knowledge, told[0])
        if fee is not None:
            # "Can the union help me? Do I need to pay?": it costs nothing, said first
            dispatcher.utter_message(text=layout(fee.answer).lead, faq=fee.slug)
        if let_go_for_filing_feared(told[0]):
            dispatcher.utter_message(text=REPRISAL_NOTE)
        dispatcher.utter_message(response="utter_ask_mediation_form_name")
        return []


class ActionAskMediationConfirm(ServiceAction, Action):
    """The form's question for mediation_confirm: the summary with 确认提交 / 修改 / 取消."""

    def name(self) -> str:
        return "action_ask_mediation_confirm"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(
            text=summary(tracker.slots),
            buttons=buttons(
                button("确认提交", "affirm"), button("修改", "deny"), button("取消", "cancel")
            ),
        )
        return []


# a course named by its words, strongly enough to be the one meant ("做面包的课")
COURSE_NAMED_SCORE = 5


def course_asked(services: Any, question: str) -> tuple[str, str] | None:
    """A question about a course asked with a yes at the request's summary ("确认 然后那个做面包
    的课在哪里上"): the answer from the catalogue and the course's code, else None."""
    asked = aspects(question)
    if not asked:
        return None
    with services.db.session() as s:
        available = repo.open_courses(s, services.today())
        ranked = rank_by_text(available, question, min_score=COURSE_NAMED_SCORE)
        if not ranked:
            return None
        course = ranked[0]
        return course_answer(course, asked, repo.seats_left(s, course)), course.code


# a question this short asks one thing of the request being filled ("这个要钱吗 我没什么钱"),
# counted without spaces, marks and the English left unread
_ASPECT_CHARS = 12
_NOT_COUNTED = re.compile(r"[\W_A-Za-z]+")
_ABOUT_A_COURSE = re.compile(r"课|班|培训|报名|学")
# what a worker asks of mediation itself: its cost, its length, what to bring (not "一共该给我
# 多少钱", "how much can i ask for": the sum owed to the worker)
_PLAINLY_ASKED = re.compile(
    r"收费|收钱|要钱|免费|交钱|花钱|费用|多久|好久|多长时间|几天|带啥|带什么|带些|准备|材料"
)
_OWED_ASKED = re.compile(r"给我|赔|补|拿|一共|总共|加起来|该得|能得|欠")


def mediation_aspect_instead(
    services: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[EventType] | None:
    """ "wait, is this free? i don't have much money", "这个要钱吗 我没什么钱" while the
    mediation request is being filled: what mediation costs (or takes, or needs) is asked, not
    a course's fee; answered from its entry, else None."""
    read = understood_text(tracker)
    if (
        tracker.active_loop_name != MEDIATION_FORM
        or len(_NOT_COUNTED.sub("", read)) > _ASPECT_CHARS
        or _ABOUT_A_COURSE.search(read)
        or _OWED_ASKED.search(read)
        or not _PLAINLY_ASKED.search(read)
    ):
        return None
    entry = one_aspect_asked(services.knowledge, f"调解 {read}")
    if entry is None:
        return None
    dispatcher.utter_message(text=answer_text(entry, whole=True), faq=entry.slug)
    return [SlotSet("last_faq", entry.slug), SlotSet("last_topic", entry.category)]
