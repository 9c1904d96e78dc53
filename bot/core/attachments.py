"""A file a worker sent with a message, as any channel hands it on: bytes and a cleaned name.

Channels download the file from their platform (WeChat's media/get, Telegram's getFile, the
web chat's upload) and build an `Attachment`; nothing of a chat SDK goes past them. What the
file really is gets decided later from its content (bot/domain/evidence.py), never from the
name or the type the sender claimed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePosixPath, PureWindowsPath

MAX_FILE_NAME = 80  # characters kept of a sent file's name (stored and shown to staff)
DEFAULT_NAME = "材料"

_UNSAFE = re.compile(r"[\x00-\x1f\x7f<>:\"/\\|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean_file_name(name: str | None, fallback: str = DEFAULT_NAME) -> str:
    """A sent name safe to store and show: no folders, controls, bidi tricks; length-capped."""
    raw = unicodedata.normalize("NFC", name or "")
    # the last part of any path, whichever separator the sender's system uses
    raw = PureWindowsPath(PurePosixPath(raw.replace("\x00", "")).name).name
    cleaned = _UNSAFE.sub("", raw).strip().strip(".").strip()
    cleaned = re.sub(r"\s+", " ", cleaned)
    if not cleaned:
        return fallback
    if len(cleaned) > MAX_FILE_NAME:
        stem, dot, ext = cleaned.rpartition(".")
        if dot and 0 < len(ext) <= 8 and stem:
            cleaned = stem[: MAX_FILE_NAME - len(ext) - 2] + "…." + ext
        else:
            cleaned = cleaned[: MAX_FILE_NAME - 1] + "…"
    return cleaned


@dataclass(frozen=True)
class Attachment:
    """One file from a worker. `data` is None when the channel refused to fetch it whole
    (`too_big`: the platform said it is larger than the cap, so it was never downloaded)."""

    name: str
    data: bytes | None = field(default=None, repr=False)
    size: int = 0
    too_big: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", clean_file_name(self.name))
        if self.data is not None:
            object.__setattr__(self, "size", len(self.data))

    def describe(self) -> str:
        """How the message shows in the conversation log (staff see it; no content)."""
        return f"[文件] {self.name}"
