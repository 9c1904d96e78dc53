"""The engine's hot path in SQLAlchemy Core: load a conversation, check a retry, save a turn.

Every message goes through here, so it avoids the ORM unit of work (a handful of plain
statements instead); actions keep using the ORM inside the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from bot.store.models import Conversation, Event, ProcessedMessage, utcnow

_conv = Conversation.__table__
_events = Event.__table__
_processed = ProcessedMessage.__table__
_COLUMNS = (
    _conv.c.id,
    _conv.c.channel,
    _conv.c.sender_id,
    _conv.c.display_name,
    _conv.c.state,
    _conv.c.active_loop,
    _conv.c.slots,
    _conv.c.handoff_reason,
)


# built once: constructing statements costs more than running them on SQLite
_SELECT = select(*_COLUMNS).where(
    _conv.c.channel == bindparam("p_channel"), _conv.c.sender_id == bindparam("p_sender")
)
_SELECT_FOR_UPDATE = _SELECT.with_for_update()
_SELECT_PROCESSED = select(_processed.c.replies).where(
    _processed.c.channel == bindparam("p_channel"), _processed.c.message_id == bindparam("p_id")
)
_INSERT_CONV = insert(_conv)
_INSERT_EVENTS = insert(_events)
_INSERT_PROCESSED = insert(_processed)
_UPDATE_CONV = update(_conv).where(_conv.c.id == bindparam("p_id"))


@dataclass
class ConversationRow:
    id: int
    channel: str
    sender_id: str
    display_name: str | None
    state: str
    active_loop: str | None
    slots: dict[str, Any]
    handoff_reason: str | None


def lock(conn: Connection, channel: str, sender_id: str, row_lock: bool) -> ConversationRow | None:
    """The worker's conversation; with row_lock (PostgreSQL) other messages of theirs wait."""
    stmt = _SELECT_FOR_UPDATE if row_lock else _SELECT
    row = conn.execute(stmt, {"p_channel": channel, "p_sender": sender_id}).first()
    return ConversationRow(*row) if row else None


def create(
    conn: Connection,
    channel: str,
    sender_id: str,
    display_name: str | None,
    state: str,
    slots: dict[str, Any],
    row_lock: bool,
) -> ConversationRow:
    """First contact: a new conversation (or the one another process created a moment ago)."""
    now = utcnow()
    try:
        with conn.begin_nested():
            conn.execute(
                insert(_conv).values(
                    channel=channel,
                    sender_id=sender_id,
                    display_name=display_name,
                    state=state,
                    slots=slots,
                    created_at=now,
                    updated_at=now,
                )
            )
    except IntegrityError:
        pass
    found = lock(conn, channel, sender_id, row_lock)
    assert found is not None
    return found


def processed_replies(conn: Connection, channel: str, message_id: str) -> list[Any] | None:
    """The replies a message already got, if it was handled before (a retry)."""
    row = conn.execute(
        select(_processed.c.replies).where(
            _processed.c.channel == channel, _processed.c.message_id == message_id
        )
    ).first()
    return None if row is None else list(row[0] or [])


def save_turn(
    conn: Connection,
    conv: ConversationRow,
    events: list[dict[str, Any]],
    changes: dict[str, Any],
    message_id: str | None,
    replies: list[Any],
    now: datetime | None = None,
) -> None:
    """Persist one message's events, the conversation's new state and the retry record."""
    now = now or utcnow()
    if events:
        for e in events:
            e.setdefault("created_at", now)
        conn.execute(insert(_events), events)
    conn.execute(
        update(_conv)
        .where(_conv.c.id == conv.id)
        .values(last_message_at=now, updated_at=now, **changes)
    )
    if message_id:
        conn.execute(
            insert(_processed).values(
                channel=conv.channel,
                message_id=message_id,
                conversation_id=conv.id,
                replies=replies,
                created_at=now,
            )
        )
