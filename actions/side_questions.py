"""A question asked in the middle of a form is answered, and the form asks again.

"我是问调解收不收费" while the mediation form waits for the employer is not the employer's
name: it is answered from the FAQ, nothing is saved, and the form repeats its question.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.corrections import corrected
from actions.demand_job_back import money_instead
from actions.employer_named import opening_employer
from actions.message import (
    EXIT_INTENTS,
    latest_entity,
    latest_intent,
    previous_value,
    typed_text,
    understood_text,
)
from actions.opening import opening_name
from actions.person import leading_name, name_and_phone
from actions.policy_followups import find_answer
from actions.side_question_cues import (
    A_PERSON,
    ASKS_WITH_DETAILS,
    BARE_QUESTION,
    EXISTS,
    FREE_TEXT_SLOTS,
    LEAD_ALONE,
    NAME_LABEL,
    NOT_ANSWERED,
    SHORT_TOPIC,
    asks_after,
    is_side_question,
    leading_employer,
    short_question_left,
)
from actions.validators import (
    STORY_AFTER,
    clean_dispute_type,
    clean_phone,
    dispute_types_in,
    looks_like_name,
)
from actions.worked_out import worked_out_reply
from actions.worked_out_last_wages import told_owed_now
from bot.domain.course_cards import answer as course_answer
from bot.domain.course_questions import aspects
from bot.domain.severance import monthly_pay, months_worked
from bot.knowledge.answers import answer_text, decide, likely_text
from bot.knowledge.aspects_asked import one_aspect_asked
from bot.store import courses


def _gives(slot: str | None, text: str) -> bool:
    """Whether the message holds a value for a slot not filled from free text (a phone
    number, a dispute type); free-text slots are judged by is_side_question alone."""
    if slot == "phone":
        return clean_phone(text) is not None
    if slot == "dispute_type":
        return bool(dispute_types_in(text) or clean_dispute_type(text))
    return True


def _drop_candidate(tracker: Tracker, slot: str) -> None:
    """Forget this message's value for `slot` (the form's slot candidates are the trailing
    slot events of the tracker), so the slot keeps what it held before."""
    trailing = len(tracker.events)
    while trailing and tracker.events[trailing - 1].get("event") == "slot":
        trailing -= 1
    tracker.events = tracker.events[:trailing] + [
        e for e in tracker.events[trailing:] if e.get("name") != slot
    ]
    tracker.slots[slot] = previous_value(tracker, slot)


# the questions of one message, each on its own ("调解要好久哦 要交钱不")
_QUESTION_PARTS = re.compile(r"[\s，,。？?！!；;]+")


class SideQuestionsMixin:
    """For a FormValidationAction: answer a side question instead of saving it as a slot."""

    services: Any
    # what the form is about: a side question that names no topic is read with it
    side_topic = ""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        requested = tracker.get_slot("requested_slot")
        text = typed_text(tracker)
        candidates = tracker.slots_to_validate()
        as_text = bool(requested) and str(candidates.get(requested, "")).strip() == text
        # a free-text answer the mappings took, or one they skipped for its intent ("好久开学"
        # read as a search) that the slot's own extraction would still take as the answer
        unmapped = not candidates.get(requested) and latest_intent(tracker) not in EXIT_INTENTS
        taken = requested in FREE_TEXT_SLOTS and (as_text or unmapped)
        if latest_intent(tracker) == "human_handoff" and A_PERSON.search(text or ""):
            # "能不能转人工 我想跟真人说下具体情况": asks for a person, not a question to answer
            # (the form rejects the message and the handoff's rule runs)
            return await super().run(dispatcher, tracker, domain)  # type: ignore[misc]
        if text and not corrected(tracker) and not _gives(requested, text):
            taken = True  # "等一下先问个事，叉车培训好多钱" is no wrong number
        # ("单位名字写错了 应该是…有限公司 情况是这半年…" asked what happened: a correction, and
        # the answer after it)
        story_after = requested == "description" and STORY_AFTER.search(text or "")
        if as_text and text and corrected(tracker) and not story_after:
            # "电话错了，是139…" corrects an earlier answer; it does not answer this question
            _drop_candidate(tracker, requested)
            events = await super().run(dispatcher, tracker, domain)  # type: ignore[misc]
            return [SlotSet(requested, tracker.slots[requested]), *events]
        # "how much should i get" at the name question: asked in English, read as Chinese;
        # "加班费的事先说清楚" at the name question: a labour topic named, no name given
        topic_instead_of_name = (
            requested == "name"
            and latest_entity(tracker, "dispute_type") is not None
            and looks_like_name(text) is None
            # (a name with the details after it is an answer: "谭明亮 137… 重庆好运来超市…")
            and len(text) <= SHORT_TOPIC
            and not any(ch.isdigit() for ch in text)
        )
        # "李国强 187… 重庆顺丰达物流有限公司 今年3月到10月的加班费一共差我6000多 问了几次
        # 都说没得": the details the form asks for, with what happened, is no question
        employer = leading_employer(text) if requested == "employer" else None
        # a short question after the company ("…有限公司 对了调解要钱不哦") is asked; a story
        # after it ("…有限公司 我在那做分拣 … 也没给啥子补偿") is what happened
        question_after = employer is not None and asks_after(text, employer)
        details = (
            requested in ("name", "phone")
            # ("我姓王 王秀兰 其实我不要钱了 想回厂里继续干": a name with its surname first)
            and (any(name_and_phone(text)) or opening_name(text) is not None)
            # ("重庆顺泰物流有限公司 我在那做分拣 … 也没给啥子补偿": the company, then
            # what happened)
            or (employer is not None and not question_after)
        ) and not ASKS_WITH_DETAILS.search(text)
        # "我干了2年8个月 一个月5000" at the name question right after a question about the
        # compensation was answered: the figures that answer needs, worked out
        figures = (
            # (or at the summary: "每个月3千8 做了3年10个月" after "我这种情况能赔好多")
            requested in ("name", "employer", "mediation_confirm")
            and text
            and looks_like_name(text) is None
            and not corrected(tracker)
            # (a figure in this message, and no company: "公司是…有限公司 上个月底说我业绩不好
            # 直接喊我走人 没给补偿" answers the employer question)
            # (told in English or pinyin too: "my monthly salary is 5220. how much …")
            and (
                months_worked(understood_text(tracker)) is not None
                or monthly_pay(understood_text(tracker)) is not None
                # ("10月份的也还没给我" after the last month's days: the wages held, in pieces)
                or told_owed_now(understood_text(tracker))
            )
            and opening_employer(text) is None
            and worked_out_reply(self.services, tracker, understood_text(tracker)) is not None
        )
        # "18723456709 对了问一哈 老板收押金合法不哦": the number, and a question asked with it
        # (answered, the number kept)
        # ("我叫龙贵平 对了 调解要收钱不": the name alone, labelled, and a question)
        labelled_name = (
            opening_name(text) if requested == "name" and NAME_LABEL.search(text) else None
        )
        if requested == "name" and labelled_name is None:
            # "李娟 电话等下给你 先问下这个课几点到几点": a name standing first, then the question
            labelled_name = leading_name(text)
        asks_too = (
            requested in ("name", "phone")
            and (any(name_and_phone(text)) or labelled_name is not None)
            and (bool(ASKS_WITH_DETAILS.search(text)) or short_question_left(text))
        )
        if (
            asks_too
            or question_after
            # (the figures at the summary: worked out, the summary asked again)
            or (requested == "mediation_confirm" and figures)
            or (
                taken
                and text
                and not details
                and (
                    is_side_question(understood_text(tracker), requested)
                    or topic_instead_of_name
                    or figures
                )
            )
        ):
            self.answer(dispatcher, tracker, text)
            # nothing else from this message is kept; the form asks its question again (the
            # requested slot is set back too: a form that sets no slot rejects the message,
            # here and in Rasa, and the answer would be lost) ...
            kept = [*candidates, *([] if requested in candidates else [requested])]
            events = [SlotSet(name, previous_value(tracker, name)) for name in kept]
            # ... but the name and the phone said plainly with the question ("我叫陈志勇 电话
            # 133… 先问一下哈 我在那干了四年 应该赔我好多") are not asked again
            name, phone = name_and_phone(text) if requested in ("name", "phone") else (None, None)
            name = name or labelled_name
            # (nor the company named before the question: "重庆渝美服装有限公司 对了调解要钱不哦")
            said = {"name": name, "phone": phone, "employer": employer}
            # (nor money asked instead of the job back: "不想回去了 要他赔钱 … 能赔好多")
            money = money_instead(tracker) if requested == "mediation_confirm" else None
            if money:
                dispatcher.utter_message(text=f"好的，调解诉求改为：{money}。")
                said["demand"] = money
            return [
                SlotSet(e["name"], said.get(e["name"]) or e.get("value"))
                if e.get("event") == "slot"
                else e
                for e in events
            ] + [SlotSet(k, v) for k, v in said.items() if v and k not in kept]
        return await super().run(dispatcher, tracker, domain)  # type: ignore[misc]

    def course_asked_about(self, tracker: Tracker, text: str) -> Any:
        """The course a side question names and asks about ("叉车培训好多钱"), in any form."""
        name = latest_entity(tracker, "course_name")
        code = tracker.get_slot("course_id")
        # ("是上午还是下午" while enrolling: the course being enrolled in)
        by_code = not name and code and aspects(text)
        if not by_code and (not name or not (aspects(text) or EXISTS.search(text))):
            return None
        with self.services.db.session() as s:
            course = courses.get_by_code(s, str(code)) if by_code else courses.get_by_name(s, name)
            if course is not None:
                s.expunge(course)
            return course

    def _several(self, read: str) -> list[Any]:
        """The entries that answer each of two or more questions asked in one message, each
        read with what the form is about; [] when it asks one."""
        # ("先问下", "等下": a lead, not a question of its own)
        parts = [
            p
            for p in _QUESTION_PARTS.split(read)
            if p and is_side_question(p, "employer") and not LEAD_ALONE.fullmatch(p)
        ]
        if len(parts) < 2:
            return []
        cfg = self.services.config.retrieval
        read_parts = [
            decide(self.services.knowledge.search(f"{self.side_topic} {part}"), cfg)
            for part in parts
        ]
        # ("调解要交钱不 要弄好久哦", "调解要好久哦 要交钱不": a short question read with the
        # form's topic is likely enough, once another, before or after it, is sure)
        one_sure = any(verdict == "answer" for verdict, _ in read_parts)
        found: list[Any] = []
        for verdict, hits in read_parts:
            sure = verdict == "answer" or (verdict == "likely" and one_sure)
            if not sure or any(e.slug == hits[0].answer.slug for e in found):
                continue
            found.append(hits[0].answer)
        return found

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> None:
        read = understood_text(tracker) or text  # "Is it free?", "ji dian shang ke" as Chinese
        course = self.course_asked_about(tracker, read)
        if course is not None:  # "要交钱不" while enrolling: about this course, not the FAQ
            dispatcher.utter_message(text=course_answer(course, aspects(read), None))
            return
        worked = worked_out_reply(self.services, tracker, read)
        if worked is not None:  # "我在那干了四年 按道理应该赔我好多": the sum worked out
            dispatcher.utter_message(text=worked[0], faq=worked[1])
            return
        cfg = self.services.config.retrieval
        several = self._several(read)
        if len(several) >= 2:
            # "等哈 调解要好久哦 要交钱不": each question its own answer
            for entry in several:
                dispatcher.utter_message(text=answer_text(entry, whole=True), faq=entry.slug)
            return
        if self.side_topic and len(re.sub(r"\W", "", read)) <= BARE_QUESTION:
            # "要钱吗" in the mediation form: a bare question asks about the form's topic
            top = one_aspect_asked(self.services.knowledge, f"{self.side_topic} {read}")
            if top is not None:
                dispatcher.utter_message(text=answer_text(top, whole=True), faq=top.slug)
                return
        # (the rules that point at one entry first: "酒店说产假只有98天 对不对哦")
        verdict, hits = find_answer(self.services, tracker, read)
        if verdict != "answer":
            hits = self.services.knowledge.hits_for(tracker.latest_message, read, k=3)
            verdict, hits = decide(hits, cfg)
        if verdict not in ("answer", "likely") and self.side_topic:
            # "是免费的吗" in the mediation form asks about mediation
            verdict, hits = decide(self.services.knowledge.search(f"{self.side_topic} {read}"), cfg)
        if verdict == "answer":
            top = hits[0].answer
            dispatcher.utter_message(text=answer_text(top, whole=True), faq=top.slug)
        elif verdict == "likely":  # under its own question, so a worker sees what it answers
            top = hits[0].answer
            dispatcher.utter_message(text=likely_text(top, whole=True), faq=top.slug)
        else:
            dispatcher.utter_message(text=NOT_ANSWERED)
