"""A WeChat worker and the mediators' desk: the session reminder arrives as a customer-service
message with numbered options, and answering 去不了 by its number reaches the case."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.mediation.desk import Desk
from bot.mediation.reminders import Reminders
from bot.staff import accounts
from tests.desk.conftest import PASSWORD, file_case, mediator_id, timeline
from tests.wechat.conftest import option

OPENID = "o-mediation-worker-1"


def test_a_reminder_on_wechat_is_answered_by_number(bot, wechat, wechat_api):
    wechat.say(OPENID, "你好")
    liu = accounts.create_user(
        bot.db, "liu", PASSWORD, "mediator", "刘芳", mediator_id(bot, "刘芳")
    )
    desk = Desk(bot.db, bot.clock, bot.settings.config.mediation)
    case_id = file_case(bot, OPENID, mediator="刘芳", channel="wechat", greet=False)
    desk.accept(liu, case_id)
    day = bot.clock.today() + timedelta(days=2)
    desk.schedule(liu, case_id, day.isoformat(), "09:30", "区总工会三楼", False)
    eve = datetime(day.year, day.month, day.day, 19, 0, tzinfo=bot.clock.tz) - timedelta(days=1)
    runner = Reminders(bot.db, bot.channels, bot.clock, bot.settings.config.mediation)
    assert asyncio.run(runner.run_once(eve.astimezone(UTC).replace(tzinfo=None))) == 1
    (text,) = [t for t in wechat_api.texts() if t.startswith("提醒")]
    assert "09:30" in text and "回复 3 去不了" in text
    assert "去不了" in wechat.say(OPENID, option(text, "去不了"))
    assert "已转给调解员" in wechat.say(OPENID, "那天要加班，周五可以")
    rows = timeline(bot, case_id)
    assert rows[-2][0] == "session_reply" and "职工去不了" in rows[-2][2]
    assert rows[-1] == ("answer", "worker", "那天要加班，周五可以")
