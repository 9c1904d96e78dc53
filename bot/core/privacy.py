"""Masking personal data before anything reaches a log."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

# an ID-card number: 6-digit area, a plausible birth date, 3 digits and a check character
_ID = re.compile(
    r"(?<![0-9A-Za-z])(\d{6})(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"(\d{3}[\dXx])(?![0-9A-Za-z])"
)
# a mainland mobile number, optionally with +86 / 86, grouped 3-4-4 by spaces or dashes
_PHONE = re.compile(r"(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?\d{4}[\s-]?(\d{4})(?!\d)")
# what comes right before a number that names a record rather than a person: update_id=,
# "id": , Chat(id=, chat 123…, MsgId=, tg-123…, timestamp 123…, conversation #12 …
_ID_CONTEXT = re.compile(
    r"(?:(?<![A-Za-z])(?:[A-Za-z]+_)?(?:id|ids|ID|Id)"
    r"|(?<![A-Za-z])[A-Z][a-z]+Id"
    r"|(?<![A-Za-z])(?i:chat|update|message|msg|tg|ts|timestamp|createtime|offset))"
    r"""["']?\s{0,2}[:=\-]?\s{0,2}["']?$"""
    r"|#\s?$"
)
_CONTEXT_CHARS = 24


def _is_id(text: str, start: int) -> bool:
    """True when the number at `start` is introduced as an id, an update or a timestamp."""
    return _ID_CONTEXT.search(text, max(0, start - _CONTEXT_CHARS), start) is not None


def _mask_phone(m: re.Match[str]) -> str:
    return m.group(0) if _is_id(m.string, m.start()) else f"{m.group(1)}****{m.group(2)}"


def mask(text: str, secrets: Iterable[str] = ()) -> str:
    """Hide ID-card numbers, mobile numbers and any known personal strings (names, case text).

    Phone numbers are masked by context: the same digits after `update_id=`, `"id":`,
    `chat`, `MsgId=` or `#` are record ids, not a worker's phone, and are left as they are.
    """
    text = _ID.sub(r"\1********\2", text)  # an ID number is never a record id
    text = _PHONE.sub(_mask_phone, text)
    for secret in sorted({s for s in secrets if s and len(s) >= 2}, key=len, reverse=True):
        text = text.replace(secret, "*" * min(len(secret), 6))
    return text


class MaskingFormatter(logging.Formatter):
    """A formatter that masks phones and ID numbers in every line, tracebacks included."""

    def format(self, record: logging.LogRecord) -> str:
        return mask(super().format(record))
