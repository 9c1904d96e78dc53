"""How replies look in WeChat: buttons become numbered options, long text is split.

A WeChat text message cannot carry buttons, so each button becomes a line "回复 1 报名 书法"
and the worker answers with the number; the channel remembers the payloads offered last.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.messages import Reply

MAX_TEXT_BYTES = 2048  # WeChat's limit for one text message (passive or customer-service)

VOICE_NOT_UNDERSTOOD = "抱歉，我暂时还听不懂语音消息。请用文字告诉我您想办什么事，谢谢！"
MEDIA_NOT_UNDERSTOOD = {
    "video": "收到您的视频，谢谢！不过我暂时还看不了视频，请用文字告诉我您想办什么事。",
    "shortvideo": "收到您的视频，谢谢！不过我暂时还看不了视频，请用文字告诉我您想办什么事。",
    "location": "收到您的位置，谢谢！请用文字告诉我您想办什么事。",
    "link": "收到您分享的链接，谢谢！我暂时还打不开链接，请用文字告诉我您想办什么事。",
}
IMAGE_GONE = "抱歉，这张图片没有接收成功（微信上已经取不到了），请重新发送一次。"
MEDIA_DEFAULT = "收到啦！不过这类消息我暂时还看不懂，请用文字告诉我您想办什么事。"
# what staff see in the conversation log when a worker sends media while a human holds it
MEDIA_LOG_TEXT = {
    "voice": "[语音]",
    "image": "[图片]",
    "video": "[视频]",
    "shortvideo": "[视频]",
    "location": "[位置]",
    "link": "[链接]",
}
ASYNC_FAILED = "抱歉，系统刚才出了点问题，您刚才的消息没有处理成功，请再发一次。"

# button-speak in the engine's texts, said the WeChat way
_BUTTON_WORDS = (
    ("点下面的按钮", "回复下面的数字"),
    ("点击下面的按钮", "回复下面的数字"),
    ("点按钮", "回复数字"),
)
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_OPTION = re.compile(r"^(?:回复|选)?\s*(\d{1,2})\s*[.。、,，!！]?$")


def render(replies: Sequence[Reply]) -> tuple[str, list[str]]:
    """All replies as one text with numbered options, and the payloads those numbers stand for."""
    parts: list[str] = []
    payloads: list[str] = []
    for reply in replies:
        text = (reply.get("text") or "").strip()
        buttons = reply.get("buttons") or []
        if buttons:
            for old, new in _BUTTON_WORDS:
                text = text.replace(old, new)
            lines = [text] if text else []
            for button in buttons:
                payloads.append(button["payload"])
                lines.append(f"回复 {len(payloads)} {button['title']}")
            text = "\n".join(lines)
        if text:
            parts.append(text)
    return "\n\n".join(parts), payloads


def pick_option(text: str, payloads: Sequence[str]) -> str | None:
    """The payload a bare number stands for ("1", "１", "回复1"), if it is one of the offered."""
    if not payloads:
        return None
    m = _OPTION.match(text.strip().translate(_FULLWIDTH_DIGITS))
    if not m:
        return None
    n = int(m.group(1))
    return payloads[n - 1] if 1 <= n <= len(payloads) else None


def split(text: str, limit: int = MAX_TEXT_BYTES) -> list[str]:
    """Text in pieces of at most `limit` UTF-8 bytes, cut at line ends where possible."""
    if len(text.encode()) <= limit:
        return [text] if text else []
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        candidate = f"{current}\n{line}" if current else line
        if len(candidate.encode()) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        current = ""
        while len(line.encode()) > limit:
            head = _cut(line, limit)
            chunks.append(head)
            line = line[len(head) :]
        current = line
    if current.strip():
        chunks.append(current)
    return [c for c in (c.strip("\n") for c in chunks) if c]


def _cut(line: str, limit: int) -> str:
    """The longest prefix of `line` within `limit` bytes (never splitting a character)."""
    size = 0
    for i, ch in enumerate(line):
        size += len(ch.encode())
        if size > limit:
            return line[:i]
    return line
