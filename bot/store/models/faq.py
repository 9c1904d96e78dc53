"""The FAQ knowledge base: entries, their revisions, and workers' feedback on answers."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from bot.core.clock import utcnow
from bot.store.models.base import Base


class FaqEntry(Base):
    __tablename__ = "faq_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(32), unique=True)
    question: Mapped[str] = mapped_column(String(200))
    alternates: Mapped[list[str]] = mapped_column(default=list)
    answer: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(32), index=True)
    source: Mapped[str] = mapped_column(String(200))
    effective_date: Mapped[date | None] = mapped_column(Date)
    enabled: Mapped[bool] = mapped_column(default=True)
    # the general rule of its category, answered first in a near-tie with a special case
    general: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


# what an FAQ revision records
REV_CREATE, REV_UPDATE, REV_DELETE, REV_RESTORE = "create", "update", "delete", "restore"


class FaqRevision(Base):
    """One saved state of an FAQ entry: who changed it, when, and the whole entry after it.

    Written by the ORM hook in bot/store/audit.py for every change from any code path; the
    previous revision of the same slug holds the old text.
    """

    __tablename__ = "faq_revisions"
    __table_args__ = (Index("ix_faq_revisions_slug", "slug", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    faq_id: Mapped[int | None] = mapped_column(Integer)
    slug: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(64), default="system")
    snapshot: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class FaqFeedback(Base):
    """A worker's 有帮助 / 没帮助 on a policy answer."""

    __tablename__ = "faq_feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL")
    )
    slug: Mapped[str] = mapped_column(String(32), index=True)
    helpful: Mapped[bool] = mapped_column()
    question: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
