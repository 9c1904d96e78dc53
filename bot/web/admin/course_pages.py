"""A course's own page in /admin: its schedule, places, roster and waiting list, and its buttons.

Cancelling an enrolment frees the place for the waiting list; the worker cancelled and
everyone promoted are told on their channel once the change is committed (bot/notify.py).
Closing a course stops new enrolments; the enrolments it has stay.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqladmin import expose
from starlette.requests import Request
from starlette.responses import Response

from bot.core import labels
from bot.core.clock import Clock
from bot.domain.courses import cancelled_by_staff_text, promotion_text, when_text
from bot.domain.people import mask_phone
from bot.staff import notices as notify
from bot.store import courses as repo
from bot.store.db import Database
from bot.store.models import Course
from bot.web.admin.course_attendance import AttendancePages, attendance_overview
from bot.web.admin.posting import Posted, bot_of, button, details_url, done, page_context

STATUS_LABELS = {"open": "开放报名", "closed": "停止报名"}
ROSTER_URL = "/admin/transfer/roster/{id}?format={fmt}"


def course_page(db: Database, course_id: int, clock: Clock) -> dict[str, Any] | None:
    """Everything the course page shows: counts, the roster and the waiting list in order."""
    with db.read() as s:
        course = s.get(Course, course_id)
        if course is None:
            return None
        roster = repo.roster(s, course_id)

        def row(e: Any, position: int | None = None) -> dict[str, Any]:
            return {
                "id": e.id,
                "name": e.name,
                "phone": mask_phone(e.phone),
                "channel": labels.channel(e.channel),
                "since": clock.text(e.created_at),
                "position": position,
            }

        return {
            "course": course,
            "when": when_text(course),
            "status_label": STATUS_LABELS.get(course.status, course.status),
            "enrolled": [row(e) for e in roster.enrolled],
            "waitlisted": [row(e, i) for i, e in enumerate(roster.waitlisted, 1)],
            "roster_xlsx": ROSTER_URL.format(id=course_id, fmt="xlsx"),
            "roster_csv": ROSTER_URL.format(id=course_id, fmt="csv"),
        }


def cancel_enrolment(db: Database, enrolment_id: int) -> tuple[dict[str, Any], list]:
    """Cancel one enrolment as an admin; tell that worker and everyone promoted."""
    with db.write_lock(), db.session() as s:
        result = repo.cancel_any(s, enrolment_id)
        if result is None:
            raise repo.CourseError("这条报名已经取消或不存在。")
        course = result.cancelled.course
        e = result.cancelled
        pushes = [notify.record(s, e.channel, e.sender_id, cancelled_by_staff_text(course))]
        pushes += [
            notify.record(s, p.channel, p.sender_id, promotion_text(course))
            for p in result.promoted
        ]
        info = {
            "course_id": course.id,
            "name": e.name,
            "promoted": [p.name for p in result.promoted],
        }
    return info, pushes


def promotion_summary(names: list[str], outcomes: list[notify.Outcome]) -> str:
    """候补的 张三（已通知）、李四（未通知…） 已转为报名."""
    if not names:
        return ""
    who = "、".join(f"{n}（{o.label}）" for n, o in zip(names, outcomes, strict=True))
    return f"候补的 {who} 已转为报名。"


def _set_status(db: Database, course_id: int, status: str) -> str | None:
    with db.write_lock(), db.session() as s:
        course = s.get(Course, course_id)
        if course is None:
            return None
        course.status = status
        return course.name


def _back(view: Any, request: Request) -> str:
    """The page the button was on (the course's), else the course list."""
    return request.headers.get("referer") or str(
        request.url_for("admin:list", identity=view.identity)
    )


class CoursePage(AttendancePages):
    """The course view's details page and its buttons (mixed into CourseAdmin)."""

    details_template = "admin/course_details.html"

    async def details_context(self, request: Request) -> dict[str, Any]:
        context = await page_context(request, course_page)
        page = context["page"]
        if page is not None:
            app = bot_of(request)
            skip = app.settings.config.reminders.skip_dates
            page["attendance"] = await asyncio.to_thread(
                attendance_overview, app.db, page["course"].id, skip
            )
        return context

    @expose("/enrolment/{enrolment_id:id}/cancel", methods=["POST"])
    @button("enrolment_id", back=_back)
    async def cancel(self, post: Posted) -> Response:
        """An admin cancels one enrolment; the freed place goes to the waiting list."""
        info, pushes = await post.db_call(cancel_enrolment, post.id, errors=repo.CourseError)
        outcomes = await notify.deliver_all(post.app.channels, pushes)
        message = f"已取消 {info['name']} 的报名（{outcomes[0].label}）。" + promotion_summary(
            info["promoted"], outcomes[1:]
        )
        return done(post.request, details_url(post.request, self, info["course_id"]), message)

    @expose("/status/{course_id:id}", methods=["POST"])
    @button("course_id")
    async def set_status(self, post: Posted) -> Response:
        """Close a course for enrolment, or open it again (existing enrolments stay)."""
        status = post.form.get("status")
        if status not in STATUS_LABELS:
            return post.done("请选择开放报名或停止报名。", ok=False)
        name = await post.db_call(_set_status, post.id, str(status))
        if name is None:
            return post.done("找不到这门课程。", ok=False)
        return post.done(f"「{name}」已设为{STATUS_LABELS[str(status)]}。")
