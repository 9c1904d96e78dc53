"""Worker messages the bot did not understand well, for the admins' review loop."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.core.clock import utcnow
from bot.store.models.base import Base

# why a worker message is in the misunderstood list (MISS_FAQ_OPTIONS: the FAQ had only
# weak matches, offered as "您是想问…" options; MISS_FAQ: nothing close at all)
MISS_FALLBACK, MISS_LOW_CONFIDENCE, MISS_FAQ, MISS_FAQ_OPTIONS, MISS_NOT_HELPFUL = (
    "fallback",
    "low_confidence",
    "faq_miss",
    "faq_options",
    "not_helpful",
)
MISS_OPEN, MISS_RESOLVED, MISS_IGNORED = "open", "resolved", "ignored"


class MisunderstoodMessage(Base):
    """A worker message the bot did not understand well, for the admins' review loop."""

    __tablename__ = "misunderstood_messages"
    __table_args__ = (Index("ix_misunderstood_status", "status", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL")
    )
    channel: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(16))
    intent: Mapped[str | None] = mapped_column(String(64))
    confidence: Mapped[float | None] = mapped_column()
    faq_slug: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default=MISS_OPEN)
    resolution: Mapped[str | None] = mapped_column(String(200))
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
