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
from actions.validators import (
    COMMON_SURNAMES,
    STORY_AFTER,
    clean_dispute_type,
    clean_phone,
    dispute_types_in,
    looks_like_employer,
    looks_like_name,
    normalise,
)
from actions.worked_out import worked_out_reply
from bot.domain.course_cards import answer as course_answer
from bot.domain.course_questions import aspects
from bot.domain.severance import monthly_pay, months_worked
from bot.knowledge.answers import answer_text, decide, likely_text
from bot.knowledge.aspects_asked import one_aspect_asked
from bot.store import courses

# slots filled from free text: the only ones a question could be mistaken for
FREE_TEXT_SLOTS = ("name", "employer", "description", "demand")
# "I am asking …": a question whatever follows
_LEAD = re.compile(
    r"^(?:(?:等一下|等等|稍等|等下|对了|哦对了|诶|欸|那个)[，,\s]*)?"
    r"(?:我(?:是|就是|只是)?(?:想)?问|想问|请问|问(?:一)?下|问问|打听(?:一)?下|"
    r"(?:我)?(?:先|顺便|再)问(?:一)?下?)"
)
# a short answer never asks: 吗/么/呢 at the end, 收不收 / 要不要, a question mark …
_ASKS = re.compile(
    # ("签不签都一样", "来不来都行" concede, they do not ask)
    # ("不对不对 合同是跟…签的" says no twice, it does not ask 对不对)
    r"[?？]|(?<!不)([\u4e00-\u9fff])[不没]\1(?![都也])|(?:吗|么|呢|不|没)[。.!！~～]*$|是不是|能不能|可不可以"
    r"|[不没](?:嘛|哦|喃|哇)[。.!！~～]*$"
    # "要自己带垫子不 我屋头莫得": asked with 不, then more said
    r"|(?:要|用|能|可以|得)[^，,。\s]{1,8}不[哦嘛啊喃哇]?(?=[\s，,。]|$)"
    # ("调解收钱不哦 我手头紧": 不 and a particle close a question, whatever follows)
    r"|[^，,。\s不]{1,6}不[哦嘛喃哇](?=[\s，,。]|$)"
    # "工伤认定有时间限制没得": 有…没得 / 有…没有 asks (a bare "…从来没得" tells)
    r"|有[^，。,\s]{1,12}没(?:得|有)[。.!！~～]*$"
    # "这个押金本来就不该收的吧", "是违法的对吧": a guess put for the bot to confirm
    r"|(?:的|对|是)吧[。.!！~～？?]*$"
)
# … and names or employers never hold a question word at all
# "违法辞退能赔好多 我每个月5000": a sum asked (好多 alone may say "a lot" in a story)
_SUM_ASKED = re.compile(
    r"能(?:赔|拿|要|补)(?:好多|多少)|该(?:赔|补|给)(?:我)?(?:好多|多少)|(?:赔|补)(?:我)?(?:好多|多少)(?:钱)?$"
)
_QUESTION_WORD = re.compile(
    r"多少|好多钱|好多天|多久|好久|多长|几[天个月年点]|怎么|咋|啥|什么|哪|为什么|如何|要钱|交钱|收费|免费"
)
# "你们有没有叉车培训": whether a course exists is answered with the course
_EXISTS = re.compile(r"有没有|有没得|有莫得|有不有|有吗|有没")
SHORT = 25
# a person asked for by name ("转人工", "跟真人说")
_A_PERSON = re.compile(r"人工|真人|工作人员|客服|活人")
# a question word and a particle at the end ("有好多天嘛", "要咋个弄哦")
_PARTICLE_END = re.compile(r"[嘛哦喃呀啊][。.!！~～]*$")
# a Chinese name's length at most (a surname and up to three characters)
MAX_NAME = 4
SHORT_QUESTION = 10
# a labour topic named at the name question in so few words is asked about, not a name given
SHORT_TOPIC = 15
NOT_ANSWERED = "这个问题我暂时答不准，等这件事办完可以再问我，或者说“转人工”请工作人员解答。"


_CLAIM_REPORTED = re.compile(
    # (at the start: "王德明 158… 公司说不给我补偿" gives the details, then tells)
    r"^(?:但是|可是|不过|而且|他|可)?(?:老板|公司|厂头|厂里|单位|领导|经理|主管|他们)(?:说|讲)[^。？?]{0,14}"
    r"(?:不算|不是|没有|不给|不能|不用|不赔|不管)"
)


# a question this short ("要钱吗", "收费不") names no topic of its own
_BARE_QUESTION = 5


def is_side_question(text: str, slot: str) -> bool:
    """Whether the answer to `slot` is really a question of the worker's own."""
    value = normalise(text)
    if not value or _LEAD.search(value):
        return bool(value)
    if slot in ("name", "employer"):
        # "学费好多": 好多 asks how much in Chongqing (in a story it may say "a lot")
        return bool(
            _ASKS.search(value)
            or _QUESTION_WORD.search(value)
            or "好多" in value
            # "老板说我是临时工 没签合同 不算工伤": what the employer claims, to be answered
            or _CLAIM_REPORTED.search(value)
            # "八段锦星期几", "在几楼": a course's part asked, never a name (钱进 is one)
            or (
                slot == "name"
                and bool(aspects(value))
                and not (len(value) <= MAX_NAME and value[0] in COMMON_SURNAMES)
            )
        )
    if len(value) <= SHORT and (_ASKS.search(value) or _SUM_ASKED.search(value)):
        return True
    if len(value) <= SHORT and _QUESTION_WORD.search(value) and _PARTICLE_END.search(value):
        # "对了 重庆这边产假有好多天嘛" at the type question: asked, not what happened
        return True
    # "调解要多久" is too short to be what happened, and asks
    return len(value) <= SHORT_QUESTION and bool(_QUESTION_WORD.search(value))


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


# a question asked along with the details ("我叫陈志勇 电话133… 先问一下哈 … 应该赔我好多")
_ASKS_WITH_DETAILS = re.compile(
    r"先问|顺便问|问一下|问下|问一哈|问哈|问个事|请问|想问|[吗嘛呢？?]\s*$|(?:好多|多少|几个月)\s*$|咋个算|怎么算|能拿好多|能赔好多"
    # ("电话177… 还有个事 … 酒店说产假只有98天 对不对哦")
    r"|还有个事|(?:对不对|是不是|合不合法|合法不|行不行|可以不|对吗|算不算)[哦嘛啊呀喃噻]?\s*$"
    # ("陈丽娟 139… 对了调解要准备啥子材料哦")
    r"|对了[^，,。]{0,20}?(?:啥|什么|多少|好多|多久|好久|几|哪|要不要|收不收|钱不|费不|钱吗|费吗)"
)


_YES_FIRST = re.compile(r"^(?:要得|好的|好嘛|好|嗯|行|可以|对|哦)[，,。!！\s]+")
_EMPLOYER_LABEL = re.compile(r"^(?:厂是|厂子是|厂头是|公司是|单位是|公司叫|厂叫|单位叫|厂子叫)")


def leading_employer(text: str) -> str | None:
    """The company a message starts with, asked for the employer ("重庆顺泰物流有限公司 我在那
    做分拣 上个月…", "重庆渝美服装有限公司 对了调解要钱不哦"): the answer, whatever follows."""
    # ("要得 公司是…": a yes before it)
    value = _YES_FIRST.sub("", (text or "").strip(), count=1)
    value = _EMPLOYER_LABEL.sub("", value, count=1)  # "厂是…", "公司叫…"
    value = re.sub(r"^(?:我)?在(?=[\u4e00-\u9fff]{2})", "", value)  # "在万家福超市 公司要写全称不"
    # ("解放碑那边的老码头火锅店 诶这个调解要收钱不哦": where it is, before the name)
    value = re.sub(r"^[\u4e00-\u9fff]{2,4}(?:那边|那里|那儿|这边|附近)的", "", value)
    head = re.split(r"[\s，,。；;]", value, maxsplit=1)[0]
    found = opening_employer(head) or looks_like_employer(head) if head else None
    return found if found and head.startswith(found[:2]) else None


def _asks_after(text: str, employer: str) -> bool:
    """Whether what follows the company a message starts with is a short question."""
    rest = normalise(text.split(employer, 1)[-1] if employer in text else text)
    if dispute_types_in(rest) and not rest.endswith(("吗", "么", "?", "？", "不", "嘛")):
        # "…公司 上个月被辞了 说我不合格 可从来没说过啥子标准": a dispute told, not asked
        return False
    return 0 < len(rest) <= SHORT and (
        is_side_question(rest, "employer") or _ASKS_WITH_DETAILS.search(rest) is not None
    )


def employer_then_story(text: str) -> bool:
    """The company first, then what happened (not a short question after it)."""
    employer = leading_employer(text)
    return employer is not None and not _asks_after(text, employer)


_NAME_LABEL = re.compile(r"我叫|我是|名字(?:是|叫)|姓名")


def _short_question_left(text: str) -> bool:
    """ "18725094637 调解要好久才有结果哦": what is left besides the name and the number is a
    short question (not a story: "…我在那干了好久了 老板不给钱")."""
    rest = text
    for part in name_and_phone(text):
        if part:
            rest = rest.replace(part, " ")
    rest = normalise(rest).strip(" ，,。")
    return 0 < len(rest) <= SHORT_QUESTION + 4 and is_side_question(rest, "employer")


# the questions of one message, each on its own ("调解要好久哦 要交钱不")
_QUESTION_PARTS = re.compile(r"[\s，,。？?！!；;]+")
_LEAD_ALONE = re.compile(
    r"(?:等一下|等等|稍等|等下|等哈|对了|哦对了|那个)?(?:我)?(?:先|顺便|再)?(?:想)?问(?:一)?(?:下|哈|一哈|个事)?"
)


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
        if latest_intent(tracker) == "human_handoff" and _A_PERSON.search(text or ""):
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
        asks_after = employer is not None and _asks_after(text, employer)
        details = (
            requested in ("name", "phone")
            # ("我姓王 王秀兰 其实我不要钱了 想回厂里继续干": a name with its surname first)
            and (any(name_and_phone(text)) or opening_name(text) is not None)
            # ("重庆顺泰物流有限公司 我在那做分拣 … 也没给啥子补偿": the company, then
            # what happened)
            or (employer is not None and not asks_after)
        ) and not _ASKS_WITH_DETAILS.search(text)
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
            and (months_worked(text) is not None or monthly_pay(text) is not None)
            and opening_employer(text) is None
            and worked_out_reply(self.services, tracker, understood_text(tracker)) is not None
        )
        # "18723456709 对了问一哈 老板收押金合法不哦": the number, and a question asked with it
        # (answered, the number kept)
        # ("我叫龙贵平 对了 调解要收钱不": the name alone, labelled, and a question)
        labelled_name = (
            opening_name(text) if requested == "name" and _NAME_LABEL.search(text) else None
        )
        if requested == "name" and labelled_name is None:
            # "李娟 电话等下给你 先问下这个课几点到几点": a name standing first, then the question
            labelled_name = leading_name(text)
        asks_too = (
            requested in ("name", "phone")
            and (any(name_and_phone(text)) or labelled_name is not None)
            and (bool(_ASKS_WITH_DETAILS.search(text)) or _short_question_left(text))
        )
        if (
            asks_too
            or asks_after
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
        if not by_code and (not name or not (aspects(text) or _EXISTS.search(text))):
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
            if p and is_side_question(p, "employer") and not _LEAD_ALONE.fullmatch(p)
        ]
        if len(parts) < 2:
            return []
        cfg = self.services.config.retrieval
        found: list[Any] = []
        for part in parts:
            verdict, hits = decide(self.services.knowledge.search(f"{self.side_topic} {part}"), cfg)
            # ("调解要交钱不 要弄好久哦": the second short question read with the form's topic
            # is likely enough, once another was sure)
            sure = verdict == "answer" or (verdict == "likely" and bool(found))
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
        if self.side_topic and len(re.sub(r"\W", "", read)) <= _BARE_QUESTION:
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
