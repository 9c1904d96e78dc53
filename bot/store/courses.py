"""Course catalogue and enrolments: search, capacity, waiting list, cancellation with promotion."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from bot.store.models import CANCELLED, ENROLLED, WAITLISTED, Course, Enrolment

ACTIVE = (ENROLLED, WAITLISTED)
WEEKEND = ("周六", "周日")
WORKDAYS = ("周一", "周二", "周三", "周四", "周五")


@dataclass(frozen=True)
class CourseFilter:
    """What a worker asked for; None means "any"."""

    category: str | None = None
    time_of_day: str | None = None
    weekdays: tuple[str, ...] = ()
    free: bool | None = None
    name: str | None = None
    place: str | None = None  # a part of the venue: 城南, 文化宫
    # "晚上或者周末的": the time of day or the days will do, either one
    either: bool = False
    # "7点半以后才开始的": the earliest start, in minutes after midnight
    starts_after: int | None = None
    # "周二周四晚上要跑滴滴": the days (and time of day) the worker cannot come
    # (not compared: a filter holding only these asks for no kind of course)
    busy_weekdays: tuple[str, ...] = field(default=(), compare=False)
    busy_time: str | None = field(default=None, compare=False)
    # "搞运动的 不要文凭那种": a kind ruled out
    not_category: str | None = None


@dataclass
class EnrolResult:
    """The worker's enrolment in the course and whether it was already there."""

    enrolment: Enrolment
    already: bool
    position: int | None = None  # waiting-list position (1-based) when waitlisted


@dataclass
class CancelResult:
    """The cancelled enrolment and the waitlisted workers who got its place."""

    cancelled: Enrolment
    promoted: list[Enrolment] = field(default_factory=list)


def expand_weekday(value: str | None) -> tuple[str, ...]:
    """周末 means either weekend day, 工作日 any day from Monday to Friday; anything else is
    one day."""
    if not value:
        return ()
    if value == "工作日":
        return WORKDAYS
    return WEEKEND if value == "周末" else (value,)


def is_running(course: Course, today: date) -> bool:
    """Open for enrolment and not already finished."""
    return course.status == "open" and (course.end_date is None or course.end_date >= today)


def open_courses(s: Session, today: date) -> list[Course]:
    """Every course a worker can enrol in today, soonest first."""
    rows = s.scalars(
        select(Course).where(Course.status == "open").order_by(Course.start_date, Course.code)
    ).all()
    return [c for c in rows if is_running(c, today)]


# "白天" is the morning or the afternoon
DAYTIME = {"白天": ("上午", "下午")}


_START = re.compile(r"^\s*(?P<h>\d{1,2})[:：](?P<m>\d{2})")


def course_start(time: str | None) -> int | None:
    """A course's start in minutes after midnight, from its time ("19:00-20:30")."""
    m = _START.match(time or "")
    return int(m.group("h")) * 60 + int(m.group("m")) if m else None


def matches(course: Course, f: CourseFilter) -> bool:
    """Whether a course satisfies every filter the worker gave."""
    if f.category and course.category != f.category:
        return False
    if f.not_category and course.category == f.not_category:
        return False
    timed = not f.time_of_day or course.time_of_day in DAYTIME.get(f.time_of_day, (f.time_of_day,))
    days = not f.weekdays or bool(set(f.weekdays) & set(course.weekdays or []))
    if f.either and f.time_of_day and f.weekdays:
        if not (timed or days):
            return False
    elif not (timed and days):
        return False
    if f.free is not None and (course.fee == 0) != f.free:
        return False  # free=False: only the courses that charge a fee
    if f.place and f.place not in (course.venue or ""):
        return False
    if f.starts_after is not None:
        start = course_start(course.time)
        if start is None or start < f.starts_after:
            return False
    if f.busy_weekdays and set(course.weekdays or []) <= set(f.busy_weekdays):
        busy_then = not f.busy_time or course.time_of_day in DAYTIME.get(
            f.busy_time, (f.busy_time,)
        )
        if busy_then:
            return False  # every day it meets, the worker is busy then
    return not (f.name and f.name not in course.name and course.name not in f.name)


def search(s: Session, f: CourseFilter, today: date) -> list[Course]:
    """Open courses matching the filter, soonest first."""
    return [c for c in open_courses(s, today) if matches(c, f)]


def get_by_code(s: Session, code: str) -> Course | None:
    """A course by its catalogue code (case-insensitive)."""
    code = (code or "").strip().upper()
    if not code:
        return None
    return s.scalars(select(Course).where(func.upper(Course.code) == code)).first()


def get_by_name(s: Session, name: str) -> Course | None:
    """A course by its exact catalogue name."""
    return s.scalars(select(Course).where(Course.name == (name or "").strip())).first()


def all_courses(s: Session) -> list[Course]:
    """The whole catalogue, open or not (for resolving what a worker typed)."""
    return list(s.scalars(select(Course).order_by(Course.code)).all())


def enrolled_count(s: Session, course_id: int) -> int:
    return (
        s.scalar(
            select(func.count(Enrolment.id)).where(
                Enrolment.course_id == course_id, Enrolment.status == ENROLLED
            )
        )
        or 0
    )


def seats_left(s: Session, course: Course) -> int | None:
    """Free places; None when the course has no capacity limit (capacity 0)."""
    if course.capacity <= 0:
        return None
    return max(course.capacity - enrolled_count(s, course.id), 0)


def seats_left_many(s: Session, courses: list[Course]) -> dict[int, int | None]:
    """Free places of several courses in one query (a search lists up to five)."""
    ids = [c.id for c in courses if c.capacity > 0]
    taken: dict[int, int] = {}
    if ids:
        taken = dict(
            s.execute(
                select(Enrolment.course_id, func.count(Enrolment.id))
                .where(Enrolment.course_id.in_(ids), Enrolment.status == ENROLLED)
                .group_by(Enrolment.course_id)
            ).all()
        )
    return {
        c.id: (None if c.capacity <= 0 else max(c.capacity - taken.get(c.id, 0), 0))
        for c in courses
    }


def waitlist_position(s: Session, enrolment: Enrolment) -> int | None:
    """1-based place in the course's waiting list (earliest enrolment first)."""
    if enrolment.status != WAITLISTED:
        return None
    ahead = s.scalar(
        select(func.count(Enrolment.id)).where(
            Enrolment.course_id == enrolment.course_id,
            Enrolment.status == WAITLISTED,
            Enrolment.id < enrolment.id,
        )
    )
    return (ahead or 0) + 1


def _lock_course(s: Session, course_id: int) -> Course:
    """Serialise enrolments per course (row lock on PostgreSQL; SQLite has one writer anyway)."""
    return s.scalars(select(Course).where(Course.id == course_id).with_for_update()).one()


def find_active(
    s: Session,
    course_id: int,
    channel: str,
    sender_id: str,
    name: str = "",
    phone: str = "",
    someone_else: bool = False,
) -> Enrolment | None:
    """The worker's live enrolment in a course: same chat account, or same name and phone;
    `someone_else`: the worker enrols a relative ("帮我妈报个八段锦"), who is the same person
    only by name and phone (the account may hold the worker's own place in the course)."""
    same_person = (Enrolment.channel == channel) & (Enrolment.sender_id == sender_id)
    if someone_else:
        if not (name and phone):
            return None
        same_person = (Enrolment.name == name) & (Enrolment.phone == phone)
    elif name and phone:
        same_person = or_(same_person, (Enrolment.name == name) & (Enrolment.phone == phone))
    return s.scalars(
        select(Enrolment)
        .where(Enrolment.course_id == course_id, Enrolment.status.in_(ACTIVE), same_person)
        .order_by(Enrolment.id)
    ).first()


def enrol(
    s: Session,
    course: Course,
    *,
    channel: str,
    sender_id: str,
    name: str,
    phone: str,
    conversation_id: int | None = None,
    someone_else: bool = False,
) -> EnrolResult:
    """Take a place if one is free, else join the waiting list; never enrol anyone twice."""
    course = _lock_course(s, course.id)
    existing = find_active(s, course.id, channel, sender_id, name, phone, someone_else)
    if existing is not None:
        return EnrolResult(existing, already=True, position=waitlist_position(s, existing))
    left = seats_left(s, course)
    status = ENROLLED if left is None or left > 0 else WAITLISTED
    enrolment = Enrolment(
        course_id=course.id,
        conversation_id=conversation_id,
        channel=channel,
        sender_id=sender_id,
        name=name,
        phone=phone,
        status=status,
    )
    s.add(enrolment)
    s.flush()
    return EnrolResult(enrolment, already=False, position=waitlist_position(s, enrolment))


def list_for_worker(s: Session, channel: str, sender_id: str) -> list[Enrolment]:
    """A worker's live enrolments, oldest first."""
    return list(
        s.scalars(
            select(Enrolment)
            .where(
                Enrolment.channel == channel,
                Enrolment.sender_id == sender_id,
                Enrolment.status.in_(ACTIVE),
            )
            .order_by(Enrolment.id)
        ).all()
    )


def last_cancelled(s: Session, channel: str, sender_id: str) -> Course | None:
    """The course of the worker's enrolment cancelled last, or None."""
    enrolment = s.scalars(
        select(Enrolment)
        .where(
            Enrolment.channel == channel,
            Enrolment.sender_id == sender_id,
            Enrolment.status == CANCELLED,
        )
        .order_by(Enrolment.updated_at.desc(), Enrolment.id.desc())
        .limit(1)
    ).first()
    return enrolment.course if enrolment is not None else None


def get_for_worker(s: Session, enrolment_id: int, channel: str, sender_id: str) -> Enrolment | None:
    """One live enrolment, only if it belongs to this worker."""
    e = s.get(Enrolment, enrolment_id)
    if e is None or e.channel != channel or e.sender_id != sender_id or e.status not in ACTIVE:
        return None
    return e


def promote_waitlisted(s: Session, course: Course) -> list[Enrolment]:
    """Fill free places from the waiting list in order; returns who got a place."""
    promoted: list[Enrolment] = []
    left = seats_left(s, course)
    while left is None or left > 0:
        nxt = s.scalars(
            select(Enrolment)
            .where(Enrolment.course_id == course.id, Enrolment.status == WAITLISTED)
            .order_by(Enrolment.id)
            .limit(1)
        ).first()
        if nxt is None:
            break
        nxt.status = ENROLLED
        s.flush()
        promoted.append(nxt)
        left = None if left is None else left - 1
    return promoted


def cancel(s: Session, enrolment_id: int, channel: str, sender_id: str) -> CancelResult | None:
    """Cancel the worker's own enrolment; a freed place goes to the first waitlisted worker."""
    e = get_for_worker(s, enrolment_id, channel, sender_id)
    return None if e is None else _cancel(s, e)


def _cancel(s: Session, e: Enrolment) -> CancelResult:
    course = _lock_course(s, e.course_id)
    was_enrolled = e.status == ENROLLED
    e.status = CANCELLED
    s.flush()
    promoted = promote_waitlisted(s, course) if was_enrolled else []
    return CancelResult(e, promoted)


# -- the admin side ---------------------------------------------------------------------
class CourseError(ValueError):
    """A course change that cannot be accepted (the message is for the admin)."""


@dataclass
class Roster:
    """A course's live enrolments: who has a place, and the waiting list in order."""

    enrolled: list[Enrolment]
    waitlisted: list[Enrolment]


def roster(s: Session, course_id: int) -> Roster:
    """Enrolled and waitlisted workers of a course, each oldest first (the waiting order)."""
    rows = s.scalars(
        select(Enrolment)
        .where(Enrolment.course_id == course_id, Enrolment.status.in_(ACTIVE))
        .order_by(Enrolment.id)
    ).all()
    return Roster(
        [e for e in rows if e.status == ENROLLED], [e for e in rows if e.status == WAITLISTED]
    )


def counts_many(s: Session, course_ids: list[int]) -> dict[int, tuple[int, int]]:
    """(enrolled, waitlisted) per course, in one query (for the admin list)."""
    result = {cid: (0, 0) for cid in course_ids}
    if not course_ids:
        return result
    rows = s.execute(
        select(Enrolment.course_id, Enrolment.status, func.count(Enrolment.id))
        .where(Enrolment.course_id.in_(course_ids), Enrolment.status.in_(ACTIVE))
        .group_by(Enrolment.course_id, Enrolment.status)
    ).all()
    for cid, status, n in rows:
        enrolled, waiting = result[cid]
        result[cid] = (n, waiting) if status == ENROLLED else (enrolled, n)
    return result


def check_capacity(s: Session, course: Course, capacity: int) -> None:
    """Refuse a capacity below the places already taken (nobody loses a place silently)."""
    if capacity < 0:
        raise CourseError("容量不能小于 0（0 表示不限人数）。")
    if course.id is None or capacity == 0:
        return
    taken = enrolled_count(s, course.id)
    if capacity < taken:
        raise CourseError(
            f"已有 {taken} 人报名，容量不能少于 {taken}（0 表示不限人数）。"
            "如需减少名额，请先在课程详情页取消部分报名。"
        )


def fill_places(s: Session, course_id: int) -> list[Enrolment]:
    """After a capacity change: as many waitlisted workers as the free places allow, in order."""
    return promote_waitlisted(s, _lock_course(s, course_id))


def cancel_any(s: Session, enrolment_id: int) -> CancelResult | None:
    """An admin cancels a live enrolment; a freed place goes to the waiting list."""
    e = s.get(Enrolment, enrolment_id)
    if e is None or e.status not in ACTIVE:
        return None
    return _cancel(s, e)
