"""Messages another handler was given that are about courses: a child's course, a place near
the worker, whether a child may join the course in view, a course wanted in other words. Each
returns the course action to run instead, or None."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction

from actions.course_context import FOCUS_SLOT, in_course_context
from actions.message import recent_user_texts, typed_text


def child_course_instead(tracker: Tracker) -> list[EventType] | None:
    """ "那小的可以去啥子" after "大的9岁 小的4岁": courses for that child, searched (the
    search reads the child's age from the earlier message)."""
    from bot.domain.course_ages import age_told_before, child_named

    who = child_named(typed_text(tracker))
    if who and age_told_before(who, recent_user_texts(tracker, 6)) is not None:
        return [FollowupAction("action_search_courses")]
    return None


# "我住城南那边 离城南近的有没得" after a list: the list narrowed by the place (the search
# action reads the place against the venues)
_NEAR = re.compile(
    r"附近|近点|近一点|近的|离[^，,。]{1,6}近|那边的|这边的|住在?[^，,。]{1,6}(?:那边|这边|附近)"
)


def near_instead(tracker: Tracker) -> list[EventType] | None:
    if in_course_context(tracker) and _NEAR.search(typed_text(tracker)):
        return [FollowupAction("action_search_courses")]
    return None


# "我娃儿才5岁 可以去不" after a children's course was shown (a question answered in between):
# whether the child may join that course, not whether a child may work
_CAN_JOIN = re.compile(r"可以去|能去|去得了|能报|可以报|报得了|收不收|能不能去|能参加|可以参加")


def child_can_join_instead(tracker: Tracker) -> list[EventType] | None:
    from bot.domain.course_ages import child_age

    text = typed_text(tracker)
    focus = tracker.get_slot(FOCUS_SLOT)
    if focus and child_age(text) is not None and _CAN_JOIN.search(text):
        return [FollowupAction("action_course_followup")]
    return None


# "想考个证出去好找点工作 工会有啥子证可以考": a course wanted, in words the FAQ has no entry
# for (a certificate, a trade to learn), when the FAQ has no sure answer
_COURSE_WANTED = re.compile(
    r"考(?:个|一个|些|啥子|什么|哪些)?证|(?:啥子|什么|哪些)证(?:可以|能)?考"
    r"|学(?:门|个|点)(?:手艺|技术)|培训班|(?:有|开)(?:啥子|什么|哪些)(?:课|班|培训)"
)


def course_wanted_instead(tracker: Tracker) -> list[EventType] | None:
    if _COURSE_WANTED.search(typed_text(tracker)):
        return [FollowupAction("action_search_courses")]
    return None
