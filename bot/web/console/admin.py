"""Admin-only routes under /admin (issue 7 adds its pages here): every route takes the guard."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response

from bot.staff.accounts import Staff, list_staff
from bot.web.console.api import who
from bot.web.console.pages import render_page
from bot.web.console.session import admin_api, admin_page, context


def router() -> APIRouter:
    """/admin pages and APIs, each behind admin_page or admin_api."""
    api = APIRouter(prefix="/admin")

    @api.get("")
    async def staff_list(request: Request, staff: Staff = Depends(admin_page)) -> Response:
        users = await asyncio.to_thread(list_staff, context(request).app.db)
        return render_page(request, "admin_staff.html", staff, users=users)

    @api.get("/api/staff")
    async def staff_json(request: Request, staff: Staff = Depends(admin_api)) -> Response:
        users = await asyncio.to_thread(list_staff, context(request).app.db)
        return JSONResponse([who(u) | {"active": u.active} for u in users])

    return api
