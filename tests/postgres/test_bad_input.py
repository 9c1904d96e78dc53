"""A NUL byte, a broken surrogate or an over-long display name from any channel: cleaned or
refused politely, never a 500, never half stored, never cut short silently. Run on SQLite
and on PostgreSQL (which refuses NUL in text and enforces VARCHAR(64))."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import func, select

from bot.app import App
from bot.core.messages import Incoming
from bot.store.models import EV_USER, Conversation, Event, ProcessedMessage
from tests.conftest import LiveServer
from tests.support import TLS

LONG_NAME = "李" * 10_000


@pytest.fixture(params=["sqlite", "postgresql"])
def any_bot(request: pytest.FixtureRequest) -> App:
    return request.getfixturevalue("bot" if request.param == "sqlite" else "pg_bot")


@pytest.fixture
def client(any_bot: App) -> Iterator[httpx.Client]:
    # staff sessions need a key: not the file next to config.yml that a PostgreSQL app uses
    any_bot.settings.env.workerbot_secret_key = secrets.token_urlsafe(48)
    live = LiveServer(any_bot)
    try:
        with httpx.Client(base_url=live.url, timeout=30, verify=TLS) as http:
            yield http
    finally:
        live.stop()


def rest(http: httpx.Client, **body: object) -> httpx.Response:
    return http.post("/webhooks/rest/webhook", json=body)


def user_events(bot: App, sender: str) -> list[str]:
    with bot.db.read() as s:
        return list(
            s.scalars(
                select(Event.text)
                .join(Conversation, Conversation.id == Event.conversation_id)
                .where(Conversation.sender_id == sender, Event.type == EV_USER)
                .order_by(Event.id)
            )
        )


def conversation(bot: App, sender: str) -> Conversation | None:
    with bot.db.read() as s:
        return s.scalars(select(Conversation).where(Conversation.sender_id == sender)).first()


def test_nul_in_a_rest_message_is_cleaned_and_answered(any_bot, client):
    r = rest(client, sender="nul-1", message="你好\x00，我想\x00报名课程", message_id="m\x00-1")
    assert r.status_code == 400 and "message_id" in r.json()["message"]
    r = rest(client, sender="nul-1", message="你好\x00，我想\x00报名课程", message_id="nul-m1")
    assert r.status_code == 200, r.text
    assert r.json() and r.json()[0]["text"]
    assert user_events(any_bot, "nul-1") == ["你好，我想报名课程"]


def test_nul_in_a_sender_is_refused_politely(any_bot, client):
    r = rest(client, sender="bad\x00sender", message="你好")
    assert r.status_code == 400
    assert "sender" in r.json()["message"] and r.json()["error"] == "bad_sender"
    with any_bot.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Conversation)) == 0


def test_broken_surrogate_is_replaced_not_a_500(any_bot, client):
    raw = b'{"sender": "sur-1", "message": "\\ud800\\u4f60\\u597d"}'
    r = client.post(
        "/webhooks/rest/webhook", content=raw, headers={"content-type": "application/json"}
    )
    assert r.status_code in (200, 400), r.text  # orjson may refuse it as invalid JSON
    if r.status_code == 200:
        assert user_events(any_bot, "sur-1") == ["\ufffd你好"]


def test_an_over_long_display_name_is_refused_and_nothing_is_stored(any_bot, client):
    r = rest(client, sender="long-name-1", message="你好", metadata={"display_name": LONG_NAME})
    assert r.status_code == 400
    body = r.json()
    assert body["error"] == "bad_display_name" and "64" in body["message"]
    assert conversation(any_bot, "long-name-1") is None
    # the same worker with a name that fits: answered, and the name is kept whole
    name = "张" * 64
    r = rest(client, sender="long-name-1", message="你好", metadata={"display_name": name})
    assert r.status_code == 200, r.text
    assert conversation(any_bot, "long-name-1").display_name == name
    r = rest(client, sender="long-name-1", message="你好")  # and later messages too
    assert r.status_code == 200, r.text


def test_web_chat_text_with_nul_is_cleaned(any_bot, client):
    sender, text = "w" * 20, "请问\x00年休假有几天"
    r = client.post(
        "/chat/api/send", json={"sender": sender, "text": text, "message_id": "web-nul-1"}
    )
    assert r.status_code == 200, r.text
    assert r.json()["replies"]
    assert user_events(any_bot, sender) == ["请问年休假有几天"]


def test_channels_without_an_http_edge_are_cleaned_in_the_engine(any_bot):
    """Telegram names and texts, WeChat texts: whatever a channel hands over is safe to store."""
    incoming = Incoming("telegram", "777", "我要\x00调解\ud800", "tg-777", "小\x00李" + "明" * 100)
    replies = any_bot.engine.handle(incoming)
    assert replies
    conv = conversation(any_bot, "777")
    assert conv is not None
    assert len(conv.display_name) <= 64 and conv.display_name.startswith("小李明")
    assert conv.display_name.endswith("…")  # shortened visibly, never silently
    assert user_events(any_bot, "777") == ["我要调解\ufffd"]
    with any_bot.db.read() as s:
        assert s.get(ProcessedMessage, (conv.id, "tg-777")) is not None
    with pytest.raises(ValueError):
        Incoming("wechat", "open\x00id", "你好")  # an id is never rewritten: refused
