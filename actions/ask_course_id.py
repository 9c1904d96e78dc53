"""The enrolment form's course question: one button per course in view."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import buttons
from actions.course_context import LIST_SLOT, SHOWN_SLOT
from actions.course_list import enrol_button
from actions.services import ServiceAction
from bot.store import courses as repo

# at most this many courses in view are offered as buttons at the course question
MAX_IN_VIEW = 5


class ActionAskCourseId(ServiceAction, Action):
    """Which course: with a few courses in view, one button each ("帮我报一个" after a list)."""

    def name(self) -> str:
        return "action_ask_course_id"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        codes = [str(c) for c in tracker.get_slot(LIST_SLOT) or []]
        shown = int(tracker.get_slot(SHOWN_SLOT) or len(codes))
        codes = codes[:shown][-MAX_IN_VIEW:]  # the page on the screen
        if len(codes) > 1:
            with self.services.db.session() as s:
                shown = [c for c in (repo.get_by_code(s, code) for code in codes) if c]
                items = [b for b in (enrol_button(c) for c in shown) if b]
            if items:
                dispatcher.utter_message(text="您想报名哪一门？请点一下：", buttons=buttons(*items))
                return []
        dispatcher.utter_message(response="utter_ask_course_id")
        return []
