"""One Telegram update in: a message or a button press becomes one engine call, answered once."""

from __future__ import annotations

import asyncio
import logging
import weakref
from typing import TYPE_CHECKING

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.ext import Application

from bot.channels import telegram_files
from bot.channels.telegram_checks import problem
from bot.channels.telegram_format import (
    CHANNEL,
    NOTICE_BUTTON_ERROR,
    NOTICE_BUTTON_EXPIRED,
    NOTICE_BUTTON_USED,
    NOTICE_CAPTION,
    NOTICE_GROUP,
    NOTICE_MEDIA,
    NOTICE_STICKER,
    NOTICE_VOICE,
    command_payload,
    is_command,
)
from bot.channels.telegram_replies import ReplySender
from bot.channels.telegram_store import TelegramStore
from bot.core.messages import Incoming

if TYPE_CHECKING:
    from bot.core.ports import Handle

log = logging.getLogger("bot.channels.telegram")

_MEDIA = (
    "photo",
    "video",
    "animation",
    "document",
    "audio",
    "contact",
    "location",
    "venue",
    "poll",
    "dice",
)


def media_notice(message: Message) -> str | None:
    """The polite answer to a message without text (None for service messages)."""
    if message.voice or message.video_note:
        return NOTICE_VOICE
    if message.sticker:
        return NOTICE_STICKER
    if any(getattr(message, kind, None) for kind in _MEDIA):
        return NOTICE_MEDIA
    return None


def bot_id(token: str) -> str:
    """The bot's numeric id: the part of its token before the colon."""
    return token.split(":", 1)[0]


def message_key(bot: str, update: Update) -> str:
    """The engine's dedupe key for a typed message: Telegram redelivers the same update_id.

    Update ids are the bot's own (a new token starts a new sequence), hence the bot id; the
    engine keeps keys per conversation (chat)."""
    return f"tg-{bot}-{update.update_id}"


def button_key(bot: str, message_id: int) -> str:
    """The dedupe key for a press: one per keyboard message, so a keyboard acts only once.

    Message ids count per chat and bot; the engine keeps keys per conversation (chat)."""
    return f"tg-cb-{bot}-{message_id}"


class UpdateHandler:
    """Turns updates into engine calls and the engine's replies into messages."""

    def __init__(
        self,
        handle: Handle,
        application: Application,
        store: TelegramStore,
        replies: ReplySender,
        max_file_bytes: int = 10 * 1024 * 1024,
    ) -> None:
        self.max_file_bytes = max_file_bytes
        self.handle, self.application, self.store, self.replies = (
            handle,
            application,
            store,
            replies,
        )
        self.bot_id = bot_id(application.bot.token)
        self._chat_locks: weakref.WeakValueDictionary[int, asyncio.Lock] = (
            weakref.WeakValueDictionary()
        )

    def _bot_username(self) -> str | None:
        try:
            return self.application.bot.username
        except RuntimeError:  # not initialised yet
            return None

    async def process(self, update: Update) -> None:
        """Handle one update once; raises only when the engine could not run (retry it)."""
        reason = problem(update)
        if reason is not None:
            number = update.update_id if isinstance(update.update_id, int) else "?"
            log.warning("telegram: update %s ignored: %s", number, reason)
            return
        chat = update.effective_chat
        key = chat.id if chat is not None else 0
        lock = self._chat_locks.get(key)
        if lock is None:
            lock = self._chat_locks[key] = asyncio.Lock()
        async with lock:  # one chat's updates in order; a redelivery waits for the first
            if update.callback_query is not None:
                await self._on_button(update)
            elif update.message is not None:
                await self._on_message(update)
            # edits, channel posts and the rest are not for this bot

    async def _on_message(self, update: Update) -> None:
        message = update.message
        assert message is not None
        chat, bot = message.chat, self.application.bot
        text = message.text
        if chat.type != ChatType.PRIVATE:
            # forms ask for names and phone numbers: never in a group
            if text and is_command(text) and command_payload(text, self._bot_username()):
                await self.replies.send_text(bot, chat.id, NOTICE_GROUP)
            return
        note = None
        if text is None and telegram_files.has_file(message):
            await self._on_file(update, message)
            return
        if text is None:
            if not message.caption:
                notice = media_notice(message)
                if notice:
                    await self.replies.send_text(bot, chat.id, notice)
                return
            text, note = message.caption, NOTICE_CAPTION
        key = message_key(self.bot_id, update)
        if await asyncio.to_thread(self.store.was_processed, chat.id, key):
            log.info("telegram: update %s was already handled; not answering again", key)
            return
        payload = command_payload(text, self._bot_username())
        user = message.from_user
        name = user.first_name if user and user.first_name else None
        # replay=False: if another copy of this update ran first (here or in another server
        # process; the database decides), that copy sends the replies and this one nothing
        incoming = Incoming(CHANNEL, str(chat.id), payload or text, key, name, replay=False)
        replies = await self.handle(incoming)
        if note and replies:
            await self.replies.send_text(bot, chat.id, note)
        await self.replies.send_replies(bot, chat.id, replies)

    async def _on_file(self, update: Update, message: Message) -> None:
        """A photo or document: fetched from Telegram and handed on with its caption."""
        chat, bot = message.chat, self.application.bot
        key = message_key(self.bot_id, update)
        if await asyncio.to_thread(self.store.was_processed, chat.id, key):
            log.info("telegram: update %s was already handled; not answering again", key)
            return
        attachment = await telegram_files.fetch(bot, message, self.max_file_bytes)
        user = message.from_user
        name = user.first_name if user and user.first_name else None
        text = f"{attachment.describe()} {message.caption or ''}".strip()
        incoming = Incoming(
            CHANNEL, str(chat.id), text, key, name, replay=False, attachment=attachment
        )
        await self.replies.send_replies(bot, chat.id, await self.handle(incoming))

    async def _on_button(self, update: Update) -> None:
        query = update.callback_query
        assert query is not None
        bot, message, answered = self.application.bot, query.message, False
        try:
            chat_id = message.chat.id if message is not None else query.from_user.id
            key = (
                button_key(self.bot_id, message.message_id)
                if message is not None
                else message_key(self.bot_id, update)
            )
            payload = (
                await asyncio.to_thread(self.store.payload, query.data) if query.data else None
            )
            note = None
            if payload is None:
                note = NOTICE_BUTTON_EXPIRED
            elif await asyncio.to_thread(self.store.was_processed, chat_id, key):
                note = NOTICE_BUTTON_USED
            await self.replies.answer(bot, query.id, note)
            answered = True
            if isinstance(message, Message) and note != NOTICE_BUTTON_EXPIRED:
                await self.replies.retire_keyboard(bot, message, query.data)
            if note is not None:
                return
            user = query.from_user
            name = user.first_name if user.first_name else None
            incoming = Incoming(CHANNEL, str(chat_id), payload, key, name, replay=False)
            await self.replies.send_replies(bot, chat_id, await self.handle(incoming))
        finally:
            if not answered:  # Telegram expects an answer to every press, failures included
                await self.replies.answer(bot, query.id, NOTICE_BUTTON_ERROR)
