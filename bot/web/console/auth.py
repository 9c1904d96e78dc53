"""Login and logout for staff, with CSRF-protected forms and throttled attempts."""

from __future__ import annotations

import asyncio
import math

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from bot.staff.accounts import authenticate, end_sessions, set_presence
from bot.web.session import (
    CSRF_FIELD,
    SessionData,
    context,
    csrf_ok,
    read_form,
    read_session,
    signed_in_staff,
    write_session,
)

MAX_USERNAME, MAX_PASSWORD = 64, 256


def safe_next(target: str | None) -> str:
    """Only a path on this site (never //host or a scheme) may follow the login."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/console"
    return target


def client_address(request: Request) -> str:
    """The TCP peer's address, or the client a proxy in `server.trusted_proxies` names
    (uvicorn resolves X-Forwarded-For from those peers only: bot/web/proxies.py)."""
    return request.client.host if request.client else "unknown"


def _login_page(
    request: Request, session: SessionData, error: str | None, status: int, username: str = ""
) -> Response:
    ctx = context(request)
    response = ctx.templates.TemplateResponse(
        request,
        "login.html",
        {
            "csrf": session.csrf,
            "error": error,
            "username": username,
            "next": safe_next(request.query_params.get("next")),
        },
        status_code=status,
    )
    write_session(request, response, session)
    return response


def router() -> APIRouter:
    """Login form, login, logout."""
    api = APIRouter()

    @api.get("/console/login")
    async def login_form(request: Request) -> Response:
        if await signed_in_staff(request) is not None:
            return RedirectResponse(safe_next(request.query_params.get("next")), 303)
        session = read_session(request)
        if session is None or session.uid is not None:
            session = SessionData.anonymous()
        return _login_page(request, session, None, 200)

    @api.post("/console/login")
    async def login(request: Request) -> Response:
        ctx = context(request)
        form = await read_form(request)
        username = form.get("username", "").strip()[:MAX_USERNAME]
        password = form.get("password", "")[:MAX_PASSWORD]
        fresh = SessionData.anonymous()
        if not csrf_ok(request, form.get(CSRF_FIELD)):
            return _login_page(request, fresh, "页面已过期，请重新登录。", 403, username)
        address = client_address(request)
        # counted before the password is checked, in one atomic step (bot/staff/throttle.py)
        wait = await asyncio.to_thread(ctx.throttle.attempt, username, address)
        if wait:
            minutes = math.ceil(wait / 60)
            message = f"登录失败次数过多，请 {minutes} 分钟后再试。"
            return _login_page(request, fresh, message, 429, username)
        staff = await asyncio.to_thread(authenticate, ctx.db, username, password)
        if staff is None:
            return _login_page(request, fresh, "用户名或密码不正确。", 401, username)
        await asyncio.to_thread(ctx.throttle.succeeded, username, address)
        await asyncio.to_thread(set_presence, ctx.db, staff.id, "online")
        response = RedirectResponse(safe_next(form.get("next")), status_code=303)
        write_session(request, response, SessionData.signed_in(staff))
        return response

    @api.post("/console/logout")
    async def logout(request: Request) -> Response:
        form = await read_form(request)
        staff = await signed_in_staff(request)
        if staff is not None and csrf_ok(request, form.get(CSRF_FIELD)):
            await asyncio.to_thread(end_sessions, context(request).db, staff.id)
        elif staff is not None:
            return Response("页面已过期，请刷新后重试", status_code=403)
        response = RedirectResponse("/console/login", status_code=303)
        write_session(request, response, None)
        return response

    return api
