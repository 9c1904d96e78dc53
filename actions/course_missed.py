"""A class the worker cannot come to, told after the course was talked about ("这礼拜六店头有
包席走不脱 那节课去不到咋个办", read as a question about work): the next class, and how to ask
for leave or a make-up class (bot/domain/course_running.py)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import button, buttons
from actions.course_context import FOCUS_SLOT
from actions.message import latest_entity, understood_text
from bot.domain.course_running import missed_class_text
from bot.store import courses as repo


def missed_class_instead(
    services: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[EventType] | None:
    """The answer for a class missed of the course named or last talked about; None when no
    class missed is told, or no course is in the conversation."""
    text = understood_text(tracker)
    named = latest_entity(tracker, "course_name")
    focus = tracker.get_slot(FOCUS_SLOT)
    if not (named or focus) or tracker.active_loop_name:
        return None
    with services.db.session() as s:
        course = repo.get_by_name(s, str(named)) if named else None
        course = course or repo.get_by_code(s, str(focus or ""))
        said = missed_class_text(course, text, services.today()) if course else None
        code = course.code if course else None
    if said is None:
        return None
    dispatcher.utter_message(text=said, buttons=buttons(button("转人工", "human_handoff")))
    return [SlotSet(FOCUS_SLOT, code)]
