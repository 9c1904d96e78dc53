"""What a channel hands the engine, made safe to store on SQLite and PostgreSQL alike.

Text loses the characters no database or log wants (NUL and the other C0 controls except
tab and line breaks; a lone UTF-16 surrogate becomes U+FFFD). A display name is one line of
at most MAX_NAME characters: a longer one is shortened visibly, ending in "…" (the HTTP
channels refuse it with a 400 before it gets here). Ids are never rewritten: an id with a
control character, or longer than its column, is refused (ValueError).
"""

from __future__ import annotations

import re

MAX_NAME = 64  # conversations.display_name VARCHAR(64)
MAX_ID = 128  # conversations.sender_id, processed_messages.message_id VARCHAR(128)
ELLIPSIS = "…"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """A worker's message without NUL, stray controls or broken surrogates."""
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))


def clean_name(name: str | None) -> str | None:
    """A display name on one line, at most MAX_NAME characters; None when nothing is left."""
    if name is None:
        return None
    name = _SURROGATE.sub("\ufffd", _LINE_CONTROL.sub("", name)).strip()
    if len(name) > MAX_NAME:
        name = name[: MAX_NAME - 1] + ELLIPSIS
    return name or None


def name_problem(name: str) -> str | None:
    """Why a display name sent over HTTP is refused (in Chinese), or None."""
    cleaned = _LINE_CONTROL.sub("", name).strip()
    if len(cleaned) > MAX_NAME:
        return f"display_name 过长：最多 {MAX_NAME} 个字。"
    return None


def id_problem(value: str, limit: int = MAX_ID) -> bool:
    """True when an id cannot be stored as it is: empty, too long, or with control characters."""
    return (
        not value
        or len(value) > limit
        or bool(_LINE_CONTROL.search(value) or _SURROGATE.search(value))
    )
