"""Fixtures for the Telegram channel: the bot with a token, a fake Bot API offline or over HTTP."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from telegram import Update

from bot.app import App, create_app
from bot.channels.telegram import SECRET_HEADER, WEBHOOK_PATH, TelegramChannel
from bot.settings import Settings
from tests.conftest import ROOT, LiveServer
from tests.support import TLS
from tests.support.demo import demo_db
from tests.telegram.fake_api import (
    TOKEN,
    FakeBotApi,
    FakeTelegramServer,
    OfflineRequest,
    TgUser,
)

WEBHOOK_URL = "https://bot.example.org/webhooks/telegram"
SECRET = "wb-test_secret-42"


def tg_settings(tmp_path: Path, model_dir: Path, **env: Any) -> Settings:
    """Settings for a bot with a Telegram token; nothing Telegram comes from the real environment."""
    telegram = {
        "telegram_webhook_url": None,
        "telegram_webhook_secret": None,
        "telegram_base_url": None,
        **env,
    }
    settings = Settings.load(
        ROOT / "config.yml",
        workerbot_database_url=f"sqlite:///{tmp_path / 'bot.db'}",
        workerbot_model_dir=model_dir,
        telegram_bot_token=TOKEN,
        **telegram,
    )
    settings.config.reminders.enabled = False  # as tests/conftest.py: no real-clock reminders
    return settings


def build_app(settings: Settings) -> App:
    """Migrated, seeded, wired: what `workerbot run` serves."""
    demo_db(settings, mediators=False)
    return create_app(settings)


def telegram_of(app: App) -> TelegramChannel:
    (channel,) = [p for p in app.channels.plugins() if isinstance(p, TelegramChannel)]
    return channel


@pytest.fixture
def api() -> FakeBotApi:
    return FakeBotApi()


@pytest.fixture
def offline(tmp_path: Path, model_dir: Path, api: FakeBotApi) -> Iterator[TelegramChannel]:
    """The bot with a Telegram channel whose every Bot API call goes to `api`, no sockets."""
    app = build_app(tg_settings(tmp_path, model_dir))
    channel = TelegramChannel(
        app.handle, app.db, app.settings, request_factory=lambda: OfflineRequest(api)
    )
    app.channels.register(channel)
    yield channel
    app.db.dispose()


class OfflineChat:
    """Feeds one worker's updates straight into the channel's handler (inside an event loop)."""

    def __init__(self, channel: TelegramChannel, api: FakeBotApi, chat_id: int) -> None:
        self.channel, self.api = channel, api
        self.user = TgUser(api, chat_id)
        self.last: list[dict] = []

    async def deliver(self, update: dict) -> list[dict]:
        before = len(self.api.sent(self.user.chat_id))
        bot = self.channel.application.bot
        await self.channel.process_update(Update.de_json(update, bot))
        self.last = self.api.sent(self.user.chat_id)[before:]
        return self.last

    async def say(self, text: str) -> list[dict]:
        return await self.deliver(self.user.text(text))

    async def press(self, title_part: str) -> list[dict]:
        return await self.deliver(self.user.press(title_part))

    @property
    def text(self) -> str:
        return "\n".join(m["text"] for m in self.last)

    @property
    def buttons(self) -> list[str]:
        return button_titles(self.last)


def button_titles(sent: list[dict]) -> list[str]:
    return [
        b["text"]
        for m in sent
        for row in (m.get("reply_markup") or {}).get("inline_keyboard", [])
        for b in row
    ]


@dataclass
class Live:
    """The real web app (LiveServer) talking to the fake Bot API over HTTP."""

    mode: str
    api: FakeBotApi
    app: App
    server: LiveServer
    channel: TelegramChannel

    def post_webhook(self, update: Any, secret: str | None = SECRET) -> httpx.Response:
        headers = {SECRET_HEADER: secret} if secret is not None else {}
        return httpx.post(
            self.server.url + WEBHOOK_PATH, json=update, headers=headers, timeout=20, verify=TLS
        )

    def deliver(self, update: dict) -> None:
        """Hand an update to the bot the way Telegram would, and wait until it is handled."""
        if self.mode == "webhook":
            r = self.post_webhook(update)
            assert r.status_code == 200, r.text
            return
        target = self.channel.updates_done + 1
        self.api.queue_update(update)
        deadline = time.monotonic() + 20
        while self.channel.updates_done < target:
            assert time.monotonic() < deadline, "the polling bot did not handle the update"
            time.sleep(0.01)


@pytest.fixture(params=["polling", "webhook"])
def live(request: pytest.FixtureRequest, tmp_path: Path, model_dir: Path) -> Iterator[Live]:
    api = FakeBotApi()
    fake = FakeTelegramServer(api)
    env: dict[str, Any] = {"telegram_base_url": fake.base_url}
    if request.param == "webhook":
        env.update(telegram_webhook_url=WEBHOOK_URL, telegram_webhook_secret=SECRET)
    app = build_app(tg_settings(tmp_path, model_dir, **env))
    server = LiveServer(app)
    channel = telegram_of(app)
    try:
        assert channel.started.wait(10), "the Telegram channel did not start"
        yield Live(request.param, api, app, server, channel)
    finally:
        server.stop()
        fake.stop()
        app.db.dispose()


class LiveChat:
    """One worker on Telegram against the live bot."""

    def __init__(self, live: Live, chat_id: int, first_name: str = "小李") -> None:
        self.live = live
        self.user = TgUser(live.api, chat_id, first_name)
        self.last: list[dict] = []

    def deliver(self, update: dict) -> list[dict]:
        before = len(self.live.api.sent(self.user.chat_id))
        self.live.deliver(update)
        self.last = self.live.api.sent(self.user.chat_id)[before:]
        return self.last

    def say(self, text: str) -> list[dict]:
        return self.deliver(self.user.text(text))

    def press(self, title_part: str) -> list[dict]:
        return self.deliver(self.user.press(title_part))

    @property
    def text(self) -> str:
        return "\n".join(m["text"] for m in self.last)

    @property
    def buttons(self) -> list[str]:
        return button_titles(self.last)
