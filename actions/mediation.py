"""The mediation request form: checks each answer, shows a summary, lets the worker fix a field."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction

from actions.assent import clean_demand, is_assent
from actions.corrections import (
    DEMAND_CORRECTION,
    corrected,
    corrected_description,
)
from actions.course_context import FOCUS_SLOT, LIST_SLOT
from actions.demand_job_back import BACK_TO_WORK, WANTS_THE_JOB_BACK
from actions.employer_named import both_names
from actions.employer_paper import USE_THIS
from actions.group_claims import (
    group_list_added,
    group_sum_asked,
    list_kind,
    only_the_list,
    without_sum_asked,
)
from actions.injury_denied import recognition_note
from actions.mediation_asks import course_asked
from actions.mediation_extraction import ASSENT_THEN_ASKS, MediationExtraction
from actions.mediation_text import (
    ASKED_AT_THE_END,
    DEMAND_TO_ASK,
    EDITABLE,
    LEADING_TYPE,
    MORE_STORY,
    NO_EDIT,
    NOT_SUBMITTED_YET,
    PROPOSED,
    SEE_IT_FIRST,
    SUBMIT,
    SUBMIT_WORDS,
    WISH_START,
    bare_type,
    proposed_demand,
    taken_from_opening,
    wish_in,
)
from actions.mediation_type import DisputeTypeMixin
from actions.message import (
    as_chinese,
    latest_entity,
    latest_intent,
    opening_text,
    previous_value,
    typed_text,
)
from actions.opening import (
    is_opening,
    short_opening_story,
    with_the_group,
)
from actions.person import PersonSlotsMixin
from actions.services import ServiceAction
from actions.side_questions import SideQuestionsMixin
from actions.story_complete import nothing_to_add, short_story_with_wish
from actions.validators import (
    DESCRIPTION_MAX,
    DESCRIPTION_MIN,
    EMPLOYER_MIN,
    STORY_AFTER,
    clean_description,
    clean_dispute_type,
    clean_employer,
    dispute_types_in,
    first_told,
    not_an_employer,
    other_kind_in,
)
from bot.domain.group_amounts import speaker_name
from bot.knowledge.answers import answer_text, decide
from intents.overrides import CONFIRMS_THEN_ASKS

# the worker's details a message may give several of at once
_DETAILS = ("name", "phone", "employer")

# "金字旁那个鑫", "嘉陵江那个嘉": how a character of the name is written, not what happened
_SPELLING = re.compile(
    r"字旁|字头|偏旁|那个[\u4e00-\u9fff]$|的那个|立早|弓长|口天|耳东|双木|三点水"
)


class ValidateMediationForm(
    MediationExtraction,
    DisputeTypeMixin,
    ServiceAction,
    SideQuestionsMixin,
    PersonSlotsMixin,
    FormValidationAction,
):
    """Checks each answer of the mediation request and runs the summary's edit loop."""

    side_topic = "调解"

    def name(self) -> str:
        return "validate_mediation_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        """The details an opening message gave are said back before the first question
        ("我要申请调解 姓名何美玲 电话187… 单位…" then "请选择纠纷类型" alone left the worker
        wondering whether anything was kept); a complete request goes straight to its summary."""
        opening = is_opening(tracker)
        before = {field: tracker.get_slot(field) for field in _DETAILS}
        total = group_sum_asked(tracker)
        rest = without_sum_asked(typed_text(tracker)) if total else ""
        requested = tracker.get_slot("requested_slot")
        listed = group_list_added(tracker) if total and only_the_list(rest) else None
        if listed and requested:
            # "3 people total. I'm owed 4500, Ma Li 4200, … how much is that altogether": the
            # total said, the list kept with what happened, the question asked again
            dispatcher.utter_message(text=total)
            # ("我叫冉小红欠我5200 何军欠6100 … 一共好多" at the name question: that name kept)
            own = speaker_name(rest) if requested == "name" else None
            kept = [SlotSet("name", own)] if own else []
            typed = [SlotSet(k, v) for k, v in list_kind(tracker, listed).items()]
            return [SlotSet("description", listed), SlotSet(requested, None), *kept, *typed]
        if total and rest:
            # "电话137… 厂是…有限公司 就是要把工资补齐 对了加起来一共好多钱": the group's
            # total said, the rest of the message answers the form
            dispatcher.utter_message(text=total)
            tracker.latest_message = {**tracker.latest_message, "text": rest}
        events = await super().run(dispatcher, tracker, domain)
        note = recognition_note(self.services.knowledge, typed_text(tracker)) if opening else None
        if note:  # "…老板说是我自己不小心 不认工伤 工会能帮我不": who recognises it, first
            dispatcher.utter_message(text=note)
        # (a correction with a question after it: "电话打错了 是139… 对了调解要好久嘛")
        # ("确认 要是调解的时候老板也不来咋个办": handed in, and the question answered)
        at_summary = tracker.get_slot("requested_slot") == "mediation_confirm"
        said = typed_text(tracker).strip()
        confirmed_asking = at_summary and (
            CONFIRMS_THEN_ASKS.match(said) or ASSENT_THEN_ASKS.match(said)
        )
        with_question = opening or corrected(tracker) or confirmed_asking
        asked = ASKED_AT_THE_END.search(typed_text(tracker)) if with_question else None
        question = asked.group(0) if asked and asked.start() > 0 else None
        if confirmed_asking:
            question = said[confirmed_asking.end() :]
        about_course = course_asked(self.services, question) if question else None
        if about_course:  # "确认 然后那个做面包的课在哪里上": the course asked about, answered
            text, code = about_course
            dispatcher.utter_message(text=text)
            events += [SlotSet(FOCUS_SLOT, code), SlotSet(LIST_SLOT, [code])]
        elif question:
            # "我想申请调解 我叫邓俊 电话199… 调解要是公司不认账咋办": the question answered too
            verdict, hits = decide(
                self.services.knowledge.search(question), self.services.config.retrieval
            )
            if verdict in ("answer", "likely"):
                top = hits[0].answer
                dispatcher.utter_message(text=answer_text(top, whole=True), faq=top.slug)
        slots = dict(tracker.slots)
        slots.update({e["name"]: e.get("value") for e in events if e.get("event") == "slot"})
        # "黄丽 177… 重庆顺通速运有限公司 我在那里送快递" at the name question: several details
        # at once are said back too, as from an opening message
        several = sum(1 for f in _DETAILS if slots.get(f) and slots.get(f) != before[f]) >= 2
        if (opening or several) and not all(slots.get(field) for field in EDITABLE):
            said = taken_from_opening(slots)
            if said:
                dispatcher.utter_message(text=said)
        return events

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> None:
        """ "我那个案子咋样了" while this request is still being filled: it is not handed in yet
        (the worker may think it was); anything else is a side question."""
        if latest_intent(tracker) == "mediation_status":
            dispatcher.utter_message(text=NOT_SUBMITTED_YET)
            return
        total = group_sum_asked(tracker)
        if total:  # "那我们加起来一共好多钱" after each one's sum was told
            dispatcher.utter_message(text=total)
            return
        super().answer(dispatcher, tracker, text)

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: dict[str, Any],
    ) -> list[str]:
        """After 修改, ask which field (edit_field) before confirming again."""
        if tracker.get_slot("mediation_confirm") is False or latest_entity(tracker, "edit_field"):
            slots = [s for s in domain_slots if s != "mediation_confirm"]
            return [*slots, "edit_field", "mediation_confirm"]
        return domain_slots

    def validate_edit_field(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> dict[str, Any]:
        """Clear the chosen field so the form asks it again, then shows the summary again."""
        field = str(value or "")
        if field == SUBMIT:
            return {"edit_field": None, "mediation_confirm": True}
        if field == NO_EDIT or corrected(tracker):
            # "单位名字写错了，应该是…": corrected in the same message, so the summary again
            return {"edit_field": None, "mediation_confirm": None}
        if field in EDITABLE:
            return {"edit_field": None, field: None, "mediation_confirm": None}
        return {"edit_field": None}

    def validate_mediation_confirm(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> dict[str, Any]:
        if corrected(tracker):
            return {"mediation_confirm": None}  # corrected in place: the summary again
        if value is True and not SEE_IT_FIRST.search(typed_text(tracker)):
            return {"mediation_confirm": True}
        if value is False:
            return {"mediation_confirm": False, "edit_field": None}
        return {"mediation_confirm": None}

    def validate_employer(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> dict[str, Any]:
        why = not_an_employer(str(value or ""))
        if (
            why is None
            and latest_intent(tracker) in ("affirm", "deny")
            and not re.search(r"[\u4e00-\u9fff]", str(value or ""))
            # (not a firm's name read, unsure, as a yes: "the school is Bright Future …")
            and not re.search(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,}", str(value or ""))
        ):
            why = "command"  # "Yes, that's correct." at the employer question: no company
        if why == "dispute_type":  # "加班费": the kind of dispute, given early
            kind = clean_dispute_type(str(value))
            dispatcher.utter_message(text=f"好的，纠纷类型记为{kind}。")
            return {"employer": None, "dispute_type": tracker.get_slot("dispute_type") or kind}
        if why == "command":  # "确认提交" before the request is complete
            dispatcher.utter_message(text="还差几项没填，填完会请您核对再提交。")
            return {"employer": None}
        if why == "demand":  # "要他把押金退给我": what is wanted, kept; the employer asked again
            told = clean_demand(str(value))
            dispatcher.utter_message(text="诉求我先记下了。")
            keep = {"demand": told} if told and not tracker.get_slot("demand") else {}
            return {"employer": None, **keep}
        if why == "story":  # what happened, told early: kept, and the employer asked again
            told = clean_description(str(value))
            dispatcher.utter_message(text="经过我先记下了。")
            before = tracker.get_slot("description")
            # (figures told after the story are added to it: "月工资5000 做了2年9个月")
            keep = (
                {"description": f"{before}；{told}" if before else told}
                if told and (not before or told not in str(before))
                else {}
            )
            return {"employer": None, **keep}
        employer = clean_employer(str(value or ""))
        if employer is None:
            dispatcher.utter_message(response="utter_invalid_employer")
            return {"employer": None}
        # "重庆建工第三建设有限公司 包工头叫李老三": the words after the name are kept with what
        # happened, for the mediator
        said = typed_text(tracker).strip()
        rest = (
            # ("…劳务有限公司的 拖了我们两个月": not the 的 that closes the company's phrase)
            re.sub(
                r"^的(?=[\s，,])", "", said[said.find(employer) + len(employer) :].strip()
            ).strip(" ，,。；;.")
            if employer in said
            else ""
        )
        story = tracker.get_slot("description")
        if both_names(employer, rest):
            return {"employer": both_names(employer, rest)}
        if told := short_story_with_wish(tracker, rest):  # ("火锅店 我要他把工资结了 一个月3800")
            return {"employer": employer, "description": told}
        if (
            len(rest) >= EMPLOYER_MIN * 2
            and story
            and rest not in story
            and not _SPELLING.search(rest)
            and not USE_THIS.fullmatch(rest)  # ("… 用这个名字": the name chosen, no story)
        ):
            more = clean_description(f"{story}；{rest}")
            if more:
                return {"employer": employer, "description": more}
        return {"employer": employer}

    def validate_description(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> dict[str, Any]:
        said = typed_text(tracker).strip()
        short = short_opening_story(opening_text(tracker, "mediation_form"))
        if short and nothing_to_add(said):
            value = said = short  # "就这些", "对的" after a short story in the opening: the story
        story = STORY_AFTER.search(said) if corrected(tracker) else None
        if story:
            # "单位名字写错了 应该是…有限公司 情况是这半年周末加班…": what happened, after it
            value = story.group("story")
        # (a short story the opening told is what happened, however short: "老板欠我工资")
        description = clean_description(str(value or "")) or (short if value == short else None)
        confirmed_asking = CONFIRMS_THEN_ASKS.match(said)
        if confirmed_asking:
            # "确认 到时候老板不来调解咋办" asked what happened: the question answered, the story
            # still to tell
            self.answer(dispatcher, tracker, said[confirmed_asking.end() :])
            dispatcher.utter_message(text="还差事情经过没填，填完会请您核对再提交。")
            return {"description": None}
        read = as_chinese(said)
        if (
            SUBMIT_WORDS.fullmatch(str(value or "").strip(" 。！!"))
            or is_assent(said)
            # ("Now it's right, submit it.", "hao le ti jiao": the same, in English or pinyin)
            or (read != said and (is_assent(read) or "确认提交" in read or "提交" in read))
        ):
            # "确认提交", "对头" asked what happened: not yet, this is the part still missing
            dispatcher.utter_message(text="还差事情经过没填，填完会请您核对再提交。")
            return {"description": None}
        kind = bare_type(said)
        if kind:
            # "拖欠工资", "好 类型是加班费" asked what happened: the kind is kept, the story asked
            dispatcher.utter_message(text=f"好的，纠纷类型记为{kind}。")
            return {"description": None, "dispute_type": kind, **self._demand_for(tracker, kind)}
        if description is None:
            if len(str(value or "").strip()) < DESCRIPTION_MIN:
                text = "内容有点少，调解员需要多了解一些情况。"
            else:
                text = f"内容超过{DESCRIPTION_MAX}字了，请精简一下，分重点说。"
            dispatcher.utter_message(text=text)
            return {"description": None}
        description = with_the_group(description, opening_text(tracker, "mediation_form"))
        lead = LEADING_TYPE.match(description)
        if lead and not tracker.get_slot("dispute_type"):
            # "解除劳动合同 干了三年说辞就辞了…": the kind named first, then the story
            description = clean_description(lead.group("story")) or description
        kind = tracker.get_slot("dispute_type") or (lead and lead.group("kind"))
        kind = kind or clean_dispute_type(description)
        kind = kind or other_kind_in(description)
        several = [] if kind else dispute_types_in(description)
        if len(several) > 1:
            # "试用期不合格把我辞了 工资还扣了一半": the kind told first is taken as the main
            # one, the others named; the summary lets the worker change it
            kind = first_told(description, several)
            others = "、".join(k for k in several if k != kind)
            dispatcher.utter_message(
                text=f"纠纷类型先记为{kind}（也涉及{others}，调解员会一并了解），核对时可以修改。"
            )
        # what happened is asked before the kind of dispute: a story that names one kind sets
        # it ("8月到10月的工资都没发" → 拖欠工资), and the type question is asked only when unclear
        typed = {"dispute_type": kind} if kind and not tracker.get_slot("dispute_type") else {}
        demand = tracker.get_slot("demand")
        if WANTS_THE_JOB_BACK.search(description) and (not demand or demand in PROPOSED):
            # "…昨天他们真的把我辞退了 我想回去上班 不想要赔偿": the job back, not the story
            return {"description": description, **typed, "demand": BACK_TO_WORK}
        wish = wish_in(description)
        if wish and (not demand or demand in PROPOSED):
            # "要求补发没签合同那几个月的二倍工资" asked what happened: that is the demand too
            return {"description": description, **typed, "demand": wish}
        proposed = proposed_demand(kind, description)
        if proposed and not demand:
            # "8月到10月的工资都没发": the demand is plain; proposed, and shown to confirm
            return {"description": description, **typed, "demand": proposed}
        return {"description": description, **typed}

    def validate_demand(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> dict[str, Any]:
        text = str(value or "").strip()
        told = tracker.get_slot("description")
        if corrected_description(tracker):
            return {"demand": previous_value(tracker, "demand")}  # a word of the story fixed
        if told and MORE_STORY.search(text) and not WISH_START.match(text) and not wish_in(text):
            # "去年12月进去的 当理货员 老板说签不签都一样" asked what the worker wants: more of
            # what happened, kept with it; the demand is asked again
            more = clean_description(f"{told} {text}")
            if more is not None:
                dispatcher.utter_message(text="好的，已补充到事情经过。")
                return {"description": more, "demand": None}
        relabelled = DEMAND_CORRECTION.search(text)
        # "诉求改一下 要二倍工资" at the demand question: the demand, without the label
        demand = clean_demand(relabelled.group("value") if relabelled else text)
        if demand is None and SUBMIT_WORDS.fullmatch(text.strip(" 。！!")):
            # "好 确认提交" asked what the worker wants: handed in with the mediator to ask it;
            # the summary shows it, and 修改 still changes it
            dispatcher.utter_message(text=f"好的，调解诉求先写为：{DEMAND_TO_ASK}。")
            return {"demand": DEMAND_TO_ASK}
        if demand is None:
            dispatcher.utter_message(text="请具体说说您希望得到什么结果。")
        return {"demand": demand}
