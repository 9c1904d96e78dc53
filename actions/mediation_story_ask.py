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

from actions.message import opening_text
from actions.opening import short_opening_story


class ActionAskMediationDescription(Action):
    def name(self) -> str:
        return "action_ask_mediation_form_description"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        short = short_opening_story(opening_text(tracker, "mediation_form"))
        if short:
            # ("我要申请调解 老板欠我两个月工资"): what was said is kept, the rest asked
            dispatcher.utter_message(
                text=f"您说的“{short}”已记下。请再简单说说发生了什么：什么时候开始、涉及多少钱、"
                "现在是什么情况；没有要补充的，回“就这些”。",
                buttons=[{"title": "就这些", "payload": "就这些"}],
            )
        elif tracker.get_slot("dispute_type"):
            dispatcher.utter_message(response="utter_ask_description")
        else:
            dispatcher.utter_message(response="utter_ask_description_or_type")
        return []
