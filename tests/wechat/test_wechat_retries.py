"""WeChat's retries and five-second rule: nothing runs twice, nothing is sent twice or lost."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from sqlalchemy import func, select

from bot.channels.wechat_text import split
from bot.store.models import Enrolment, Event, MediationCase, ProcessedMessage
from tests.wechat.conftest import option


def count(bot, model, *where) -> int:
    with bot.db.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


@pytest.fixture
def slow_engine(bot, channel, monkeypatch) -> threading.Semaphore:
    """The engine answers only when the test releases it; the channel waits 0.1 s, not 3 s."""
    monkeypatch.setattr(channel, "reply_timeout", 0.1)
    handle = channel.handle
    gate = threading.Semaphore(0)

    async def slow(incoming):
        await asyncio.to_thread(gate.acquire, True, 10)
        return await handle(incoming)

    monkeypatch.setattr(channel, "handle", slow)
    return gate


def test_a_message_retried_three_times_files_one_case_and_answers_the_same(bot, wechat):
    openid = "o-retry-1"
    for text in ("我要申请劳动纠纷调解", "钱多多", "13812345678", "重庆某某科技有限公司"):
        wechat.say(openid, text)
    wechat.say(openid, "拖欠工资")
    wechat.say(openid, "公司欠我两个月工资八千块一直不给")
    summary = wechat.say(openid, "补发工资")
    confirm = wechat.xml(openid, "text", Content=option(summary, "确认"))
    answers = [wechat.reply(wechat.post(confirm))["Content"] for _ in range(3)]
    assert answers[0] == answers[1] == answers[2] and "TJ" in answers[0]
    assert count(bot, MediationCase) == 1


def test_a_retried_menu_click_runs_once(bot, wechat):
    click = wechat.xml("o-retry-2", "event", Event="CLICK", EventKey="COURSES")
    first = wechat.reply(wechat.post(click))["Content"]
    assert wechat.reply(wechat.post(click))["Content"] == first
    assert count(bot, Event, Event.type == "user") == 1
    # the same key clicked again later is a new click (another CreateTime)
    wechat.event("o-retry-2", "CLICK", "COURSES")
    assert count(bot, Event, Event.type == "user") == 2


def test_slow_answer_goes_by_customer_service_once(bot, wechat, wechat_api, slow_engine):
    xml = wechat.xml("o-slow-1", "text", Content="年休假有几天")
    assert wechat.reply(wechat.post(xml)) is None  # `success` while the engine is still busy
    assert wechat.reply(wechat.post(xml)) is None  # a retry while the answer is on its way
    slow_engine.release()
    (call,) = wechat_api.wait_for(1)
    assert call["body"]["touser"] == "o-slow-1"
    assert "年休假条例" in call["body"]["text"]["content"]
    assert wechat.reply(wechat.post(xml)) is None  # a retry after it was sent
    time.sleep(0.8)
    assert len(wechat_api.sent()) == 1
    assert count(bot, ProcessedMessage) == 1
    assert count(bot, Event, Event.type == "user") == 1


def test_numbered_options_of_a_slow_answer_work(bot, wechat, wechat_api, slow_engine):
    def say(text: str, sent: int) -> str:
        assert wechat.say("o-slow-2", text) is None
        slow_engine.release()
        return wechat_api.wait_for(sent)[-1]["body"]["text"]["content"]

    courses = say("我想学书法", 1)
    assert "姓名" in say(option(courses, "报名 书法"), 2)
    say("陈大明", 3)
    summary = say("13512345678", 4)
    assert "书法" in summary
    assert "报名成功" in say(option(summary, "确认报名"), 5)
    assert count(bot, Enrolment) == 1


def test_long_answer_is_split_into_passive_reply_and_customer_service(
    bot, channel, wechat, wechat_api, monkeypatch
):
    long_text = "\n".join(f"第{i}条：劳动者依法享有取得劳动报酬的权利。" * 3 for i in range(60))

    async def long_answer(incoming):
        return [{"text": long_text, "buttons": [{"title": "转人工", "payload": "/human_handoff"}]}]

    monkeypatch.setattr(channel, "handle", long_answer)
    xml = wechat.xml("o-long-1", "text", Content="劳动报酬")
    first = wechat.reply(wechat.post(xml))["Content"]
    assert len(first.encode()) <= 2048 and first.startswith("第0条")
    expected = split(long_text + "\n回复 1 转人工")
    assert len(expected) > 2
    rest = [c["body"]["text"]["content"] for c in wechat_api.wait_for(len(expected) - 1)]
    assert all(len(t.encode()) <= 2048 for t in rest)
    assert "\n".join([first, *rest]) == long_text + "\n回复 1 转人工"
    # a retry gets the same passive part and nothing is sent again
    assert wechat.reply(wechat.post(xml))["Content"] == first
    time.sleep(0.3)
    assert wechat_api.texts() == rest


def test_an_engine_failure_is_a_500_so_that_wechat_retries(bot, channel, wechat, monkeypatch):
    handle = channel.handle
    failures = []

    async def flaky(incoming):
        if not failures:
            failures.append(1)
            raise RuntimeError("database went away")
        return await handle(incoming)

    monkeypatch.setattr(channel, "handle", flaky)
    xml = wechat.xml("o-flaky-1", "text", Content="我想学书法")
    assert wechat.post(xml).status_code == 500
    assert "书法" in wechat.reply(wechat.post(xml))["Content"]  # WeChat's retry is answered


def test_a_failure_after_the_window_is_told_to_the_worker(
    bot, channel, wechat, wechat_api, monkeypatch
):
    monkeypatch.setattr(channel, "reply_timeout", 0.1)

    async def broken(incoming):
        await asyncio.sleep(0.3)
        raise RuntimeError("boom")

    monkeypatch.setattr(channel, "handle", broken)
    assert wechat.say("o-broken-1", "你好") is None
    (call,) = wechat_api.wait_for(1)
    assert "再发一次" in call["body"]["text"]["content"]


def test_a_slow_answer_that_cannot_be_sent_is_noted_for_staff(bot, wechat, wechat_api, slow_engine):
    wechat_api.custom_errcode = 48001  # e.g. an account without the customer-service API
    assert wechat.say("o-slow-3", "你好") is None
    slow_engine.release()
    wechat_api.wait_for(1)
    deadline = time.monotonic() + 5
    while not count(bot, Event, Event.type == "system"):
        assert time.monotonic() < deadline
        time.sleep(0.02)
    with bot.db.read() as s:
        (data,) = s.scalars(select(Event.data).where(Event.type == "system")).all()
    assert data == {"undelivered": "wechat", "reason": "error 48001"}
