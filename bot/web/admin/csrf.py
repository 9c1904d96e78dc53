"""Every state-changing /admin request carries the session's CSRF token (from ConsoleAuth).

POST, PUT, PATCH and DELETE need the console session's token: in the X-CSRF-Token header
(our scripts; admin.js adds it to sqladmin's jQuery delete) or in the `csrf_token` field of
a posted form (sqladmin's create/edit templates and all of ours render it). Without it the
request is refused with 403 before any view runs, whatever the Origin header says (the
Origin / Sec-Fetch-Site check in auth.py stays as a second line).

An endpoint that must read its body under its own limits first (the upload of 导入导出,
several MB) is marked with `@checks_own_token` and checks the token itself after those
limits; tests/admin/test_admin_csrf.py proves every state-changing route refuses a request
without the token, marked or not.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request

from bot.web.session import CSRF_FIELD, CSRF_HEADER, SAFE_METHODS, csrf_ok

MAX_FORM_FIELDS = 100  # the longest admin form (a course) has about 20
FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")
EXPIRED = "页面已过期，请刷新后再试。"

F = TypeVar("F", bound=Callable)


def checks_own_token(endpoint: F) -> F:
    """Put below @expose: this endpoint checks the CSRF token itself, after its own limits."""
    endpoint.checks_own_csrf = True  # type: ignore[attr-defined]
    return endpoint


async def _token(request: Request) -> str | None:
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in FORMS:
        return None
    try:
        # parsed once: Starlette keeps the form for the view (sqladmin's or ours)
        form = await request.form(max_files=0, max_fields=MAX_FORM_FIELDS)
    except MultiPartException as exc:
        raise HTTPException(status_code=400, detail="提交的表单不对，请刷新页面后重试。") from exc
    token = form.get(CSRF_FIELD)
    return token if isinstance(token, str) else None


async def token_missing(request: Request) -> bool:
    """True when a state-changing request lacks the session's token (and must be refused)."""
    if request.method in SAFE_METHODS:
        return False
    if getattr(request.scope.get("endpoint"), "checks_own_csrf", False):
        return False
    return not csrf_ok(request, await _token(request))
