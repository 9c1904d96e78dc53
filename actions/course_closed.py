"""A course not open for enrolment, asked of: its learner still in the class gets the answer
(the closing only as a note after it); anyone else hears it has stopped enrolling and when the
next term is, with the open courses most like it that meet the conditions asked (split from
actions/course_followups.py)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.course_context import FOCUS_SLOT, narrows
from actions.course_filters import filter_from
from actions.course_list import category_buttons, show_page
from actions.message import understood_text
from bot.domain.course_questions import aspects
from bot.domain.course_running import running_answer
from bot.domain.courses import alike_meeting, closed_text
from bot.store import courses as repo
from bot.store.models import Course


def closed_reply(
    services: Any,
    dispatcher: CollectingDispatcher,
    s: Any,
    tracker: Tracker,
    course: Course,
    available: list[Course],
) -> list[EventType]:
    """What is said of a closed course asked of; the events after it."""
    text = understood_text(tracker)
    running = running_answer(course, aspects(text), text, services.today())
    if running is not None:
        # "这期好久完 还剩几次" from one in the class: the answer, the closing after
        dispatcher.utter_message(text=running)
        return [SlotSet(FOCUS_SLOT, course.code)]
    if narrows(tracker):
        # "周末有没得锻炼身体的课 太极拳还报得到不": and the open courses most like it that
        # meet the conditions asked
        wanted_filter = replace(filter_from(tracker), name=None)
        alike = alike_meeting(course, available, lambda c: repo.matches(c, wanted_filter))
        if alike:
            intro = closed_text(course) + "和它相近、现在可以报名的：\n"
            return show_page(dispatcher, s, alike, intro=intro)
    dispatcher.utter_message(
        text=closed_text(course) + "您可以按类别看看现在开放报名的课程：",
        buttons=category_buttons(available),
    )
    return [SlotSet(FOCUS_SLOT, course.code)]
