"""The staff side of a conversation: the handoff queue, staff messages, hand-back to the bot."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.messages import Push
from bot.store.db import Database
from bot.store.models import (
    EV_STAFF,
    EV_USER,
    STATE_BOT,
    STATE_WAITING,
    STATE_WITH_HUMAN,
    Conversation,
    Event,
)
from bot.store.transitions import notice_event, transition

RELEASED_TEXT = "人工服务已结束，接下来由小助手继续为您服务。有需要随时说“转人工”。"


@dataclass(frozen=True)
class QueueItem:
    conversation_id: int
    channel: str
    sender_id: str
    display_name: str | None
    state: str
    reason: str | None
    waiting_since: datetime | None
    last_message: str | None


class Desk:
    """Operations staff (or the CLI, until the console exists) perform on conversations."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @contextmanager
    def _conversation(self, conversation_id: int) -> Iterator[tuple[Session, Conversation]]:
        """The conversation, locked against the bot handling a message of this worker."""
        with self.db.read() as s:
            found = s.get(Conversation, conversation_id)
            if found is None:
                raise LookupError(f"no conversation {conversation_id}")
            key = f"{found.channel}:{found.sender_id}"
        with self.db.worker_lock(key), self.db.write_lock(), self.db.session() as s:
            conv = s.get(Conversation, conversation_id, with_for_update=not self.db.is_sqlite)
            if conv is None:
                raise LookupError(f"no conversation {conversation_id}")
            yield s, conv

    def queue(self) -> list[QueueItem]:
        """Conversations held for a human, oldest handoff first."""
        with self.db.read() as s:
            convs = s.scalars(
                select(Conversation)
                .where(Conversation.state.in_((STATE_WAITING, STATE_WITH_HUMAN)))
                .order_by(Conversation.handoff_at)
            ).all()
            items = []
            for c in convs:
                last = s.scalar(
                    select(Event.text)
                    .where(Event.conversation_id == c.id, Event.type == EV_USER)
                    .order_by(Event.id.desc())
                    .limit(1)
                )
                items.append(
                    QueueItem(
                        c.id,
                        c.channel,
                        c.sender_id,
                        c.display_name,
                        c.state,
                        c.handoff_reason,
                        c.handoff_at,
                        last,
                    )
                )
            return items

    def say(self, conversation_id: int, text: str, author: str = "staff") -> Push:
        """Record a staff message in the conversation and return it for delivery."""
        with self._conversation(conversation_id) as (s, conv):
            if conv.state == STATE_WAITING:
                transition(s, conv, STATE_WITH_HUMAN, author)
                conv.assigned_to = author
            s.add(Event(conversation_id=conv.id, type=EV_STAFF, text=text, data={"author": author}))
            return Push(conv.id, conv.channel, conv.sender_id, {"text": text})

    def release(self, conversation_id: int, author: str = "staff") -> Push:
        """Hand a conversation back to the bot and tell the worker so."""
        with self._conversation(conversation_id) as (s, conv):
            transition(s, conv, STATE_BOT, f"released by {author}")
            conv.assigned_to = None
            conv.handoff_reason = None
            notice_event(s, conv.id, RELEASED_TEXT)
            return Push(conv.id, conv.channel, conv.sender_id, {"text": RELEASED_TEXT})
