"""Server-sent events for the console: the queue and one conversation. On PostgreSQL a stream
re-reads when a change is notified (bot/store/live.py), by any server process; on SQLite it
polls the database about once a second."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any

import orjson
from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse

from bot.staff.accounts import Staff, get_staff, seen
from bot.staff.views import events_after, queue_snapshot
from bot.store.live import ANY, conversation_key
from bot.web.session import api_conversation_id, context, staff_api

if TYPE_CHECKING:
    from bot.store.db import Database

KEEPALIVE_SECONDS = 15.0
SEEN_SECONDS = 20.0
# EventSource reconnects by itself; a bounded stream never outlives a stale session for long
MAX_STREAM_SECONDS = 600.0
HEADERS = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}


def sse(event: str, data: Any, event_id: int | None = None) -> bytes:
    """One server-sent event; JSON on a single data line."""
    head = f"id: {event_id}\n" if event_id is not None else ""
    return f"{head}event: {event}\ndata: ".encode() + orjson.dumps(data) + b"\n\n"


class Presence:
    """One session check and one `seen` per account per SEEN_SECONDS in this process, however
    many of its consoles (tabs, streams) are open."""

    def __init__(self) -> None:
        self._checked: dict[tuple[int, int], tuple[float, bool]] = {}

    async def valid(self, db: Database, staff: Staff, now: float) -> bool:
        key = (staff.id, staff.session_epoch)
        at, ok = self._checked.get(key, (-SEEN_SECONDS, True))
        if now - at < SEEN_SECONDS:
            return ok
        self._checked[key] = (now, True)  # other streams of this account wait for the next turn
        current = await asyncio.to_thread(get_staff, db, staff.id)
        ok = current is not None and current.session_epoch == staff.session_epoch
        if ok:
            await asyncio.to_thread(seen, db, staff.id)
        self._checked[key] = (now, ok)
        return ok


async def poll(
    request: Request,
    staff: Staff,
    read: Callable[[], Awaitable[tuple[bytes | None, bool]]],
    keys: Iterable[str],
    presence: Presence,
) -> AsyncIterator[bytes]:
    """Call `read` when notified of a change to `keys` (or every poll on SQLite), send what it
    returns, keep the connection and presence alive.

    `read` returns (chunk or None, finished). The stream ends when the client goes away, the
    session stops being valid (logout elsewhere), or after MAX_STREAM_SECONDS.
    """
    db = context(request).db
    started = last_sent = next_seen = time.monotonic()
    next_read, woken = started, True
    yield b"retry: 2000\n\n"
    with db.live.subscribe(keys) as sub:
        while time.monotonic() - started < MAX_STREAM_SECONDS:
            if await request.is_disconnected():
                return
            now = time.monotonic()
            if now >= next_seen:
                if not await presence.valid(db, staff, now):
                    yield sse("logout", {})
                    return
                next_seen = now + SEEN_SECONDS
            if woken or now >= next_read:
                chunk, finished = await read()
                next_read = now + db.live.safety_seconds
                if chunk is not None:
                    yield chunk
                    last_sent = now
                if finished:
                    return
            if now - last_sent >= KEEPALIVE_SECONDS:
                yield b": keepalive\n\n"
                last_sent = now
            deadline = min(next_read, next_seen, last_sent + KEEPALIVE_SECONDS)
            woken = await sub.wait(max(0.0, deadline - time.monotonic()))


def _last_event_id(request: Request) -> int:
    raw = request.headers.get("last-event-id") or request.query_params.get("after") or "0"
    try:
        return max(0, int(raw))
    except ValueError:
        return 0


def router() -> APIRouter:
    """The queue stream and the per-conversation stream (behind staff_api)."""
    api = APIRouter(prefix="/console/api")
    presence = Presence()

    @api.get("/stream")
    async def queue_stream(
        request: Request, staff: Staff = Depends(staff_api)
    ) -> StreamingResponse:
        ctx = context(request)
        last: list[bytes] = [b""]

        async def read() -> tuple[bytes | None, bool]:
            snapshot = await asyncio.to_thread(queue_snapshot, ctx.db, staff.username)
            snapshot["open"] = ctx.hours.is_open_now()
            body = orjson.dumps(snapshot)
            if body == last[0]:
                return None, False
            last[0] = body
            return sse("queue", snapshot), False

        return StreamingResponse(
            poll(request, staff, read, (ANY,), presence),
            media_type="text/event-stream",
            headers=HEADERS,
        )

    @api.get("/conversations/{cid}/stream")
    async def conversation_stream(
        request: Request,
        staff: Staff = Depends(staff_api),
        cid: int = Depends(api_conversation_id),
    ) -> StreamingResponse:
        db = context(request).db
        state: dict[str, Any] = {"after": _last_event_id(request), "key": None}

        async def read() -> tuple[bytes | None, bool]:
            found = await asyncio.to_thread(events_after, db, cid, state["after"])
            if found is None:
                return sse("gone", {}), True
            key = (found["state"], found["assigned_to"])
            if not found["events"] and key == state["key"] and found["last_id"] == state["after"]:
                return None, False
            state["after"], state["key"] = found["last_id"], key
            found["mine"] = found["assigned_to"] == staff.username
            return sse("events", found, found["last_id"]), False

        return StreamingResponse(
            poll(request, staff, read, (conversation_key(cid),), presence),
            media_type="text/event-stream",
            headers=HEADERS,
        )

    return api
