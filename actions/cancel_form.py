"""Leaving a form without submitting it ("取消", "算了"), or, with no form open, what a
cancel means: an enrolment listed, a request filed, goodbye."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import menu
from actions.case_instead import withdrawal_instead
from actions.message import typed_text, understood_text
from actions.offers import cancel_listed_instead
from actions.services import ServiceAction
from actions.worked_out import worked_out_reply
from intents.overrides import CANCEL_FOR_NOW

KEEP_SLOTS = ("name", "phone")  # who the worker is survives a cancelled form
EXTRA_FORM_SLOTS = {"mediation_form": ("edit_field",), "enrolment_form": ("course_name",)}


def form_slots(form: str, domain: dict[str, Any]) -> list[str]:
    """The slots a form fills, except who the worker is."""
    spec = (domain.get("forms") or {}).get(form) or {}
    required = list(spec.get("required_slots") or []) if isinstance(spec, dict) else []
    slots = required + list(EXTRA_FORM_SLOTS.get(form, ()))
    return [s for s in slots if s not in KEEP_SLOTS]


_ABOUT_A_CASE = re.compile(r"调解|案子|案件")


class ActionCancelForm(ServiceAction, Action):
    """Leaves the active form without submitting anything; name and phone are kept."""

    def name(self) -> str:
        return "action_cancel_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        form = (tracker.active_loop or {}).get("name")
        if not form:
            # "还是取消嘛" after 我的报名; "我还是想撤回" after a request was filed
            listed = cancel_listed_instead(tracker) or withdrawal_instead(tracker)
            if listed:
                return listed
            if _ABOUT_A_CASE.search(typed_text(tracker)):
                # "我不想调解了" with no form open: the request already filed is meant
                return [FollowupAction("action_withdraw_case")]
            if worked_out_reply(self.services, tracker, understood_text(tracker)):
                # "等哈 我算了下 是7个月了" right after a sum (算了 read as never mind): the
                # figure put right, the sum worked out again
                return [FollowupAction("action_answer_policy")]
            if CANCEL_FOR_NOW.match(typed_text(tracker).strip()):  # "回头再说", no form: bye
                dispatcher.utter_message(response="utter_goodbye")
                return []
            dispatcher.utter_message(text="好的。还有什么可以帮您？", buttons=menu())
            return []
        dispatcher.utter_message(response="utter_form_cancelled")
        resets = [SlotSet(s, None) for s in form_slots(form, domain)]
        return [ActiveLoop(None), SlotSet("requested_slot", None), *resets]
