"""A lease row per background job: one process at a time does the job's rounds.

The holder renews its lease every round; one whose lease ran out (a dead process) is
replaced by the next process that asks. Used by the desk's sweeper and the mediation
reminders.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError

from bot.store.db import Database
from bot.store.models import Lease, utcnow


class LeaseHolder:
    """This process's claim on the lease `name`, valid `seconds` after each renewal."""

    def __init__(self, db: Database, name: str, seconds: float) -> None:
        self.db, self.name, self.seconds = db, name, seconds
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"

    def acquire(self, now: datetime | None = None) -> bool:
        """Take or renew the lease; False while another live process holds it."""
        now = now or utcnow()
        until = now + timedelta(seconds=self.seconds)
        try:
            with self.db.write_lock(), self.db.session() as s:
                won = s.execute(
                    update(Lease)
                    .where(
                        Lease.name == self.name,
                        or_(Lease.expires_at < now, Lease.holder == self.holder),
                    )
                    .values(holder=self.holder, expires_at=until)
                ).rowcount
                if won:
                    return True
                if s.get(Lease, self.name) is not None:
                    return False
                s.add(Lease(name=self.name, holder=self.holder, expires_at=until))
                s.flush()
                return True
        except IntegrityError:
            return False  # another process created the lease at the same moment

    def release(self) -> None:
        """Let another process take over at once instead of after the lease runs out."""
        with contextlib.suppress(Exception), self.db.write_lock(), self.db.session() as s:
            s.execute(
                update(Lease)
                .where(Lease.name == self.name, Lease.holder == self.holder)
                .values(expires_at=utcnow() - timedelta(seconds=1))
            )
