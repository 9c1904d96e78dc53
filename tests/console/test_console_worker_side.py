"""What the worker is told: the queue and the wait, the desk's hours, nobody picking up,
and a silent conversation closing itself."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest
from pydantic import ValidationError
from sqlalchemy import select, update

from actions.handoff import estimate_minutes
from bot.core.messages import Incoming
from bot.settings.console import ConsoleConfig
from bot.staff.accounts import set_presence
from bot.staff.desk import SILENCE_TEXT, UNCLAIMED_TEXT
from bot.staff.hours import WorkingHours
from bot.staff.sweeper import Sweeper
from bot.store.models import Conversation, Event, utcnow

WEEKDAYS = {"working_days": [1, 2, 3, 4, 5], "opens": "09:00", "closes": "17:30"}


def utc(local: str) -> datetime:
    """A Beijing wall-clock time as the naive UTC the database keeps."""
    return datetime.fromisoformat(local) - timedelta(hours=8)


def say(bot, sender: str, text: str) -> str:
    return "\n".join(r.get("text", "") for r in bot.engine.handle(Incoming("rest", sender, text)))


def conv(bot, sender: str) -> Conversation:
    with bot.db.read() as s:
        return s.scalar(select(Conversation).where(Conversation.sender_id == sender))


def test_working_hours():
    hours = WorkingHours(ConsoleConfig(**WEEKDAYS, closed_dates=["2026-12-01"]))
    monday_morning = utc("2026-11-30 10:00")  # a Monday
    assert hours.is_open(monday_morning)
    assert not hours.is_open(utc("2026-11-30 08:59"))
    assert not hours.is_open(utc("2026-11-30 17:30"))
    assert not hours.is_open(utc("2026-12-01 10:00"))  # the holiday
    assert hours.describe_next(utc("2026-11-30 07:00")) == "今天 09:00"
    assert hours.describe_next(utc("2026-11-30 18:00")) == "后天（周三） 09:00"
    assert hours.describe_next(utc("2026-12-04 18:00")) == "12月7日（周一） 09:00"
    assert hours.describe_next(utc("2026-12-01 20:00")) == "明天（周三） 09:00"
    assert hours.schedule() == "周一至周五 09:00–17:30"
    # waiting counts from the opening when the worker asked before it
    assert hours.working_minutes_since(utc("2026-11-27 20:00"), utc("2026-11-30 09:05")) == 5
    assert hours.working_minutes_since(utc("2026-11-30 09:30"), utc("2026-11-30 09:40")) == 10


def test_the_handoff_tells_the_place_and_the_wait(bot):
    bot.settings.config.console.minutes_per_worker = 5
    say(bot, "ahead-1", "转人工")
    say(bot, "ahead-2", "转人工")
    text = say(bot, "me", "转人工")
    assert "已为您转接人工服务，前面还有 2 位，预计等待约 15 分钟" in text
    with bot.db.read() as s:
        ids = s.scalars(select(Conversation.id)).all()
    assert ids
    from bot.staff.accounts import create_user

    a = create_user(bot.db, "desk-a", "desk-password-1", "staff")
    b = create_user(bot.db, "desk-b", "desk-password-2", "staff")
    set_presence(bot.db, a.id, "online")
    set_presence(bot.db, b.id, "online")
    assert "前面还有 3 位，预计等待约 10 分钟" in say(bot, "me-too", "转人工")
    assert estimate_minutes(0, 0, 5) == 5


def test_outside_working_hours_the_worker_knows_when_and_that_the_message_is_kept(bot):
    bot.settings.config.console = ConsoleConfig(working_days=[], opens="09:00", closes="17:30")
    text = say(bot, "late", "转人工")
    assert "已为您转接人工服务，您前面没有人在等。" in text
    assert "非工作时间" in text and "上班后按顺序回复您" in text and "留言会保留" in text
    assert "预计等待" not in text
    assert conv(bot, "late").state == "waiting_for_human"
    # kept for staff; the worker hears when staff will answer and how to leave, once
    kept = say(bot, "late", "我是在工地上受伤的")
    assert "非工作时间" in kept and "上班后" in kept and "算了" in kept
    assert say(bot, "late", "手上缝了五针") == ""  # told a moment ago: not told again


def test_nobody_claiming_in_time_offers_a_message_or_the_bot(bot):
    say(bot, "unclaimed", "转人工")
    say(bot, "patient", "转人工")
    sweeper = Sweeper(bot.db, bot.channels, bot.settings.config.console)
    limit = bot.settings.config.console.unclaimed_timeout_minutes
    assert asyncio.run(sweeper.run_once(utcnow() + timedelta(minutes=limit - 1))) == 0
    later = utcnow() + timedelta(minutes=limit + 1)
    assert asyncio.run(sweeper.run_once(later)) == 2
    assert asyncio.run(sweeper.run_once(later + timedelta(minutes=5))) == 0  # told once
    with bot.db.read() as s:
        notice = s.scalars(
            select(Event).where(
                Event.conversation_id == conv(bot, "unclaimed").id, Event.text == UNCLAIMED_TEXT
            )
        ).one()
    assert [b["payload"] for b in notice.data["buttons"]] == ["/leave_message", "/back_to_bot"]
    assert "留言" in say(bot, "patient", "/leave_message")
    assert conv(bot, "patient").state == "waiting_for_human"
    assert "回到小助手" in say(bot, "unclaimed", "/back_to_bot")
    assert conv(bot, "unclaimed").state == "bot"
    assert say(bot, "unclaimed", "你好")  # the bot answers again


def test_a_silent_conversation_is_resolved_politely(bot):
    from bot.staff.accounts import create_user
    from bot.staff.desk import ConsoleDesk

    say(bot, "quiet", "转人工")
    alice = create_user(bot.db, "alice", "desk-password-1", "staff")
    ConsoleDesk(bot.db).claim(conv(bot, "quiet").id, alice)
    sweeper = Sweeper(bot.db, bot.channels, bot.settings.config.console)
    silence = bot.settings.config.console.silence_timeout_minutes
    assert asyncio.run(sweeper.run_once(utcnow() + timedelta(minutes=silence - 1))) == 0
    assert asyncio.run(sweeper.run_once(utcnow() + timedelta(minutes=silence + 1))) == 1
    c = conv(bot, "quiet")
    assert (c.state, c.assigned_to) == ("closed", None)
    with bot.db.read() as s:
        last = s.scalars(
            select(Event).where(Event.conversation_id == c.id).order_by(Event.id.desc())
        ).first()
    assert last.text == SILENCE_TEXT
    assert say(bot, "quiet", "你好")  # coming back later goes to the bot


def test_only_one_process_runs_the_timers(bot):
    from bot.store.db import Database

    first, second = (
        Sweeper(bot.db, bot.channels, bot.settings.config.console),
        Sweeper(bot.db, bot.channels, bot.settings.config.console),
    )
    second.db = Database(bot.settings.database_url)  # a second process's own connection
    assert first.acquire() and first.acquire()  # renews its own lease
    assert not second.acquire()
    assert second.acquire(utcnow() + timedelta(minutes=5))  # the first one died
    assert not first.acquire()
    second.release()
    assert first.acquire()
    second.db.dispose()


def test_the_timers_start_and_stop_with_the_server(bot):
    from bot.store.models import Lease

    sweeper = Sweeper(bot.db, bot.channels, bot.settings.config.console, interval=0.05)

    async def run() -> None:
        sweeper.start()
        await asyncio.sleep(0.3)
        await sweeper.stop()

    asyncio.run(run())
    with bot.db.read() as s:
        lease = s.get(Lease, "console-sweeper")
    assert lease.holder == sweeper.holder and lease.expires_at < utcnow()
    with bot.db.write_lock(), bot.db.session() as s:
        s.execute(update(Lease).values(expires_at=utcnow()))


def test_what_counts_as_a_score():
    from bot.staff.turn_hooks import parse_score

    for text, score in (("5", 5), ("５分", 5), ("五星", 5), (" 1 ", 1), ("3分。", 3)):
        assert parse_score(text) == score
    for text in ("6", "15", "0", "5块钱", "满意", ""):
        assert parse_score(text) is None


def test_the_sweeper_runs_as_often_as_configured(bot):
    config = ConsoleConfig(**WEEKDAYS, sweep_seconds=2)
    sweeper = Sweeper(bot.db, bot.channels, config)
    assert (sweeper.interval, sweeper.lease.seconds) == (2, 6)  # the lease lasts three rounds
    default = Sweeper(bot.db, bot.channels, ConsoleConfig(**WEEKDAYS))
    assert default.interval == 15
    with pytest.raises(ValidationError):
        ConsoleConfig(sweep_seconds=0)


def test_working_minutes_run_across_midnight_and_days():
    always = WorkingHours(
        ConsoleConfig(working_days=[1, 2, 3, 4, 5, 6, 7], opens="00:00", closes="24:00")
    )
    # asked at 23:56 on a desk open round the clock: 11 minutes by 00:07, not 7
    assert (
        round(always.working_minutes_since(utc("2026-12-07 23:56"), utc("2026-12-08 00:07"))) == 11
    )
    office = WorkingHours(
        ConsoleConfig(working_days=[1, 2, 3, 4, 5], opens="09:00", closes="17:30")
    )
    # asked at 17:25 on Monday: 5 minutes that day, 6 on Tuesday morning
    assert office.working_minutes_since(utc("2026-12-07 17:25"), utc("2026-12-08 09:06")) == 11
    assert office.working_minutes_since(utc("2026-12-07 17:25"), utc("2026-12-07 20:00")) == 0
