"""Collecting the messages the bot did not answer well, in the turn's own transaction.

The engine and action_faq_feedback record them here; bot/misunderstood/ groups them and acts
on them for admins. Phone and ID numbers are masked, since admins browse the list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from bot.core.clock import utcnow
from bot.core.privacy import mask
from bot.store.models import MISS_OPEN, MisunderstoodMessage

MAX_TEXT_CHARS = 1000
FALLBACK_INTENTS = frozenset({"nlu_fallback", "out_of_scope"})


def clean_text(text: str, secrets: Iterable[str] = ()) -> str:
    """The worker's text as admins may see it: phone and ID numbers and known personal data masked."""
    return mask(text, secrets)[:MAX_TEXT_CHARS]


def miss_row(
    conversation_id: int | None,
    channel: str,
    text: str,
    reason: str,
    intent: str | None = None,
    confidence: float | None = None,
    faq_slug: str | None = None,
    secrets: Iterable[str] = (),
) -> dict[str, Any]:
    """One misunderstood_messages row (masked), ready for `record`."""
    return {
        "conversation_id": conversation_id,
        "channel": channel,
        "text": clean_text(text, secrets),
        "reason": reason,
        "intent": intent,
        "confidence": confidence,
        "faq_slug": faq_slug,
        "status": MISS_OPEN,
        "created_at": utcnow(),
    }


def record(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Store collected messages in the caller's transaction."""
    if rows:
        conn.execute(insert(MisunderstoodMessage.__table__), list(rows))
