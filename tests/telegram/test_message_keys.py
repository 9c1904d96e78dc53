"""Telegram's ids are the bot's own: update ids and keyboard message ids of one bot must not
silence another bot (a new token) on the same database, nor one chat another."""

from __future__ import annotations

import asyncio
import copy
from pathlib import Path

from telegram import Update

from bot.app import App, create_app
from bot.channels.telegram import TelegramChannel
from bot.settings import Settings
from tests.conftest import ROOT
from tests.telegram.conftest import build_app, tg_settings
from tests.telegram.fake_api import FakeBotApi, OfflineRequest, TgUser

CHAT = 4242
UPDATE_ID = 910_001


def _bot(app: App, api: FakeBotApi) -> TelegramChannel:
    return TelegramChannel(
        app.handle, app.db, app.settings, request_factory=lambda: OfflineRequest(api)
    )


async def _deliver(channel: TelegramChannel, update: dict) -> None:
    await channel.process_update(Update.de_json(update, channel.application.bot))


def _start(user: TgUser, update_id: int) -> dict:
    update = copy.deepcopy(user.text("/start"))
    update["update_id"] = update_id
    return update


def test_a_new_bot_token_is_not_silenced_by_the_old_bots_ids(tmp_path: Path, model_dir: Path):
    old_app = build_app(tg_settings(tmp_path, model_dir))
    new_app = create_app(
        Settings.load(
            ROOT / "config.yml",
            workerbot_database_url=old_app.settings.database_url,
            workerbot_model_dir=model_dir,
            telegram_bot_token="456:DEF",
            telegram_webhook_url=None,
            telegram_webhook_secret=None,
            telegram_base_url=None,
        )
    )
    old_api, new_api = FakeBotApi(), FakeBotApi()
    old, new = _bot(old_app, old_api), _bot(new_app, new_api)
    old_user, new_user = TgUser(old_api, CHAT), TgUser(new_api, CHAT)

    async def scenario() -> None:
        for channel in (old, new):
            await channel.application.initialize()
        try:
            # the worker used the old bot: update UPDATE_ID, and a press on its keyboard
            await _deliver(old, _start(old_user, UPDATE_ID))
            await _deliver(old, old_user.press("课程报名"))
            # the union changed bots; the new bot's ids start again where the old ones were
            await _deliver(new, _start(new_user, UPDATE_ID))
            assert new_api.sent(CHAT), "the new bot's first update was taken for the old one's"
            msg, data = new_user.keyboard_message("课程报名")
            assert (CHAT, msg["message_id"]) in old_api.messages  # the same keyboard id
            await _deliver(new, new_user.press_on(msg, data))
            (answer,) = new_api.calls_to("answerCallbackQuery")
            assert answer.params.get("text") is None  # not "this button was already used"
            assert "课程" in new_api.sent(CHAT)[-1]["text"]
        finally:
            for channel in (old, new):
                await channel.application.shutdown()

    try:
        asyncio.run(scenario())
    finally:
        old_app.db.dispose()
        new_app.db.dispose()


def test_one_update_id_in_two_chats_is_two_messages(offline, api):
    # Telegram's update ids are unique per bot, but a stand-in (or a replayed body) may not be
    a, b = TgUser(api, 4301), TgUser(api, 4302)

    async def scenario() -> None:
        await offline.application.initialize()
        try:
            await _deliver(offline, _start(a, UPDATE_ID + 1))
            await _deliver(offline, _start(b, UPDATE_ID + 1))
        finally:
            await offline.application.shutdown()

    asyncio.run(scenario())
    assert api.sent(4301) and api.sent(4302)
