"""Turning engine replies into Telegram messages, and retiring a keyboard once it is used."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.error import Forbidden, TelegramError

from bot.channels.telegram_format import (
    BUTTON_PROMPT,
    MAX_TEXT,
    PICKED_PREFIX,
    keyboard_rows,
    split_text,
    utf16_len,
)
from bot.channels.telegram_store import TelegramStore
from bot.core.messages import Button, Reply

log = logging.getLogger("bot.channels.telegram")


class ReplySender:
    """Sends replies to one chat; every Bot API error is logged (without personal data), never raised."""

    def __init__(self, store: TelegramStore, describe: Callable[[BaseException], str]) -> None:
        self.store = store
        self.describe = describe

    async def keyboard(self, buttons: list[Button]) -> InlineKeyboardMarkup:
        """An inline keyboard; payloads too long for callback_data are stored under a short key."""
        data = [await asyncio.to_thread(self.store.callback_data, b["payload"]) for b in buttons]
        titles = [b["title"] for b in buttons]
        rows = [
            [InlineKeyboardButton(titles[i], callback_data=data[i]) for i in row]
            for row in keyboard_rows(titles)
        ]
        return InlineKeyboardMarkup(rows)

    async def send_replies(self, bot: Bot, chat_id: int, replies: list[Reply]) -> bool:
        """Send each reply in order; stop at the first one Telegram refuses."""
        for reply in replies:
            if not await self.send_reply(bot, chat_id, reply):
                return False
        return True

    async def send_reply(self, bot: Bot, chat_id: int, reply: Reply) -> bool:
        """One reply: long text in several messages, the keyboard under the last one."""
        buttons = reply.get("buttons") or []
        markup = await self.keyboard(buttons) if buttons else None
        chunks = split_text(reply.get("text") or "") or ([BUTTON_PROMPT] if markup else [])
        for i, chunk in enumerate(chunks):
            last = i == len(chunks) - 1
            if not await self.send_text(bot, chat_id, chunk, markup if last else None):
                return False
        return True

    async def send_text(
        self, bot: Bot, chat_id: int, text: str, markup: InlineKeyboardMarkup | None = None
    ) -> bool:
        try:
            await bot.send_message(chat_id=chat_id, text=text, reply_markup=markup)
            return True
        except Forbidden as exc:
            log.warning("telegram: the worker has blocked the bot or left (%s)", self.describe(exc))
        except TelegramError as exc:
            # AIORateLimiter has already waited out and retried any 429 by now
            log.warning("telegram: sendMessage failed (%s)", self.describe(exc))
        return False

    async def answer(self, bot: Bot, query_id: str, text: str | None) -> None:
        """Stop the button's spinner (Telegram expects an answer to every callback query)."""
        try:
            await bot.answer_callback_query(query_id, text=text)
        except TelegramError as exc:
            log.info("telegram: answerCallbackQuery failed (%s)", self.describe(exc))

    async def retire_keyboard(self, bot: Bot, message: Message, data: str | None) -> None:
        """Take the keyboard off a message once a button is pressed, noting which one."""
        if message.reply_markup is None or not message.reply_markup.inline_keyboard:
            return
        title = next(
            (
                b.text
                for row in message.reply_markup.inline_keyboard
                for b in row
                if b.callback_data == data
            ),
            None,
        )
        ids = {"chat_id": message.chat.id, "message_id": message.message_id}
        try:
            if title and message.text:
                text = f"{message.text}\n\n{PICKED_PREFIX}{title}"
                if utf16_len(text) <= MAX_TEXT:
                    await bot.edit_message_text(text, reply_markup=None, **ids)
                    return
            await bot.edit_message_reply_markup(reply_markup=None, **ids)
        except TelegramError as exc:
            # too old to edit, or already edited by an earlier press: the dedupe still holds
            log.info("telegram: could not remove a used keyboard (%s)", self.describe(exc))
