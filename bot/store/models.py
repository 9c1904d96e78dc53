"""SQLAlchemy models: conversations and their events, courses, enrolments, cases, FAQ."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from bot.core.clock import utcnow


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, list[str]: JSON}


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
    message id means something only for the sender who sent it (migration 0004).
    """

    __tablename__ = "processed_messages"

    conversation_id: Mapped[int] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE"), primary_key=True
    )
    message_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    replies: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Course(Base):
    __tablename__ = "courses"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    category: Mapped[str] = mapped_column(String(16), index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    weekdays: Mapped[list[str]] = mapped_column(default=list)
    time_of_day: Mapped[str | None] = mapped_column(String(8))
    time: Mapped[str | None] = mapped_column(String(32))
    sessions: Mapped[int | None] = mapped_column(Integer)
    venue: Mapped[str] = mapped_column(String(128), default="")
    capacity: Mapped[int] = mapped_column(Integer, default=0)
    fee: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="open")
    keywords: Mapped[list[str]] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    enrolments: Mapped[list[Enrolment]] = relationship(back_populates="course")


ENROLLED, WAITLISTED, CANCELLED = "enrolled", "waitlisted", "cancelled"
ENROLMENT_LABELS = {ENROLLED: "已报名", WAITLISTED: "候补", CANCELLED: "已取消"}


class Enrolment(Base):
    __tablename__ = "enrolments"
    __table_args__ = (Index("ix_enrolments_worker", "channel", "sender_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id"), index=True)
    conversation_id: Mapped[int | None] = mapped_column(ForeignKey("conversations.id"))
    channel: Mapped[str] = mapped_column(String(16))
    sender_id: Mapped[str] = mapped_column(String(128))
    name: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(16), default=ENROLLED)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    course: Mapped[Course] = relationship(back_populates="enrolments")


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


class Meta(Base):
    """Small key/value facts shared by all processes (e.g. the knowledge version stamp)."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


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


class Lease(Base):
    """Which process runs a once-per-deployment background job, until when."""

    __tablename__ = "leases"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str] = mapped_column(String(128))
    expires_at: Mapped[datetime] = mapped_column(DateTime)


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
