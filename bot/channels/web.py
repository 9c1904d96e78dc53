"""The web chat channel: /chat in a phone's browser, replies in the response, staff messages
and notices on a per-worker event stream read from the database when a change is notified
(PostgreSQL) or about once a second (SQLite)."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from sqlalchemy import select
from starlette.datastructures import UploadFile

from bot.channels.base import ChannelPlugin
from bot.channels.http_json import json_error, read_object
from bot.core.attachments import Attachment
from bot.core.messages import Incoming, Push
from bot.store.db import Database
from bot.store.live import ANY, conversation_key
from bot.store.models import EV_BOT, EV_STAFF, EV_SYSTEM, EV_USER, Conversation, Event

if TYPE_CHECKING:
    from bot.core.ports import Handle
    from bot.store.db import Database

CHANNEL = "web"
PAGE = Path(__file__).resolve().parent.parent / "web" / "templates" / "chat.html"
SENDER = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
MAX_BODY = 16 * 1024
# an upload's body: the largest file config allows (evidence.max_bytes, at most 20 MB) plus
# the form around it (bot/web/body_limit.py)
MAX_UPLOAD_BODY = 20 * 1024 * 1024 + 64 * 1024
HISTORY = 50
KEEPALIVE_SECONDS = 15.0
MAX_STREAM_SECONDS = 600.0


def _message(e: Event) -> dict[str, Any] | None:
    """An event as the worker's page shows it; None for what the worker never sees."""
    data = e.data or {}
    if e.type == EV_USER:
        kind = "user"
    elif e.type == EV_BOT:
        kind = "bot"
    elif e.type == EV_STAFF:
        kind = "staff"
    elif e.type == EV_SYSTEM and data.get("notice") and e.text:
        kind = "notice"
    else:
        return None
    item: dict[str, Any] = {"id": e.id, "kind": kind, "text": e.text or ""}
    if kind == "staff" and data.get("name"):
        item["author"] = data["name"]
    if kind in ("bot", "notice") and data.get("buttons"):
        item["buttons"] = [{"title": b["title"], "payload": b["payload"]} for b in data["buttons"]]
    return item


def read_messages(
    db: Database, sender: str, after: int, pushed_only: bool, limit: int = HISTORY
) -> tuple[list[dict[str, Any]], int]:
    """The worker's visible messages after an event id (pushes only, for the live stream)."""
    items, last, _ = read_messages_of(db, sender, after, pushed_only, limit)
    return items, last


def read_messages_of(
    db: Database, sender: str, after: int, pushed_only: bool, limit: int = HISTORY
) -> tuple[list[dict[str, Any]], int, int | None]:
    """read_messages, and the conversation's id (None while the worker has none)."""
    with db.read() as s:
        cid = s.scalar(
            select(Conversation.id).where(
                Conversation.channel == CHANNEL, Conversation.sender_id == sender
            )
        )
        if cid is None:
            return [], after, None
        types = (EV_STAFF, EV_SYSTEM) if pushed_only else (EV_USER, EV_BOT, EV_STAFF, EV_SYSTEM)
        query = select(Event).where(Event.conversation_id == cid, Event.type.in_(types))
        if pushed_only:
            rows = s.scalars(query.where(Event.id > after).order_by(Event.id).limit(limit)).all()
        else:
            rows = s.scalars(query.order_by(Event.id.desc()).limit(limit)).all()[::-1]
        last = s.scalar(
            select(Event.id).where(Event.conversation_id == cid).order_by(Event.id.desc()).limit(1)
        )
    items = [m for m in (_message(e) for e in rows) if m is not None]
    return items, (rows[-1].id if pushed_only and rows else last or after), cid


class WebChat(ChannelPlugin):
    """Pushes need no delivery here: the worker's open page streams them from the log."""

    name = CHANNEL

    def __init__(
        self, handle: Handle, db: Database, max_file_bytes: int = 10 * 1024 * 1024
    ) -> None:
        self.handle, self.db, self.max_file_bytes = handle, db, max_file_bytes

    async def _upload(self, request: Request) -> Response:
        """A photo or file from the page's upload button (multipart: sender, message_id, file)."""
        try:
            form = await request.form(max_files=1, max_fields=4, max_part_size=MAX_BODY)
        except Exception:  # noqa: BLE001 - a malformed or oversized multipart body
            return json_error(400, "bad_form", "上传的内容不正确，请重新选择文件。")
        try:
            sender, mid, file = form.get("sender"), form.get("message_id"), form.get("file")
            if not isinstance(sender, str) or not SENDER.match(sender):
                return json_error(400, "bad_sender", "会话编号不正确，请刷新页面。")
            if not isinstance(mid, str) or not MESSAGE_ID.match(mid):
                return json_error(400, "bad_message_id", "消息编号不正确。")
            if not isinstance(file, UploadFile):
                return json_error(400, "bad_file", "请选择要上传的文件。")
            # one byte over the cap is enough to know it is too big
            data = await file.read(self.max_file_bytes + 1)
            too_big = len(data) > self.max_file_bytes
            attachment = Attachment(
                file.filename or "", None if too_big else data, len(data), too_big
            )
        finally:
            await form.close()
        replies = await self.handle(Incoming(CHANNEL, sender, "", mid, attachment=attachment))
        return JSONResponse({"replies": replies})

    async def send(self, push: Push) -> bool:
        """Recorded already; the worker's page picks it up from the log within a second."""
        return True

    def router(self) -> APIRouter:
        """The page, sending, history and the live stream."""
        api = APIRouter()

        @api.get("/chat")
        async def page() -> Response:
            return HTMLResponse(PAGE.read_text(encoding="utf-8"))

        @api.post("/chat/api/send")
        async def send(request: Request) -> Response:
            body = await read_object(request, MAX_BODY, "请求应为 JSON 对象。")
            if isinstance(body, JSONResponse):
                return body
            sender, text, mid = body.get("sender"), body.get("text"), body.get("message_id")
            if not isinstance(sender, str) or not SENDER.match(sender):
                return json_error(400, "bad_sender", "会话编号不正确，请刷新页面。")
            if not isinstance(text, str):
                return json_error(400, "bad_text", "消息应为文字。")
            if not isinstance(mid, str) or not MESSAGE_ID.match(mid):
                return json_error(400, "bad_message_id", "消息编号不正确。")
            # the engine keeps message ids per conversation: one sender's id never answers
            # for another's
            replies = await self.handle(Incoming(CHANNEL, sender, text, mid))
            return JSONResponse({"replies": replies})

        @api.post("/chat/api/upload")
        async def upload(request: Request) -> Response:
            return await self._upload(request)

        @api.get("/chat/api/history")
        async def history(sender: str = "") -> Response:
            if not SENDER.match(sender):
                return json_error(400, "bad_sender", "会话编号不正确，请刷新页面。")
            items, last = await asyncio.to_thread(read_messages, self.db, sender, 0, False)
            return JSONResponse({"messages": items, "last_id": last})

        @api.get("/chat/api/stream")
        async def stream(request: Request, sender: str = "", after: int = 0) -> Response:
            if not SENDER.match(sender):
                return json_error(400, "bad_sender", "会话编号不正确，请刷新页面。")
            header = request.headers.get("last-event-id", "")
            start = int(header) if header.isdigit() else max(0, after)
            return StreamingResponse(
                _stream(request, self.db, sender, start),
                media_type="text/event-stream",
                headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
            )

        return api


async def _stream(request: Request, db: Database, sender: str, after: int) -> AsyncIterator[bytes]:
    """Staff messages and notices for one worker as they are recorded, by any process."""
    started = last_sent = next_read = time.monotonic()
    woken = True
    yield b"retry: 2000\n\n"
    # until the worker has a conversation, any change may be its first message
    with db.live.subscribe((ANY,)) as sub:
        while time.monotonic() - started < MAX_STREAM_SECONDS:
            if await request.is_disconnected():
                return
            now = time.monotonic()
            if woken or now >= next_read:
                items, last, cid = await asyncio.to_thread(
                    read_messages_of, db, sender, after, True, HISTORY
                )
                next_read = now + db.live.safety_seconds
                if cid is not None and ANY in sub.keys:
                    sub.watch(conversation_key(cid))
                    sub.unwatch(ANY)
                for item in items:
                    yield (
                        f"id: {item['id']}\nevent: message\ndata: ".encode()
                        + orjson.dumps(item)
                        + b"\n\n"
                    )
                    last_sent = now
                after = max(after, last)
            if now - last_sent >= KEEPALIVE_SECONDS:
                yield b": keepalive\n\n"
                last_sent = now
            deadline = min(next_read, last_sent + KEEPALIVE_SECONDS)
            woken = await sub.wait(max(0.0, deadline - time.monotonic()))
