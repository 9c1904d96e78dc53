"""When a course's classes are: its start date, weekdays, number of sessions (and end date),
less the days off in config (`reminders.skip_dates`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, time, timedelta

from bot.store.models import Course

WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
_START = re.compile(r"^\s*([01]?\d|2[0-3])[:：]([0-5]\d)")
MAX_SESSIONS = 200  # a course without a session count or an end date stops here


def session_dates(course: Course, skip: Iterable[date] = ()) -> list[date]:
    """Every class day of the course, in order."""
    days = {WEEKDAYS.index(d) for d in course.weekdays or [] if d in WEEKDAYS}
    if course.start_date is None or not days:
        return []
    limit = course.sessions if course.sessions and course.sessions > 0 else MAX_SESSIONS
    skipped = set(skip)
    found: list[date] = []
    day = course.start_date
    while len(found) < limit and (course.end_date is None or day <= course.end_date):
        if day.weekday() in days and day not in skipped:
            found.append(day)
        day += timedelta(days=1)
        if (day - course.start_date).days > 7 * MAX_SESSIONS:
            break
    return found


def starts_at(course: Course) -> time | None:
    """The local time a class begins ("19:00-20:30" -> 19:00), when the catalogue says."""
    m = _START.match(course.time or "")
    return time(int(m.group(1)), int(m.group(2))) if m else None


def session_text(course: Course, day: date) -> str:
    """ "12月5日（周六）09:30-11:30" for messages and pages."""
    text = f"{day.month}月{day.day}日（{WEEKDAYS[day.weekday()]}）"
    return f"{text}{course.time}" if course.time else text
