"""Mediation cases: the case, its timeline, sessions, a mediator's questions, mediators."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from bot.core.clock import utcnow
from bot.store.models.base import Base

CASE_STATUS_LABELS = {
    "submitted": "待受理",
    "accepted": "已受理",
    "mediating": "调解中",
    "succeeded": "调解成功",
    "failed": "调解不成",
    "arbitration_advised": "建议仲裁",
    "withdrawn": "已撤回",
    "closed": "已结案",
}


class MediationCase(Base):
    __tablename__ = "mediation_cases"
    __table_args__ = (Index("ix_cases_worker", "channel", "sender_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_no: Mapped[str] = mapped_column(String(32), unique=True)
    conversation_id: Mapped[int | None] = mapped_column(ForeignKey("conversations.id"))
    channel: Mapped[str] = mapped_column(String(16))
    sender_id: Mapped[str] = mapped_column(String(128))
    name: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(20))
    employer: Mapped[str] = mapped_column(String(128))
    dispute_type: Mapped[str] = mapped_column(String(16), index=True)
    description: Mapped[str] = mapped_column(Text)
    demand: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(24), default="submitted", index=True)
    mediator: Mapped[str | None] = mapped_column(String(64))
    mediator_id: Mapped[int | None] = mapped_column(ForeignKey("mediators.id"), index=True)
    # the mediators' desk (migration 0005): the firm whose queue holds an unassigned case,
    # when the committee accepted it (the 15-day limit of 调解仲裁法 第十四条 runs from that
    # day) and, after a failed mediation, the last day to apply for arbitration (第二十七条)
    law_firm: Mapped[str | None] = mapped_column(String(128), index=True)
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime)
    arbitration_by: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    updates: Mapped[list[CaseUpdate]] = relationship(
        back_populates="case", order_by="CaseUpdate.id", cascade="all, delete-orphan"
    )


# what a timeline row records (CaseUpdate.kind); KIND_NOTE rows are private to mediators
# and admins, and only KIND_STATUS rows are what a worker reads as the case's progress
KIND_STATUS, KIND_NOTE, KIND_QUESTION, KIND_ANSWER = "status", "note", "question", "answer"
KIND_SESSION, KIND_SESSION_REPLY, KIND_REMINDER = "session", "session_reply", "reminder"
KIND_ASSIGN = "assign"
KIND_AGREEMENT = "agreement"  # the signed mediation agreement, uploaded by the mediator
KIND_ADDED = "added"  # one more thing the worker told after filing, in their own words


class CaseUpdate(Base):
    """One step in a case's timeline: a status change with its note, or a desk action."""

    __tablename__ = "case_updates"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("mediation_cases.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(24))
    note: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(64), default="system")
    kind: Mapped[str] = mapped_column(String(16), default=KIND_STATUS, server_default=KIND_STATUS)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    case: Mapped[MediationCase] = relationship(back_populates="updates")


# a mediation session's state as the worker's answers move it
SESSION_PROPOSED, SESSION_CONFIRMED = "proposed", "confirmed"
SESSION_RESCHEDULE, SESSION_CANNOT, SESSION_REPLACED = "reschedule", "cannot", "replaced"
SESSION_LABELS = {
    SESSION_PROPOSED: "待职工确认",
    SESSION_CONFIRMED: "职工已确认",
    SESSION_RESCHEDULE: "职工要求改时间",
    SESSION_CANNOT: "职工去不了",
    SESSION_REPLACED: "已重新安排",
}


class CaseSession(Base):
    """A mediation session a mediator scheduled: when, where (or by phone), the worker's answer,
    and when each side was reminded (set once, by a conditional update)."""

    __tablename__ = "case_sessions"
    __table_args__ = (Index("ix_case_sessions_starts", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("mediation_cases.id", ondelete="CASCADE"), index=True
    )
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(200))
    by_phone: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(16), default=SESSION_PROPOSED)
    created_by: Mapped[str] = mapped_column(String(64))
    worker_reminded_at: Mapped[datetime | None] = mapped_column(DateTime)
    mediator_reminded_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class CaseQuestion(Base):
    """A mediator's question to the worker; the worker's next free-text message answers it."""

    __tablename__ = "case_questions"
    __table_args__ = (Index("ix_case_questions_pending", "conversation_id", "answered_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("mediation_cases.id", ondelete="CASCADE"), index=True
    )
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    question: Mapped[str] = mapped_column(Text)
    asked_by: Mapped[str] = mapped_column(String(64))
    asked_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)


class Mediator(Base):
    """A mediator the union can assign to cases, and the law firm they work with."""

    __tablename__ = "mediators"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    law_firm: Mapped[str] = mapped_column(String(128), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    def __str__(self) -> str:
        return f"{self.name}（{self.law_firm}）" if self.law_firm else self.name
