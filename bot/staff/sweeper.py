"""The desk's timers: tell waiting workers nobody has picked up, close silent conversations;
and forget the message ids older than their retention (bot/store/message_ids.py).

Runs in every server process's lifespan, but a lease row in the database lets only one
process work at a time; each step is also conditional, so a double run changes nothing.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta

from sqlalchemy import or_, select

from bot.core.messages import Push
from bot.core.periodic import Periodic
from bot.core.ports import Deliverer
from bot.settings import ConsoleConfig
from bot.staff.desk import ConsoleDesk
from bot.staff.hours import WorkingHours
from bot.store import message_ids
from bot.store.db import Database
from bot.store.leases import LeaseHolder
from bot.store.models import STATE_WAITING, STATE_WITH_HUMAN, Conversation, utcnow

log = logging.getLogger(__name__)
LEASE = "console-sweeper"


class Sweeper:
    """One per process; `start()` in the web app's lifespan, `stop()` at shutdown."""

    def __init__(
        self,
        db: Database,
        outbox: Deliverer,
        config: ConsoleConfig,
        interval: float | None = None,
        keep_message_ids: timedelta | None = None,
    ) -> None:
        """`interval`: seconds between rounds, `config.sweep_seconds` unless given;
        `keep_message_ids`: how long answered message ids are kept (None: for ever, as in
        tests of the desk alone)."""
        self.db, self.outbox, self.config = db, outbox, config
        self.interval = config.sweep_seconds if interval is None else interval
        self.keep_message_ids = keep_message_ids
        self.desk = ConsoleDesk(db)
        self.hours = WorkingHours(self.config)
        self.lease = LeaseHolder(db, LEASE, self.interval * 3)
        self._periodic = Periodic("console sweeper", self.interval, self.run_once, self.release)

    @property
    def holder(self) -> str:
        """This process's name in the lease row."""
        return self.lease.holder

    def acquire(self, now: datetime | None = None) -> bool:
        """Take or renew the lease; False while another live process holds it."""
        return self.lease.acquire(now)

    def sweep(self, now: datetime | None = None) -> list[Push]:
        """Do what is due now; returns the notices to deliver."""
        now = now or utcnow()
        pushes: list[Push] = []
        with self.db.read() as s:
            waiting = s.execute(
                select(Conversation.id, Conversation.handoff_at).where(
                    Conversation.state == STATE_WAITING,
                    or_(
                        Conversation.unclaimed_notice_at.is_(None),
                        Conversation.unclaimed_notice_at < Conversation.handoff_at,
                    ),
                )
            ).all()
            held = s.scalars(
                select(Conversation.id).where(Conversation.state == STATE_WITH_HUMAN)
            ).all()
        limit = self.config.unclaimed_timeout_minutes
        for cid, since in waiting:
            if since and self.hours.working_minutes_since(since, now) >= limit:
                push = self.desk.tell_unclaimed(cid, now)
                if push is not None:
                    pushes.append(push)
        idle_since = now - timedelta(minutes=self.config.silence_timeout_minutes)
        for cid in held:
            push = self.desk.resolve_silent(cid, idle_since)
            if push is not None:
                pushes.append(push)
        return pushes

    def forget_message_ids(self, now: datetime | None = None) -> int:
        """Delete the message ids past their retention (some batches a round); how many went."""
        if self.keep_message_ids is None:
            return 0
        return message_ids.prune(self.db, (now or utcnow()) - self.keep_message_ids)

    async def run_once(self, now: datetime | None = None) -> int:
        """One round if this process holds the lease; returns how many notices went out."""
        if not await asyncio.to_thread(self.acquire, now):
            return 0
        pushes = await asyncio.to_thread(self.sweep, now)
        for push in pushes:
            await self.outbox.deliver(push)
        await asyncio.to_thread(self.forget_message_ids, now)
        return len(pushes)

    def start(self) -> None:
        """Begin the loop on the running event loop (once)."""
        self._periodic.start()

    async def stop(self) -> None:
        """Cancel the loop and hand the lease on."""
        await self._periodic.stop()

    def release(self) -> None:
        """Let another process take over at once instead of after the lease runs out."""
        self.lease.release()
