"""Class reminders answered and attendance: 请假 from the worker, marks from staff, counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.store.models import (
    ATTEND_EXCUSED,
    ATTEND_PRESENT,
    CANCELLED,
    Attendance,
    ClassReminder,
    Course,
    Enrolment,
)


def reminder_of_worker(
    s: Session, channel: str, sender_id: str, reminder_id: int | None, today: date
) -> ClassReminder | None:
    """The worker's own reminder by id, else their latest one for a class not yet past."""
    query = (
        select(ClassReminder)
        .join(Enrolment, Enrolment.id == ClassReminder.enrolment_id)
        .where(Enrolment.channel == channel, Enrolment.sender_id == sender_id)
    )
    if reminder_id is not None:
        return s.scalars(query.where(ClassReminder.id == reminder_id)).first()
    return s.scalars(
        query.where(ClassReminder.session_date >= today, Enrolment.status != CANCELLED).order_by(
            ClassReminder.session_date, ClassReminder.id.desc()
        )
    ).first()


def mark(
    s: Session,
    enrolment: Enrolment,
    day: date,
    status: str,
    by: str,
    reason: str | None = None,
) -> Attendance:
    """Set one session's attendance for one enrolment (one row per enrolment and day)."""
    row = s.scalars(
        select(Attendance).where(
            Attendance.enrolment_id == enrolment.id, Attendance.session_date == day
        )
    ).first()
    if row is None:
        row = Attendance(enrolment_id=enrolment.id, course_id=enrolment.course_id, session_date=day)
        s.add(row)
    row.status, row.marked_by = status, by
    if reason is not None or status != ATTEND_EXCUSED:
        row.reason = reason
    s.flush()
    return row


def take_leave(s: Session, reminder: ClassReminder, reason: str | None = None) -> Attendance:
    """请假 for the reminded session; a session staff already marked present stays present."""
    enrolment = s.get(Enrolment, reminder.enrolment_id)
    current = s.scalars(
        select(Attendance).where(
            Attendance.enrolment_id == enrolment.id,
            Attendance.session_date == reminder.session_date,
        )
    ).first()
    if current is not None and current.status == ATTEND_PRESENT:
        return current
    return mark(s, enrolment, reminder.session_date, ATTEND_EXCUSED, "worker", reason)


def for_course(s: Session, course_id: int) -> dict[tuple[int, date], Attendance]:
    """Every mark of a course, by (enrolment id, day)."""
    rows = s.scalars(select(Attendance).where(Attendance.course_id == course_id))
    return {(a.enrolment_id, a.session_date): a for a in rows}


@dataclass(frozen=True)
class CourseCount:
    """How often one worker came to and excused themselves from one course."""

    course: str
    present: int
    excused: int


def counts_for_worker(s: Session, channel: str, sender_id: str) -> list[CourseCount]:
    """Per course the worker is (or was) enrolled in: sessions attended and excused."""
    rows = s.execute(
        select(Course.name, Attendance.status, func.count(Attendance.id))
        .join(Enrolment, Enrolment.id == Attendance.enrolment_id)
        .join(Course, Course.id == Attendance.course_id)
        .where(Enrolment.channel == channel, Enrolment.sender_id == sender_id)
        .group_by(Course.name, Attendance.status)
    ).all()
    enrolled = s.scalars(
        select(Course.name)
        .join(Enrolment, Enrolment.course_id == Course.id)
        .where(
            Enrolment.channel == channel,
            Enrolment.sender_id == sender_id,
            Enrolment.status != CANCELLED,
        )
        .order_by(Course.start_date, Course.code)
    ).all()
    tally: dict[str, dict[str, int]] = {name: {} for name in enrolled}
    for name, status, n in rows:
        tally.setdefault(name, {})[status] = n
    return [
        CourseCount(name, t.get(ATTEND_PRESENT, 0), t.get(ATTEND_EXCUSED, 0))
        for name, t in tally.items()
    ]
