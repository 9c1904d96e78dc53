"""Mount the console on the web app: routes, static files and the guards' error answers."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from bot.web.console import api, auth, pages, streams
from bot.web.session import (
    CsrfFailed,
    Forbidden,
    GoToDesk,
    LoginRequired,
    NoSuchConversation,
    WebContext,
    login_url,
)

STATIC = Path(__file__).resolve().parent.parent / "static"


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status)


def mount_console(web: FastAPI, ctx: WebContext) -> None:
    """Add the console's routes, static files and error handlers to the web app."""
    templates = ctx.templates
    web.state.console = ctx
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

    @web.exception_handler(GoToDesk)
    async def _go_to_desk(request: Request, exc: GoToDesk) -> Response:
        return RedirectResponse("/desk", status_code=303)

    @web.exception_handler(CsrfFailed)
    async def _csrf(request: Request, exc: CsrfFailed) -> Response:
        return _error(403, "csrf", "页面已过期，请刷新后重试")

    @web.exception_handler(NoSuchConversation)
    async def _no_such(request: Request, exc: NoSuchConversation) -> Response:
        if exc.api:
            return _error(404, "not_found", "没有这个会话")
        return pages.render_page(request, "not_found.html", exc.staff, status=404)
