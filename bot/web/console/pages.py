"""The console's HTML pages: the queue, one conversation, and the admin-only staff list."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from bot.core.labels import channel
from bot.staff.accounts import Staff
from bot.staff.views import conversation_detail
from bot.web.session import context, page_conversation_id, read_session, staff_page


def render_page(
    request: Request, name: str, staff: Staff, status: int = 200, **values: object
) -> Response:
    """A console page with what the header needs (staff, CSRF token, desk hours)."""
    ctx = context(request)
    session = read_session(request)
    values.update(
        staff=staff,
        csrf=session.csrf if session else "",
        desk_open=ctx.hours.is_open_now(),
        schedule=ctx.hours.schedule(),
    )
    return ctx.templates.TemplateResponse(request, name, values, status_code=status)


def router() -> APIRouter:
    """The console's pages (each behind the staff_page guard)."""
    api = APIRouter()

    @api.get("/console")
    async def queue_page(request: Request, staff: Staff = Depends(staff_page)) -> Response:
        return render_page(request, "console.html", staff)

    @api.get("/console/c/{conversation_id}")
    async def conversation_page(
        request: Request,
        staff: Staff = Depends(staff_page),
        conversation_id: int = Depends(page_conversation_id),
    ) -> Response:
        detail = await asyncio.to_thread(conversation_detail, context(request).db, conversation_id)
        if detail is None:
            return render_page(request, "not_found.html", staff, status=404)
        return render_page(
            request,
            "conversation.html",
            staff,
            conversation_id=conversation_id,
            title=f"{detail['name']}（{channel(detail['channel'])}）",
        )

    return api
