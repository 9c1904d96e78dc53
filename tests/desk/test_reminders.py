"""Session reminders: the day before, at the configured local time, once — whichever process
holds the lease, and not again after a restart."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.mediation.desk import Desk
from bot.mediation.reminders import Reminders
from bot.staff import accounts
from bot.store.mediators import load_mediators
from bot.store.models import CaseSession
from tests.desk.conftest import PASSWORD, WORKER, file_case, mediator_id, say, timeline
from tests.desk.conftest import notices as notices_of


def local_moment(bot, day, hh: int, mm: int = 0) -> datetime:
    """A local wall-clock moment as the naive UTC the database stores."""
    aware = datetime(day.year, day.month, day.day, hh, mm, tzinfo=bot.clock.tz)
    return aware.astimezone(UTC).replace(tzinfo=None)


def scheduled_case(bot) -> tuple[int, object]:
    """A case with a session at 10:00 local, three days from today."""
    load_mediators(bot.db, bot.settings.data_dir / "mediators.yml")
    liu = accounts.create_user(
        bot.db, "liu", PASSWORD, "mediator", "刘芳", mediator_id(bot, "刘芳")
    )
    desk = Desk(bot.db, bot.clock, bot.settings.config.mediation)
    case_id = file_case(bot, WORKER, mediator="刘芳")
    desk.accept(liu, case_id)
    session_day = bot.clock.today() + timedelta(days=3)
    desk.schedule(liu, case_id, session_day.isoformat(), "10:00", "区总工会三楼", False)
    return case_id, session_day


def reminders_of(bot) -> list[str]:
    return [e.text for e in notices_of(bot, WORKER) if e.text.startswith("提醒")]


def test_reminded_once_the_day_before_at_the_configured_time(bot):
    bot.settings.config.mediation.reminder_time = "18:00"
    case_id, session_day = scheduled_case(bot)
    eve = session_day - timedelta(days=1)
    first = Reminders(bot.db, bot.channels, bot.clock, bot.settings.config.mediation)
    second = Reminders(bot.db, bot.channels, bot.clock, bot.settings.config.mediation)
    # two days before, and the day before at 17:59: nothing yet
    assert asyncio.run(first.run_once(local_moment(bot, eve - timedelta(days=1), 18, 30))) == 0
    assert asyncio.run(first.run_once(local_moment(bot, eve, 17, 59))) == 0
    assert reminders_of(bot) == []
    # 18:00: the worker is reminded; the other process holds no lease and does nothing
    assert asyncio.run(first.run_once(local_moment(bot, eve, 18, 0))) == 1
    assert asyncio.run(second.run_once(local_moment(bot, eve, 18, 1))) == 0
    (text,) = reminders_of(bot)
    assert "明天调解" in text and "10:00" in text and "区总工会三楼" in text
    (event,) = [e for e in notices_of(bot, WORKER) if e.text.startswith("提醒")]
    assert [b["title"] for b in event.data["buttons"]] == ["确认参加", "改时间", "去不了"]
    # the mediator sees it in the case's timeline
    kind, actor, note = timeline(bot, case_id)[-1]
    assert (kind, actor) == ("reminder", "system") and "明天" in note
    # a restart: new processes, the old lease gone — still nobody is reminded twice
    first.lease.release()
    restarted = Reminders(bot.db, bot.channels, bot.clock, bot.settings.config.mediation)
    assert asyncio.run(restarted.run_once(local_moment(bot, eve, 19, 0))) == 0
    assert asyncio.run(restarted.run_once(local_moment(bot, eve, 23, 59))) == 0
    assert len(reminders_of(bot)) == 1
    with bot.db.read() as s:
        session = s.scalars(select(CaseSession)).one()
        assert session.worker_reminded_at is not None and session.mediator_reminded_at is not None


def test_the_worker_answers_the_reminder_with_cannot_and_the_mediator_sees_why(bot):
    case_id, session_day = scheduled_case(bot)
    eve = session_day - timedelta(days=1)
    runner = Reminders(bot.db, bot.channels, bot.clock, bot.settings.config.mediation)
    assert asyncio.run(runner.run_once(local_moment(bot, eve, 20, 0))) == 1
    (event,) = [e for e in notices_of(bot, WORKER) if e.text.startswith("提醒")]
    cannot = event.data["buttons"][2]["payload"]
    # the reminder is sent at 20:00 the day before; the worker answers before the session
    assert "去不了" in say(bot, WORKER, cannot, "rem1")
    assert "已转给调解员" in say(bot, WORKER, "孩子生病住院了，下周可以", "rem2")
    rows = timeline(bot, case_id)
    assert rows[-2][0] == "session_reply" and "职工去不了" in rows[-2][2]
    assert rows[-1] == ("answer", "worker", "孩子生病住院了，下周可以")
