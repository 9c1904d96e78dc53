"""Telegram on PostgreSQL: two server processes given the same update answer it once."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from telegram import Update

from bot.app import App, create_app
from bot.channels.telegram import TelegramChannel
from bot.settings import Settings
from tests.conftest import ROOT
from tests.telegram.fake_api import TOKEN, FakeBotApi, OfflineRequest, TgUser

TRIALS = 20


@pytest.fixture
def pg_channels(pg_bot: App, model_dir: Path) -> Iterator[tuple[FakeBotApi, list[TelegramChannel]]]:
    """Two bots on one PostgreSQL database, as two server processes would be (each with its
    own connections and engine thread), sending to one fake Bot API."""
    api = FakeBotApi()
    settings = Settings.load(
        ROOT / "config.yml",
        workerbot_database_url=pg_bot.settings.database_url,
        workerbot_model_dir=model_dir,
        telegram_bot_token=TOKEN,
        telegram_webhook_url=None,
        telegram_webhook_secret=None,
        telegram_base_url=None,
    )
    apps = [create_app(settings) for _ in range(2)]
    channels = [
        TelegramChannel(
            app.handle, app.db, app.settings, request_factory=lambda: OfflineRequest(api)
        )
        for app in apps
    ]
    yield api, channels
    for app in apps:
        app.db.dispose()


def test_two_processes_on_postgresql_answer_a_duplicate_once(pg_channels):
    api, channels = pg_channels

    async def scenario() -> None:
        for channel in channels:
            await channel.application.initialize()
        try:
            for trial in range(TRIALS):
                user = TgUser(api, 6301 + trial)
                update = user.text("/help")
                await asyncio.gather(
                    *(c.process_update(Update.de_json(update, c.application.bot)) for c in channels)
                )
                assert len(api.sent(user.chat_id)) == 1, f"trial {trial}"
        finally:
            for channel in channels:
                await channel.application.shutdown()

    asyncio.run(scenario())
