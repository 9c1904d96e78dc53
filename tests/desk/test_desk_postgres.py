"""The desk's transactions on SQLite and on PostgreSQL (row locks, conditional updates): a
whole case from acceptance to outcome, the worker answering in the chat, a reminder once."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from bot.app import App
from bot.mediation.desk import Desk, NotYours
from bot.mediation.reminders import Reminders
from bot.staff import accounts, notices
from tests.console.conftest import any_bot  # noqa: F401 - SQLite, then PostgreSQL
from tests.desk.conftest import (
    OTHER_WORKER,
    PASSWORD,
    WORKER,
    case_row,
    file_case,
    mediator_id,
    say,
    timeline,
)


@pytest.fixture
def bot(any_bot: App) -> App:  # noqa: F811 - every test here runs on both databases
    return any_bot


def test_a_case_from_acceptance_to_outcome_on_both_databases(bot):
    liu = accounts.create_user(
        bot.db, "liu", PASSWORD, "mediator", "刘芳", mediator_id(bot, "刘芳")
    )
    desk = Desk(bot.db, bot.clock, bot.settings.config.mediation)
    case_id = file_case(bot, WORKER, mediator="刘芳")
    theirs = file_case(bot, OTHER_WORKER, mediator="王志强")
    with pytest.raises(NotYours):
        desk.accept(liu, theirs)
    asyncio.run(notices.deliver_all(bot.channels, desk.accept(liu, case_id).pushes))
    desk.ask(liu, case_id, "工资条有吗？")
    assert "已转给调解员" in say(bot, WORKER, "有，三个月的都有", "a1")
    day = bot.clock.today() + timedelta(days=2)
    desk.schedule(liu, case_id, day.isoformat(), "10:00", "三楼", False)
    assert "您会参加" in say(bot, WORKER, "确认", "a2")
    eve = datetime(day.year, day.month, day.day, 20, 0, tzinfo=bot.clock.tz) - timedelta(days=1)
    moment = eve.astimezone(UTC).replace(tzinfo=None)
    runner = Reminders(bot.db, bot.channels, bot.clock, bot.settings.config.mediation)
    assert asyncio.run(runner.run_once(moment)) == 1
    assert asyncio.run(runner.run_once(moment + timedelta(minutes=1))) == 0
    desk.fail(liu, case_id, "公司不同意", "2026-10-01", "")
    desk.close(liu, case_id, "")
    kinds = [k for k, _, _ in timeline(bot, case_id)]
    assert kinds.count("answer") == 1 and kinds.count("reminder") == 1
    assert "session_reply" in kinds and case_row(bot, case_id).status == "closed"
