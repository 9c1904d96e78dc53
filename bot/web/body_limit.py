"""Request body limits for every route, in front of the whole app (one ASGI middleware).

A request whose Content-Length is over its route's limit is refused before a byte of the
body is read; a body without Content-Length (chunked) is counted while it streams and cut
off as soon as it goes over. Either way the client gets a polite 413 (JSON with a Chinese
message for the JSON APIs, plain Chinese text for the rest) and the connection is closed,
so the server never holds more than the limit of one request body in memory.

The default comes from config.yml (`server.max_body_bytes`); the routes below have their
own, smaller for the worker-facing APIs and larger for the admin file import.
"""

from __future__ import annotations

from dataclasses import dataclass

import orjson
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.channels import rest, web
from bot.web import session
from bot.web.admin.transfer import MAX_UPLOAD
from bot.web.console import api

KIB = 1024
DEFAULT_MESSAGE = "请求内容太大，最多 {kb} KB。"
JSON_PREFIXES = ("/webhooks/rest/", "/model/parse", "/chat/api/", "/console/api/")


@dataclass(frozen=True)
class Limit:
    prefix: str
    max_bytes: int
    message: str = DEFAULT_MESSAGE


ROUTE_LIMITS = (
    Limit("/webhooks/rest/", rest.MAX_BODY_BYTES, "消息太长了，请分几条发送。"),
    Limit("/model/parse", rest.MAX_BODY_BYTES, "文字太长了，请缩短后再试。"),
    Limit("/chat/api/", web.MAX_BODY, "消息太长了，请分几条发送。"),
    Limit("/chat/api/upload", web.MAX_UPLOAD_BODY, "文件太大了，每个文件最大 20 MB。"),
    # the signed agreement a mediator uploads (bot/web/desk/pages.py): the same cap
    Limit("/desk/agreement/", web.MAX_UPLOAD_BODY, "文件太大了，每个文件最大 20 MB。"),
    Limit("/console/login", session.MAX_FORM_BYTES),
    Limit("/console/api/", api.MAX_BODY, "内容太长了，请分几次发送。"),
    Limit("/webhooks/wechat", 64 * KIB),  # bot/channels/wechat.py MAX_BODY_BYTES
    Limit("/webhooks/telegram", 1024 * KIB),  # bot/channels/telegram.py MAX_UPDATE_BYTES
    # the file itself plus the form around it (bot/web/admin/transfer.py)
    Limit(
        "/admin/transfer/check", MAX_UPLOAD + 64 * KIB, "文件太大：最大 5 MB。请分成几个文件导入"
    ),
)


class BodyTooLarge(Exception):
    """Raised to the app from `receive` once the body has gone over its limit."""


class BodyLimit:
    """The ASGI middleware; `default_bytes` applies to every path without a limit of its own."""

    def __init__(
        self, app: ASGIApp, default_bytes: int, limits: tuple[Limit, ...] = ROUTE_LIMITS
    ) -> None:
        self.app = app
        self.default = Limit("", default_bytes)
        self.limits = sorted(limits, key=lambda lim: len(lim.prefix), reverse=True)

    def limit_for(self, path: str) -> Limit:
        return next((lim for lim in self.limits if path.startswith(lim.prefix)), self.default)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > limit.max_bytes:
            await _refuse(scope, send, limit)  # nothing read
            return
        received, over, started = 0, False, False

        async def limited_receive() -> Message:
            nonlocal received, over
            if over:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit.max_bytes:
                    over = True
                    raise BodyTooLarge(limit.prefix)
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if over and not started:
                return  # the app's answer to a cut-off body: ours goes out instead
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except Exception:
            if not over:
                raise
        if over and not started:
            await _refuse(scope, send, limit)


async def _refuse(scope: Scope, send: Send, limit: Limit) -> None:
    """413 with a message a person can read; the connection is closed after it."""
    message = limit.message.format(kb=limit.max_bytes // KIB)
    content_type = Headers(scope=scope).get("content-type", "")
    if scope["path"].startswith(JSON_PREFIXES) or "json" in content_type:
        body = orjson.dumps({"error": "too_large", "message": message})
        media = b"application/json"
    else:
        body, media = message.encode(), b"text/plain; charset=utf-8"
    headers = [
        (b"content-type", media),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})
