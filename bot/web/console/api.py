"""The console's JSON API: queue, conversation, claim, reply, note, transfer, resolve, hand back."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

import orjson
from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response

from bot.core.messages import Push
from bot.staff.accounts import AccountError, Staff, online_staff, set_presence, staff_of
from bot.staff.desk import Conflict
from bot.staff.views import canned_replies, conversation_detail, queue_snapshot
from bot.store.models import StaffUser
from bot.web.session import api_conversation_id, context, staff_api

MAX_BODY = 16 * 1024
T = TypeVar("T")


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status)


async def _text(request: Request) -> str | JSONResponse:
    """The `text` field of a staff message, or the 400 to answer instead."""
    try:
        return str((await _body(request)).get("text") or "")
    except ValueError as exc:
        return _error(400, "bad_request", str(exc))


async def _body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if len(raw) > MAX_BODY:
        raise ValueError("内容太长")
    try:
        body = orjson.loads(raw or b"{}")
    except orjson.JSONDecodeError as exc:
        raise ValueError("请求不是有效的 JSON") from exc
    if not isinstance(body, dict):
        raise ValueError("请求应为 JSON 对象")
    return body


async def _run(op: Callable[[], T]) -> T | JSONResponse:
    """Run a desk operation off the event loop, mapping its refusals to HTTP answers."""
    try:
        return await asyncio.to_thread(op)
    except Conflict as exc:
        return _error(409, "conflict", str(exc))
    except LookupError:
        return _error(404, "not_found", "没有这个会话")
    except (ValueError, AccountError) as exc:
        return _error(400, "bad_request", str(exc))


async def _deliver(request: Request, pushes: list[Push]) -> JSONResponse:
    channels = context(request).channels
    delivered = [await channels.deliver(p) for p in pushes]
    return JSONResponse({"ok": True, "delivered": all(delivered)})


def who(user: StaffUser) -> dict[str, Any]:
    """A staff account as the console lists it (never the password hash)."""
    return {"username": user.username, "name": user.display_name, "role": user.role}


def router() -> APIRouter:
    """The console's JSON routes (each behind staff_api, so writes need the CSRF header)."""
    api = APIRouter(prefix="/console/api")

    @api.get("/queue")
    async def queue(request: Request, staff: Staff = Depends(staff_api)) -> Response:
        ctx = context(request)
        snapshot = await asyncio.to_thread(queue_snapshot, ctx.db, staff.username)
        snapshot["open"] = ctx.hours.is_open_now()
        return JSONResponse(snapshot)

    @api.get("/conversations/{cid}")
    async def detail(
        request: Request, staff: Staff = Depends(staff_api), cid: int = Depends(api_conversation_id)
    ) -> Response:
        found = await asyncio.to_thread(conversation_detail, context(request).db, cid)
        if found is None:
            return _error(404, "not_found", "没有这个会话")
        found["mine"] = found["assigned_to"] == staff.username
        return JSONResponse(found)

    @api.post("/conversations/{cid}/claim")
    async def claim(
        request: Request, staff: Staff = Depends(staff_api), cid: int = Depends(api_conversation_id)
    ) -> Response:
        push = await _run(lambda: context(request).desk.claim(cid, staff))
        return push if isinstance(push, JSONResponse) else await _deliver(request, [push])

    @api.post("/conversations/{cid}/reply")
    async def reply(
        request: Request, staff: Staff = Depends(staff_api), cid: int = Depends(api_conversation_id)
    ) -> Response:
        text = await _text(request)
        if isinstance(text, JSONResponse):
            return text
        push = await _run(lambda: context(request).desk.reply(cid, staff, text))
        return push if isinstance(push, JSONResponse) else await _deliver(request, [push])

    @api.post("/conversations/{cid}/note")
    async def note(
        request: Request, staff: Staff = Depends(staff_api), cid: int = Depends(api_conversation_id)
    ) -> Response:
        text = await _text(request)
        if isinstance(text, JSONResponse):
            return text
        done = await _run(lambda: context(request).desk.note(cid, staff, text))
        return done if isinstance(done, JSONResponse) else JSONResponse({"ok": True})

    @api.post("/conversations/{cid}/transfer")
    async def transfer(
        request: Request, staff: Staff = Depends(staff_api), cid: int = Depends(api_conversation_id)
    ) -> Response:
        ctx = context(request)
        try:
            to = str((await _body(request)).get("to") or "")
        except ValueError as exc:
            return _error(400, "bad_request", str(exc))
        online = await asyncio.to_thread(online_staff, ctx.db)
        target = next((u for u in online if u.username == to), None)
        if target is None:
            return _error(409, "conflict", "这位同事现在不在线")
        push = await _run(lambda: ctx.desk.transfer(cid, staff, staff_of(target)))
        return push if isinstance(push, JSONResponse) else await _deliver(request, [push])

    @api.post("/conversations/{cid}/resolve")
    async def resolve(
        request: Request, staff: Staff = Depends(staff_api), cid: int = Depends(api_conversation_id)
    ) -> Response:
        text = await _text(request)
        if isinstance(text, JSONResponse):
            return text
        pushes = await _run(lambda: context(request).desk.resolve(cid, staff, text))
        return pushes if isinstance(pushes, JSONResponse) else await _deliver(request, pushes)

    @api.post("/conversations/{cid}/release")
    async def release(
        request: Request, staff: Staff = Depends(staff_api), cid: int = Depends(api_conversation_id)
    ) -> Response:
        push = await _run(lambda: context(request).desk.hand_back(cid, staff))
        return push if isinstance(push, JSONResponse) else await _deliver(request, [push])

    @api.get("/canned")
    async def canned(request: Request, staff: Staff = Depends(staff_api)) -> Response:
        return JSONResponse(await asyncio.to_thread(canned_replies, context(request).db))

    @api.get("/staff/online")
    async def online(request: Request, staff: Staff = Depends(staff_api)) -> Response:
        users = await asyncio.to_thread(online_staff, context(request).db)
        return JSONResponse([who(u) for u in users if u.username != staff.username])

    @api.post("/presence")
    async def presence(request: Request, staff: Staff = Depends(staff_api)) -> Response:
        try:
            value = str((await _body(request)).get("presence") or "")
        except ValueError as exc:
            return _error(400, "bad_request", str(exc))
        db = context(request).db
        done = await _run(lambda: set_presence(db, staff.id, value))
        return done if isinstance(done, JSONResponse) else JSONResponse({"presence": value})

    return api
