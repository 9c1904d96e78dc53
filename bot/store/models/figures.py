"""Local figures that answers quote."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.core.clock import utcnow
from bot.store.models.base import Base


# -- local figures that answers quote (migration 0009) --------------------------------------
class LocalFigure(Base):
    """One local figure (a minimum wage tier, the high-temperature allowance, a leave length)
    from one official notice, in force from `effective_from` (to `effective_to`, if set).
    A key keeps its older rows: an answer quotes the row in force on the day it is asked."""

    __tablename__ = "local_figures"
    __table_args__ = (
        UniqueConstraint("key", "region", "effective_from", name="uq_local_figures_row"),
        Index("ix_local_figures_key", "key", "effective_from"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(48))
    region: Mapped[str] = mapped_column(String(100), default="")
    label: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(String(32))
    unit: Mapped[str] = mapped_column(String(16), default="")
    effective_from: Mapped[date] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
