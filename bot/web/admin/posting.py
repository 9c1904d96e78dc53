"""What the admin pages' own buttons share: the console's CSRF token checked on every POST form
(templates put it in with H1's `csrf_token(request)` global),
the running bot, messages shown after a redirect, and local times."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqladmin.flash import flash
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse

from actions.services import LOCAL_TZ
from bot.web.console.session import CSRF_FIELD, csrf_ok

if TYPE_CHECKING:
    from bot.app import App
    from bot.staff.accounts import Staff

MAX_FORM_FIELDS = 20


def bot_of(request: Request) -> App:
    """The running bot (sqladmin's app state, set in bot/web/admin/setup.py)."""
    return request.app.state.bot


def admin_of(request: Request) -> Staff:
    """The signed-in admin (ConsoleAuth put them on the request)."""
    return request.state.admin_staff


async def checked_form(request: Request) -> FormData | None:
    """The posted form if it carries the session's CSRF token, else None."""
    form = await request.form(max_fields=MAX_FORM_FIELDS, max_files=0)
    token = form.get(CSRF_FIELD)
    return form if isinstance(token, str) and csrf_ok(request, token) else None


def say(request: Request, message: str, ok: bool = True) -> None:
    """A message shown once on the next page."""
    if flash(request, message, "success" if ok else "danger"):
        # sqladmin appends to the stored list in place, which Starlette's session does not
        # notice when messages were already waiting: store the list again
        request.session["_messages"] = list(request.session["_messages"])


def done(request: Request, url: str, message: str, ok: bool = True) -> RedirectResponse:
    """Back to a page, with a message shown there once."""
    say(request, message, ok)
    return RedirectResponse(url, status_code=303)


def local_time(moment: datetime | None) -> str:
    """A stored naive-UTC time as the admins read it (Chongqing time)."""
    if moment is None:
        return ""
    return moment.replace(tzinfo=UTC).astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")


def field_text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""
