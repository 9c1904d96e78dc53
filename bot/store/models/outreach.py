"""Reaching out: class reminders, attendance, subscriptions and notices."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from bot.core.clock import utcnow
from bot.store.models.base import Base

# -- reaching out: class reminders, attendance, subscriptions, notices (migration 0007) --
ATTEND_PRESENT, ATTEND_ABSENT, ATTEND_EXCUSED = "present", "absent", "excused"
ATTENDANCE_LABELS = {ATTEND_PRESENT: "出勤", ATTEND_ABSENT: "缺勤", ATTEND_EXCUSED: "请假"}


class ClassReminder(Base):
    """One reminder sent for one session of one enrolment; the unique key is the claim that
    keeps a second process (or a restart) from sending it again."""

    __tablename__ = "class_reminders"
    __table_args__ = (
        UniqueConstraint("enrolment_id", "session_date", name="uq_class_reminders_session"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id", ondelete="CASCADE"))
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), index=True)
    session_date: Mapped[date] = mapped_column(Date)
    sent_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)


class Attendance(Base):
    """A worker's attendance at one session: marked by staff, or 请假 from the worker."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("enrolment_id", "session_date", name="uq_attendance_session"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id", ondelete="CASCADE"))
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), index=True)
    session_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(200))
    marked_by: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


TOPIC_COURSES, TOPIC_POLICY, TOPIC_EVENTS = "courses", "policy", "events"
TOPIC_LABELS = {TOPIC_COURSES: "新课程", TOPIC_POLICY: "政策解读", TOPIC_EVENTS: "活动通知"}


class Subscription(Base):
    """A worker asked to hear about a topic (订阅新课程通知); 退订 deletes the row."""

    __tablename__ = "subscriptions"
    __table_args__ = (
        UniqueConstraint("channel", "sender_id", "topic", name="uq_subscriptions_worker_topic"),
        Index("ix_subscriptions_topic", "topic"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    sender_id: Mapped[str] = mapped_column(String(128))
    topic: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


NOTICE_DRAFT, NOTICE_SENDING, NOTICE_SENT = "draft", "sending", "sent"
NOTICE_LABELS = {NOTICE_DRAFT: "草稿", NOTICE_SENDING: "发送中", NOTICE_SENT: "已发完"}


class Announcement(Base):
    """A notice an admin wrote for a topic's subscribers or a course's enrolees."""

    __tablename__ = "announcements"

    id: Mapped[int] = mapped_column(primary_key=True)
    topic: Mapped[str | None] = mapped_column(String(16))
    course_id: Mapped[int | None] = mapped_column(ForeignKey("courses.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=NOTICE_DRAFT)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)


DELIVERY_PENDING, DELIVERY_SENDING = "pending", "sending"
DELIVERY_DELIVERED, DELIVERY_FAILED, DELIVERY_UNREACHABLE = "delivered", "failed", "unreachable"
DELIVERY_LABELS = {
    DELIVERY_PENDING: "待发送",
    DELIVERY_SENDING: "发送中",
    DELIVERY_DELIVERED: "已送达",
    DELIVERY_FAILED: "失败",
    DELIVERY_UNREACHABLE: "无法触达",
}


class AnnouncementDelivery(Base):
    """One recipient of one notice; claimed (pending -> sending) before the send, so a crash
    never sends it twice."""

    __tablename__ = "announcement_deliveries"
    __table_args__ = (
        UniqueConstraint(
            "announcement_id", "channel", "sender_id", name="uq_announcement_deliveries_worker"
        ),
        Index("ix_announcement_deliveries_status", "announcement_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    announcement_id: Mapped[int] = mapped_column(ForeignKey("announcements.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(16))
    sender_id: Mapped[str] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(16), default=DELIVERY_PENDING)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)
