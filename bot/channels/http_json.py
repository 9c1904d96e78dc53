"""Reading a channel's JSON request body politely: size limit, valid JSON, an object."""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import Request
from fastapi.responses import JSONResponse


def json_error(status: int, code: str, message: str) -> JSONResponse:
    """An error a client can show: a machine code plus a Chinese sentence for the worker."""
    return JSONResponse({"error": code, "message": message}, status_code=status)


async def read_object(
    request: Request, max_bytes: int, shape_hint: str
) -> dict[str, Any] | JSONResponse:
    """The body as a JSON object, or the error response to send instead."""
    raw = await request.body()
    if len(raw) > max_bytes:
        return json_error(413, "too_large", "消息太长了，请分几条发送。")
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return json_error(400, "bad_json", "请求不是有效的 JSON。")
    if not isinstance(body, dict):
        return json_error(400, "bad_request", shape_hint)
    return body
