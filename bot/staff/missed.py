"""Staff messages and desk notices for a worker whose channel cannot push (the REST channel).

A REST client only hears the answer to its own request, so a staff reply, a claim, a
hand-back or a case notice written while the worker was silent would never reach them. Their
next message shows what was written since their last one, before the bot's answer — as the
actions do for a worker on a Rasa server's rest channel (actions/handoff_rasa.py), so both
servers answer the same.

`mark` is read before the engine handles the message, `since` after it: what staff wrote
between the worker's previous message and this one is shown now; what they write while this
message is being handled comes after this message in the log and is shown with the next.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.core.messages import Reply
from bot.staff.outside import shown_to_worker
from bot.store.db import Database
from bot.store.models import EV_STAFF, EV_SYSTEM, EV_USER, Conversation, Event


def _conversation_id(s: Session, channel: str, sender_id: str) -> int | None:
    return s.scalar(
        select(Conversation.id).where(
            Conversation.channel == channel, Conversation.sender_id == sender_id
        )
    )


def mark(db: Database, channel: str, sender_id: str) -> int:
    """The id of the worker's latest message (0 before their first)."""
    with db.read() as s:
        conv = _conversation_id(s, channel, sender_id)
        if conv is None:
            return 0
        last = s.scalar(
            select(func.max(Event.id)).where(Event.conversation_id == conv, Event.type == EV_USER)
        )
        return int(last or 0)


def since(db: Database, channel: str, sender_id: str, after: int) -> list[Reply]:
    """Staff messages and desk notices written after the message `after` and before the
    worker's message that followed it (none when no message followed: a retry answered from
    the processed-message table)."""
    with db.read() as s:
        conv = _conversation_id(s, channel, sender_id)
        if conv is None:
            return []
        this = s.scalar(
            select(func.min(Event.id)).where(
                Event.conversation_id == conv, Event.type == EV_USER, Event.id > after
            )
        )
        if this is None:
            return []
        events = s.scalars(
            select(Event)
            .where(
                Event.conversation_id == conv,
                Event.id > after,
                Event.id < this,
                Event.type.in_((EV_STAFF, EV_SYSTEM)),
            )
            .order_by(Event.id)
        ).all()
        return [r for r in map(shown_to_worker, events) if r is not None]
