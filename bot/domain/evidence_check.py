"""Which files a worker may send: a few image types and PDF, by content, within the size cap."""

from __future__ import annotations

from dataclasses import dataclass

import filetype

from bot.core.attachments import Attachment

# what a file is, read from its first bytes (filetype's signatures), and its usual extension
ALLOWED = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "image/heic": "heic",
    "application/pdf": "pdf",
}
IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/webp"})  # browsers show these

TOO_BIG, WRONG_TYPE, EMPTY = "too_big", "wrong_type", "empty"


@dataclass(frozen=True)
class Checked:
    """A file fit to keep: its real type and a display name with the matching extension."""

    content_type: str
    name: str


@dataclass(frozen=True)
class Refused:
    reason: str


def content_type_of(data: bytes) -> str | None:
    """The file's type from its magic bytes, if it is one we accept."""
    kind = filetype.guess(data[:8192])
    if kind is None or kind.mime not in ALLOWED:
        return None
    return kind.mime


def display_name(name: str, content_type: str) -> str:
    """The sent name, with the extension of what the file really is (工资条.exe -> 工资条.pdf)."""
    ext = ALLOWED[content_type]
    stem, dot, old = name.rpartition(".")
    if not dot or not stem:
        stem = name
    elif old.lower() in ("jpeg",) and ext == "jpg":
        return name
    if name.lower().endswith("." + ext):
        return name
    return f"{stem}.{ext}"


def check(attachment: Attachment, max_bytes: int) -> Checked | Refused:
    """Keep a file only if it is small enough and really an image or a PDF."""
    if attachment.too_big or attachment.size > max_bytes:
        return Refused(TOO_BIG)
    if not attachment.data:
        return Refused(EMPTY)
    content_type = content_type_of(attachment.data)
    if content_type is None:
        return Refused(WRONG_TYPE)
    return Checked(content_type, display_name(attachment.name, content_type))
