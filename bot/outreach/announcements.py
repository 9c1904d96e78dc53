"""An admin's notice to a topic's subscribers or a course's enrolees: written as a draft,
previewed, then started — which fixes its recipients as one `announcement_deliveries` row
each (pending), for the sender (bot/outreach/notice_sender.py) to work through."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select, update

from bot.store import subscriptions as subs
from bot.store.db import Database
from bot.store.models import (
    DELIVERY_PENDING,
    ENROLLED,
    NOTICE_DRAFT,
    NOTICE_SENDING,
    TOPIC_LABELS,
    Announcement,
    AnnouncementDelivery,
    Course,
    Enrolment,
)

MAX_CHARS = 1000
UNSUBSCRIBE_HINT = "（不想再收到这类通知，回复“退订”即可）"


class NoticeError(ValueError):
    """What the admin must fix before the notice can be saved or sent (shown as it is)."""


@dataclass(frozen=True)
class Preview:
    """What the workers will read, and who they are (counts per channel)."""

    id: int
    status: str
    audience_label: str
    text: str
    by_channel: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_channel.values())


def message_text(a: Announcement, course_name: str | None) -> str:
    """The worker's copy of the notice."""
    if a.topic:
        return f"【工会通知·{TOPIC_LABELS.get(a.topic, a.topic)}】\n{a.text}\n{UNSUBSCRIBE_HINT}"
    return f"【课程通知·{course_name or ''}】\n{a.text}"


def _audience(s, a: Announcement) -> list[tuple[str, str]]:  # noqa: ANN001
    if a.topic:
        return subs.subscribers(s, a.topic)
    seen: dict[tuple[str, str], None] = {}
    for c, w in s.execute(
        select(Enrolment.channel, Enrolment.sender_id)
        .where(Enrolment.course_id == a.course_id, Enrolment.status == ENROLLED)
        .order_by(Enrolment.id)
    ):
        seen[(c, w)] = None
    return list(seen)


def create(db: Database, topic: str | None, course_id: int | None, text: str, by: str) -> int:
    """A draft for a topic or a course (one of the two)."""
    text = (text or "").strip()
    if not text:
        raise NoticeError("请填写通知内容。")
    if len(text) > MAX_CHARS:
        raise NoticeError(f"通知内容不能超过 {MAX_CHARS} 字。")
    if bool(topic) == bool(course_id):
        raise NoticeError("请选择一个订阅主题，或者一门课程的报名学员（二选一）。")
    if topic and topic not in TOPIC_LABELS:
        raise NoticeError("没有这个订阅主题。")
    with db.write_lock(), db.session() as s:
        if course_id and s.get(Course, course_id) is None:
            raise NoticeError("找不到这门课程。")
        a = Announcement(topic=topic or None, course_id=course_id or None, text=text, created_by=by)
        s.add(a)
        s.flush()
        return a.id


def preview(db: Database, announcement_id: int) -> Preview | None:
    """The text as sent and the audience: now for a draft, the fixed recipients once started."""
    with db.read() as s:
        a = s.get(Announcement, announcement_id)
        if a is None:
            return None
        course = s.get(Course, a.course_id) if a.course_id else None
        if a.status == NOTICE_DRAFT:
            by_channel = Counter(c for c, _ in _audience(s, a))
        else:
            by_channel = Counter(
                dict(
                    s.execute(
                        select(AnnouncementDelivery.channel, func.count())
                        .where(AnnouncementDelivery.announcement_id == a.id)
                        .group_by(AnnouncementDelivery.channel)
                    ).all()
                )
            )
        label = (
            f"订阅「{TOPIC_LABELS.get(a.topic, a.topic)}」的职工"
            if a.topic
            else f"「{course.name if course else '已删除的课程'}」的报名学员"
        )
        return Preview(
            a.id,
            a.status,
            label,
            message_text(a, course.name if course else None),
            dict(by_channel),
        )


def start(db: Database, announcement_id: int, now: datetime) -> int:
    """Fix the recipients and hand the notice to the sender; 0 when it was already started
    (a second click, another admin): the conditional update lets one start win."""
    with db.write_lock(), db.session() as s:
        won = s.execute(
            update(Announcement)
            .where(Announcement.id == announcement_id, Announcement.status == NOTICE_DRAFT)
            .values(status=NOTICE_SENDING, started_at=now)
        ).rowcount
        if not won:
            return 0
        a = s.get(Announcement, announcement_id)
        people = _audience(s, a)
        if people:
            s.execute(
                insert(AnnouncementDelivery),
                [
                    {
                        "announcement_id": a.id,
                        "channel": c,
                        "sender_id": w,
                        "status": DELIVERY_PENDING,
                    }
                    for c, w in people
                ],
            )
        return len(people)


def progress(db: Database, announcement_id: int) -> dict[str, int]:
    """Recipients per delivery status."""
    with db.read() as s:
        return dict(
            s.execute(
                select(AnnouncementDelivery.status, func.count())
                .where(AnnouncementDelivery.announcement_id == announcement_id)
                .group_by(AnnouncementDelivery.status)
            ).all()
        )
