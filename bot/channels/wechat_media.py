"""Photos a worker sends to the official account: fetched with media/get as an Attachment.

WeChat keeps a sent photo for three days under its MediaId; media/get answers with the file
itself (Content-Type image/jpeg and a Content-disposition filename of the MediaId), or with
a JSON error such as 40007 for an unknown or expired MediaId. An official account receives
no other files from workers (there is no file message type for 公众号).
"""

from __future__ import annotations

from typing import Any

from wechatpy.exceptions import WeChatClientException

from bot.core.attachments import Attachment

IMAGE_NAME = "图片.jpg"  # WeChat sends no name; the extension follows the content
GONE_ERRORS = frozenset({40007})  # invalid media_id: expired or never there


def fetch_image(client: Any, media_id: str, max_bytes: int) -> Attachment | None:
    """The photo's bytes (blocking: run it in a thread); None when WeChat no longer has it."""
    try:
        response = client.media.download(media_id)
    except WeChatClientException as exc:
        if exc.errcode in GONE_ERRORS:
            return None
        raise
    if isinstance(response, dict):  # JSON where a file was expected
        return None
    data = response.content
    if len(data) > max_bytes:
        return Attachment(IMAGE_NAME, None, len(data), too_big=True)
    return Attachment(IMAGE_NAME, data)
