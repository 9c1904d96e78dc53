"""A class reminder on WeChat: a customer-service message with numbered options, once; the
worker answers 请假 by its number and may give a reason; then 订阅 / 退订 by words."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import select

from bot.outreach.class_reminders import ClassReminders
from bot.store import subscriptions as subs
from bot.store.models import ATTEND_EXCUSED, Attendance
from tests.outreach.support import enrol, local_moment, reminders_on, weekly_course
from tests.wechat.conftest import option

OPENID = "o-class-worker-1"


def test_a_class_reminder_on_wechat_is_answered_by_number(bot, wechat, wechat_api):
    wechat.say(OPENID, "你好")
    first = bot.clock.today() + timedelta(days=1)
    course_id = weekly_course(bot.db, first)
    enrol(bot.db, course_id, "wechat", OPENID)
    jobs = ClassReminders(
        bot.db, bot.channels, bot.clock, reminders_on(bot.settings.config.reminders)
    )
    at = local_moment(bot.clock, bot.clock.today(), 19, 0)
    assert asyncio.run(jobs.run_once(at)) == 1
    assert asyncio.run(jobs.run_once(at + timedelta(minutes=5))) == 0
    (text,) = [t for t in wechat_api.texts() if t.startswith("【上课提醒】")]
    assert "明天" in text and "请假" in text
    answer = wechat.say(OPENID, option(text, "请假"))
    assert "已为您请假" in answer
    assert "原因已记下" in wechat.say(OPENID, "孩子发烧要去医院")
    with bot.db.read() as s:
        row = s.scalars(select(Attendance)).one()
    assert (row.status, row.reason, row.session_date) == (ATTEND_EXCUSED, "孩子发烧要去医院", first)


def test_subscribe_and_unsubscribe_on_wechat(bot, wechat):
    assert "已为您订阅「活动通知」" in wechat.say(OPENID, "以后工会有活动发消息给我")
    with bot.db.read() as s:
        assert subs.topics_of(s, "wechat", OPENID) == ["events"]
    assert "已退订「活动通知」" in wechat.say(OPENID, "退订")
    with bot.db.read() as s:
        assert subs.topics_of(s, "wechat", OPENID) == []
