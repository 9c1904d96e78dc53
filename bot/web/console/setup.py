"""Mount the console on the web app: routes, templates, static files, guards, security headers."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.app import App
from bot.staff.config import ConsoleConfig
from bot.staff.desk import ConsoleDesk
from bot.staff.hours import WorkingHours
from bot.staff.throttle import LoginThrottle
from bot.web.admin.setup import mount_admin
from bot.web.console import api, auth, pages, streams
from bot.web.console.secret import session_key
from bot.web.console.session import (
    CsrfFailed,
    Forbidden,
    LoginRequired,
    NoSuchConversation,
    SessionCodec,
    login_url,
)

WEB_DIR = Path(__file__).resolve().parent.parent
TEMPLATES = WEB_DIR / "templates"
STATIC = WEB_DIR / "static"

# no inline script or style anywhere: the pages load only their own files
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
GUARDED_PREFIXES = ("/console", "/admin", "/chat", "/static")


@dataclass
class ConsoleContext:
    """What console routes need, kept on web.state (no module globals)."""

    app: App
    config: ConsoleConfig
    codec_key: bytes
    codec: SessionCodec
    templates: Jinja2Templates
    desk: ConsoleDesk
    hours: WorkingHours
    throttle: LoginThrottle


class SecurityHeaders:
    """CSP, no sniffing, no framing, no referrer leaks on the console and chat pages."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(GUARDED_PREFIXES):
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"same-origin"),
                ]
                if scope["path"].startswith(("/console", "/admin")):
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status)


def mount_console(web: FastAPI, app: App) -> ConsoleContext:
    """Add the console, the admin guard and their handlers to the web app."""
    config = app.settings.config.console
    templates = Jinja2Templates(directory=str(TEMPLATES))
    key = session_key(app.settings)
    ctx = ConsoleContext(
        app=app,
        config=config,
        codec_key=key,
        codec=SessionCodec(key, config.session_hours * 3600),
        templates=templates,
        desk=ConsoleDesk(app.db),
        hours=WorkingHours(config),
        throttle=LoginThrottle(
            app.db,
            config.login_attempts,
            timedelta(minutes=config.login_window_minutes),
            config.login_attempts_per_address,
        ),
    )
    web.state.console = ctx
    web.add_middleware(SecurityHeaders)
    web.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    for module in (auth, pages, api, streams):
        web.include_router(module.router())

    @web.exception_handler(LoginRequired)
    async def _login_required(request: Request, exc: LoginRequired) -> Response:
        if exc.api:
            return _error(401, "login_required", "请先登录")
        return RedirectResponse(login_url(request), status_code=303)

    @web.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden) -> Response:
        if exc.api:
            return _error(403, "forbidden", "没有权限")
        return templates.TemplateResponse(request, "forbidden.html", {}, status_code=403)

    @web.exception_handler(CsrfFailed)
    async def _csrf(request: Request, exc: CsrfFailed) -> Response:
        return _error(403, "csrf", "页面已过期，请刷新后重试")

    @web.exception_handler(NoSuchConversation)
    async def _no_such(request: Request, exc: NoSuchConversation) -> Response:
        if exc.api:
            return _error(404, "not_found", "没有这个会话")
        return pages.render_page(request, "not_found.html", exc.staff, status=404)

    flash_key = hmac.new(ctx.codec_key, b"admin-flash", hashlib.sha256).hexdigest()
    mount_admin(web, app, ctx, flash_key)
    return ctx
