"""When two phrasings are the same question: one key for the FAQ, learned examples and grouping."""

from __future__ import annotations

import re

from intents.normalise import match_form

_NOT_KEY = re.compile(r"[\s\W_]+")


def phrasing_key(text: str) -> str:
    """Phrasings that differ only in punctuation, spacing, width or script are one."""
    form = match_form(text)
    return _NOT_KEY.sub("", form) or form
