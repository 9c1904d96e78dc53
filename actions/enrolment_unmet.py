"""A requirement told unmet in the middle of the enrolment form: "我只有高中毕业证 能读不嘛"
asked at the name question of 专升本 (which needs a 大专 certificate) ends the form with the
reason and what fits instead, as when the course is chosen by someone who said so first."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.course_context import FOCUS_SLOT
from actions.enrolment_refusals import requirement_unmet
from actions.message import TOLD_BEFORE, recent_user_texts, typed_text
from bot.domain.course_requirements import tells_about, unmet
from bot.domain.people import enrolled_for
from bot.store import courses as repo


def refused_midway(
    services: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[EventType] | None:
    """The form's end, said why, when this message (past the course question) tells the
    worker's own schooling or age and it does not meet the course being enrolled in; None
    otherwise (nothing told, requirements met, or someone else enrolled: their own slots)."""
    code = str(tracker.get_slot("course_id") or "")
    said = typed_text(tracker)
    if not code or tracker.get_slot("requested_slot") in (None, "course_id"):
        return None
    if not tells_about(said) or enrolled_for(said):
        return None
    with services.db.session() as s:
        course = repo.get_by_code(s, code)
        if course is None:
            return None
        reason = unmet(course, said, recent_user_texts(tracker, TOLD_BEFORE))
        if reason is None:
            return None
        available = repo.open_courses(s, services.today())
        instead = requirement_unmet(dispatcher, course, reason, available, tracker)
        # "那个大专班学费好多" next is about the one suggested
        focus = instead[0] if len(instead) == 1 else course
        return [
            SlotSet("course_id", None),
            SlotSet(FOCUS_SLOT, focus.code),
            SlotSet("enrolment_refused", True),
            SlotSet("requested_slot", None),
        ]
