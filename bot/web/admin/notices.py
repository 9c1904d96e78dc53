"""Admin page 群发通知: write a notice for a topic's subscribers or a course's enrolees,
preview it as the workers will read it, send it, and watch the counts (docs/notices.md).

Sending happens in the background (bot/outreach/notice_sender.py); this page only fixes the
recipients. Starting is a conditional update, so a double click or two admins send once."""

from __future__ import annotations

import asyncio
from typing import Any

from sqladmin import BaseView, expose
from sqlalchemy import select
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from bot.core.clock import utcnow
from bot.outreach import announcements
from bot.store.db import Database
from bot.store.models import (
    DELIVERY_DELIVERED,
    DELIVERY_FAILED,
    DELIVERY_LABELS,
    DELIVERY_PENDING,
    DELIVERY_SENDING,
    DELIVERY_UNREACHABLE,
    NOTICE_LABELS,
    NOTICE_SENDING,
    TOPIC_LABELS,
    Announcement,
    Course,
)
from bot.web.admin.deps import AdminDeps
from bot.web.admin.posting import EXPIRED, admin_of, bot_of, checked_form, done, field_text
from bot.web.ids import parse_id

COUNT_ORDER = (
    DELIVERY_DELIVERED,
    DELIVERY_FAILED,
    DELIVERY_UNREACHABLE,
    DELIVERY_PENDING,
    DELIVERY_SENDING,
)


def overview(db: Database) -> dict[str, Any]:
    """The form's choices and the latest notices."""
    with db.read() as s:
        courses = s.execute(select(Course.id, Course.code, Course.name).order_by(Course.code)).all()
        latest = s.scalars(select(Announcement).order_by(Announcement.id.desc()).limit(30)).all()
        rows = [
            {
                "id": a.id,
                "audience": TOPIC_LABELS.get(a.topic, "") if a.topic else "课程学员",
                "text": a.text[:40],
                "status": NOTICE_LABELS.get(a.status, a.status),
                "by": a.created_by,
                "at": a.created_at,
            }
            for a in latest
        ]
    return {"courses": courses, "notices": rows, "topics": TOPIC_LABELS}


def detail(db: Database, notice_id: int) -> dict[str, Any] | None:
    """The preview and the counts so far."""
    found = announcements.preview(db, notice_id)
    if found is None:
        return None
    counts = announcements.progress(db, notice_id)
    total = sum(counts.values())
    done_n = total - counts.get(DELIVERY_PENDING, 0) - counts.get(DELIVERY_SENDING, 0)
    return {
        "notice": found,
        "status_label": NOTICE_LABELS.get(found.status, found.status),
        "counts": [(DELIVERY_LABELS[k], counts.get(k, 0), k) for k in COUNT_ORDER],
        "percent": int(100 * done_n / total) if total else 0,
        "sending": found.status == NOTICE_SENDING,
    }


class NoticesView(BaseView):
    name = "群发通知"
    icon = "fa-solid fa-bullhorn"
    category = "课程与报名"

    # the first route declared is the menu's (sqladmin registers them last-to-first)
    @expose("/notices", methods=["GET"], identity="notices")
    async def page(self, request: Request) -> Response:
        data = await asyncio.to_thread(overview, bot_of(request).db)
        return await self.templates.TemplateResponse(
            request, "admin/notices.html", {"title": "群发通知", **data}
        )

    @expose("/notices/new", methods=["POST"], identity="notices-new")
    async def create(self, request: Request) -> Response:
        back = str(request.url_for("admin:view-notices"))
        form = await checked_form(request)
        if form is None:
            return done(request, back, EXPIRED, ok=False)
        topic = field_text(form, "topic") or None
        course_id = (
            parse_id(field_text(form, "course_id")) if field_text(form, "course_id") else None
        )
        try:
            notice_id = await asyncio.to_thread(
                announcements.create,
                bot_of(request).db,
                topic,
                course_id,
                field_text(form, "text"),
                admin_of(request).username,
            )
        except announcements.NoticeError as exc:
            return done(request, back, str(exc), ok=False)
        url = request.url_for("admin:view-notices-detail", notice_id=notice_id)
        return done(request, str(url), "草稿已保存，请检查预览后再发送。")

    @expose("/notices/{notice_id:id}", methods=["GET"], identity="notices-detail")
    async def show(self, request: Request) -> Response:
        data = await asyncio.to_thread(detail, bot_of(request).db, request.path_params["notice_id"])
        if data is None:
            raise HTTPException(status_code=404, detail="Object not found")
        return await self.templates.TemplateResponse(
            request, "admin/notice_detail.html", {"title": "通知预览", **data}
        )

    @expose("/notices/{notice_id:id}/send", methods=["POST"], identity="notices-send")
    async def send(self, request: Request) -> Response:
        notice_id = request.path_params["notice_id"]
        db = bot_of(request).db
        if await asyncio.to_thread(announcements.preview, db, notice_id) is None:
            raise HTTPException(status_code=404, detail="Object not found")
        back = str(request.url_for("admin:view-notices-detail", notice_id=notice_id))
        form = await checked_form(request)
        if form is None:
            return done(request, back, EXPIRED, ok=False)
        n = await asyncio.to_thread(announcements.start, bot_of(request).db, notice_id, utcnow())
        if n == 0:
            return done(request, back, "这条通知已经发送过，或者没有收件人。", ok=False)
        return done(request, back, f"开始发送，共 {n} 人。页面会自动刷新进度。")


def views(deps: AdminDeps) -> list[type]:
    return [NoticesView]
