"""Plain mode (no WECHAT_AES_KEY): the body is not signed, so each signed query is good once.

The attack: a query copied from a log (of a message or of the URL verification) carried a
body of the attacker's choosing, as any openid, to any server process.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from bot.app import App, create_app
from bot.settings import Settings
from bot.store.models import Conversation, Event
from tests.conftest import LiveServer
from tests.support import TLS
from tests.wechat.conftest import ROOT, TOKEN, WeChatServer, sign, wechat_env


@pytest.fixture
def settings(tmp_path: Path, model_dir: Path, wechat_api) -> Settings:  # noqa: ANN001
    """The WeChat channel in plain mode: no EncodingAESKey."""
    return Settings.load(
        ROOT / "config.yml",
        workerbot_database_url=f"sqlite:///{tmp_path / 'bot.db'}",
        workerbot_model_dir=model_dir,
        **{**wechat_env(wechat_api), "wechat_aes_key": None},
    )


@pytest.fixture
def plain(http: httpx.Client) -> WeChatServer:
    return WeChatServer(http, safe=False)


@pytest.fixture
def second_process(settings: Settings) -> Iterator[httpx.Client]:
    """Another server process on the same database."""
    other = create_app(settings)
    live = LiveServer(other)
    try:
        with httpx.Client(base_url=live.url, timeout=10, verify=TLS) as client:
            yield client
    finally:
        live.stop()
        other.db.dispose()


def users(bot: App, openid: str) -> int:
    with bot.db.read() as s:
        return s.scalar(
            select(func.count())
            .select_from(Event)
            .join(Conversation, Conversation.id == Event.conversation_id)
            .where(Conversation.sender_id == openid, Event.type == "user")
        )


def test_plain_mode_still_answers_and_checks_freshness(bot, plain):
    r = plain.post(plain.xml("o-worker-1", "text", Content="你好"))
    assert "<Encrypt>" not in r.text and "小助手" in plain.reply(r)["Content"]
    # a body that claims encryption has no key to be read with here
    encrypted = plain.post(plain.xml("o-worker-1", "text", Content="你好"), safe=True)
    assert encrypted.status_code == 403
    assert plain.post(b"<xml><ToUserName>").status_code == 400
    stale = plain.xml("o-worker-1", "text", Content="你好")
    assert plain.post(stale, timestamp="946684800").status_code == 403
    assert users(bot, "o-worker-1") == 1


def test_a_used_query_cannot_carry_another_body(bot, plain):
    params, body = plain.seal(plain.xml("o-worker-2", "text", Content="你好"))
    assert "小助手" in plain.reply(plain.send(params, body))["Content"]
    forged = plain.xml("o-victim-2", "text", Content="转人工")
    assert plain.send(params, forged).status_code == 403
    assert users(bot, "o-victim-2") == 0


def test_the_query_of_a_url_verification_cannot_sign_a_message(bot, plain, http):
    now, nonce = str(int(time.time())), "5150"
    query = {"signature": sign(TOKEN, now, nonce), "timestamp": now, "nonce": nonce}
    assert http.get("/webhooks/wechat", params={**query, "echostr": "e1"}).text == "e1"
    forged = plain.xml("o-victim-3", "text", Content="我的调解进度")
    assert plain.send(query, forged).status_code == 403
    assert users(bot, "o-victim-3") == 0


def test_replays_are_refused_by_every_server_process(bot, plain, second_process):
    params, body = plain.seal(plain.xml("o-worker-4", "text", Content="我想学书法"))
    first = plain.reply(plain.send(params, body))["Content"]
    elsewhere = WeChatServer(second_process, safe=False)
    forged = plain.xml("o-victim-4", "text", Content="转人工")
    assert elsewhere.send(params, forged).status_code == 403
    assert users(bot, "o-victim-4") == 0
    # the same delivery repeated is WeChat's retry there too: the same answer, run once
    assert elsewhere.reply(elsewhere.send(params, body))["Content"] == first
    assert users(bot, "o-worker-4") == 1
