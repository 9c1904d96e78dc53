"""A notice to 1,000 WeChat subscribers: each in the 48-hour window gets it exactly once at the
configured pace, the others are recorded as not reachable, and a sender that dies in the
middle is resumed by another without a second copy to anyone."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

from sqlalchemy import select

from bot.outreach import announcements
from bot.outreach.notice_sender import NoticeSender
from bot.store.models import (
    DELIVERY_DELIVERED,
    DELIVERY_FAILED,
    DELIVERY_UNREACHABLE,
    NOTICE_SENT,
    Announcement,
    AnnouncementDelivery,
)
from tests.outreach.support import local_moment, utc_now, workers

IN_WINDOW = [f"o-sub-{i:04d}" for i in range(950)]
OUT_OF_WINDOW = [f"o-old-{i:04d}" for i in range(50)]
RATE = 200.0


def sender(bot) -> NoticeSender:
    config = bot.settings.config
    return NoticeSender(
        bot.db, bot.channels, bot.clock, config.reminders, config.notices, wechat_template=False
    )


def thousand_subscribers(bot) -> int:
    now = utc_now()
    workers(bot.db, "wechat", IN_WINDOW, now - timedelta(hours=1), "courses")
    workers(bot.db, "wechat", OUT_OF_WINDOW, now - timedelta(days=3), "courses")
    notice = announcements.create(bot.db, "courses", None, "第二期烘焙班开始报名啦！", "root")
    assert announcements.start(bot.db, notice, now) == 1000
    assert announcements.start(bot.db, notice, now) == 0  # a second click starts nothing
    return notice


def received(wechat_api) -> Counter:
    return Counter(c["body"]["touser"] for c in wechat_api.sent())


def test_a_thousand_subscribers_once_each_at_the_pace_and_resumed_after_a_crash(bot, wechat_api):
    bot.settings.config.notices.wechat_per_second = RATE
    bot.settings.config.reminders.quiet_start = bot.settings.config.reminders.quiet_end
    notice = thousand_subscribers(bot)
    first = sender(bot)
    # the first process sends to 300, then claims one more and dies before sending it
    assert asyncio.run(first.run_once(max_sends=300)) == 300
    with bot.db.read() as s:
        next_id = s.scalars(
            select(AnnouncementDelivery.id)
            .where(AnnouncementDelivery.status == "pending")
            .order_by(AnnouncementDelivery.id)
        ).first()
    first.claim(next_id, utc_now())
    assert sum(received(wechat_api).values()) == 300
    # another process, once the dead one's lease has run out, goes on from there
    second = sender(bot)
    later = utc_now() + timedelta(seconds=61)
    assert asyncio.run(second.run_once(later)) == 950 - 301
    got = received(wechat_api)
    assert max(got.values()) == 1  # nobody twice
    assert len(got) == 949 and not set(got) & set(OUT_OF_WINDOW)
    assert announcements.progress(bot.db, notice) == {
        DELIVERY_DELIVERED: 949,
        DELIVERY_FAILED: 1,  # claimed by the process that died: counted, never sent twice
        DELIVERY_UNREACHABLE: 50,
    }
    with bot.db.read() as s:
        assert s.get(Announcement, notice).status == NOTICE_SENT
    # the pace: never more than RATE sends within any second
    times = sorted(c["at"] for c in wechat_api.sent())
    window = int(RATE)
    assert all(times[i + window] - times[i] >= 0.95 for i in range(len(times) - window))
    text = wechat_api.sent()[0]["body"]["text"]["content"]
    assert "【工会通知·新课程】" in text and "第二期烘焙班" in text and "退订" in text
    # a third run finds nothing to do
    assert asyncio.run(sender(bot).run_once(later + timedelta(seconds=61))) == 0


def test_quiet_hours_hold_a_notice_until_the_morning(bot, wechat_api):
    now = utc_now()
    workers(bot.db, "wechat", IN_WINDOW[:3], now - timedelta(hours=1), "events")
    notice = announcements.create(bot.db, "events", None, "周六工人文化宫有游园活动。", "root")
    announcements.start(bot.db, notice, now)
    today = bot.clock.today()
    jobs = sender(bot)
    assert asyncio.run(jobs.run_once(local_moment(bot.clock, today, 22, 0))) == 0
    assert asyncio.run(jobs.run_once(local_moment(bot.clock, today, 7, 59))) == 0
    assert wechat_api.sent() == []
    assert asyncio.run(jobs.run_once(local_moment(bot.clock, today, 8, 0))) == 3
    assert len(wechat_api.sent()) == 3


def test_with_a_template_configured_an_old_conversation_gets_the_template(bot, wechat_api):
    bot.settings.config.wechat.template_id = "TEMPLATE-ID-123"
    bot.settings.config.reminders.quiet_start = bot.settings.config.reminders.quiet_end
    workers(bot.db, "wechat", OUT_OF_WINDOW[:2], utc_now() - timedelta(days=3), "policy")
    notice = announcements.create(bot.db, "policy", None, "新修订的工伤保险条例解读。", "root")
    announcements.start(bot.db, notice, utc_now())
    config = bot.settings.config
    jobs = NoticeSender(
        bot.db, bot.channels, bot.clock, config.reminders, config.notices, wechat_template=True
    )
    assert asyncio.run(jobs.run_once()) == 2
    assert len(wechat_api.sent("message/template/send")) == 2 and wechat_api.sent() == []
