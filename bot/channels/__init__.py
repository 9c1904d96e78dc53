"""Channels: the only code that speaks a chat platform's wire format or imports its SDK."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.app import App
    from bot.channels.base import ChannelPlugin


def enabled_plugins(app: App) -> list[ChannelPlugin]:
    """The platform channels whose credentials are set in the environment."""
    env = app.settings.env
    plugins: list[ChannelPlugin] = []
    if env.telegram_bot_token:
        from bot.channels.telegram import TelegramChannel

        plugins.append(TelegramChannel(app))
    if env.wechat_token and env.wechat_appid:
        from bot.channels.wechat import WeChatChannel

        plugins.append(WeChatChannel(app))
    return plugins
