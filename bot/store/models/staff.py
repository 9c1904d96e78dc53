"""Staff accounts, login throttling, canned replies and satisfaction ratings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from bot.core.clock import utcnow
from bot.store.models.base import Base

ROLE_STAFF, ROLE_ADMIN, ROLE_MEDIATOR = "staff", "admin", "mediator"


class StaffUser(Base):
    """A union staff member who signs in to the console."""

    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16), default=ROLE_STAFF)
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)
    # bumped on logout and password change: every older session cookie stops working
    session_epoch: Mapped[int] = mapped_column(Integer, default=0)
    presence: Mapped[str] = mapped_column(String(8), default="away")
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime)
    # a mediator account is one mediator of the list (migration 0005); None for staff/admins
    mediator_id: Mapped[int | None] = mapped_column(ForeignKey("mediators.id"), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class LoginAttempt(Base):
    """Password checks per throttle counter (name+address or address) in the current window,
    shared by every server process (bot/staff/throttle.py)."""

    __tablename__ = "login_attempts"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CannedReply(Base):
    """A ready-made staff reply, inserted by typing / and its shortcut."""

    __tablename__ = "canned_replies"

    id: Mapped[int] = mapped_column(primary_key=True)
    shortcut: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Rating(Base):
    """A satisfaction question after a resolved conversation, and the worker's 1-5 answer."""

    __tablename__ = "ratings"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), index=True
    )
    staff: Mapped[str | None] = mapped_column(String(64))
    score: Mapped[int | None] = mapped_column(Integer)
    asked_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    rated_at: Mapped[datetime | None] = mapped_column(DateTime)
