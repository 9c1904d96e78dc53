"""A staff reply or union notice pushed to a worker through a Rasa server (docs/rasa.md).

workerbot's own channels push what staff and the union send a worker at once. When a Rasa
server runs the worker's conversation, the push goes through Rasa's HTTP API instead
(bot/channels/rasa_push.py): `trigger_intent` with the external intent
EXTERNAL_staff_message, the message in its entities. Its rule runs this action, which shows
it — the message as our store recorded it, so a worker who types the intent's payload
themselves cannot make the bot say anything. While the worker is held for staff, the form's
validation (actions/handoff_rasa.py) shows it instead, with everything else not yet seen,
and remembers it in handoff_seen so the next turn does not show it again.

workerbot's engine never receives this intent (its classifier has no examples of it and a
payload naming it is not understood).
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.identity import worker_from
from actions.message import latest_intent
from actions.services import ServiceAction
from bot.core.messages import Reply
from bot.staff.missed import shown_to_worker
from bot.store.models import EV_STAFF, EV_SYSTEM, Conversation, Event

PUSHED = "EXTERNAL_staff_message"
TEXT, BUTTONS = "staff_text", "staff_buttons"


def is_pushed(tracker: Tracker) -> bool:
    """The latest "message" is a push from our console through Rasa, not the worker's."""
    return latest_intent(tracker) == PUSHED


def pushed_text(tracker: Tracker) -> str:
    for e in (tracker.latest_message or {}).get("entities") or []:
        if e.get("entity") == TEXT and isinstance(e.get("value"), str):
            return e["value"]
    return ""


def utter(dispatcher: CollectingDispatcher, replies: list[Reply]) -> None:
    for reply in replies:
        dispatcher.utter_message(text=reply.get("text") or "", buttons=reply.get("buttons"))


class ActionStaffMessage(ServiceAction, Action):
    """The rule's action for EXTERNAL_staff_message outside a handoff (a case or waiting-list
    notice, a class reminder) and inside the other forms (the form asks its question again)."""

    def name(self) -> str:
        return "action_staff_message"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = pushed_text(tracker)
        if not text or not is_pushed(tracker):
            return []
        worker = worker_from(tracker)
        with self.services.db.read() as s:
            conversation_id = s.scalar(
                select(Conversation.id).where(
                    Conversation.channel == worker.channel,
                    Conversation.sender_id == worker.sender_id,
                )
            )
            if conversation_id is None:
                return []
            recent = s.scalars(
                select(Event)
                .where(
                    Event.conversation_id == conversation_id,
                    Event.type.in_((EV_STAFF, EV_SYSTEM)),
                    Event.text == text,
                )
                .order_by(Event.id.desc())
                .limit(1)
            ).all()
            reply = next((r for r in map(shown_to_worker, recent) if r is not None), None)
        if reply is not None:
            utter(dispatcher, [reply])
        return []
