"""The engine's hot path: load a conversation, check a retry, save a turn.

Every worker message goes through here, so it speaks to the database driver directly with
a few prepared SQL texts: SQLAlchemy's statement machinery costs several times more than
SQLite itself (see docs/benchmarks.md). The SQL is portable; only the placeholder style is
adapted to the driver (SQLite `:name`, psycopg `%(name)s`). Actions keep using the ORM
inside the same transaction.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import IntegrityError

from bot.store.models import utcnow

_SELECT = (
    "SELECT id, channel, sender_id, display_name, state, active_loop, slots, handoff_reason "
    "FROM conversations WHERE channel = :channel AND sender_id = :sender_id"
)
_SELECT_PROCESSED = (
    "SELECT replies FROM processed_messages "
    "WHERE conversation_id = :conversation_id AND message_id = :message_id"
)
_INSERT_CONVERSATION = (
    "INSERT INTO conversations (channel, sender_id, display_name, state, slots, created_at, "
    "updated_at) VALUES (:channel, :sender_id, :display_name, :state, :slots, :now, :now)"
)
_INSERT_EVENT = (
    "INSERT INTO events (conversation_id, created_at, type, text, data, message_id) "
    "VALUES (:conversation_id, :created_at, :type, :text, :data, :message_id)"
)
_INSERT_PROCESSED = (
    "INSERT INTO processed_messages (conversation_id, message_id, replies, created_at) "
    "VALUES (:conversation_id, :message_id, :replies, :now)"
)
_RECENT_EVENTS = (
    "SELECT type, text, data FROM events WHERE conversation_id = :conversation_id "
    "ORDER BY id DESC LIMIT :limit"
)
_UPDATABLE = {"slots", "active_loop", "state", "handoff_reason", "handoff_at", "display_name"}
_JSON_COLUMNS = {"slots"}
_PLACEHOLDER = re.compile(r":(\w+)")


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


def _json(value: Any) -> str | None:
    return None if value is None else orjson.dumps(value).decode()


def _loads(value: Any) -> Any:
    return orjson.loads(value) if isinstance(value, (str, bytes)) else value


class _Dialect:
    """Placeholder style and datetime form for the connection's driver."""

    def __init__(self, conn: Connection) -> None:
        self.sqlite = conn.dialect.name == "sqlite"
        self.pyformat = conn.dialect.paramstyle in ("pyformat", "format")
        self._cache: dict[str, str] = {}

    def sql(self, text: str) -> str:
        if not self.pyformat:
            return text
        if text not in self._cache:
            self._cache[text] = _PLACEHOLDER.sub(r"%(\1)s", text)
        return self._cache[text]

    def when(self, value: datetime) -> Any:
        """SQLAlchemy's own storage form on SQLite, a datetime elsewhere."""
        return value.strftime("%Y-%m-%d %H:%M:%S.%f") if self.sqlite else value


def _dialect(conn: Connection) -> _Dialect:
    # keyed by the engine itself, weakly: an id() is reused once an engine is gone, and a
    # PostgreSQL engine must never get a disposed SQLite engine's placeholder style
    found = _DIALECTS.get(conn.engine)
    if found is None:
        found = _DIALECTS[conn.engine] = _Dialect(conn)
    return found


_DIALECTS: weakref.WeakKeyDictionary[Engine, _Dialect] = weakref.WeakKeyDictionary()


def lock(conn: Connection, channel: str, sender_id: str, row_lock: bool) -> ConversationRow | None:
    """The worker's conversation; with row_lock (PostgreSQL) other messages of theirs wait."""
    d = _dialect(conn)
    sql = _SELECT + (" FOR UPDATE" if row_lock else "")
    row = conn.exec_driver_sql(d.sql(sql), {"channel": channel, "sender_id": sender_id}).first()
    if row is None:
        return None
    values = list(row)
    values[6] = _loads(values[6]) or {}
    return ConversationRow(*values)


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
    d = _dialect(conn)
    params = {
        "channel": channel,
        "sender_id": sender_id,
        "display_name": display_name,
        "state": state,
        "slots": _json(slots),
        "now": d.when(utcnow()),
    }
    try:
        with conn.begin_nested():
            conn.exec_driver_sql(d.sql(_INSERT_CONVERSATION), params)
    except IntegrityError:
        pass
    found = lock(conn, channel, sender_id, row_lock)
    assert found is not None
    return found


def processed_replies(conn: Connection, conversation_id: int, message_id: str) -> list[Any] | None:
    """The replies this conversation's message already got, if it was handled before (a retry).

    Message ids are the sender's own: another sender's message with the same id is new.
    """
    d = _dialect(conn)
    row = conn.exec_driver_sql(
        d.sql(_SELECT_PROCESSED), {"conversation_id": conversation_id, "message_id": message_id}
    ).first()
    return None if row is None else list(_loads(row[0]) or [])


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
    d = _dialect(conn)
    stamp = d.when(now or utcnow())
    if events:
        conn.exec_driver_sql(
            d.sql(_INSERT_EVENT),
            [
                {
                    "conversation_id": conv.id,
                    "created_at": stamp,
                    "type": e["type"],
                    "text": e.get("text"),
                    "data": _json(e.get("data")),
                    "message_id": e.get("message_id"),
                }
                for e in events
            ],
        )
    unknown = set(changes) - _UPDATABLE
    if unknown:
        raise ValueError(f"not updatable here: {sorted(unknown)}")
    params: dict[str, Any] = {"id": conv.id, "now": stamp}
    sets = ["last_message_at = :now", "updated_at = :now"]
    for column in sorted(changes):
        value = changes[column]
        if column in _JSON_COLUMNS:
            value = _json(value)
        elif isinstance(value, datetime):
            value = d.when(value)
        params[column] = value
        sets.append(f"{column} = :{column}")
    conn.exec_driver_sql(
        d.sql(f"UPDATE conversations SET {', '.join(sets)} WHERE id = :id"), params
    )
    if message_id:
        conn.exec_driver_sql(
            d.sql(_INSERT_PROCESSED),
            {
                "conversation_id": conv.id,
                "message_id": message_id,
                "replies": _json(replies),
                "now": stamp,
            },
        )


def recent_events(conn: Connection, conversation_id: int, limit: int) -> list[tuple[str, Any, Any]]:
    """The conversation's last events (type, text, data), oldest first, for a tracker."""
    d = _dialect(conn)
    rows = conn.exec_driver_sql(
        d.sql(_RECENT_EVENTS), {"conversation_id": conversation_id, "limit": limit}
    ).all()
    return [(t, x, _loads(data)) for t, x, data in reversed(rows)]
