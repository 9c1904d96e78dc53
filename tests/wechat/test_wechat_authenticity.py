"""Only WeChat gets in (safe mode): encrypted bodies only, fresh timestamps, no replays.

The attack: whoever once saw a callback URL (a proxy log) reused its signed query with a
plain body of their own, as any openid; timestamps of 1970, 2000 and 2100 were accepted.
"""

from __future__ import annotations

import re
import time

import httpx
import pytest
from sqlalchemy import func, select

from bot.app import create_app
from bot.settings import ConfigError, Settings
from bot.store.db import Database
from bot.store.models import Conversation, Event, ProcessedMessage
from tests.wechat.conftest import ROOT, TOKEN, sign, wechat_env


def stored(bot) -> tuple[int, int, int]:
    with bot.db.read() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(model))
            for model in (Conversation, Event, ProcessedMessage)
        )


def verify(http: httpx.Client, timestamp: str, nonce: str, echostr: str) -> httpx.Response:
    """WeChat's GET verification of the callback URL, correctly signed."""
    params = {"signature": sign(TOKEN, timestamp, nonce), "timestamp": timestamp}
    params.update(nonce=nonce, echostr=echostr)
    return http.get("/webhooks/wechat", params=params)


def test_safe_mode_refuses_a_plain_body(bot, wechat, caplog):
    # a correctly signed query with an unencrypted body that speaks for a worker
    xml = wechat.xml("o-victim-1", "text", Content="转人工")
    assert wechat.post(xml, safe=False).status_code == 403
    # the operator learns why, and nothing of the request
    assert "plain message but WECHAT_AES_KEY is set" in caplog.text
    assert "o-victim-1" not in caplog.text and "转人工" not in caplog.text
    assert wechat.post(xml, safe=False, encrypt_type="raw").status_code == 403
    # claiming encryption without an encrypted, msg-signed body does not help either
    assert wechat.post(xml, safe=False, encrypt_type="aes").status_code in (400, 403)
    assert stored(bot) == (0, 0, 0)


def test_stale_and_future_timestamps_are_refused(bot, wechat, http, caplog):
    now = int(time.time())
    for when in (1, 946684800, 4102444800, now - 3600, now + 3600, now - 330, now + 330):
        xml = wechat.xml("o-victim-2", "text", Content="我的调解进度")
        assert wechat.post(xml, timestamp=str(when)).status_code == 403, when
        r = verify(http, str(when), "77", "4242")
        assert r.status_code == 403 and "4242" not in r.text, when
    assert stored(bot) == (0, 0, 0)
    # a clock to fix, named in seconds (a second or two may tick while the test runs)
    assert re.search(r"timestamp 3(?:59\d|600) s ahead of this server's clock", caplog.text)
    assert re.search(r"timestamp 36(?:0\d) s behind this server's clock", caplog.text)
    # a clock a minute off either way is fine
    for when in (now - 60, now + 60):
        xml = wechat.xml("o-worker-2", "text", Content="你好")
        assert wechat.reply(wechat.post(xml, timestamp=str(when))) is not None
        assert verify(http, str(when), f"78{when}", "4343").text == "4343"


def test_timestamps_that_are_not_plain_seconds_are_refused(bot, wechat, http):
    now = str(int(time.time()))
    full_width = now.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
    for when in ("abc", f"{now}.5", f"+{now}", f" {now}", full_width, "9" * 40):
        xml = wechat.xml("o-victim-3", "text", Content="你好")
        assert wechat.post(xml, timestamp=when).status_code == 403, when
        assert verify(http, when, "79", "4444").status_code == 403, when
    assert stored(bot) == (0, 0, 0)


def test_a_delivery_repeated_byte_for_byte_is_a_retry_within_limits(bot, wechat):
    """Should WeChat resend a message with the same query, it is answered as a retry."""
    params, body = wechat.seal(wechat.xml("o-worker-4", "text", Content="我想学书法"))
    answers = [wechat.reply(wechat.send(params, body))["Content"] for _ in range(4)]
    assert "书法" in answers[0] and answers.count(answers[0]) == 4
    assert wechat.send(params, body).status_code == 403  # more than WeChat ever sends
    with bot.db.read() as s:
        assert s.scalar(select(func.count()).where(Event.type == "user")) == 1


def test_the_window_comes_from_the_config(tmp_path, model_dir, wechat_api):
    text = (ROOT / "config.yml").read_text(encoding="utf-8")
    assert "callback_window_seconds: 300" in text
    config = tmp_path / "config.yml"
    config.write_text(text.replace("callback_window_seconds: 300", "callback_window_seconds: 30"))
    env = {**wechat_env(wechat_api), "workerbot_data_dir": ROOT / "data"}
    settings = Settings.load(
        config,
        workerbot_database_url=f"sqlite:///{tmp_path / 'bot.db'}",
        workerbot_model_dir=model_dir,
        **env,
    )
    Database(settings.database_url).upgrade()
    app = create_app(settings)
    try:
        (channel,) = [p for p in app.channels.plugins() if p.name == "wechat"]
        now = time.time()
        assert channel.gate.fresh(str(int(now) - 25), now)
        assert not channel.gate.fresh(str(int(now) - 60), now)
    finally:
        app.db.dispose()
    config.write_text(text.replace("callback_window_seconds: 300", "callback_window_seconds: 5"))
    with pytest.raises(ConfigError, match=r"wechat\.callback_window_seconds"):
        Settings.load(config, **env)


def test_a_short_token_is_warned_about(bot, caplog):
    # the tests' Token has 11 characters; sha1 of a logged query lets anyone try Tokens offline
    assert "WECHAT_TOKEN is short" in "".join(r.getMessage() for r in caplog.get_records("setup"))
