"""What an update must look like before the bot acts on it.

python-telegram-bot builds an Update from whatever JSON it is given: a message without a
chat, or with a number or an object for text, becomes an object the handlers would crash on.
Such an update is not retried (Telegram would deliver it again forever); it is acknowledged
and logged by its number and the reason, never its content.
"""

from __future__ import annotations

from typing import Any

from telegram import Update


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _optional_text(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _user_problem(user: Any, what: str) -> str | None:
    if user is None:
        return None
    if not _is_int(getattr(user, "id", None)):
        return f"{what} id is not a number"
    if not isinstance(getattr(user, "first_name", None), str):
        return f"{what} name is not text"
    return None


def _chat_problem(chat: Any) -> str | None:
    if chat is None:
        return "message without a chat"
    if not _is_int(getattr(chat, "id", None)):
        return "chat id is not a number"
    if not isinstance(getattr(chat, "type", None), str):
        return "chat type is not text"
    return None


def _message_problem(message: Any) -> str | None:
    found = _chat_problem(getattr(message, "chat", None))
    if found:
        return found
    if not _is_int(getattr(message, "message_id", None)):
        return "message id is not a number"
    if not _optional_text(getattr(message, "text", None)):
        return "message text is not text"
    if not _optional_text(getattr(message, "caption", None)):
        return "caption is not text"
    return _user_problem(getattr(message, "from_user", None), "sender")


def problem(update: Update) -> str | None:
    """Why the bot cannot act on this update (None when it can): for the log, content-free."""
    if not _is_int(update.update_id):
        return "update id is not a number"
    if update.callback_query is not None:
        query = update.callback_query
        if query.from_user is None:
            return "button press without a sender"
        found = _user_problem(query.from_user, "sender")
        if found:
            return found
        if not isinstance(query.id, str) or not _optional_text(query.data):
            return "button press data is not text"
        message = query.message
        return None if message is None else _message_problem(message)
    if update.message is not None:
        return _message_problem(update.message)
    return None
