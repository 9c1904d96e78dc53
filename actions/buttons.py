"""Button payloads in Rasa's `/intent{"entity":"value"}` syntax, kept within Telegram's 64 bytes."""

from __future__ import annotations

import json
import logging

log = logging.getLogger(__name__)

MAX_PAYLOAD_BYTES = 64  # Telegram callback_data limit


def payload(intent: str, **entities: str) -> str | None:
    """The payload text, or None if it would not fit a Telegram button."""
    text = "/" + intent
    if entities:
        text += json.dumps(entities, ensure_ascii=False, separators=(",", ":"))
    if len(text.encode("utf-8")) > MAX_PAYLOAD_BYTES:
        log.warning("button payload for %s is too long and was left out", intent)
        return None
    return text


def button(title: str, intent: str, **entities: str) -> dict[str, str] | None:
    """One button; None (to be skipped) when its payload cannot be delivered."""
    p = payload(intent, **entities)
    return {"title": title, "payload": p} if p else None


def buttons(*items: dict[str, str] | None) -> list[dict[str, str]]:
    """Drop the buttons that could not be built."""
    return [b for b in items if b]


def menu() -> list[dict[str, str]]:
    """The four things the bot does, as in the greeting."""
    return buttons(
        button("课程报名", "course_search"),
        button("调解申请", "mediation_request"),
        button("政策咨询", "policy_question"),
        button("人工服务", "human_handoff"),
    )
