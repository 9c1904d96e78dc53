"""Storing a turn: the events, the conversation's changes and the replies, in one transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from bot.core.messages import Incoming
from bot.engine.turn import Turn
from bot.store import conversations, misunderstood
from bot.store.models import STATE_WAITING, utcnow


def persist(conn: Connection, turn: Turn, incoming: Incoming) -> None:
    """Store the turn: its events, the conversation's new slots, form and state, the message
    id with its replies (exactly once), and the message for the admins' review if any."""
    conv = turn.conversation
    changes: dict[str, Any] = {"slots": dict(turn.slots), "active_loop": turn.active_loop}
    if conv.state != turn.state:
        changes["state"] = turn.state
        if turn.state == STATE_WAITING:
            changes["handoff_reason"] = turn.handoff_reason
            changes["handoff_at"] = utcnow()
    if incoming.display_name and incoming.display_name != conv.display_name:
        changes["display_name"] = incoming.display_name  # at most 64: see sanitize.py
    conversations.save_turn(conn, conv, turn.rows, changes, incoming.message_id, turn.replies)
    if turn.miss is not None:
        misunderstood.record(conn, [turn.miss])


def compact(parse: dict[str, Any]) -> dict[str, Any]:
    """What is kept of a parse in the event log: enough for staff and for trackers."""
    return {
        "intent": parse.get("intent"),
        "entities": parse.get("entities") or [],
        "intent_ranking": (parse.get("intent_ranking") or [])[:3],
    }
