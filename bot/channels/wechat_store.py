"""What the WeChat channel keeps in the database, shared by every server process.

The `meta` key/value table holds the access token (wechatpy's SessionStorage), the numbered
options last offered to each worker, which messages were answered through the
customer-service API, and the signed queries already used (wechat_nonces.py). Closing a conversation on unsubscribe and marking a push undelivered
write to the conversation under the engine's own locks.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.orm import Session
from wechatpy.session import SessionStorage

from bot.store.db import Database
from bot.store.meta import MetaStore, meta_key
from bot.store.models import (
    EV_SYSTEM,
    STATE_CLOSED,
    Conversation,
    Event,
)
from bot.store.transitions import transition

CHANNEL = "wechat"


class OfferedOptions:
    """The payloads a worker's numbers stand for: the options offered to them last."""

    PREFIX = "wx:opts:"

    def __init__(self, meta: MetaStore) -> None:
        self.meta = meta

    def offered(self, openid: str) -> list[str]:
        raw = self.meta.get(meta_key(self.PREFIX, openid))
        if not raw:
            return []
        value = orjson.loads(raw)
        return [p for p in value if isinstance(p, str)] if isinstance(value, list) else []

    def remember(self, openid: str, payloads: list[str], previous: list[str] | None = None) -> None:
        """Store the options just offered (skipped when nothing changed)."""
        if previous is not None and payloads == previous:
            return
        if payloads:
            self.meta.put(meta_key(self.PREFIX, openid), orjson.dumps(payloads).decode())
        else:
            self.forget(openid)

    def forget(self, openid: str) -> None:
        self.meta.delete(meta_key(self.PREFIX, openid))


class MetaSessionStorage(SessionStorage):
    """wechatpy's token cache in the database: every process uses one access token.

    Values expire `refresh_margin` before WeChat's own expiry, so a token is refreshed while
    the old one still works.
    """

    PREFIX = "wx:s:"

    def __init__(self, db: Database, refresh_margin: int = 300) -> None:
        self.meta = MetaStore(db)
        self.refresh_margin = refresh_margin

    def get(self, key: str, default: Any = None) -> Any:
        raw = self.meta.get(meta_key(self.PREFIX, key))
        if raw is None:
            return default
        item = orjson.loads(raw)
        if item.get("stale") is not None and time.time() >= item["stale"]:
            return default
        return item["v"]

    def set(self, key: str, value: Any, ttl: int | None = None) -> None:
        if value is None:
            return
        item: dict[str, Any] = {"v": value, "stale": None}
        if ttl:
            margin = min(self.refresh_margin, int(ttl) // 10)
            item["stale"] = time.time() + int(ttl) - margin
        self.meta.put(meta_key(self.PREFIX, key), orjson.dumps(item).decode())

    def delete(self, key: str) -> None:
        self.meta.delete(meta_key(self.PREFIX, key))


@contextmanager
def _locked_conversation(
    db: Database, openid: str
) -> Iterator[tuple[Session, Conversation | None]]:
    """The worker's conversation under the same locks the engine takes for their messages."""
    with db.worker_lock(f"{CHANNEL}:{openid}"), db.write_lock(), db.session() as s:
        query = select(Conversation).where(
            Conversation.channel == CHANNEL, Conversation.sender_id == openid
        )
        if not db.is_sqlite:
            query = query.with_for_update()
        yield s, s.scalar(query)


def close_conversation(db: Database, openid: str, reason: str = "unsubscribed") -> bool:
    """Set the worker's conversation to closed (leaving any form); False if nothing to close."""
    with _locked_conversation(db, openid) as (s, conv):
        if conv is None or conv.state == STATE_CLOSED:
            return False
        transition(s, conv, STATE_CLOSED, reason)
        conv.active_loop = None
        conv.assigned_to = None
        if (conv.slots or {}).get("requested_slot") is not None:
            conv.slots = {**conv.slots, "requested_slot": None}
        return True


def record_undelivered(db: Database, conversation_id: int, reason: str) -> None:
    """Mark in the conversation's log that a push did not reach the worker (for staff)."""
    with db.write_lock(), db.session() as s:
        s.add(
            Event(
                conversation_id=conversation_id,
                type=EV_SYSTEM,
                data={"undelivered": CHANNEL, "reason": reason},
            )
        )


def push_window(db: Database, openid: str) -> tuple[str | None, datetime | None]:
    """The conversation's state and the time of the worker's last message (None if unknown)."""
    with db.read() as s:
        row = s.execute(
            select(Conversation.state, Conversation.last_message_at).where(
                Conversation.channel == CHANNEL, Conversation.sender_id == openid
            )
        ).first()
    return (row[0], row[1]) if row else (None, None)


def conversation_state(db: Database, openid: str) -> str | None:
    """The worker's conversation state (None before their first message)."""
    return push_window(db, openid)[0]


def note_undelivered(db: Database, openid: str, reason: str) -> None:
    """record_undelivered for a worker known by openid (nothing if they have no conversation)."""
    with db.read() as s:
        conversation_id = s.scalar(
            select(Conversation.id).where(
                Conversation.channel == CHANNEL, Conversation.sender_id == openid
            )
        )
    if conversation_id is not None:
        record_undelivered(db, conversation_id, reason)
