"""The channel's handlers with PTB's transport replaced by a recording fake (no sockets)."""

from __future__ import annotations

import asyncio
import logging
import sqlite3

import pytest
from sqlalchemy import select

from bot.channels.telegram import LEASE, TelegramChannel
from bot.channels.telegram_format import (
    NOTICE_BUTTON_ERROR,
    NOTICE_BUTTON_EXPIRED,
    NOTICE_CAPTION,
    NOTICE_GROUP,
    NOTICE_MEDIA,
    NOTICE_VOICE,
)
from bot.core.messages import Push
from bot.settings import ConfigError
from bot.store.leases import LeaseHolder
from bot.store.models import EV_USER, Conversation, Event, Meta
from tests.telegram.conftest import OfflineChat, build_app, tg_settings
from tests.telegram.fake_api import TOKEN, FakeBotApi, OfflineRequest, TgUser


def run(channel: TelegramChannel, scenario) -> None:  # noqa: ANN001
    """Run a scenario with the channel's bot initialised, as the web app's lifespan would."""

    async def go() -> None:
        await channel.application.initialize()
        try:
            await scenario()
        finally:
            await channel.application.shutdown()

    asyncio.run(go())


def user_texts(channel: TelegramChannel) -> list[str]:
    with channel.db.read() as s:
        return list(s.scalars(select(Event.text).where(Event.type == EV_USER).order_by(Event.id)))


def test_commands_become_engine_payloads(offline, api):
    chat = OfflineChat(offline, api, 42)

    async def scenario() -> None:
        await chat.say("/start@workerbot_test_bot")
        assert chat.buttons == ["课程报名", "调解申请", "政策咨询", "人工服务"]
        await chat.say("/menu")
        assert "取消" in chat.text and chat.buttons
        await chat.say("/cancel")
        await chat.say("/stop")  # not ours: typed text for the engine
        await chat.say("/human")

    run(offline, scenario)
    assert user_texts(offline) == ["/greet", "/help", "/cancel", "/stop", "/human_handoff"]


def test_cancel_command_leaves_the_form(offline, api):
    chat = OfflineChat(offline, api, 51)

    async def scenario() -> None:
        await chat.say("我要申请劳动纠纷调解")
        assert "姓名" in chat.text
        await chat.say("/cancel")
        assert "取消" in chat.text
        await chat.say("王强")  # no longer taken as the name
        assert "手机" not in chat.text

    run(offline, scenario)
    with offline.db.read() as s:
        assert s.scalars(select(Conversation.active_loop)).one() is None


def test_button_press_answers_retires_the_keyboard_and_acts(offline, api):
    chat = OfflineChat(offline, api, 43)

    async def scenario() -> None:
        await chat.say("/start")
        await chat.press("调解申请")
        assert "姓名" in chat.text

    run(offline, scenario)
    assert user_texts(offline) == ["/greet", "/mediation_request"]
    (answer,) = api.calls_to("answerCallbackQuery")
    assert answer.params.get("text") is None
    (edit,) = api.calls_to("editMessageText")
    assert edit.params["text"].endswith("调解申请") and "reply_markup" not in edit.params


def test_duplicate_message_update_is_not_answered_twice(offline, api):
    chat = OfflineChat(offline, api, 44)

    async def scenario() -> None:
        update = chat.user.text("你好")
        assert await chat.deliver(update)
        assert await chat.deliver(update) == []

    run(offline, scenario)
    assert user_texts(offline) == ["你好"]


def test_long_payload_goes_through_the_meta_table(offline, api):
    payload = '/course_enroll{"course_id":"XF01","source":"' + "push-campaign-" * 5 + '"}'
    assert len(payload.encode()) > 64
    chat = OfflineChat(offline, api, 45)
    push = Push(
        1,
        "telegram",
        "45",
        {"text": "新课上线了", "buttons": [{"title": "报名", "payload": payload}]},
    )

    async def scenario() -> None:
        assert await offline.send(push) is True
        await chat.press("报名")
        assert "姓名" in chat.text

    run(offline, scenario)
    (sent,) = api.sent(45)[:1]
    data = sent["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    assert data.startswith("tg:cb:") and len(data.encode()) <= 64
    with offline.db.read() as s:
        assert s.get(Meta, data).value == payload
    assert user_texts(offline) == [payload]


def test_unknown_button_key_is_answered_as_expired(offline, api):
    chat = OfflineChat(offline, api, 46)

    async def scenario() -> None:
        await chat.say("/start")
        msg, _ = chat.user.keyboard_message("课程报名")
        assert await chat.deliver(chat.user.press_on(msg, "tg:cb:0123456789abcdef")) == []

    run(offline, scenario)
    (answer,) = api.calls_to("answerCallbackQuery")
    assert answer.params["text"] == NOTICE_BUTTON_EXPIRED
    assert user_texts(offline) == ["/greet"]


def test_callback_is_answered_even_when_handling_fails(offline, api, settings):
    chat = OfflineChat(offline, api, 47)

    async def scenario() -> None:
        await chat.say("/start")
        update = chat.user.press("课程报名")
        # the database loses a table under the bot: the press cannot be handled
        db_file = offline.db.engine.url.database
        offline.db.dispose()
        with sqlite3.connect(db_file) as conn:
            conn.execute("DROP TABLE processed_messages")
        with pytest.raises(Exception):  # noqa: B017 - whatever the database raises
            await chat.deliver(update)

    run(offline, scenario)
    (answer,) = api.calls_to("answerCallbackQuery")
    assert answer.params["text"] == NOTICE_BUTTON_ERROR


def test_stickers_voice_and_videos_get_polite_replies(offline, api):
    # photos and documents are evidence for a case: tests/evidence/test_evidence_telegram.py
    chat = OfflineChat(offline, api, 48)
    video = {
        "file_id": "BAACAgIAAxkB",
        "file_unique_id": "AgADxQ",
        "width": 320,
        "height": 240,
        "duration": 5,
    }

    async def scenario() -> None:
        await chat.deliver(chat.user.voice())
        assert chat.text == NOTICE_VOICE
        await chat.deliver(chat.user.message(video=video))
        assert chat.text == NOTICE_MEDIA
        await chat.deliver(chat.user.message(video=video, caption="加班费怎么算"))
        assert chat.last[0]["text"] == NOTICE_CAPTION and len(chat.last) > 1

    run(offline, scenario)
    assert user_texts(offline) == ["加班费怎么算"]


def test_group_chats_are_sent_to_a_private_chat(offline, api):
    chat = OfflineChat(offline, api, -100123)
    chat.user.chat = {"id": -100123, "title": "工友群", "type": "supergroup"}

    async def scenario() -> None:
        await chat.say("/start@workerbot_test_bot")
        assert chat.text == NOTICE_GROUP
        assert await chat.say("老板欠我工资") == []

    run(offline, scenario)
    assert user_texts(offline) == []


def test_long_reply_is_split_with_the_keyboard_on_the_last_part(offline, api):
    text = "\n".join(f"第{i}项：请携带身份证原件和劳动合同复印件到服务站办理。" for i in range(300))
    push = Push(
        1, "telegram", "49", {"text": text, "buttons": [{"title": "好的", "payload": "/affirm"}]}
    )

    async def scenario() -> None:
        assert await offline.send(push) is True

    run(offline, scenario)
    sent = api.sent(49)
    assert len(sent) > 1 and all(len(m["text"]) <= 4096 for m in sent)
    assert [("reply_markup" in m) for m in sent] == [False] * (len(sent) - 1) + [True]
    assert "\n".join(m["text"] for m in sent) == text


def test_push_failures_return_false_and_log_no_personal_data(offline, api, caplog):
    caplog.set_level(logging.INFO)
    api.blocked.add(13912345678)
    push = Push(7, "telegram", "13912345678", {"text": "您的调解申请已受理，李小红"})

    async def scenario() -> None:
        assert await offline.send(push) is False  # 403: blocked by the user
        api.network_down = True
        assert await offline.send(push) is False
        api.network_down = False
        assert await offline.send(Push(7, "telegram", "not-a-chat", {"text": "x"})) is False

    run(offline, scenario)
    assert "blocked" in caplog.text
    for secret in ("13912345678", "李小红", "受理", TOKEN):
        assert secret not in caplog.text


def test_push_without_start_uses_a_bot_of_its_own(offline, api):
    push = Push(3, "telegram", "50", {"text": "工作人员回复：材料已收到。"})
    assert asyncio.run(offline.send(push)) is True  # no initialize(), no start()
    assert [c.method for c in api.calls] == ["getMe", "sendMessage"]


def test_only_one_process_polls(tmp_path, model_dir, api):
    app = build_app(tg_settings(tmp_path, model_dir))
    channels = [
        TelegramChannel(
            app.handle, app.db, app.settings, request_factory=lambda: OfflineRequest(api)
        )
        for _ in range(2)
    ]

    async def scenario() -> None:
        for c in channels:
            await c.start()
        for _ in range(500):
            if all(c.started.is_set() for c in channels) and api.calls_to("getUpdates"):
                break
            await asyncio.sleep(0.01)
        assert sorted(c.leader for c in channels) == [False, True]
        for c in channels:
            await c.stop()

    asyncio.run(scenario())
    assert len(api.calls_to("setMyCommands")) == 1 and len(api.calls_to("deleteWebhook")) == 1
    # the lease is handed on at stop: a restarted process can lead at once
    assert LeaseHolder(app.db, LEASE, 30).acquire() is True
    app.db.dispose()


def test_start_up_retries_until_telegram_answers_and_never_logs_the_token(
    tmp_path, model_dir, api, caplog
):
    app = build_app(tg_settings(tmp_path, model_dir))
    channel = TelegramChannel(
        app.handle, app.db, app.settings, request_factory=lambda: OfflineRequest(api)
    )
    api.fail_next("getMe", 502, "Bad Gateway")

    async def scenario() -> None:
        await channel.start()  # returns at once: the web app is not held up
        assert not channel.started.is_set()
        for _ in range(300):
            if channel.started.is_set():
                break
            await asyncio.sleep(0.01)
        await channel.stop()

    asyncio.run(scenario())
    assert channel.started.is_set()
    assert [c.status for c in api.calls_to("getMe")] == [502, 200]
    assert "retrying" in caplog.text and TOKEN not in caplog.text
    app.db.dispose()


def test_rejected_token_turns_the_channel_off_without_logging_it(tmp_path, model_dir, api, caplog):
    app = build_app(tg_settings(tmp_path, model_dir))
    channel = TelegramChannel(
        app.handle, app.db, app.settings, request_factory=lambda: OfflineRequest(api)
    )
    api.fail_next("getMe", 401, "Unauthorized")

    async def scenario() -> None:
        await channel.start()
        await asyncio.sleep(0.1)
        await channel.stop()

    asyncio.run(scenario())
    assert not channel.started.is_set()
    assert "rejected" in caplog.text and TOKEN not in caplog.text
    app.db.dispose()


def test_webhook_mode_needs_a_secret(tmp_path, model_dir):
    app = build_app(tg_settings(tmp_path, model_dir))
    for secret in (None, "has space", "x" * 257):
        app.settings.env.telegram_webhook_url = "https://bot.example.org/webhooks/telegram"
        app.settings.env.telegram_webhook_secret = secret
        with pytest.raises(ConfigError, match="TELEGRAM_WEBHOOK_SECRET"):
            TelegramChannel(app.handle, app.db, app.settings)
    app.db.dispose()


def test_fake_api_is_really_consulted():
    # guards the fixtures themselves: an unknown method is refused like Telegram does
    status, body = FakeBotApi().respond("sendPhoto", {})
    assert status == 404 and body["ok"] is False


def test_a_long_name_and_a_nul_byte_are_stored_safely(offline, api):
    chat = OfflineChat(offline, api, 4343)
    chat.user = TgUser(api, 4343, first_name="小\x00李" + "明" * 100)

    async def scenario() -> None:
        await chat.say("你好\x00")
        assert chat.text

    run(offline, scenario)
    assert user_texts(offline) == ["你好"]
    with offline.db.read() as s:
        name = s.scalars(select(Conversation.display_name)).one()
    assert len(name) == 64 and name.startswith("小李明") and name.endswith("…")
