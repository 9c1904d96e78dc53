"""A course's roster (enrolled, waiting list, cancelled) as CSV or Excel, for the admins only:
with each worker's attendance (出勤 / 请假 counts, the leave reasons, one column per session).

The roster holds workers' names and phone numbers: it is never logged, only handed to the
admin who asked for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from bot.core import labels
from bot.domain.course_sessions import session_dates
from bot.store import attendance
from bot.store.db import Database
from bot.store.models import (
    ATTEND_EXCUSED,
    ATTEND_PRESENT,
    ATTENDANCE_LABELS,
    CANCELLED,
    ENROLLED,
    ENROLMENT_LABELS,
    WAITLISTED,
    Course,
)
from bot.transfer import CSV
from bot.transfer.exporter import Download
from bot.transfer.formats import EXTENSIONS, MEDIA_TYPES
from bot.transfer.tabular import write_csv, write_xlsx

HEADER = ("序号", "姓名", "手机号", "状态", "报名时间", "渠道", "出勤次数", "请假次数", "请假说明")
WIDTHS = (6, 12, 16, 8, 18, 10, 8, 8, 24)
SESSION_WIDTH = 8
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')
_ORDER = {ENROLLED: 0, WAITLISTED: 1, CANCELLED: 2}


@dataclass(frozen=True)
class Roster:
    code: str
    name: str
    rows: list[tuple]
    days: tuple[date, ...] = ()

    @property
    def header(self) -> tuple[str, ...]:
        """The fixed columns, then one per session (its date)."""
        return HEADER + tuple(f"{d:%m-%d}" for d in self.days)


def _local(moment: datetime, tz: ZoneInfo) -> datetime:
    return moment.replace(tzinfo=UTC).astimezone(tz).replace(tzinfo=None, microsecond=0)


def load_roster(
    db: Database, course_id: int, tz: ZoneInfo, skip: Iterable[date] = ()
) -> Roster | None:
    """Enrolled first, then the waiting list in its order, then cancellations; None: no course."""
    with db.read() as s:
        course = s.get(Course, course_id)
        if course is None:
            return None
        days = tuple(session_dates(course, skip))
        marks = attendance.for_course(s, course_id)

        def attended(enrolment_id: int) -> tuple:
            mine = [marks[(enrolment_id, d)] for d in days if (enrolment_id, d) in marks]
            present = sum(1 for a in mine if a.status == ATTEND_PRESENT)
            leaves = [a for a in mine if a.status == ATTEND_EXCUSED]
            reasons = "；".join(f"{a.session_date:%m-%d} {a.reason or '未说明'}" for a in leaves)
            per_day = tuple(
                ATTENDANCE_LABELS.get(marks[(enrolment_id, d)].status, "")
                if (enrolment_id, d) in marks
                else ""
                for d in days
            )
            return (present, len(leaves), reasons, *per_day)

        ordered = sorted(
            course.enrolments, key=lambda e: (_ORDER.get(e.status, 3), e.created_at, e.id)
        )
        rows = [
            (
                n,
                e.name,
                e.phone,
                ENROLMENT_LABELS.get(e.status, e.status),
                _local(e.created_at, tz),
                labels.channel(e.channel),
                *attended(e.id),
            )
            for n, e in enumerate(ordered, 1)
        ]
        return Roster(course.code, course.name, rows, days)


def roster_file(roster: Roster, fmt: str, today: date) -> Download:
    """The roster as CSV (UTF-8 with BOM) or .xlsx, named after the course."""
    if fmt == CSV:
        data = write_csv(roster.header, roster.rows)
    else:
        widths = WIDTHS + (SESSION_WIDTH,) * len(roster.days)
        data = write_xlsx("报名名单", roster.header, roster.rows, widths)
    suffix = f"{today.isoformat()}.{EXTENSIONS[fmt]}"
    name = _UNSAFE.sub("", roster.name)
    return Download(
        data,
        f"报名名单-{roster.code}-{name}-{suffix}",
        f"roster-{roster.code}-{suffix}",
        MEDIA_TYPES[fmt],
    )
