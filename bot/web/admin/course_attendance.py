"""Attendance in /admin: the course page's sessions with their counts, each worker's 出勤 /
请假 in the roster, and a per-session checklist where staff mark who came.

A worker's 请假 (from a class reminder) shows with its reason; staff may overrule it (a worker
who came after all is marked 出勤)."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import date
from typing import Any

from sqladmin import expose
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from bot.domain.course_sessions import session_dates, session_text
from bot.domain.people import mask_phone
from bot.store import attendance as marks
from bot.store import courses as repo
from bot.store.db import Database
from bot.store.models import (
    ATTEND_ABSENT,
    ATTEND_EXCUSED,
    ATTEND_PRESENT,
    ATTENDANCE_LABELS,
    Course,
    Enrolment,
)
from bot.web.admin.posting import EXPIRED, admin_of, bot_of, details_url, done
from bot.web.session import CSRF_FIELD, csrf_ok

CHOICES = (ATTEND_PRESENT, ATTEND_ABSENT, ATTEND_EXCUSED)


def summary(rows: list[Any]) -> str:
    """ "出勤 2 · 请假 1（12-05 加班）" for one worker's marks."""
    counts = Counter(a.status for a in rows)
    parts = [f"{ATTENDANCE_LABELS[k]} {counts[k]}" for k in CHOICES if counts[k]]
    leaves = [
        f"{a.session_date:%m-%d}" + (f" {a.reason}" if a.reason else "")
        for a in sorted(rows, key=lambda a: a.session_date)
        if a.status == ATTEND_EXCUSED
    ]
    text = " · ".join(parts) or "—"
    return text + (f"（请假：{'；'.join(leaves)}）" if leaves else "")


def attendance_overview(db: Database, course_id: int, skip: list[date]) -> dict[str, Any]:
    """The sessions with their counts, and each enrolment's summary (by enrolment id)."""
    with db.read() as s:
        course = s.get(Course, course_id)
        if course is None:
            return {"sessions": [], "by_enrolment": {}}
        found = marks.for_course(s, course_id)
        per_day: dict[date, Counter] = {}
        per_enrolment: dict[int, list[Any]] = {}
        for (enrolment_id, day), a in found.items():
            per_day.setdefault(day, Counter())[a.status] += 1
            per_enrolment.setdefault(enrolment_id, []).append(a)
        sessions = [
            {
                "day": day.isoformat(),
                "text": session_text(course, day),
                "counts": " · ".join(
                    f"{ATTENDANCE_LABELS[k]} {per_day.get(day, Counter())[k]}"
                    for k in CHOICES
                    if per_day.get(day, Counter())[k]
                )
                or "未点名",
            }
            for day in session_dates(course, skip)
        ]
        return {
            "sessions": sessions,
            "by_enrolment": {eid: summary(rows) for eid, rows in per_enrolment.items()},
        }


def checklist(db: Database, course_id: int, day: date, skip: list[date]) -> dict[str, Any] | None:
    """One session's roster with each worker's mark; None when the course has no such day."""
    with db.read() as s:
        course = s.get(Course, course_id)
        if course is None or day not in session_dates(course, skip):
            return None
        found = marks.for_course(s, course_id)
        rows = []
        for e in repo.roster(s, course_id).enrolled:
            a = found.get((e.id, day))
            rows.append(
                {
                    "id": e.id,
                    "name": e.name,
                    "phone": mask_phone(e.phone),
                    "status": a.status if a else "",
                    "reason": (a.reason or "") if a else "",
                }
            )
        return {
            "course": course,
            "day": day.isoformat(),
            "when": session_text(course, day),
            "rows": rows,
        }


def save_checklist(db: Database, course_id: int, day: date, chosen: dict[int, str], by: str) -> int:
    """Store the marks chosen for the session's enrolled workers; how many were set."""
    saved = 0
    with db.write_lock(), db.session() as s:
        for e in repo.roster(s, course_id).enrolled:
            status = chosen.get(e.id)
            if status in CHOICES:
                marks.mark(s, e, day, status, by, _kept_reason(s, e, day, status))
                saved += 1
    return saved


def _kept_reason(s: Any, e: Enrolment, day: date, status: str) -> str | None:
    """A worker's leave reason stays while the mark stays 请假."""
    if status != ATTEND_EXCUSED:
        return None
    current = marks.for_course(s, e.course_id).get((e.id, day))
    return current.reason if current else None


def _day(request: Request) -> date | None:
    try:
        return date.fromisoformat(request.path_params["day"])
    except ValueError:
        return None


class AttendancePages:
    """The per-session checklist (mixed into CourseAdmin)."""

    @expose("/attendance/{course_id:id}/{day}", methods=["GET", "POST"])
    async def attendance(self, request: Request) -> Response:
        """GET: the checklist; POST: save it and go back to the course."""
        app = bot_of(request)
        course_id, day = request.path_params["course_id"], _day(request)
        skip = app.settings.config.reminders.skip_dates
        page = None
        if day is not None:
            page = await asyncio.to_thread(checklist, app.db, course_id, day, skip)
        back = details_url(request, self, course_id)
        if page is None:  # no such course, or no class that day: sqladmin's polite 404
            raise HTTPException(status_code=404, detail="Object not found")
        if request.method == "POST":
            form = await request.form(max_fields=len(page["rows"]) + 5, max_files=0)
            if not csrf_ok(request, str(form.get(CSRF_FIELD) or "")):
                return done(request, back, EXPIRED, ok=False)
            chosen = {row["id"]: str(form.get(f"m{row['id']}") or "") for row in page["rows"]}
            who = admin_of(request).username
            n = await asyncio.to_thread(save_checklist, app.db, course_id, day, chosen, who)
            return done(request, back, f"已保存 {page['when']} 的点名（{n} 人）。")
        context = {
            "title": "点名",
            "page": page,
            "labels": ATTENDANCE_LABELS,
            "choices": CHOICES,
            "model_view": self,
        }
        return await self.templates.TemplateResponse(  # type: ignore[attr-defined]
            request, "admin/course_attendance.html", context
        )
