"""The mediation form's question for what happened.

What happened is asked before the kind of dispute (a story usually tells the kind, which is
then not asked). While the kind is not known, the question carries the kinds as buttons, so a
worker who would rather tap than type can name it first; what happened is still asked after.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher


class ActionAskMediationDescription(Action):
    def name(self) -> str:
        return "action_ask_mediation_form_description"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if tracker.get_slot("dispute_type"):
            dispatcher.utter_message(response="utter_ask_description")
        else:
            dispatcher.utter_message(response="utter_ask_description_or_type")
        return []
