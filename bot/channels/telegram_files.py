"""Photos and documents a worker sends on Telegram, fetched as an Attachment (getFile, then
the file URL). A file Telegram says is over the cap is never downloaded."""

from __future__ import annotations

from telegram import Bot, Message
from telegram.error import BadRequest

from bot.core.attachments import Attachment

PHOTO_NAME = "照片.jpg"  # Telegram sends photos re-encoded as JPEG, without a name
DOCUMENT_NAME = "文件"


def file_url_base(base_url: str | None) -> str | None:
    """The Bot API's file address beside its method address (…/bot -> …/file/bot)."""
    if base_url and base_url.rstrip("/").endswith("/bot"):
        return base_url.rstrip("/")[: -len("bot")] + "file/bot"
    return None


def has_file(message: Message) -> bool:
    """A photo or a document: what a worker sends as evidence."""
    return bool(message.photo or message.document)


async def fetch(bot: Bot, message: Message, max_bytes: int) -> Attachment:
    """The largest size of a photo, or the document, as sent."""
    if message.photo:
        best = max(message.photo, key=lambda p: (p.file_size or 0, p.width * p.height))
        file_id, name, size = best.file_id, PHOTO_NAME, best.file_size or 0
    else:
        document = message.document
        assert document is not None
        file_id, size = document.file_id, document.file_size or 0
        name = document.file_name or DOCUMENT_NAME
    if size > max_bytes:
        return Attachment(name, None, size, too_big=True)
    try:
        found = await bot.get_file(file_id)
    except BadRequest as exc:
        if "too big" in exc.message.lower():  # over the 20 MB bots may download
            return Attachment(name, None, size or max_bytes + 1, too_big=True)
        raise
    if (found.file_size or 0) > max_bytes:
        return Attachment(name, None, found.file_size or 0, too_big=True)
    data = bytes(await found.download_as_bytearray())
    if len(data) > max_bytes:
        return Attachment(name, None, len(data), too_big=True)
    return Attachment(name, data)
