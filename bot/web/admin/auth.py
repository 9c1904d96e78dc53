"""sqladmin's sign-in is the console's: the same cookie, admins only, the actor recorded."""

from __future__ import annotations

from sqladmin.authentication import AuthenticationBackend
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot.store.audit import set_actor
from bot.web.console.session import context, login_url, signed_in_staff, write_session


class ConsoleAuth(AuthenticationBackend):
    """Reads the console session cookie; sends strangers to /console/login, refuses staff."""

    def __init__(self, secret_key: str) -> None:
        super().__init__(secret_key=secret_key, session_cookie="workerbot_admin_flash")

    async def login(self, request: Request) -> Response | bool:
        return RedirectResponse("/console/login?next=/admin", status_code=303)

    async def logout(self, request: Request) -> Response | bool:
        response = RedirectResponse("/console/login", status_code=303)
        write_session(request, response, None)
        return response

    async def authenticate(self, request: Request) -> Response | bool:
        staff = await signed_in_staff(request)
        if staff is None:
            return RedirectResponse(login_url(request), status_code=303)
        if not staff.is_admin:
            templates = context(request).templates
            return templates.TemplateResponse(request, "forbidden.html", {}, status_code=403)
        request.state.admin_staff = staff
        # every change flushed while handling this request is recorded under this name
        set_actor(staff.username)
        return True

    async def get_user_id(self, request: Request) -> str | None:
        staff = getattr(request.state, "admin_staff", None)
        return staff.username if staff else None
