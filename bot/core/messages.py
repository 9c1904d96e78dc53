"""The channel-neutral shapes that cross the boundaries: a worker's message, a bot reply, a push."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypedDict

from bot.core import sanitize
from bot.core.attachments import Attachment


@dataclass(frozen=True)
class Incoming:
    """One message from a worker, as any channel hands it to the engine.

    A message id already handled for this sender is not run again: the engine answers with
    the replies stored the first time (a REST or web client retrying wants them), or with
    nothing when `replay` is False (a channel that sends the replies itself, like Telegram:
    the copy that ran has sent them, so a redelivered or concurrent copy must not).
    """

    channel: str
    sender_id: str
    text: str
    message_id: str | None = None
    display_name: str | None = None
    metadata: dict[str, Any] | None = None
    replay: bool = True
    # a photo or file sent with the message (bot/core/attachments.py); `text` then says so
    attachment: Attachment | None = None

    def __post_init__(self) -> None:
        """Every channel's message passes here: text and name cleaned, bad ids refused."""
        for name in ("channel", "sender_id") + (("message_id",) if self.message_id else ()):
            if sanitize.id_problem(getattr(self, name)):
                raise ValueError(f"Incoming.{name} cannot be stored as it is")
        text = self.text or ""
        if self.attachment is not None and not text.strip():
            text = self.attachment.describe()
        object.__setattr__(self, "text", sanitize.clean_text(text))
        object.__setattr__(self, "display_name", sanitize.clean_name(self.display_name))


class Button(TypedDict):
    title: str
    payload: str


class Reply(TypedDict, total=False):
    """One bot message: text and optional buttons (channels render buttons their own way)."""

    text: str
    buttons: list[Button]


@dataclass(frozen=True)
class Push:
    """A message to deliver to a worker outside the request/reply path."""

    conversation_id: int
    channel: str
    sender_id: str
    reply: Reply
