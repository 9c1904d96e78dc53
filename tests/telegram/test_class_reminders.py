"""Class reminders on Telegram (the fake Bot API): the evening before, once across two
processes and a restart, never in the quiet hours; 收到 and 请假 (with a reason) answered."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.app import App
from bot.channels.telegram import TelegramChannel
from bot.outreach.class_reminders import ClassReminders
from bot.store.models import ATTEND_EXCUSED, Attendance, ClassReminder
from tests.outreach.support import enrol, local_moment, reminders_on, weekly_course
from tests.telegram.conftest import OfflineChat, build_app, tg_settings
from tests.telegram.fake_api import FakeBotApi, OfflineRequest

CHAT = 7001


@pytest.fixture
def tg(tmp_path: Path, model_dir: Path, api: FakeBotApi) -> Iterator[tuple[App, TelegramChannel]]:
    app = build_app(tg_settings(tmp_path, model_dir))
    channel = TelegramChannel(
        app.handle, app.db, app.settings, request_factory=lambda: OfflineRequest(api)
    )
    app.channels.register(channel)
    yield app, channel
    app.db.dispose()


def runner(app: App) -> ClassReminders:
    return ClassReminders(
        app.db, app.channels, app.clock, reminders_on(app.settings.config.reminders)
    )


def reminders_sent(api: FakeBotApi) -> list[dict]:
    return [m for m in api.sent(CHAT) if m["text"].startswith("【上课提醒】")]


async def _scenario_once(app: App, channel: TelegramChannel, api: FakeBotApi) -> None:
    chat = OfflineChat(channel, api, CHAT)
    await chat.say("你好")
    first = app.clock.today() + timedelta(days=3)
    course_id = weekly_course(app.db, first)
    enrol(app.db, course_id, "telegram", str(CHAT))
    eve = first - timedelta(days=1)
    one, two = runner(app), runner(app)
    # the evening before at 18:59: nothing; two days before at 19:30: nothing
    assert await one.run_once(local_moment(app.clock, eve, 18, 59)) == 0
    assert await one.run_once(local_moment(app.clock, eve - timedelta(days=1), 19, 30)) == 0
    # 19:00: reminded; the second process holds no lease
    assert await one.run_once(local_moment(app.clock, eve, 19, 0)) == 1
    assert await two.run_once(local_moment(app.clock, eve, 19, 1)) == 0
    (sent,) = reminders_sent(api)
    assert "明天" in sent["text"] and "19:00-20:30" in sent["text"] and "二楼" in sent["text"]
    titles = [b["text"] for row in sent["reply_markup"]["inline_keyboard"] for b in row]
    assert titles == ["收到", "请假"]
    # a restart: the old lease handed on, a new process — still once
    one.lease.release()
    again = runner(app)
    assert await again.run_once(local_moment(app.clock, eve, 20, 0)) == 0
    assert await again.run_once(local_moment(app.clock, first, 9, 0)) == 0
    assert len(reminders_sent(api)) == 1
    # the next week's session is reminded the evening before it
    week = eve + timedelta(days=7)
    assert await again.run_once(local_moment(app.clock, week, 19, 5)) == 1
    with app.db.read() as s:
        days = s.scalars(select(ClassReminder.session_date)).all()
    assert sorted(days) == [first, first + timedelta(days=7)]


def test_reminded_once_the_evening_before_across_processes_and_restarts(tg, api):
    app, channel = tg
    asyncio.run(_scenario_once(app, channel, api))


async def _scenario_quiet(app: App, channel: TelegramChannel, api: FakeBotApi) -> None:
    chat = OfflineChat(channel, api, CHAT)
    await chat.say("你好")
    first = app.clock.today() + timedelta(days=2)
    course_id = weekly_course(app.db, first)
    enrol(app.db, course_id, "telegram", str(CHAT))
    eve = first - timedelta(days=1)
    jobs = runner(app)
    # the bot was down all evening: from 21:30 to 08:00 nothing goes out
    assert await jobs.run_once(local_moment(app.clock, eve, 21, 30)) == 0
    assert await jobs.run_once(local_moment(app.clock, eve, 23, 50)) == 0
    assert await jobs.run_once(local_moment(app.clock, first, 7, 59)) == 0
    assert reminders_sent(api) == []
    # 08:00 on the day: it waited for the morning, and says 今天
    assert await jobs.run_once(local_moment(app.clock, first, 8, 0)) == 1
    (sent,) = reminders_sent(api)
    assert "今天" in sent["text"]
    # once the class has begun nothing is sent for it
    other = weekly_course(app.db, first, code="TST2")
    enrol(app.db, other, "telegram", str(CHAT))
    assert await jobs.run_once(local_moment(app.clock, first, 19, 30)) == 0


def test_quiet_hours_hold_the_reminder_until_the_morning(tg, api):
    app, channel = tg
    asyncio.run(_scenario_quiet(app, channel, api))


async def _scenario_leave(app: App, channel: TelegramChannel, api: FakeBotApi) -> None:
    chat = OfflineChat(channel, api, CHAT)
    await chat.say("你好")
    first = app.clock.today() + timedelta(days=1)
    course_id = weekly_course(app.db, first)
    enrolment_id = enrol(app.db, course_id, "telegram", str(CHAT))
    assert await runner(app).run_once(local_moment(app.clock, app.clock.today(), 19, 0)) == 1
    await chat.press("请假")
    assert "已为您请假" in chat.text and "请假原因" in chat.text
    await chat.say("单位临时加班")
    assert "原因已记下" in chat.text
    with app.db.read() as s:
        row = s.scalars(select(Attendance)).one()
    assert (row.enrolment_id, row.session_date, row.status) == (enrolment_id, first, ATTEND_EXCUSED)
    assert row.reason == "单位临时加班"
    # the bot answers as usual afterwards (the reason form is over)
    await chat.say("你好")
    assert "原因" not in chat.text


def test_leave_from_the_reminder_records_an_excused_absence_and_the_reason(tg, api):
    app, channel = tg
    asyncio.run(_scenario_leave(app, channel, api))


async def _scenario_ack(app: App, channel: TelegramChannel, api: FakeBotApi) -> None:
    chat = OfflineChat(channel, api, CHAT)
    await chat.say("你好")
    first = app.clock.today() + timedelta(days=1)
    course_id = weekly_course(app.db, first)
    enrol(app.db, course_id, "telegram", str(CHAT))
    assert await runner(app).run_once(local_moment(app.clock, app.clock.today(), 19, 0)) == 1
    await chat.press("请假")
    await chat.press("不说明")
    assert "不用说明" in chat.text
    with app.db.read() as s:
        row = s.scalars(select(Attendance)).one()
    assert row.status == ATTEND_EXCUSED and row.reason is None
    # the keyboard is gone after a press: typed words answer the reminder too
    await chat.say("收到，明天准时去")
    assert "课上见" in chat.text
    with app.db.read() as s:
        assert s.scalars(select(ClassReminder)).one().acknowledged_at is not None


def test_leave_without_a_reason_and_acknowledging(tg, api):
    app, channel = tg
    asyncio.run(_scenario_ack(app, channel, api))
