"""The one writer of a conversation's state changes and worker notices outside the engine's turn.

A state change is always two things in one transaction: the conversation's `state` and an
`EV_STATE` event saying from, to and why (staff and the dashboard read the log). The engine's
own turn records the same event shape through `state_change` (bot/engine/runner.py `set_state`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from bot.core.clock import utcnow
from bot.store.models import EV_STATE, EV_SYSTEM, Conversation, Event


def state_change(before: str, after: str, reason: str) -> dict[str, str]:
    """The data of an EV_STATE event."""
    return {"from": before, "to": after, "reason": reason}


def transition(s: Session, conv: Conversation, to: str, reason: str) -> bool:
    """Move the (locked) conversation to `to` and log why; False when it already was there."""
    if conv.state == to:
        return False
    s.add(Event(conversation_id=conv.id, type=EV_STATE, data=state_change(conv.state, to, reason)))
    conv.state = to
    conv.updated_at = utcnow()
    return True


def notice_event(
    s: Session, conversation_id: int, text: str, buttons: list[Any] | None = None
) -> Event:
    """A message to the worker from the union (desk, admin, system), added to the log."""
    data: dict[str, Any] = {"notice": True}
    if buttons:
        data["buttons"] = buttons
    event = Event(conversation_id=conversation_id, type=EV_SYSTEM, text=text, data=data)
    s.add(event)
    return event
