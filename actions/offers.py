"""Taking up what the bot just offered, in words: "好嘛", "要得 那我申请一个" or "那我重新申请一个"
right after a reply with a 申请调解 button is that button, as a person at the desk would take it.

The bot's last reply is read from the tracker (its buttons are in the bot event's data, as in
Rasa). A message takes up an offer when it names one of the offered things ("申请" for
申请调解), or, for a plain yes (intent `affirm`), when exactly one thing was offered.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.case_additions import addition_instead
from actions.case_instead import (
    NOT_WITHDRAWN,
    case_question_instead,
    status_by_phone_instead,
    withdrawal_instead,
)
from actions.course_context import followup_instead, named_course_instead
from actions.course_enrol_instead import cancel_named_instead, enrol_instead
from actions.form_resumed import resumed_form_instead
from actions.message import (
    as_chinese,
    last_bot_text,
    last_reply,
    latest_intent,
    previous_action,
    recent_bot_texts,
    typed_text,
)
from actions.policy_followups import policy_followup_instead
from actions.say_again import say_again_instead
from actions.services import ServiceAction
from actions.worked_out_retirement import RETIREMENT
from bot.domain.retirement import birth_month

# what an offered button starts, as data/rules.yml starts it for its intent (a test keeps
# the two in step), and the words that name it
OFFERS: dict[str, str] = {
    "mediation_request": "mediation_form",
    "human_handoff": "action_handoff",
    "course_search": "action_search_courses",
    "withdraw_case_confirm": "action_withdraw_case",
}
NAMES: dict[str, tuple[str, ...]] = {
    "mediation_request": ("申请", "调解", "办一个", "弄一个", "登记"),
    "human_handoff": ("人工", "工作人员", "真人", "客服"),
    "course_search": ("课程", "有啥课", "什么课", "哪些课"),
    "withdraw_case_confirm": (
        "确认撤回",
        "确定撤回",
        "撤回吧",
        "撤了吧",
        "撤销吧",
        # ("钱到账了 撤嘛")
        "撤嘛",
        "撤了嘛",
        "就撤",
    ),
}
MAX_CHARS = 20  # a longer message says something of its own
# "要在好久之内去申请" under 申请调解 after the injury answer: when, where or how to apply
# (for injury recognition) is asked, the offer is not taken up
_ASKS_WHEN_OR_HOW = re.compile(
    r"好久|多久|多长时间|几天|几个月|什么时候|啥时候|哪天|哪里|哪儿|去哪|哪个部门"
    r"|(?:怎么|咋个|咋|如何)(?:去)?申请|要带|带啥|带什么|材料"
)
_PHONE = re.compile(r"1[3-9]\d{9}")
# the worker's own details, or the group's spokesman's ("我当代表 我叫…")
_SPEAKS_FOR = re.compile(
    r"我当代表|我是代表|我来当代表|我叫|我是[\u4e00-\u9fff]{2,3}[\s，,]*(?:电话|手机)?\s*1"
    # ("hao bang wo shenqing. Xie Qiang, 185…": asked to file, the details given with it)
    r"|(?:帮我|给我|替我)(?:申请|登记)"
)
# what a plain yes may take up: not a human (人工服务 under "没太明白" is a way out, not a
# question; a "确认报名" there must not queue the worker for staff)
YES_TAKES = frozenset({"mediation_request", "course_search"})
# a question that asked to confirm (确认撤回 beside 不撤回 and 转人工): a plain yes confirms it
CONFIRMED_BY_YES = frozenset({"withdraw_case_confirm"})


def offered(tracker: Tracker) -> list[dict[str, Any]]:
    """The buttons of the bot's last reply before this message."""
    reply = last_reply(tracker)
    buttons = ((reply[-1].get("data") or {}).get("buttons") or []) if reply else []
    return [b for b in buttons if isinstance(b, dict)]


def _intent_of(payload: str) -> tuple[str, dict[str, Any]]:
    """`/intent{"entity": value}` -> (intent, entities)."""
    head, _, rest = (payload or "").lstrip("/").partition("{")
    try:
        entities = json.loads("{" + rest) if rest else {}
    except ValueError:
        entities = {}
    return head, entities if isinstance(entities, dict) else {}


# "想了哈还是要弄 凭啥子白干 我叫刘春梅 电话…" right after a form was cancelled: the worker
# changed their mind, the same form again (with what this message gives)
_CHANGED_MIND = re.compile(
    r"还是要|还是想|还是(?:申请|报|弄|办)|想了(?:哈|下|一下|想)|想好了|重新(?:来|申请|弄|填|报)|不怕了"
)
_CANCELLED = "已取消，刚才填的内容没有提交"


def cancelled_form(tracker: Tracker) -> str | None:
    """The form the bot's last reply cancelled, or None."""
    if _CANCELLED not in last_bot_text(tracker):
        return None
    names = [
        str(e.get("name"))
        for e in tracker.events
        if e.get("event") == "active_loop" and e.get("name")
    ]
    return names[-1] if names else None


# how many of the worker's messages back a cancelled form's answers are still taken up
KEPT_AFTER_CANCEL = 4


def kept_from_cancelled(tracker: Tracker, slot: str) -> Any:
    """ "唉 还是申请嘛 …" a message or two after "算了 先不申请了": what the cancelled form
    already held for `slot` (the worker is not asked again), or None."""
    users, passed = 0, False
    for e in reversed(tracker.events):
        kind = e.get("event")
        if kind == "user":
            users += 1
            if users > KEPT_AFTER_CANCEL:
                return None
        elif kind == "bot" and _CANCELLED in str(e.get("text") or ""):
            passed = True
        elif passed and kind == "slot" and e.get("name") == slot and e.get("value"):
            return e.get("value")
    return None


def changed_mind_instead(tracker: Tracker) -> list[EventType] | None:
    """The form just cancelled (or left for staff: "算了 等不到 还是接到填嘛"), started again,
    when the message says so."""
    form = cancelled_form(tracker)
    if form in ("mediation_form", "enrolment_form") and _CHANGED_MIND.search(typed_text(tracker)):
        return [FollowupAction(form)]
    return resumed_form_instead(tracker)


def taken_offer(tracker: Tracker) -> tuple[str, dict[str, Any]] | None:
    """(intent, entities) of the offered button this message takes up, or None."""
    text = typed_text(tracker)
    # ("ok i want to apply. my name is Daniel Wu, phone 135…": the details in English)
    if text and _PHONE.search(text) and _SPEAKS_FOR.search(as_chinese(text)):
        # "我当代表 我叫冉建华 电话159…" under 申请调解: the request, its details given
        details = [c for c in offered_intents(tracker) if c[0] == "mediation_request"]
        if details:
            return details[0]
    # a phone number given with it ("那我申请一个 陈国强 150…") adds nothing to the length
    if not text or len(_PHONE.sub("", text).strip()) > MAX_CHARS:
        return None
    if _ASKS_WHEN_OR_HOW.search(text):
        return None
    choices = offered_intents(tracker)
    # ("yes withdraw it": the words read in Chinese too)
    said = f"{text} {as_chinese(text)}"
    named = [c for c in choices if any(word in said for word in NAMES[c[0]])]
    if NOT_WITHDRAWN.search(text):
        # ("算了不撤了嘛", "不撤回"): never the withdrawal
        named = [c for c in named if c[0] != "withdraw_case_confirm"]
    if len(named) == 1:
        return named[0]
    confirms = [c for c in choices if c[0] in CONFIRMED_BY_YES]
    if not named and len(confirms) == 1 and latest_intent(tracker) == "affirm":
        return confirms[0]
    if (
        not named
        and len(choices) == 1
        and choices[0][0] in YES_TAKES
        and latest_intent(tracker) == "affirm"
    ):
        return choices[0]
    return None


def offered_intents(tracker: Tracker) -> list[tuple[str, dict[str, Any]]]:
    choices = [_intent_of(str(b.get("payload") or "")) for b in offered(tracker)]
    return [(intent, ents) for intent, ents in choices if intent in OFFERS]


def take_offer(tracker: Tracker, domain: dict[str, Any]) -> list[EventType] | None:
    """The events that start what the message takes up (slots from the button first)."""
    taken = taken_offer(tracker)
    if taken is None:
        return None
    intent, entities = taken
    slots = domain.get("slots") or {}
    events: list[EventType] = [SlotSet(k, v) for k, v in entities.items() if k in slots]
    return [*events, FollowupAction(OFFERS[intent])]


def meant_in_context(tracker: Tracker, domain: dict[str, Any]) -> list[EventType] | None:
    """What a message means in the conversation, before any other reading: a question about
    the courses in view ("要得 好久开始哦"), or the bot's last offer taken up ("那我申请一个")."""
    return (
        say_again_instead(tracker)  # "你刚才说的那些 再发一遍嘛 我没看清楚"
        or cancel_named_instead(tracker)  # "帮我把合唱退了嘛 电话136…": not an enrolment
        or enrol_instead(tracker)  # "那我自己来报 我三十五岁": enrolling, whatever else it says
        or followup_instead(tracker)
        or retirement_instead(tracker)
        or status_by_phone_instead(tracker)
        or case_question_instead(tracker)
        or cancel_listed_instead(tracker)
        or take_offer(tracker, domain)
        or withdrawal_instead(tracker)
        or addition_instead(tracker)  # "还有个事忘了说 …" after filing
        or named_course_instead(tracker)
    )


# "还是取消了嘛 晚上娃儿莫得人带": cancelling, not negated ("不取消")
_CANCELS = re.compile(r"(?<![不别莫])(?:取消|退了|退掉|不报了|不去了|不上了)")


JUST_ENROLLED = "action_enrol_course"


def cancel_listed_instead(tracker: Tracker) -> list[EventType] | None:
    """Right after the worker's enrolments were listed, a message that cancels is about them
    (the cancel action asks which when there are several)."""
    # ... and right after a cancellation, "是的 取消" repeats it: the cancel action says what
    # is left, instead of taking up the offer to look at courses
    # ... and right after an enrolment, "周三跑不脱 还是取消了嘛" takes back the one just made
    # ("a bu dui … 还是qu xiao ba": the pinyin read as Chinese too)
    said = f"{typed_text(tracker)} {as_chinese(typed_text(tracker))}"
    if previous_action(tracker) in (
        "action_my_enrolments",
        "action_cancel_enrolment",
        JUST_ENROLLED,
    ) and _CANCELS.search(said):
        return [FollowupAction("action_cancel_enrolment")]
    if (
        previous_action(tracker) == "action_course_followup"
        and _CANCELS.search(said)
        and any("报名成功" in t for t in recent_bot_texts(tracker, ENROLLED_TURNS))
    ):
        # "算了 那几个周末要加班 还是取消了嘛" after asking again where and when the course
        # just enrolled meets: that enrolment taken back
        return [FollowupAction("action_cancel_enrolment")]
    return None


ENROLLED_TURNS = 3


def retirement_instead(tracker: Tracker) -> list[EventType] | None:
    """ "那我老婆呢 76年6月的" right after the retirement answer: worked out by the policy
    answer, however the message was classified."""
    text = typed_text(tracker)
    if tracker.get_slot("last_faq") == RETIREMENT and birth_month(text):
        if previous_action(tracker) == "action_answer_policy":
            return [FollowupAction("action_answer_policy")]
    return None


class ActionAffirm(ServiceAction, Action):
    """A yes outside a form: takes up what was just offered, else says what the bot can do;
    right after a policy answer, a follow-up read as a yes ("是我自己不想休的呢") is answered."""

    def name(self) -> str:
        return "action_affirm"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if previous_action(tracker) == "action_cancel_enrolment" and _DONE.search(
            last_bot_text(tracker)
        ):
            # "确定" right after the cancellation was done: it is, say so (not a search)
            dispatcher.utter_message(
                text="好的，已经取消好了。想报其他课程，可以说“查课程”；还有别的问题也可以直接问我。"
            )
            return []
        meant = meant_in_context(tracker, domain) or policy_followup_instead(self.services, tracker)
        if meant:
            return meant
        dispatcher.utter_message(response="utter_help")
        return []


_DONE = re.compile(r"已为您取消")
