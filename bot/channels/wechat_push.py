"""Sending to a WeChat worker outside the callback's response: customer-service messages
(answers after the five seconds, the rest of a long answer) and pushes (staff replies, case
notices).

WeChat accepts customer-service messages only within 48 hours of the worker's last message
(error 45015 after). Outside that window a template message is the only way, when the
account has one configured; otherwise the push stays recorded as undelivered, in the
conversation's log for staff to see.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any, Protocol

from bot.channels import wechat_text as wx
from bot.channels.wechat_api import OUT_OF_WINDOW, MissingSecret
from bot.channels.wechat_store import note_undelivered, push_window, record_undelivered
from bot.core.messages import Push
from bot.store.models import STATE_CLOSED, utcnow


class WeChatChannel(Protocol):
    """What sending needs of the channel (bot/channels/wechat.py), without importing it."""

    client: Any  # wechatpy's WeChatClient
    db: Any  # bot.store.db.Database
    options: Any  # the numbered-reply memory
    settings: Any  # bot.settings.Settings


log = logging.getLogger(__name__)

# a little short of 48 hours, so a message is not sent just as the window closes
CUSTOMER_SERVICE_WINDOW = timedelta(hours=48) - timedelta(minutes=5)
TEMPLATE_FIELD = "content"
TEMPLATE_MAX_CHARS = 200


async def send_texts(channel: WeChatChannel, openid: str, chunks: list[str]) -> int | None:
    """Customer-service text messages in order; None when all went, else WeChat's errcode."""

    def send(text: str) -> None:
        channel.client.message.send_text(openid, text)

    for chunk in chunks:
        try:
            await asyncio.to_thread(send, chunk)
        except MissingSecret:
            log.error("WECHAT_SECRET is not set: customer-service messages cannot be sent")
            return -1
        except Exception as exc:  # noqa: BLE001 - reported, never raised into the caller
            code = getattr(exc, "errcode", None)
            log.warning(
                "WeChat customer-service message failed: errcode=%s (%s)",
                code,
                type(exc).__name__,
            )
            return code if isinstance(code, int) else -1
    return None


async def send_answer(channel: WeChatChannel, openid: str, chunks: list[str]) -> None:
    """An answer by customer service; a failure is noted in the conversation for staff."""
    error = await send_texts(channel, openid, chunks)
    if error is not None:
        await asyncio.to_thread(note_undelivered, channel.db, openid, f"error {error}")


async def deliver_push(channel: WeChatChannel, push: Push) -> bool:
    """True when the worker got the push; False leaves it recorded as undelivered."""
    db = channel.db
    openid = push.sender_id
    text, payloads = wx.render([push.reply])
    chunks = wx.split(text)
    if not chunks:
        return False
    state, last_message_at = await asyncio.to_thread(push_window, db, openid)
    if state == STATE_CLOSED:
        reason = "unsubscribed"
    elif last_message_at is None or utcnow() - last_message_at > CUSTOMER_SERVICE_WINDOW:
        reason = "outside_48h"
    else:
        error = await send_texts(channel, openid, chunks)
        if error is None:
            await asyncio.to_thread(channel.options.remember, openid, payloads)
            return True
        reason = "45015" if error == OUT_OF_WINDOW else f"error {error}"
    template_id = channel.settings.config.wechat.template_id
    if template_id and reason in ("outside_48h", "45015"):
        plain = (push.reply.get("text") or "").strip()
        if await _send_template(channel, openid, template_id, plain):
            return True
    # no personal data: the conversation number and why
    log.warning("WeChat push for conversation %s undelivered: %s", push.conversation_id, reason)
    await asyncio.to_thread(record_undelivered, db, push.conversation_id, reason)
    return False


async def _send_template(channel: WeChatChannel, openid: str, template_id: str, text: str) -> bool:
    if len(text) > TEMPLATE_MAX_CHARS:
        text = text[: TEMPLATE_MAX_CHARS - 1] + "…"
    data = {TEMPLATE_FIELD: {"value": text}}

    def send() -> None:
        channel.client.message.send_template(openid, template_id, data)

    try:
        await asyncio.to_thread(send)
        return True
    except MissingSecret:
        log.error("WECHAT_SECRET is not set: template messages cannot be sent")
    except Exception as exc:  # noqa: BLE001 - reported as undelivered
        log.warning(
            "WeChat template message failed: errcode=%s (%s)",
            getattr(exc, "errcode", None),
            type(exc).__name__,
        )
    return False
