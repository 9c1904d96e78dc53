"""What the admin pages' own buttons share: the console's CSRF token checked on every POST form
(templates put it in with H1's `csrf_token(request)` global),
the running bot, messages shown after a redirect, and local times. `button` makes a view's
method the POST endpoint of a details page's button, with all of that done around it."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqladmin.flash import flash
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.web.admin.deps import AdminDeps
from bot.web.ids import parse_id
from bot.web.session import CSRF_FIELD, csrf_ok

if TYPE_CHECKING:
    from bot.core.clock import Clock
    from bot.staff.accounts import Staff
    from bot.store.db import Database

MAX_FORM_FIELDS = 20
EXPIRED = "页面已过期，请刷新后再试。"

T = TypeVar("T")


def bot_of(request: Request) -> AdminDeps:
    """What the admin pages use of the running bot (set in bot/web/admin/setup.py)."""
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


def local_time(moment: datetime | None, request: Request) -> str:
    """A stored naive-UTC time as the admins read it, in the union's time zone (config)."""
    return bot_of(request).clock.text(moment)


def field_text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def details_url(request: Request, view: Any, pk: object) -> str:
    """A model view's details page of one row."""
    return str(request.url_for("admin:details", identity=view.identity, pk=pk))


class Refused(Exception):
    """A button's action did not happen; its text is shown as a failure on the page."""


@dataclass(frozen=True)
class Posted:
    """A CSRF-checked form from a page's button: the id in its path, and the page to go back to."""

    request: Request
    id: int
    form: FormData
    page: str

    @property
    def app(self) -> AdminDeps:
        return bot_of(self.request)

    @property
    def admin(self) -> Staff:
        return admin_of(self.request)

    def field(self, name: str) -> str:
        return field_text(self.form, name)

    async def db_call(
        self,
        fn: Callable[..., T],
        *args: Any,
        errors: type[Exception] | tuple[type[Exception], ...] = (),
        said: str = "{}",
    ) -> T:
        """fn(the bot's database, *args) in a worker thread (it blocks); one of `errors`
        becomes Refused with its text put into `said`."""
        try:
            return await asyncio.to_thread(fn, self.app.db, *args)
        except errors as exc:
            raise Refused(said.format(exc)) from exc

    def done(self, message: str, ok: bool = True) -> RedirectResponse:
        """Back to the page, with a message shown there once."""
        return done(self.request, self.page, message, ok)


Handler = Callable[[Any, Posted], Awaitable[Response]]


def button(key: str, back: Callable[[Any, Request], str] | None = None) -> Callable[..., Any]:
    """A view's POST endpoint for one of its pages' buttons; put @expose above it.

    `key` names the id in the path; the answer goes to that row's details page, or to
    `back(view, request)`. A form without the session's CSRF token does nothing and says
    EXPIRED; a Refused raised by the handler is shown there as a failure.
    """

    def wrap(handler: Handler) -> Callable[[Any, Request], Awaitable[Response]]:
        @functools.wraps(handler)
        async def endpoint(view: Any, request: Request) -> Response:
            row_id = request.path_params[key]
            page = back(view, request) if back else details_url(request, view, row_id)
            form = await checked_form(request)
            if form is None:
                return done(request, page, EXPIRED, ok=False)
            try:
                return await handler(view, Posted(request, row_id, form, page))
            except Refused as exc:
                return done(request, page, str(exc), ok=False)

        return endpoint

    return wrap


async def page_context(
    request: Request, read: Callable[[Database, int, Clock], Any]
) -> dict[str, Any]:
    """A details page's context: {"page": read(db, pk, clock)}, read in a worker thread (it
    blocks on the database); None for a pk that cannot name a row."""
    pk = parse_id(request.path_params["pk"])
    deps = bot_of(request)
    page = await asyncio.to_thread(read, deps.db, pk, deps.clock) if pk is not None else None
    return {"page": page}
