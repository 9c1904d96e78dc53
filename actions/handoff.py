"""Handing a worker to the service centre's staff, with an honest place in the queue."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, ConversationPaused, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import func, select

from actions.identity import worker_from
from actions.message import latest_intent
from actions.services import ServiceAction
from bot.store.models import STATE_WAITING, Conversation

FORM_CONTROL_SLOTS = ("mediation_confirm", "edit_field")
REASONS_BY_INTENT = {"human_handoff": "asked", "frustrated": "frustrated"}


def handoff_reason(tracker: Tracker) -> str:
    """What the worker said now wins; otherwise what the fallback recorded; else they asked."""
    intent = latest_intent(tracker)
    if intent in REASONS_BY_INTENT:
        return REASONS_BY_INTENT[intent]
    return tracker.get_slot("handoff_reason") or "asked"


def queue_text(ahead: int) -> str:
    if ahead <= 0:
        return "已为您转接人工服务，您前面没有人在等，工作人员会尽快回复您。"
    return f"已为您转接人工服务，前面还有 {ahead} 位，工作人员会按顺序尽快回复您。"


class ActionHandoff(ServiceAction, Action):
    """Pauses the bot so staff take over; leaves any form but keeps what was filled."""

    def name(self) -> str:
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        worker = worker_from(tracker)
        with self.services.db.session() as s:
            ahead = (
                s.scalar(
                    select(func.count(Conversation.id)).where(
                        Conversation.state == STATE_WAITING,
                        ~(
                            (Conversation.channel == worker.channel)
                            & (Conversation.sender_id == worker.sender_id)
                        ),
                    )
                )
                or 0
            )
        dispatcher.utter_message(
            text=queue_text(ahead) + "\n您可以继续留言说明情况，消息都会转给工作人员。"
        )
        events: list[EventType] = [SlotSet("handoff_reason", handoff_reason(tracker))]
        if (tracker.active_loop or {}).get("name"):
            # what the worker typed is kept for staff; only the form's own state is dropped
            events += [ActiveLoop(None)]
            events += [SlotSet(s, None) for s in ("requested_slot", *FORM_CONTROL_SLOTS)]
        return [*events, ConversationPaused()]
