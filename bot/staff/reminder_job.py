"""A job that reminds workers on their own channel: what is due now is each reminded once (the
notice recorded in the same transaction as the claim that it was sent), delivered after the
commit, by one server process at a time (a lease). The mediation session reminders and the
class reminders are two of them."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Generic, TypeVar

from bot.core.clock import utcnow
from bot.core.messages import Push
from bot.core.periodic import Periodic
from bot.core.ports import Deliverer
from bot.staff import notices
from bot.store.db import Database
from bot.store.leases import LeaseHolder

Item = TypeVar("Item")


class ReminderJob(Generic[Item]):
    """Subclasses say what is `due` and how each item is `remind`ed; this runs the rounds.
    One per process: `start()` in the web app's lifespan, `stop()` at shutdown."""

    def __init__(
        self, db: Database, outbox: Deliverer, interval: float, name: str, lease: str
    ) -> None:
        self.db, self.outbox, self.interval = db, outbox, interval
        self.lease = LeaseHolder(db, lease, interval * 3)
        self._periodic = Periodic(name, interval, self.run_once, self.lease.release)

    def active(self) -> bool:
        """Whether the job is switched on (a job switched off takes no lease either)."""
        return True

    def due(self, now: datetime) -> list[Item]:
        raise NotImplementedError

    def remind(self, item: Item, now: datetime) -> Push | None:
        """Record the reminder and claim it in one transaction; None when already sent."""
        raise NotImplementedError

    def run_round(self, now: datetime | None = None) -> list[Push]:
        """Every reminder due now (this process must hold the lease)."""
        now = now or utcnow()
        pushes = []
        for item in self.due(now):
            push = self.remind(item, now)
            if push is not None:
                pushes.append(push)
        return pushes

    async def run_once(self, now: datetime | None = None) -> int:
        """One round if this process holds the lease; returns how many workers were told."""
        if not self.active() or not await asyncio.to_thread(self.lease.acquire, now):
            return 0
        pushes = await asyncio.to_thread(self.run_round, now)
        await notices.deliver_all(self.outbox, pushes)
        return len(pushes)

    def start(self) -> None:
        """Begin the loop on the running event loop (once)."""
        self._periodic.start()

    async def stop(self) -> None:
        """Cancel the loop and hand the lease on."""
        await self._periodic.stop()
