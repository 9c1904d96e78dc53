"""Enrolling in the course in view, said in passing: "报" (read as nothing in particular), a
name and a phone number with no form open, or "那我自己去学嘛" after a course refused someone
else (split from actions/course_context.py)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet

from actions.course_context import (
    FOCUS_SLOT,
    JUST_ENROL,
    LIST_SLOT,
    in_course_context,
    just_enrolled,
)
from actions.message import latest_entity, typed_text

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
