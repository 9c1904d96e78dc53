"""Masking personal data before anything reaches a log."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

_ID = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])")
_PHONE = re.compile(r"(?<!\d)(1[3-9]\d)[\s-]?\d{4}[\s-]?(\d{4})(?!\d)")


def mask(text: str, secrets: Iterable[str] = ()) -> str:
    """Hide ID-card numbers, mobile numbers and any known personal strings (names, case text)."""
    text = _ID.sub(lambda m: f"{m.group(1)}********{m.group(2)}", text)
    text = _PHONE.sub(lambda m: f"{m.group(1)}****{m.group(2)}", text)
    for secret in sorted({s for s in secrets if s and len(s) >= 2}, key=len, reverse=True):
        text = text.replace(secret, "*" * min(len(secret), 6))
    return text


class MaskingFormatter(logging.Formatter):
    """A formatter that masks phones and ID numbers in every line, tracebacks included."""

    def format(self, record: logging.LogRecord) -> str:
        return mask(super().format(record))


def configure_logging(level: str = "INFO") -> None:
    """Root logging through the masking formatter."""
    handler = logging.StreamHandler()
    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
