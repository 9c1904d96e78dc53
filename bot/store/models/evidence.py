"""Files workers send for their cases, and the audit log of who viewed or removed them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.core.clock import utcnow
from bot.store.models.base import Base


class Evidence(Base):
    """A file a worker sent for a mediation case (the bytes live in the evidence folder).

    `case_id` is empty while the worker is asked which case it belongs to; `stored_name` is
    random (never the worker's name for it), so nothing about a file shows in the folder.
    """

    __tablename__ = "evidence"
    __table_args__ = (
        Index("ix_evidence_case", "case_id", "id"),
        Index("ix_evidence_case_sha", "case_id", "sha256"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("mediation_cases.id", ondelete="CASCADE")
    )
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL")
    )
    channel: Mapped[str] = mapped_column(String(16))
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    original_name: Mapped[str] = mapped_column(String(100))
    content_type: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    attached_at: Mapped[datetime | None] = mapped_column(DateTime)


class AuditEntry(Base):
    """Who looked at or removed personal data, and when (evidence views, retention deletes)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_target", "target_type", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    target_type: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
