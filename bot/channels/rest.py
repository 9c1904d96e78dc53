"""Rasa-compatible REST channel: POST /webhooks/rest/webhook {"sender", "message"[, "message_id"]}."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from bot.channels.http_json import json_error, read_object
from bot.core.messages import Incoming, Reply
from bot.core.sanitize import id_problem, name_problem

MAX_BODY_BYTES = 64 * 1024


def render(recipient: str, replies: list[Reply]) -> list[dict[str, Any]]:
    """Replies in Rasa's REST shape."""
    out = []
    for r in replies:
        item: dict[str, Any] = {"recipient_id": recipient, "text": r.get("text", "")}
        if r.get("buttons"):
            item["buttons"] = r["buttons"]
        out.append(item)
    return out


def _field(body: dict[str, Any], name: str) -> str | None:
    value = body.get(name)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) else None


async def read_incoming(request: Request, channel: str, replay: bool = True) -> Incoming | Response:
    """A Rasa REST body {"sender", "message"[, "message_id", "metadata"]} as an Incoming, or
    the error response to send instead (the REST and callback channels read the same)."""
    body = await read_object(
        request, MAX_BODY_BYTES, "请求应为 JSON 对象，包含 sender 和 message。"
    )
    if isinstance(body, JSONResponse):
        return body
    sender = _field(body, "sender")
    message = body.get("message", "")
    if not sender or id_problem(sender):
        return json_error(
            400, "bad_sender", "缺少 sender（发送者编号），或编号过长、含有无效字符。"
        )
    if message is None:
        message = ""
    if not isinstance(message, str):
        return json_error(400, "bad_message", "message 应为文字。")
    message_id = _field(body, "message_id")
    if message_id is not None and id_problem(message_id):
        return json_error(400, "bad_message_id", "message_id 格式不正确。")
    metadata = body.get("metadata") if isinstance(body.get("metadata"), dict) else {}
    name = metadata.get("display_name") if isinstance(metadata.get("display_name"), str) else None
    if name is not None and (problem := name_problem(name)):
        return json_error(400, "bad_display_name", problem)
    return Incoming(channel, sender, message, message_id, name, replay=replay)


def router(handle: Callable[[Incoming], Awaitable[list[Reply]]]) -> APIRouter:
    """The webhook route; `handle` runs the engine for one message."""
    api = APIRouter()

    @api.post("/webhooks/rest/webhook")
    async def webhook(request: Request) -> Response:
        incoming = await read_incoming(request, "rest")
        if isinstance(incoming, Response):
            return incoming
        replies = await handle(incoming)
        return Response(
            orjson.dumps(render(incoming.sender_id, replies)), media_type="application/json"
        )

    return api
