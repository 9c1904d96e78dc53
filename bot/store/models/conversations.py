"""Conversations, the events of their log, and the messages already handled."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.core.clock import utcnow
from bot.store.models.base import Base

# conversation state machine values
STATE_BOT = "bot"
STATE_WAITING = "waiting_for_human"
STATE_WITH_HUMAN = "with_human"
STATE_CLOSED = "closed"
STATES = (STATE_BOT, STATE_WAITING, STATE_WITH_HUMAN, STATE_CLOSED)


class Conversation(Base):
    __tablename__ = "conversations"
    __table_args__ = (UniqueConstraint("channel", "sender_id", name="uq_conversation_sender"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    sender_id: Mapped[str] = mapped_column(String(128))
    display_name: Mapped[str | None] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(24), default=STATE_BOT, index=True)
    active_loop: Mapped[str | None] = mapped_column(String(64))
    slots: Mapped[dict[str, Any]] = mapped_column(default=dict)
    handoff_reason: Mapped[str | None] = mapped_column(String(64))
    handoff_at: Mapped[datetime | None] = mapped_column(DateTime)
    assigned_to: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    last_message_at: Mapped[datetime | None] = mapped_column(DateTime)
    # the staff console: when the current handoff was claimed, and when the worker was told
    # that nobody had claimed it yet (so that notice goes out once per handoff)
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime)
    unclaimed_notice_at: Mapped[datetime | None] = mapped_column(DateTime)


# event types in a conversation's log
EV_USER, EV_BOT, EV_ACTION, EV_SLOT, EV_STATE, EV_STAFF, EV_SYSTEM = (
    "user",
    "bot",
    "action",
    "slot",
    "state",
    "staff",
    "system",
)
# the `kind` in a bot event's data for what the desk said while staff held the conversation
HELD_REPLY = "while_held"
# ... and for what the bot said when a message answered the mediation desk
CASE_REPLY = "case_reply"
# staff-only events (never shown to the worker, never in a tracker) and satisfaction scores
EV_NOTE, EV_CONSOLE, EV_RATING = "note", "console", "rating"


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_conversation", "conversation_id", "id"),
        # the dashboard's per-day counts of one event type
        Index("ix_events_type_created", "type", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    type: Mapped[str] = mapped_column(String(16))
    text: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    message_id: Mapped[str | None] = mapped_column(String(128))


class ProcessedMessage(Base):
    """A message already handled, with the replies it got: a retry is answered from here.

    Keyed by the conversation (one sender on one channel) and the channel's message id, so a
    message id means something only for the sender who sent it (migration 0004). Kept
    `database.processed_messages_days`, then pruned by the desk's sweeper (message_ids.py).
    """

    __tablename__ = "processed_messages"
    # the retention job deletes the oldest first, a batch at a time (bot/store/message_ids.py)
    __table_args__ = (Index("ix_processed_messages_created", "created_at"),)

    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True
    )
    message_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    replies: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
