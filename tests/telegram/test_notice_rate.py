"""A notice on Telegram (the fake Bot API): the per-second pace is kept, and a 429 is waited
out for its retry_after before that worker gets the message (once)."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

from bot.channels.base import ChannelHub
from bot.core.clock import Clock
from bot.outreach import announcements
from bot.outreach.notice_sender import NoticeSender
from bot.store.models import DELIVERY_DELIVERED
from tests.outreach.support import utc_now, workers

CHATS = [str(9000 + i) for i in range(60)]
RATE = 20.0


def test_the_pace_and_a_429_retry_after_are_honoured(offline, api):
    db, settings = offline.db, offline.settings
    config = settings.config
    config.notices.telegram_per_second = RATE
    config.reminders.quiet_start = config.reminders.quiet_end
    workers(db, "telegram", CHATS, utc_now() - timedelta(days=5), "events")
    notice = announcements.create(db, "events", None, "本周六劳动公园职工运动会。", "root")
    assert announcements.start(db, notice, utc_now()) == 60
    hub = ChannelHub()
    hub.register(offline)
    api.fail_next("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    sender = NoticeSender(db, hub, Clock(config.console.timezone), config.reminders, config.notices)
    assert asyncio.run(sender.run_once()) == 60
    calls = api.calls_to("sendMessage")
    assert calls[0].status == 429 and calls[1].params["chat_id"] == calls[0].params["chat_id"]
    assert calls[1].at - calls[0].at >= 1.0  # waited out retry_after
    ok = [c for c in calls if c.status == 200]
    assert Counter(c.params["chat_id"] for c in ok) == Counter(int(c) for c in CHATS)
    times = [c.at for c in ok]
    window = int(RATE)
    assert all(times[i + window] - times[i] >= 0.95 for i in range(len(times) - window))
    assert announcements.progress(db, notice) == {DELIVERY_DELIVERED: 60}
