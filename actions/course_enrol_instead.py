"""Enrolling in the course in view, said in passing: "报" (read as nothing in particular), a
name and a phone number with no form open, or "那我自己去学嘛" after a course refused someone
else (split from actions/course_context.py); the course "报第二个", "就报这个", "我妹妹也想学" means."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet

from actions.course_context import FOCUS_SLOT, LIST_SLOT, in_course_context
from actions.message import latest_entity, previous_actions, typed_text, understood_text
from bot.domain.course_questions import ordinal, points_back
from bot.domain.people import enrolled_for
from intents.course_rules import switched_to_the_one_in_view

# "那我自己去学嘛", "那我来报": the course in view, for the worker instead of the one refused
_FOR_MYSELF = re.compile(
    r"^(?:那|那么|那就)?\s*(?:我自己|我来|换我|给我自己)\S{0,3}?(?:学|报|读|上)"
)


def enrol_instead(tracker: Tracker) -> list[EventType] | None:
    """Right after one course was shown, "报" (read as nothing in particular) or a name and a
    phone number (read as a form's answer with no form open) enrols in that course."""
    if not in_course_context(tracker) or just_enrolled(tracker):
        return None
    focus = tracker.get_slot(FOCUS_SLOT)
    codes = tracker.get_slot(LIST_SLOT) or []
    # "先报育婴员那个 罗春梅 138…" after another course: the one it names (its code found by
    # the form's validation, as for any course named)
    # ("那绘本的先不管 我先报手机拍视频那个": the course not set aside)
    from actions.course_filters import wanted_course

    named = wanted_course(tracker)
    course = named or focus or (codes[0] if len(codes) == 1 else None)
    text = typed_text(tracker).strip()
    if course and (
        JUST_ENROL.match(text) or _FOR_MYSELF.match(text) or latest_entity(tracker, "phone")
    ):
        return [SlotSet("course_id", str(course)), FollowupAction("enrolment_form")]
    return None


# "报", "我要报名", "就报这个嘛": enrolling, with the course on the screen
JUST_ENROL = re.compile(
    r"^(?:那|好|行|要得|可以)?[，,\s]*(?:我|就|那就)?(?:要|想)?报(?:名|一个|这个|个|上)?[吧嘛啊哈呀噻]?$"
)


def just_enrolled(tracker: Tracker) -> bool:
    """The bot's last turn enrolled the worker: the course stays in view for questions about
    it ("在哪个楼"), but "我要报名" now means another course. (A form that ended on a
    requirement not met runs the same action, and enrolled nobody.)"""
    return previous_actions(tracker, 1) == ["action_enrol_course"] and not _refused_last_turn(
        tracker
    )


def _refused_last_turn(tracker: Tracker) -> bool:
    """The bot's last turn ended the enrolment form on a requirement not met."""
    users = 0
    for e in reversed(tracker.events):
        if e.get("event") == "user":
            users += 1
            if users == 2:
                return False
        elif users == 1 and e.get("event") == "slot" and e.get("name") == "enrolment_refused":
            if e.get("value") is True:
                return True
    return False


# the course talked about before another subject, pointed back at
_BACK_TO = re.compile(
    r"回到刚才|刚才(?:那个|那门|那|的|说的|看的)|之前(?:那个|那门|说的|看的)|前面(?:那个|那门|说的)"
)

# someone else wants the same course: "我妹妹也想学", "帮她也报一个"
_ALSO_WANTS = re.compile(r"也(?:想|要)?(?:学|报|去|参加|上)(?!班)|也(?:给|帮)(?:她|他|我)")


def course_in_view(tracker: Tracker, text: str) -> str | None:
    """The code of the course "报第二个" or "就报这个" means, from the list in view."""
    # "您想报名哪一门？" with the page's buttons: "第一个" is the first of that page too
    asked_which = previous_actions(tracker, 1) == ["action_ask_course_id"]
    # (just enrolled: the same course again only for someone else, "我老婆罗芳也要去")
    in_context = in_course_context(tracker) and (
        not just_enrolled(tracker) or enrolled_for(text) is not None
    )
    focus = tracker.get_slot(FOCUS_SLOT)
    if (
        focus
        and (_BACK_TO.search(text) or _ALSO_WANTS.search(text))
        and not latest_entity(tracker, "course_name")
    ):
        # "那回到刚才那个 我报名" after a question on something else: the course talked about
        # ("我妹妹也想学 帮她也报一个 冉小梅 177…" after a question on leaving the job)
        return str(focus)
    if not (in_context or asked_which):
        return None
    codes = [str(c) for c in tracker.get_slot(LIST_SLOT) or []]
    position = ordinal(text)
    if position is not None:
        return (
            codes[-1]
            if position == -1 and codes
            else (codes[position - 1] if 1 <= position <= len(codes) else None)
        )
    focus = tracker.get_slot(FOCUS_SLOT)
    just_asked = previous_actions(tracker, 1) == ["action_course_followup"]
    if not in_context or (latest_entity(tracker, "course_name") and not points_back(text)):
        return None  # "叉车" names its own course, whatever was in view
    if focus and (points_back(text) or len(codes) <= 1 or just_asked):
        # "我要报名" right after a question about one course: that course
        return str(focus)
    return None


# a course of one's own asked to be dropped: "帮我把合唱退了嘛", "合唱我不报了", "取消 摄影 课程"
# (cancel my photography class); not "元旦那天合唱取消了吗" (whether a class is off)
_CANCEL_ASKED = re.compile(
    r"把[^，,。？?]{1,14}(?:退了|退掉|取消|删了|删掉|去掉|划掉)(?![吗没不])"
    r"|(?:我要|我想|帮我|给我|麻烦|请)(?:把)?(?:取消|退掉|退出)"
    r"|^[\s,，.。]*(?:请|麻烦)?\s*取消\s"
)


def cancel_named_instead(tracker: Tracker) -> list[EventType] | None:
    """A course named with a request to drop it: the cancellation (which says so when this
    chat holds no enrolment in it), never an enrolment or the course's card."""
    from actions.course_filters import wanted_course

    named = wanted_course(tracker)
    said = (typed_text(tracker).strip(), understood_text(tracker).strip())
    if not named or not any(map(_CANCEL_ASKED.search, said)):
        return None
    if switched_to_the_one_in_view(said[0]):
        return None  # "帮我把直播退了换这个": a change of course, the enrolment's
    return [SlotSet("course_name", named), FollowupAction("action_cancel_enrolment")]
