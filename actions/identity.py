"""Who the worker is, from the tracker: the same person across messages is (channel, sender_id)."""

from __future__ import annotations

from dataclasses import dataclass

from rasa_sdk import Tracker

from bot.core.sanitize import name_problem


@dataclass(frozen=True)
class Worker:
    """A worker as the bot knows them; enrolments and cases are keyed on channel + sender_id."""

    channel: str
    sender_id: str
    conversation_id: int | None = None
    display_name: str | None = None


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def worker_from(tracker: Tracker) -> Worker:
    """The engine puts the worker in the message metadata; plain Rasa only has sender_id."""
    meta = (tracker.latest_message or {}).get("metadata") or {}
    channel, sender = meta.get("channel"), meta.get("sender_id")
    if not channel or not sender:
        head, sep, tail = (tracker.sender_id or "").partition(":")
        if sep and head and tail:
            channel, sender = head, tail
        else:
            channel = tracker.get_latest_input_channel() or "rasa"
            sender = tracker.sender_id or ""
    if not sender:
        raise ValueError("tracker has no sender id")
    return Worker(
        channel=str(channel),
        sender_id=str(sender),
        conversation_id=_as_int(meta.get("conversation_id")),
        display_name=_display_name(meta.get("display_name")),
    )


def _display_name(value: object) -> str | None:
    """The name a client put in the message's metadata: on Rasa's REST channel it arrives
    as the client sent it (Rasa checks nothing), so it is checked as our REST channel checks
    it; anything else is no name (the console shows the worker's id)."""
    if not isinstance(value, str) or not value.strip() or name_problem(value):
        return None
    return value.strip()
