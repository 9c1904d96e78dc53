"""The channel's shared state on PostgreSQL, the production database."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select, update

from bot.app import App, create_app
from bot.channels.wechat_nonces import MAX_DELIVERIES, NonceBook
from bot.channels.wechat_store import MetaSessionStorage, close_conversation
from bot.settings import Settings
from bot.staff import notices
from bot.store.db import Database
from bot.store.meta import MetaStore
from bot.store.models import Conversation, Event, Meta, utcnow
from bot.transfer import seed
from tests.conftest import LiveServer
from tests.support import TLS
from tests.support.demo import pg_copy
from tests.wechat.conftest import ROOT, WeChatServer, wechat_env
from tests.wechat.test_wechat_db_locked import (
    LOCK_SECONDS,
    WECHAT_TIMEOUT,
    answers_heard,
    attempt,
    wait_for_an_answer,
)


@pytest.fixture
def pg_wechat_bot(pg_url: str, model_dir: Path, wechat_api) -> Iterator[App]:
    """The bot on a fresh PostgreSQL database (a copy of a template) with the demo courses."""
    with pg_copy(pg_url, "wechat-courses", _with_courses) as url:
        settings = Settings.load(
            ROOT / "config.yml",
            workerbot_database_url=url,
            workerbot_model_dir=model_dir,
            **wechat_env(wechat_api),
        )
        app = create_app(settings)
        yield app
        app.db.dispose()


def _with_courses(url: str) -> None:
    db = Database(url)
    try:
        db.upgrade()
        seed.load_courses(db, ROOT / "data" / "courses.yml")
    finally:
        db.dispose()


def test_meta_store_and_token_storage_on_postgres(pg_wechat_bot):
    meta = MetaStore(pg_wechat_bot.db)
    assert meta.claim("wx:async:1", "a") is True
    assert meta.claim("wx:async:1", "b") is False
    assert meta.get("wx:async:1") == "a"
    meta.put("wx:opts:o1", "[1]")
    meta.put("wx:opts:o1", "[2]")
    assert meta.get("wx:opts:o1") == "[2]"
    assert meta.prune("wx:async:", timedelta(seconds=-60)) == 1
    assert meta.get("wx:async:1") is None and meta.get("wx:opts:o1") == "[2]"
    storage = MetaSessionStorage(pg_wechat_bot.db)
    storage.set("appid_access_token", "T1", 7200)
    assert storage.get("appid_access_token") == "T1"
    storage.delete("appid_access_token")
    assert storage.get("appid_access_token", "none") == "none"


def test_wechat_conversation_on_postgres(pg_wechat_bot, wechat_api):
    live = LiveServer(pg_wechat_bot)
    try:
        with httpx.Client(base_url=live.url, timeout=10, verify=TLS) as http:
            wechat = WeChatServer(http)
            reply = wechat.say("o-pg-1", "我想学书法")
            assert "回复 1 报名 书法" in reply
            xml = wechat.xml("o-pg-1", "text", Content="1")
            first = wechat.reply(wechat.post(xml))["Content"]
            assert "姓名" in first and wechat.reply(wechat.post(xml))["Content"] == first
            assert wechat.event("o-pg-1", "unsubscribe") is None
    finally:
        live.stop()
    with pg_wechat_bot.db.read() as s:
        assert s.scalar(select(Conversation.state)) == "closed"
        assert s.scalar(select(func.count()).select_from(Event).where(Event.type == "user")) == 2
        assert (
            s.scalar(select(func.count()).select_from(Meta).where(Meta.key.like("wx:opts:%"))) == 0
        )
    assert close_conversation(pg_wechat_bot.db, "o-pg-1") is False
    channel = next(p for p in pg_wechat_bot.channels.plugins() if p.name == "wechat")
    push = notice_for(pg_wechat_bot, "o-pg-1", "您的报名已确认")
    assert asyncio.run(channel.send(push)) is False  # unfollowed: nothing is sent
    assert wechat_api.sent() == []


def test_used_nonces_on_postgres(pg_wechat_bot):
    book = NonceBook(pg_wechat_bot.db, 300)
    assert book.admit("1700000000", "1", "a" * 64) is True
    assert book.admit("1700000000", "1", "b" * 64) is False  # another body: a replay
    for _ in range(MAX_DELIVERIES - 1):  # the same delivery again: a retry, a few times
        assert book.admit("1700000000", "1", "a" * 64) is True
    assert book.admit("1700000000", "1", "a" * 64) is False
    assert book.admit("1700000000", "2", "b" * 64) is True
    # kept for twice the window (and a minute), then forgotten
    with pg_wechat_bot.db.engine.begin() as conn:
        conn.execute(
            update(Meta)
            .where(Meta.key == "wx:nonce:1700000000:2")
            .values(updated_at=utcnow() - timedelta(seconds=661))
        )
    assert book.prune() == 1
    assert book.admit("1700000000", "1", "b" * 64) is False
    assert book.admit("1700000000", "2", "c" * 64) is True


def test_locked_tables_neither_delay_the_callback_nor_double_the_answer(pg_wechat_bot, wechat_api):
    """The five-second rule on PostgreSQL: another session locks the tables (up to 10 s)
    through all three attempts."""
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        db = Database(pg_wechat_bot.settings.database_url)
        try:
            with db.engine.begin() as conn:
                conn.exec_driver_sql(
                    "LOCK TABLE meta, processed_messages, conversations IN ACCESS EXCLUSIVE MODE"
                )
                held.set()
                release.wait(LOCK_SECONDS)
        finally:
            db.dispose()

    live = LiveServer(pg_wechat_bot)
    holder = threading.Thread(target=hold)
    try:
        with httpx.Client(base_url=live.url, timeout=10, verify=TLS) as http:
            wechat = WeChatServer(http)
            openid = "o-pg-locked"
            xml = wechat.xml(openid, "text", Content="我想学书法")
            holder.start()
            assert held.wait(10)
            responses = []
            for _ in range(3):  # as if WeChat heard none of our answers
                took, r = attempt(wechat, xml)
                assert r is not None and took < WECHAT_TIMEOUT and r.status_code == 200, took
                responses.append(r)
            release.set()  # (every attempt was made under the lock: nothing waits for the rest)
            holder.join()
            wait_for_an_answer(wechat, wechat_api, responses, openid)
            heard = answers_heard(wechat, wechat_api, responses, openid)
            assert len(heard) == 1 and "书法" in heard[0], heard
    finally:
        release.set()
        live.stop()
    with pg_wechat_bot.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Event).where(Event.type == "user")) == 1


def notice_for(app, openid: str, text: str):
    """Record a notice for a WeChat worker the way admin pages do (bot/staff/notices.py)."""
    with app.db.write_lock(), app.db.session() as s:
        return notices.record(s, "wechat", openid, text)
