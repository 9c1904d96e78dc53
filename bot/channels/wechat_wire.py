"""WeChat's wire format: signatures, bounded bodies, message parsing, event dedupe keys."""

from __future__ import annotations

import hashlib
import hmac
import traceback
from typing import Any

from fastapi import Request
from wechatpy import parse_message
from wechatpy.utils import WeChatSigner


def signed(token: str, signature: str | None, timestamp: str | None, nonce: str | None) -> bool:
    """WeChat's query signature: sha1 of the sorted token, timestamp and nonce."""
    if not (signature and timestamp and nonce and token):
        return False
    signer = WeChatSigner()
    signer.add_data(token, timestamp, nonce)
    return hmac.compare_digest(signer.signature, signature)


async def read_limited(request: Request, limit: int) -> bytes | None:
    """The body, or None once it is over the limit (without reading the rest)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)


def has_doctype(xml: bytes | str) -> bool:
    """WeChat never sends a DTD; refusing one keeps entity tricks out of the XML parser."""
    raw = xml.encode() if isinstance(xml, str) else xml
    upper = raw.upper()
    return b"<!DOCTYPE" in upper or b"<!ENTITY" in upper


def parse(xml: bytes | str) -> Any | None:
    """wechatpy's message object, or None for anything that is not a WeChat message."""
    if not xml or has_doctype(xml):
        return None
    try:
        msg = parse_message(xml)
    except Exception:  # noqa: BLE001 - malformed XML in any of its forms
        return None
    try:
        source, sent_at, msg_id = msg.source, msg.time, msg.id
    except (TypeError, ValueError):
        return None
    if not isinstance(source, str) or not 0 < len(source) <= 64 or not sent_at:
        return None
    if msg.type != "event" and not msg_id:
        return None  # without a MsgId a retry could not be recognised
    return msg


def event_id(msg: Any) -> str:
    """WeChat's dedupe key for events: sender, time, event and event key."""
    key = getattr(msg, "key", "") or ""
    raw = f"ev:{msg.source}:{msg.time}:{msg.event}:{key}"
    if len(raw) <= 128:
        return raw
    return f"ev:{hashlib.sha1(raw.encode()).hexdigest()}"


def describe(exc: BaseException) -> str:
    """An error for the log without its message, which may carry a worker's words or SQL values."""
    frames = "".join(traceback.format_tb(exc.__traceback__))
    return f"{type(exc).__name__}\n{frames}"
