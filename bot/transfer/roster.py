"""A course's roster (enrolled, waiting list, cancelled) as CSV or Excel, for the admins only.

The roster holds workers' names and phone numbers: it is never logged, only handed to the
admin who asked for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from bot.core import labels
from bot.store.db import Database
from bot.store.models import CANCELLED, ENROLLED, ENROLMENT_LABELS, WAITLISTED, Course
from bot.transfer import CSV
from bot.transfer.exporter import Download
from bot.transfer.formats import EXTENSIONS, MEDIA_TYPES
from bot.transfer.tabular import write_csv, write_xlsx

HEADER = ("序号", "姓名", "手机号", "状态", "报名时间", "渠道")
WIDTHS = (6, 12, 16, 8, 18, 10)
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')
_ORDER = {ENROLLED: 0, WAITLISTED: 1, CANCELLED: 2}


@dataclass(frozen=True)
class Roster:
    code: str
    name: str
    rows: list[tuple]


def _local(moment: datetime, tz: ZoneInfo) -> datetime:
    return moment.replace(tzinfo=UTC).astimezone(tz).replace(tzinfo=None, microsecond=0)


def load_roster(db: Database, course_id: int, tz: ZoneInfo) -> Roster | None:
    """Enrolled first, then the waiting list in its order, then cancellations; None: no course."""
    with db.read() as s:
        course = s.get(Course, course_id)
        if course is None:
            return None
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
            )
            for n, e in enumerate(ordered, 1)
        ]
        return Roster(course.code, course.name, rows)


def roster_file(roster: Roster, fmt: str, today: date) -> Download:
    """The roster as CSV (UTF-8 with BOM) or .xlsx, named after the course."""
    if fmt == CSV:
        data = write_csv(HEADER, roster.rows)
    else:
        data = write_xlsx("报名名单", HEADER, roster.rows, WIDTHS)
    suffix = f"{today.isoformat()}.{EXTENSIONS[fmt]}"
    name = _UNSAFE.sub("", roster.name)
    return Download(
        data,
        f"报名名单-{roster.code}-{name}-{suffix}",
        f"roster-{roster.code}-{suffix}",
        MEDIA_TYPES[fmt],
    )
