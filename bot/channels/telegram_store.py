"""The little the Telegram channel keeps in the database: long button payloads, handled updates."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from sqlalchemy import select

from bot.channels.telegram_format import CHANNEL, fits_callback
from bot.store.db import Database
from bot.store.models import Conversation, Meta, ProcessedMessage

KEY_PREFIX = "tg:cb:"
_CACHE_SIZE = 512


class TelegramStore:
    """Blocking database calls (run them off the event loop)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._keys: OrderedDict[str, str] = OrderedDict()  # payload -> key already stored
        self._keys_lock = threading.Lock()  # called from several to_thread workers

    def was_processed(self, chat_id: int, message_id: str) -> bool:
        """True when the engine has already answered this chat's message or button press."""
        with self.db.read() as s:
            found = s.scalar(
                select(ProcessedMessage.message_id)
                .join(Conversation, Conversation.id == ProcessedMessage.conversation_id)
                .where(
                    Conversation.channel == CHANNEL,
                    Conversation.sender_id == str(chat_id),
                    ProcessedMessage.message_id == message_id,
                )
            )
        return found is not None

    def callback_data(self, payload: str) -> str:
        """What goes in callback_data: the payload itself, or a short key for a long payload."""
        if fits_callback(payload) and not payload.startswith(KEY_PREFIX):
            return payload
        key = KEY_PREFIX + hashlib.sha1(payload.encode("utf-8")).hexdigest()[:16]
        with self._keys_lock:
            if self._keys.get(payload) == key:
                self._keys.move_to_end(payload)
                return key
        with self.db.read() as s:
            stored = s.scalar(select(Meta.value).where(Meta.key == key))
        if stored != payload:
            with self.db.write_lock(), self.db.session() as s:
                row = s.get(Meta, key)
                if row is None:
                    s.add(Meta(key=key, value=payload))
                else:
                    row.value = payload
        with self._keys_lock:
            self._keys[payload] = key
            if len(self._keys) > _CACHE_SIZE:
                self._keys.popitem(last=False)
        return key

    def payload(self, data: str) -> str | None:
        """The payload a pressed button stands for; None for a key no longer stored."""
        if not data.startswith(KEY_PREFIX):
            return data
        with self.db.read() as s:
            return s.scalar(select(Meta.value).where(Meta.key == data))
