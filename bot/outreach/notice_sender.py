"""Sends started notices, one recipient at a time, at each platform's pace.

- Never twice: each recipient's row is claimed (pending -> sending) in the same transaction
  that records the notice in their conversation, before anything is sent; the result
  (delivered / failed) is written after. A crash between the two leaves the row at
  `sending`: the next sender counts it as failed rather than risk a second copy.
- Resumable: the rows still pending are simply the work left; a new process (after a
  restart, or the lease running out) goes on from there.
- Platform limits: a per-channel pace (`notices:` in config.yml); a Telegram 429 is waited
  out for its retry_after inside the channel (PTB's rate limiter), which holds this sender
  too, as it sends one message at a time. WeChat accepts customer-service messages only
  within 48 hours of the worker's last message: outside it, without a template message
  configured, the recipient is recorded as not reachable and nothing is sent.
- Quiet hours (`reminders:`): nothing is sent; the notice resumes in the morning.
- One process at a time: the lease `notice-sender` (bot/store/leases.py).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from sqlalchemy import exists, select, update

from bot.core.clock import Clock, utcnow
from bot.core.messages import Push
from bot.core.periodic import Periodic
from bot.core.ports import Deliverer
from bot.outreach.announcements import message_text
from bot.settings.outreach import NoticesConfig, RemindersConfig
from bot.staff import notices
from bot.store.db import Database
from bot.store.leases import LeaseHolder
from bot.store.models import (
    DELIVERY_DELIVERED,
    DELIVERY_FAILED,
    DELIVERY_PENDING,
    DELIVERY_SENDING,
    DELIVERY_UNREACHABLE,
    NOTICE_SENDING,
    NOTICE_SENT,
    Announcement,
    AnnouncementDelivery,
    Conversation,
    Course,
)

log = logging.getLogger(__name__)
LEASE = "notice-sender"
LEASE_SECONDS = 60.0
INTERVAL_SECONDS = 5.0
BATCH = 200
# WeChat's customer-service window, a little short of 48 hours (as bot/channels/wechat_push.py)
WECHAT_WINDOW = timedelta(hours=48) - timedelta(minutes=5)


class Pacer:
    """At most `per_second(channel)` sends a second on each channel."""

    def __init__(
        self,
        per_second: Callable[[str], float],
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_second, self.sleep, self.clock = per_second, sleep, clock
        self._next: dict[str, float] = {}

    async def wait(self, channel: str) -> None:
        """Return when the next send on `channel` is allowed."""
        now = self.clock()
        at = max(now, self._next.get(channel, now))
        self._next[channel] = at + 1.0 / self.per_second(channel)
        if at > now:
            await self.sleep(at - now)


class NoticeSender:
    """One per process; `start()` in the web app's lifespan, `stop()` at shutdown."""

    def __init__(
        self,
        db: Database,
        outbox: Deliverer,
        clock: Clock,
        quiet: RemindersConfig,
        config: NoticesConfig,
        wechat_template: bool = False,
        interval: float = INTERVAL_SECONDS,
    ) -> None:
        self.db, self.outbox, self.clock = db, outbox, clock
        self.quiet, self.config, self.wechat_template = quiet, config, wechat_template
        self.interval = interval
        self.lease = LeaseHolder(db, LEASE, LEASE_SECONDS)
        self.pacer = Pacer(config.per_second)
        self._periodic = Periodic(
            "notice sending", self.interval, self.run_once, self.lease.release
        )

    # -- the steps, each its own transaction -------------------------------------------------
    def give_up_interrupted(self) -> int:
        """Rows a crashed sender claimed but never finished: failed, never sent again."""
        with self.db.write_lock(), self.db.session() as s:
            return s.execute(
                update(AnnouncementDelivery)
                .where(AnnouncementDelivery.status == DELIVERY_SENDING)
                .values(status=DELIVERY_FAILED, updated_at=utcnow())
            ).rowcount

    def pending(self, limit: int = BATCH) -> list[tuple[int, str]]:
        """(delivery id, channel) of the next recipients of notices being sent, oldest first."""
        with self.db.read() as s:
            return list(
                s.execute(
                    select(AnnouncementDelivery.id, AnnouncementDelivery.channel)
                    .join(Announcement, Announcement.id == AnnouncementDelivery.announcement_id)
                    .where(
                        Announcement.status == NOTICE_SENDING,
                        AnnouncementDelivery.status == DELIVERY_PENDING,
                    )
                    .order_by(AnnouncementDelivery.id)
                    .limit(limit)
                ).all()
            )

    def claim(self, delivery_id: int, now: datetime) -> Push | None:
        """Claim one recipient and record the notice in their conversation, together; None
        when someone else claimed it or the worker cannot be reached (recorded so)."""
        with self.db.write_lock(), self.db.session() as s:
            claimed = s.execute(
                update(AnnouncementDelivery)
                .where(
                    AnnouncementDelivery.id == delivery_id,
                    AnnouncementDelivery.status == DELIVERY_PENDING,
                )
                .values(status=DELIVERY_SENDING, updated_at=now)
            ).rowcount
            if not claimed:
                return None
            d = s.get(AnnouncementDelivery, delivery_id)
            if not self._reachable(s, d, now):
                d.status = DELIVERY_UNREACHABLE
                return None
            a = s.get(Announcement, d.announcement_id)
            course = s.get(Course, a.course_id) if a.course_id else None
            push = notices.record(
                s, d.channel, d.sender_id, message_text(a, course.name if course else None)
            )
            if push is None:
                d.status = DELIVERY_UNREACHABLE  # never talked to the bot: no conversation
            return push

    def _reachable(self, s, d: AnnouncementDelivery, now: datetime) -> bool:  # noqa: ANN001
        if d.channel != "wechat" or self.wechat_template:
            return True
        last = s.scalar(
            select(Conversation.last_message_at).where(
                Conversation.channel == d.channel, Conversation.sender_id == d.sender_id
            )
        )
        return last is not None and now - last <= WECHAT_WINDOW

    def finish(self, delivery_id: int, delivered: bool) -> None:
        """The result of one send."""
        with self.db.write_lock(), self.db.session() as s:
            s.execute(
                update(AnnouncementDelivery)
                .where(AnnouncementDelivery.id == delivery_id)
                .values(
                    status=DELIVERY_DELIVERED if delivered else DELIVERY_FAILED,
                    updated_at=utcnow(),
                )
            )

    def close_finished(self, now: datetime) -> int:
        """Notices with nobody left to send to are 已发完."""
        with self.db.write_lock(), self.db.session() as s:
            left = exists().where(
                AnnouncementDelivery.announcement_id == Announcement.id,
                AnnouncementDelivery.status.in_((DELIVERY_PENDING, DELIVERY_SENDING)),
            )
            return s.execute(
                update(Announcement)
                .where(Announcement.status == NOTICE_SENDING, ~left)
                .values(status=NOTICE_SENT, finished_at=now)
                .execution_options(synchronize_session=False)
            ).rowcount

    # -- a round -------------------------------------------------------------------------------
    def quiet_now(self, now: datetime) -> bool:
        return self.quiet.quiet(self.clock.local(now).time())

    async def run_once(self, now: datetime | None = None, max_sends: int | None = None) -> int:
        """Send what is pending if this process holds the lease and it is not night; returns
        how many were delivered. `max_sends` stops early (a test's stand-in for a crash)."""
        given = now
        now = now or utcnow()
        if not await asyncio.to_thread(self.lease.acquire, now):
            return 0
        if self.quiet_now(now):
            return 0
        await asyncio.to_thread(self.give_up_interrupted)
        delivered = attempts = 0
        while True:
            batch = await asyncio.to_thread(self.pending)
            if not batch:
                break
            for delivery_id, channel in batch:
                if max_sends is not None and attempts >= max_sends:
                    return delivered
                # a long notice runs into the evening: stop at the quiet hours, the rest
                # waits for the morning (the WeChat window is judged at each send, too)
                at = given or utcnow()
                if given is None and self.quiet_now(at):
                    return delivered
                await self.pacer.wait(channel)
                push = await asyncio.to_thread(self.claim, delivery_id, at)
                if push is None:
                    continue
                attempts += 1
                outcome = await notices.deliver(self.outbox, push)
                await asyncio.to_thread(self.finish, delivery_id, outcome.delivered)
                delivered += outcome.delivered
            await asyncio.to_thread(self.lease.acquire)  # renew between batches
        await asyncio.to_thread(self.close_finished, utcnow())
        return delivered

    def start(self) -> None:
        """Begin the loop on the running event loop (once)."""
        self._periodic.start()

    async def stop(self) -> None:
        """Cancel the loop and hand the lease on."""
        await self._periodic.stop()
