"""Channels: the only code that speaks a chat platform's wire format or imports its SDK.

A channel is handed the bot's one door (`handle`), the database and the settings; it never
sees the composition root.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.channels.base import ChannelPlugin
    from bot.core.ports import Handle
    from bot.settings import Settings
    from bot.store.db import Database


def enabled_plugins(settings: Settings, handle: Handle, db: Database) -> list[ChannelPlugin]:
    """The platform channels whose credentials are set in the environment."""
    env = settings.env
    plugins: list[ChannelPlugin] = []
    if env.telegram_bot_token:
        from bot.channels.telegram import TelegramChannel

        plugins.append(TelegramChannel(handle, db, settings))
    if env.wechat_token and env.wechat_appid:
        from bot.channels.wechat import WeChatChannel

        plugins.append(WeChatChannel(handle, db, settings))
    if env.callback_url:
        from bot.channels.callback import CallbackChannel

        plugins.append(CallbackChannel(handle, env.callback_url, env.callback_token))
    return plugins
