"""What the console and the admin share: the web context, staff sessions in signed cookies,
CSRF tokens, and the guards every staff or admin route uses."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import secrets
import time
from dataclasses import asdict, dataclass
from urllib.parse import parse_qs, quote

import orjson
from fastapi import Depends, Request, Response
from fastapi.templating import Jinja2Templates

from bot.core.clock import Clock
from bot.core.ports import Deliverer
from bot.settings import Settings
from bot.settings.console import ConsoleConfig
from bot.staff.accounts import Staff, get_staff
from bot.staff.desk import ConsoleDesk
from bot.staff.hours import WorkingHours
from bot.staff.throttle import LoginThrottle
from bot.store.db import Database
from bot.web.ids import parse_id

COOKIE = "wb_session"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
MAX_FORM_BYTES = 16 * 1024


@dataclass
class WebContext:
    """What staff and admin routes need, built by the server and kept on web.state (no module
    globals, no App): the database, delivery of pushes, the clock, settings and the session."""

    db: Database
    channels: Deliverer
    clock: Clock
    settings: Settings
    config: ConsoleConfig
    codec_key: bytes
    codec: SessionCodec
    templates: Jinja2Templates
    desk: ConsoleDesk
    hours: WorkingHours
    throttle: LoginThrottle


@dataclass(frozen=True)
class SessionData:
    """What a session cookie carries: ids and the CSRF token, signed, never a password."""

    uid: int | None  # None: not signed in yet (the login form still needs a CSRF token)
    epoch: int
    csrf: str
    iat: int

    @classmethod
    def anonymous(cls) -> SessionData:
        """Before login: only a CSRF token, for the login form itself."""
        return cls(None, 0, secrets.token_urlsafe(32), int(time.time()))

    @classmethod
    def signed_in(cls, staff: Staff) -> SessionData:
        """A fresh token at login, so a token seen before login is worth nothing after."""
        return cls(staff.id, staff.session_epoch, secrets.token_urlsafe(32), int(time.time()))


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class SessionCodec:
    """HMAC-SHA256 signed, expiring session cookies (nothing secret is in them)."""

    def __init__(self, key: bytes, max_age: int) -> None:
        self.key = hashlib.sha256(b"workerbot console session\0" + key).digest()
        self.max_age = max_age

    def _sign(self, payload: str) -> str:
        return _b64(hmac.new(self.key, payload.encode(), hashlib.sha256).digest())

    def dumps(self, data: SessionData) -> str:
        """payload.signature, both URL-safe base64."""
        payload = _b64(orjson.dumps(asdict(data)))
        return f"{payload}.{self._sign(payload)}"

    def loads(self, value: str | None, now: float | None = None) -> SessionData | None:
        """The session if the signature is ours and it has not expired."""
        if not value or value.count(".") != 1:
            return None
        payload, signature = value.split(".")
        if not hmac.compare_digest(signature, self._sign(payload)):
            return None
        try:
            data = SessionData(**orjson.loads(_unb64(payload)))
        except (ValueError, TypeError, orjson.JSONDecodeError):
            return None
        if data.iat + self.max_age < (now or time.time()):
            return None
        return data


class LoginRequired(Exception):
    """No valid staff session: pages redirect to the login form, APIs answer 401."""

    def __init__(self, api: bool) -> None:
        self.api = api


class Forbidden(Exception):
    """Signed in, but not allowed here (a staff account on an admin route): 403."""

    def __init__(self, api: bool) -> None:
        self.api = api


class GoToDesk(Exception):
    """A mediator opening the staff console: their page is the desk (/desk)."""


class CsrfFailed(Exception):
    """A state-changing request without the session's CSRF token: 403."""


class NoSuchConversation(Exception):
    """A conversation id in the URL that names no record ("abc", "-1", a huge number): 404."""

    def __init__(self, api: bool, staff: Staff) -> None:
        self.api, self.staff = api, staff


def context(request: Request) -> WebContext:
    """The per-app web context (kept on web.state, not in module globals)."""
    return request.app.state.console


def read_session(request: Request) -> SessionData | None:
    """The request's session cookie, verified (cached on the request)."""
    if not hasattr(request.state, "console_session"):
        codec = context(request).codec
        request.state.console_session = codec.loads(request.cookies.get(COOKIE))
    return request.state.console_session


def write_session(request: Request, response: Response, data: SessionData | None) -> None:
    """Set (or, with None, clear) the cookie: HttpOnly, SameSite=Lax, Secure over https."""
    secure = request.url.scheme == "https"
    if data is None:
        response.delete_cookie(COOKIE, path="/", secure=secure, httponly=True, samesite="lax")
        return
    response.set_cookie(
        COOKIE,
        context(request).codec.dumps(data),
        max_age=context(request).codec.max_age,
        path="/",
        secure=secure,
        httponly=True,
        samesite="lax",
    )


async def signed_in_staff(request: Request) -> Staff | None:
    """The staff member behind the cookie, if the account is active and the session current."""
    session = read_session(request)
    if session is None or session.uid is None:
        return None
    staff = await asyncio.to_thread(get_staff, context(request).db, session.uid)
    if staff is None or staff.session_epoch != session.epoch:
        return None
    return staff


def csrf_ok(request: Request, token: str | None) -> bool:
    """Constant-time comparison with the token kept in the signed session."""
    session = read_session(request)
    if session is None or not token:
        return False
    return hmac.compare_digest(token.encode(), session.csrf.encode())


async def read_form(request: Request) -> dict[str, str]:
    """A small urlencoded form body (the login and logout forms), first value per field."""
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        return {}
    fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    return {k: v[0] for k, v in fields.items()}


def login_url(request: Request) -> str:
    """The login form, returning here afterwards."""
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return f"/console/login?next={quote(target, safe='')}"


# -- guards (FastAPI dependencies) --------------------------------------------------------
async def staff_page(request: Request) -> Staff:
    """Console pages: any signed-in staff member, else a redirect to the login form; a
    mediator is sent from the console's front page to the desk and refused everything else."""
    staff = await signed_in_staff(request)
    if staff is None:
        raise LoginRequired(api=False)
    if staff.is_mediator:
        if request.url.path.rstrip("/") == "/console":
            raise GoToDesk()
        raise Forbidden(api=False)
    return staff


async def staff_api(request: Request) -> Staff:
    """Console APIs: 401 without a session; 403 for a mediator, and on a state change
    without the CSRF header."""
    staff = await signed_in_staff(request)
    if staff is None:
        raise LoginRequired(api=True)
    if staff.is_mediator:
        raise Forbidden(api=True)
    if request.method not in SAFE_METHODS and not csrf_ok(
        request, request.headers.get(CSRF_HEADER)
    ):
        raise CsrfFailed()
    return staff


async def admin_page(request: Request) -> Staff:
    """Admin pages (issue 7 builds on this): admins only, 403 for other staff."""
    staff = await staff_page(request)
    if not staff.is_admin:
        raise Forbidden(api=False)
    return staff


async def admin_api(request: Request) -> Staff:
    """Admin APIs: as staff_api, and admins only."""
    staff = await staff_api(request)
    if not staff.is_admin:
        raise Forbidden(api=True)
    return staff


async def mediator_page(request: Request) -> Staff:
    """Desk pages and forms: mediators only (the login form for strangers, 403 for staff and
    admins: an admin reads cases in /admin)."""
    staff = await signed_in_staff(request)
    if staff is None:
        raise LoginRequired(api=False)
    if not staff.is_mediator:
        raise Forbidden(api=False)
    return staff


# -- ids in console URLs (after the guard: strangers still get 401 / the login form) -------
async def api_conversation_id(cid: str, staff: Staff = Depends(staff_api)) -> int:
    """The `{cid}` of a console API route as an id, else a JSON 404."""
    value = parse_id(cid)
    if value is None:
        raise NoSuchConversation(api=True, staff=staff)
    return value


async def page_conversation_id(conversation_id: str, staff: Staff = Depends(staff_page)) -> int:
    """The `{conversation_id}` of a console page as an id, else the 没有这个会话 page."""
    value = parse_id(conversation_id)
    if value is None:
        raise NoSuchConversation(api=False, staff=staff)
    return value
