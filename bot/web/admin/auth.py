"""sqladmin's sign-in is the console's: the same cookie, admins only, the actor recorded.

State-changing requests must carry the session's CSRF token (bot/web/admin/csrf.py: a form
field or the X-CSRF-Token header, sqladmin's own forms and delete included), and one whose
Origin (or Sec-Fetch-Site) names another site is refused as well, on top of the SameSite=Lax
session cookie. Ids in the URL are checked first (bot/web/admin/urls.py).
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

from sqladmin.authentication import AuthenticationBackend
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from bot.staff.accounts import end_sessions
from bot.store.audit import set_actor
from bot.web.admin.csrf import EXPIRED, token_missing
from bot.web.admin.urls import check_admin_url
from bot.web.session import (
    CSRF_HEADER,
    SAFE_METHODS,
    context,
    csrf_ok,
    login_url,
    read_session,
    signed_in_staff,
    write_session,
)


def wants_json(request: Request) -> bool:
    """A script calling an endpoint (answer with JSON), not a browser opening a page."""
    accept = request.headers.get("accept", "")
    return "application/json" in accept or request.headers.get("x-requested-with") == "fetch"


def cross_site(request: Request) -> bool:
    """True when a browser says the request was started by another site."""
    if request.headers.get("sec-fetch-site") == "cross-site":
        return True
    origin = request.headers.get("origin")
    if not origin:
        return False
    return origin == "null" or urlsplit(origin).netloc != request.headers.get("host", "")


def csrf_token(request: Request) -> str:
    """The signed-in session's CSRF token, for <meta name="csrf-token"> on admin pages."""
    session = read_session(request)
    return session.csrf if session is not None else ""


def require_csrf(request: Request) -> Response | None:
    """None when the request carries the session's CSRF header, else the 403 to return."""
    if csrf_ok(request, request.headers.get(CSRF_HEADER)):
        return None
    return JSONResponse({"error": "csrf", "message": "页面已过期，请刷新后重试"}, status_code=403)


class ConsoleAuth(AuthenticationBackend):
    """Reads the console session cookie; sends strangers to /console/login, refuses staff."""

    def __init__(self, secret_key: str) -> None:
        super().__init__(secret_key=secret_key, session_cookie="workerbot_admin_flash")

    async def login(self, request: Request) -> Response | bool:
        return RedirectResponse("/console/login?next=/admin", status_code=303)

    async def logout(self, request: Request) -> Response | bool:
        """The menu's 退出 (a GET link): ends every copy of the session, as the console's
        logout does (the account's session_epoch moves on), and clears the cookie. A link
        on another site cannot sign an admin out: that request only leads back to /admin/."""
        if cross_site(request):
            return RedirectResponse("/admin/", status_code=303)
        staff = await signed_in_staff(request)
        if staff is not None:
            await asyncio.to_thread(end_sessions, context(request).db, staff.id)
        request.session.clear()  # sqladmin's flash messages
        response = RedirectResponse("/console/login", status_code=303)
        write_session(request, response, None)
        return response

    async def authenticate(self, request: Request) -> Response | bool:
        staff = await signed_in_staff(request)
        if staff is None:
            if wants_json(request):
                return JSONResponse({"error": "login_required", "message": "请先登录"}, 401)
            return RedirectResponse(login_url(request), status_code=303)
        if not staff.is_admin:
            if wants_json(request):
                return JSONResponse({"error": "forbidden", "message": "没有权限"}, 403)
            templates = context(request).templates
            return templates.TemplateResponse(request, "forbidden.html", {}, status_code=403)
        if request.method not in SAFE_METHODS and cross_site(request):
            return JSONResponse(
                {"error": "cross_site", "message": "请从管理后台的页面操作"}, status_code=403
            )
        check_admin_url(request)  # raises a polite 404 / 400 for ids that name no record
        if await token_missing(request):  # a change without the session's CSRF token
            sent_json = request.headers.get("content-type", "").startswith("application/json")
            if wants_json(request) or sent_json:
                return JSONResponse({"error": "csrf", "message": EXPIRED}, status_code=403)
            raise HTTPException(status_code=403, detail=EXPIRED)  # sqladmin's error page
        request.state.admin_staff = staff
        # every change flushed while handling this request is recorded under this name
        set_actor(staff.username)
        return True

    async def get_user_id(self, request: Request) -> str | None:
        staff = getattr(request.state, "admin_staff", None)
        return staff.username if staff else None
