"""Pushes (staff replies, notices), the shared access token, and `workerbot wechat menu`."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
from datetime import timedelta

import orjson
from sqlalchemy import select, update
from typer.testing import CliRunner

from bot.channels.wechat_api import make_client, menu_body
from bot.channels.wechat_store import MetaSessionStorage
from bot.cli import app as cli
from bot.staff import notices
from bot.store.db import Database
from bot.store.meta import meta_key
from bot.store.models import Conversation, Event, Meta, utcnow
from tests.wechat.conftest import APPID, ROOT, wechat_env

runner = CliRunner()


def conversation_id(bot, openid: str) -> int:
    with bot.db.read() as s:
        return s.scalar(select(Conversation.id).where(Conversation.sender_id == openid))


def deliver(bot, push) -> bool:
    return asyncio.run(bot.channels.deliver(push))


def undelivered(bot) -> list[dict]:
    with bot.db.read() as s:
        data = s.scalars(select(Event.data).where(Event.type == "system")).all()
    return [d for d in data if d and d.get("undelivered")]


def cli_env(bot, wechat_api) -> dict[str, str]:
    env = {f"{k.upper()}": v for k, v in wechat_env(wechat_api).items()}
    env.update(
        WORKERBOT_DATABASE_URL=bot.settings.database_url,
        WORKERBOT_MODEL_DIR=str(bot.settings.model_dir),
        WORKERBOT_CONFIG=str(ROOT / "config.yml"),
    )
    return env


def test_staff_reply_in_the_window_goes_by_customer_service(bot, wechat, wechat_api):
    wechat.say("o-push-1", "转人工")
    push = bot.desk.say(conversation_id(bot, "o-push-1"), "您好，我是工作人员小王")
    assert deliver(bot, push) is True
    (call,) = wechat_api.sent()
    assert call["body"] == {
        "touser": "o-push-1",
        "msgtype": "text",
        "text": {"content": "您好，我是工作人员小王"},
    }
    assert undelivered(bot) == []


def test_a_push_with_buttons_offers_numbered_options(bot, wechat, wechat_api, channel):
    wechat.say("o-push-2", "你好")
    push = bot.desk.release(conversation_id(bot, "o-push-2"))
    push = type(push)(
        push.conversation_id,
        push.channel,
        push.sender_id,
        {
            "text": "还需要帮忙吗？",
            "buttons": [{"title": "课程报名", "payload": "/course_search"}],
        },
    )
    assert deliver(bot, push) is True
    assert wechat_api.texts() == ["还需要帮忙吗？\n回复 1 课程报名"]
    assert "回复 2 报名" in wechat.say("o-push-2", "1")


def test_45015_is_recorded_undelivered_and_logged_without_personal_data(
    bot, wechat, wechat_api, caplog
):
    wechat.say("o-push-3", "转人工")
    wechat_api.custom_errcode = 45015
    push = bot.desk.say(conversation_id(bot, "o-push-3"), "李小红您好，您的案件已受理")
    with caplog.at_level(logging.INFO):
        assert deliver(bot, push) is False
    assert len(wechat_api.sent()) == 1
    assert undelivered(bot) == [{"undelivered": "wechat", "reason": "45015"}]
    logged = caplog.text
    assert "undelivered" in logged and "o-push-3" not in logged and "李小红" not in logged


def test_outside_48_hours_nothing_is_tried_unless_a_template_is_configured(
    bot, wechat, wechat_api, monkeypatch
):
    wechat.say("o-push-4", "你好")
    with bot.db.write_lock(), bot.db.session() as s:
        s.execute(update(Conversation).values(last_message_at=utcnow() - timedelta(hours=49)))
    cid = conversation_id(bot, "o-push-4")
    assert deliver(bot, notice_for(bot, "o-push-4", "您的调解申请已受理")) is False
    assert wechat_api.sent() == []
    assert undelivered(bot) == [{"undelivered": "wechat", "reason": "outside_48h"}]
    monkeypatch.setattr(bot.settings.config.wechat, "template_id", "TPL-case-status")
    push = notice_for(bot, "o-push-4", "您的调解申请已受理")
    assert push.conversation_id == cid and deliver(bot, push) is True
    (call,) = wechat_api.sent("message/template/send")
    assert call["body"]["template_id"] == "TPL-case-status"
    assert call["body"]["data"] == {"content": {"value": "您的调解申请已受理"}}
    assert wechat_api.sent() == []


def test_no_push_to_a_worker_who_unfollowed(bot, wechat, wechat_api):
    wechat.say("o-push-5", "转人工")
    wechat.event("o-push-5", "unsubscribe")
    push = bot.desk.say(conversation_id(bot, "o-push-5"), "您好")
    assert deliver(bot, push) is False
    assert wechat_api.sent() == []


def test_the_cli_delivers_a_staff_reply_without_a_running_server(bot, wechat, wechat_api):
    wechat.say("o-push-6", "转人工")
    cid = conversation_id(bot, "o-push-6")
    r = runner.invoke(
        cli, ["handoff", "say", str(cid), "您好，我是工作人员"], env=cli_env(bot, wechat_api)
    )
    assert r.exit_code == 0 and "delivered" in r.output and "recorded" not in r.output, r.output
    assert wechat_api.texts() == ["您好，我是工作人员"]


def test_the_access_token_is_fetched_once_and_shared_by_processes(bot, wechat_api):
    url = bot.settings.database_url
    first, second = (
        make_client(bot.settings, Database(url)),
        make_client(bot.settings, Database(url)),
    )
    token = first.access_token
    assert second.access_token == token
    env = {**os.environ, **cli_env(bot, wechat_api)}
    code = (
        "from bot.settings import Settings; from bot.store.db import Database;"
        "from bot.channels.wechat_api import make_client;"
        "s = Settings.load(); print(make_client(s, Database(s.database_url)).access_token)"
    )
    other = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert other.stdout.strip() == token
    assert len(wechat_api.sent("token")) == 1
    # before it expires the token is refreshed once, and everyone sees the new one
    key = meta_key(MetaSessionStorage.PREFIX, f"{APPID}_access_token")
    with bot.db.read() as s:
        item = orjson.loads(s.get(Meta, key).value)
    item["stale"] -= 7200
    with bot.db.write_lock(), bot.db.session() as s:
        s.get(Meta, key).value = orjson.dumps(item).decode()
    renewed = second.access_token
    assert renewed != token and first.access_token == renewed
    assert len(wechat_api.sent("token")) == 2
    first.menu.create(menu_body(bot.settings.config.wechat))
    assert wechat_api.sent("menu/create")[0]["query"]["access_token"] == renewed


def test_a_rejected_token_is_replaced(bot, wechat_api):
    client = make_client(bot.settings, Database(bot.settings.database_url))
    client.menu.create(menu_body(bot.settings.config.wechat))
    storage = MetaSessionStorage(bot.db)
    storage.set(f"{APPID}_access_token", "REVOKED", 7200)  # e.g. reset in the admin console
    client.menu.create(menu_body(bot.settings.config.wechat))
    assert [c["query"]["access_token"] for c in wechat_api.sent("menu/create")] == [
        "ACCESS-TOKEN-1",
        "REVOKED",
        "ACCESS-TOKEN-2",
    ]
    assert storage.get(f"{APPID}_access_token") == "ACCESS-TOKEN-2"


def test_wechat_menu_command_creates_the_configured_menu(bot, wechat_api):
    r = runner.invoke(cli, ["wechat", "menu"], env=cli_env(bot, wechat_api))
    assert r.exit_code == 0, r.output
    assert "课程" in r.output
    (call,) = wechat_api.sent("menu/create")
    buttons = call["body"]["button"]
    assert len(buttons) <= 3  # WeChat's limit for top-level buttons
    clicks = [b for top in buttons for b in top.get("sub_button", [top])]
    assert {b["key"]: b["name"] for b in clicks} == {
        "COURSES": "课程",
        "MEDIATION": "调解",
        "POLICY": "政策咨询",
        "HUMAN": "人工服务",
    }
    assert all(b["type"] == "click" for b in clicks)


def test_wechat_menu_without_the_secret_says_what_is_missing(bot, wechat_api):
    env = cli_env(bot, wechat_api)
    env["WECHAT_SECRET"] = ""
    r = runner.invoke(cli, ["wechat", "menu"], env=env)
    assert r.exit_code == 2 and "WECHAT_SECRET" in r.output
    assert wechat_api.calls == []


def notice_for(app, openid: str, text: str):
    """Record a notice for a WeChat worker the way admin pages do (bot/staff/notices.py)."""
    with app.db.write_lock(), app.db.session() as s:
        return notices.record(s, "wechat", openid, text)
