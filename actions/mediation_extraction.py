"""The mediation form's slot extraction: what a message gives for each field, also when it
answers another question ("刘德兵 鑫达五金厂的 …" at the name question), corrects an earlier
answer, or was told in the opening or just before it."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.corrections import (
    corrected_demand,
    corrected_description,
    corrected_dispute_type,
    corrected_employer,
    corrected_headcount,
    story_added,
)
from actions.demand_job_back import BACK_TO_WORK, WANTS_THE_JOB_BACK, money_instead
from actions.demand_pointed import sum_pointed_at, sum_wanted
from actions.employer_named import opening_employer
from actions.group_claims import group_list_added, list_kind, members_added
from actions.mediation_text import (
    PROPOSED,
    PROPOSED_DEMANDS,
    SUBMIT,
    SUBMIT_WORDS,
    field_from_text,
    wish_in,
)
from actions.message import (
    as_chinese,
    latest_entity,
    plain_answer,
    previous_value,
    typed_text,
)
from actions.offers import kept_from_cancelled
from actions.opening import (
    from_opening,
    is_opening,
    opening_demand,
    opening_name,
    told_before,
)
from actions.side_facts import story_told_aside
from actions.side_question_cues import is_side_question
from actions.story_so_far import employer_before, story_before
from actions.sum_fixed import story_with_sum_corrected, sum_corrected
from actions.told import (
    dispatch_employers,
    dispute_type_in,
    employer_in,
    same_as_before,
    told_in_form,
    without_phone_fix,
)
from actions.validators import (
    COMMON_SURNAMES,
    STORY_BEFORE_FIX,
    clean_description,
    clean_dispute_type,
    dispute_types_in,
    looks_like_employer,
    looks_like_name,
)
from bot.domain.group_amounts import amounts_each, group_total_text, speaker_name


def name_first(tracker: Tracker) -> str | None:
    """ "刘德兵 鑫达五金厂的 就是渝北那个" at the name question: the name first, more after it."""
    if tracker.get_slot("requested_slot") != "name" or previous_value(tracker, "name"):
        return None
    first, _, rest = typed_text(tracker).strip().partition(" ")
    name = looks_like_name(first) if rest.strip() and 2 <= len(first) <= 3 else None
    return name if name and name[0] in COMMON_SURNAMES else None


# where the demand is asked or shown, a wish is kept in the worker's own words instead
_OWN_WORDS_KEPT = frozenset({"demand", "mediation_confirm", "edit_field"})


def labelled_name(tracker: Tracker) -> str | None:
    """ "我姓刘 刘小梅 哦对了其实我不要补偿了…" at the name question: the name its words give,
    with more after it."""
    if tracker.get_slot("requested_slot") != "name" or previous_value(tracker, "name"):
        return None
    name = opening_name(typed_text(tracker))
    return name if name and name[0] in COMMON_SURNAMES else None


# a yes at the summary, then a question after 还有/对了 ("要得 还有 调解的时候我要本人去不")
ASSENT_THEN_ASKS = re.compile(
    r"^(?:好|好的|要得|对|对的|行|可以|嗯|没问题)[，,。\s]+(?:还有|另外|对了|顺便问下?|问下)"
    r"[，,。\s]*(?=\S{4,})"
)

# the employer's full name given at another question ("公司全名是…", "全称叫…")
_FULL_NAME = re.compile(r"全名|全称|正式名字|营业执照上")


class MediationExtraction:
    """The extract_<slot> methods of ValidateMediationForm (a rasa_sdk form finds them on
    the instance); put first among its bases, so their super() calls reach
    PersonSlotsMixin's."""

    async def extract_mediation_confirm(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """ "要得 还有 调解的时候我要本人去不" at the summary: a yes, then a question of its own
        (handed in; the question is answered by the form's run)."""
        if tracker.get_slot("requested_slot") != "mediation_confirm":
            return {}
        if ASSENT_THEN_ASKS.match(typed_text(tracker).strip()):
            return {"mediation_confirm": True}
        return {}

    async def extract_name(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """The name, also when given at another question ("我叫何建军" with the employer)."""
        found = await super().extract_name(dispatcher, tracker, domain)
        told = (
            None
            if found
            else told_in_form(tracker, "name")
            or name_first(tracker)
            or told_before(tracker, "name")
            or labelled_name(tracker)
            or same_as_before(tracker, "name")
            # ("一共4个人 我王德明欠5600 李小兵欠4800 …": the worker's own name in the list)
            or speaker_name(typed_text(tracker))
        )
        return {"name": told} if told else found

    async def extract_phone(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """The phone, also when given at another question ("13752048816 单位是…")."""
        found = await super().extract_phone(dispatcher, tracker, domain)
        told = (
            None
            if found
            else told_in_form(tracker, "phone")
            or told_before(tracker, "phone")
            or same_as_before(tracker, "phone")
        )
        return {"phone": told} if told else found

    async def extract_employer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """A company name at the employer question, even if it was classified as a question;
        in the opening message, the employer it names ("在某某建筑公司做钢筋工")."""
        fixed = corrected_employer(tracker)
        if fixed and fixed != tracker.get_slot("employer"):
            dispatcher.utter_message(text=f"好的，用人单位已改为{fixed}。")
            old, story = tracker.get_slot("employer"), tracker.get_slot("description")
            if old and story and old in story:  # the story says the corrected name too
                return {"employer": fixed, "description": story.replace(old, fixed)}
            return {"employer": fixed}
        typed = typed_text(tracker).strip()
        # "哦不对 公司是渝鑫建设 金字旁那个鑫" at the employer question: the name after its
        # label, not the whole message
        # ("捷运达物流公司 每个星期六都要上班 …": the company first, what happened after it)
        labelled = (
            employer_in(typed)  # (the labelled name first; a company before a worksite)
            if tracker.get_slot("requested_slot") == "employer" and " " in typed
            else None
        )
        # ("要是公司那边不来调解咋个办" at the employer question: a question naming 公司, no name)
        asked = is_side_question(typed, "employer") and not labelled
        employer = (
            from_opening(tracker, "employer")
            or labelled
            or (None if asked else looks_like_employer(plain_answer(tracker, "employer")))
        )
        kept = tracker.get_slot("employer")
        if not employer and kept and _FULL_NAME.search(typed):
            # "15086914473 哦对了 公司全名是重庆瑞安保安服务有限公司" after 瑞安保安: the full name
            fuller = opening_employer(typed)
            if fuller and str(kept) in fuller and fuller != kept:
                return {"employer": fuller}
        if not employer and tracker.get_slot("employer") is None:
            # named at another question: "我叫罗志强，电话…，在重庆鑫源机械厂上班",
            # "何建军 18375926608 南岸的重庆锐达电子有限公司"
            employer = (
                dispatch_employers(typed_text(tracker))
                or opening_employer(typed_text(tracker))
                or told_in_form(tracker, "employer")
                # ("唉 还是申请嘛 …" right after cancelling: the company given then)
                or (kept_from_cancelled(tracker, "employer") if is_opening(tracker) else None)
                # ("我在启航教育培训学校当老师 …" answered, then "我要申请调解 …")
                or employer_before(tracker)
            )
        return {"employer": employer} if employer else {}

    async def extract_dispute_type(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """A corrected dispute type, at any question (its mapping hears it only when asked)."""
        fixed = corrected_dispute_type(tracker)
        if fixed:
            return {"dispute_type": fixed}
        tapped = latest_entity(tracker, "dispute_type")
        payload = ((tracker.latest_message or {}).get("text") or "").startswith("/")
        if tapped and payload and tracker.get_slot("requested_slot") == "description":
            # a kind tapped under the question for what happened (the story is still asked)
            dispatcher.utter_message(text=f"好的，纠纷类型记为{tapped}。")
            return {"dispute_type": tapped}
        told = told_in_form(tracker, "dispute_type")  # a story told at another question
        if not told and is_opening(tracker):
            # "…公司上个月突然说不要我了…我想申请调解": a story in the opening names the kind,
            # or the story told just before it
            before = story_before(tracker)
            told = (
                dispute_type_in(typed_text(tracker))
                # ("my boss … keeps deducting my wages … I want to file": read in Chinese)
                or dispute_type_in(as_chinese(typed_text(tracker)))
                # (a story told in English kept as written: its kind read in Chinese)
                or (before and dispute_type_in(as_chinese(before)))
                # ("hi my boss hasnt paid me for 2 months": short once read, its kind all the same)
                or (
                    before
                    and as_chinese(before) != before
                    and clean_dispute_type(as_chinese(before))
                )
                or kept_from_cancelled(tracker, "dispute_type")
            )
        return {"dispute_type": told} if told else {}

    async def extract_description(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """The opening message, when it already tells what happened; a word of it corrected
        at another question ("搞错了 我是做了九年 不是八年")."""
        heads = corrected_headcount(tracker)
        if heads is not None:  # "人数说错了 是31个": the story says so, the summary shows it
            dispatcher.utter_message(text=f"好的，人数已更正为{heads}人。")
            return {"description": f"{tracker.get_slot('description')}；更正：一共{heads}个人"}
        story, said = tracker.get_slot("description"), typed_text(tracker)
        total = (
            sum_corrected(str(story or ""), said) if tracker.get_slot("requested_slot") else None
        )
        if total and story and tracker.get_slot("requested_slot") != "description":
            # "等一下 算错了 是三万六": the sum put right, shown at the summary asked again
            dispatcher.utter_message(text=f"好的，金额已更正为{total}。")
            fixed = story_with_sum_corrected(str(story), said)
            return {"description": fixed, "mediation_confirm": None}
        fixed = corrected_description(tracker)
        if fixed and fixed != tracker.get_slot("description"):
            # (a group's sums: the total again, "李小兵是4300 不是4800")
            pairs = amounts_each(fixed)
            total = group_total_text(pairs) if pairs else ""
            dispatcher.utter_message(text="好的，事情经过已更正。" + total)
            return {"description": fixed}
        told_first = STORY_BEFORE_FIX.match(typed_text(tracker).strip())
        if told_first and tracker.get_slot("requested_slot") == "description":
            # "8到10月只发了3000 … 哦对了公司名字打错了 是…" asked what happened: the story told
            # before the employer put right (extract_employer takes the name)
            story = clean_description(told_first.group("story"))
            if story and corrected_employer(tracker):
                return {"description": story}
        listed = group_list_added(tracker)
        if listed:  # "一共4个人 我王德明欠5600 李小兵欠4800 …": what each is owed, kept
            return {"description": listed, **list_kind(tracker, listed)}
        members = members_added(tracker)
        if members:  # "我叫陈国强 136… 还有李志勇 159… 何小平 177…": the workmates kept
            return {"description": members}
        added = story_added(tracker)
        if added and added != tracker.get_slot("description"):
            # "还有个事 他们也莫给我买社保 这个也一起写进去" at the summary: kept with what
            # happened, and its usual demand added to a demand the bot proposed
            dispatcher.utter_message(text="好的，已补充到事情经过。")
            return {"description": added, "mediation_confirm": None, **_demand_added(tracker)}
        if tracker.get_slot("description") and is_opening(tracker):
            # the request begun before a handoff, taken up again ("我先把申请交了 …"): what
            # happened was told then, and stays
            return {}
        typed = typed_text(tracker)
        before = story_before(tracker)
        if before and is_opening(tracker) and as_chinese(typed) != typed:
            # "ok I want mediation. name …, phone …, I want the 33000 …" after the story told
            # in English: the story told first, then what the request itself says
            own = from_opening(tracker, "description")
            both = clean_description(f"{before}；{own}") if own and own not in before else None
            return {"description": both or before}
        own = from_opening(tracker, "description")
        if before and own and own not in before and before not in own:
            # "入职的时候公司收了我2000押金 现在我走了他不退" answered, then "那申请嘛 我叫马骏
            # … 要他退2000押金": the story told first, then what the request itself says
            both = clean_description(f"{before}；{own}")
            if both:
                return {"description": both}
        told = (
            own
            or before
            or told_in_form(tracker, "description")
            or (kept_from_cancelled(tracker, "description") if is_opening(tracker) else None)
            or story_told_aside(tracker)
        )
        return {"description": told} if told else {}

    async def extract_demand(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """What the opening message asks for ("希望把工资补齐"); at the summary, a wish said in
        the worker's own words ("就想把钱要回来") replaces a proposed demand."""
        fixed = corrected_demand(tracker)
        if fixed:
            dispatcher.utter_message(text=f"好的，调解诉求已改为：{fixed}。")
            return {"demand": fixed}
        asked = tracker.get_slot("requested_slot")
        wanted_sum = (
            sum_wanted(tracker, typed_text(tracker)) if asked == "mediation_confirm" else None
        )
        if wanted_sum and wanted_sum != tracker.get_slot("demand"):
            # "那就要24800" at the summary, after the damages were worked out: the sum is the demand
            dispatcher.utter_message(text=f"好的，调解诉求改为：{wanted_sum}。")
            return {"demand": wanted_sum, "mediation_confirm": None}
        wanted = from_opening(tracker, "demand") or told_in_form(tracker, "demand")
        if wanted:
            # ("就要这个加班费": the sum just worked out)
            return {"demand": sum_pointed_at(tracker, wanted) or wanted}
        if (
            tracker.get_slot("requested_slot") not in _OWN_WORDS_KEPT
            and tracker.get_slot("demand") in PROPOSED | {None}
            and WANTS_THE_JOB_BACK.search(typed_text(tracker))
        ):
            # "哦对了其实我不要补偿了 我想回去继续上班" at any question: the job back, not money
            dispatcher.utter_message(text=f"好的，调解诉求改为：{BACK_TO_WORK}。")
            return {"demand": BACK_TO_WORK}
        money = money_instead(tracker)
        if money:
            # "我不回去了 我要他赔钱": the job back no longer wanted, the money instead
            dispatcher.utter_message(text=f"好的，调解诉求改为：{money}。")
            return {"demand": money, "mediation_confirm": None}
        if (
            tracker.get_slot("requested_slot") == "mediation_confirm"
            and tracker.get_slot("demand") in PROPOSED
        ):
            # ("重庆美佳… 我10月31号辞的职 … 要求把8400发给我": the sum asked, not the story)
            said = without_phone_fix(typed_text(tracker))
            asked_sum = opening_demand(said)
            own = asked_sum if asked_sum and re.search(r"\d", asked_sum) else None
            own = own or wish_in(said)
            if own:  # kept whole, in the worker's words
                dispatcher.utter_message(text="好的，调解诉求按您说的记。")
                return {"demand": own, "mediation_confirm": None}
        return {}

    async def extract_edit_field(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """This message's edit button, or the field named in words ("电话写错了")."""
        value = latest_entity(tracker, "edit_field")
        if value is None and tracker.get_slot("requested_slot") == "edit_field":
            text = typed_text(tracker)
            # "确认提交" asked what to change: nothing, and it is handed in
            value = (
                SUBMIT if SUBMIT_WORDS.fullmatch(text.strip(" 。！!")) else field_from_text(text)
            )
        return {"edit_field": value} if value else {}


def _demand_added(tracker: Tracker) -> dict[str, Any]:
    """The proposed demand of each dispute an addition names, joined to a proposed demand."""
    demand = tracker.get_slot("demand")
    if demand is not None and not all(part in PROPOSED for part in str(demand).split("；")):
        return {}  # the worker's own words stay as they are
    kinds = [
        k for k in dispute_types_in(typed_text(tracker)) if k != tracker.get_slot("dispute_type")
    ]
    parts = [p for p in str(demand or "").split("；") if p]
    parts += [
        PROPOSED_DEMANDS[k]
        for k in kinds
        if k in PROPOSED_DEMANDS and PROPOSED_DEMANDS[k] not in parts
    ]
    return {"demand": "；".join(parts)} if parts else {}
