"""Leases: one server process at a time does a background job (the desk's timers, retention)."""

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


def acquire(db: Database, name: str, holder: str, until: datetime, now: datetime) -> bool:
    """Take or renew the lease `name` until `until`; False while another live holder has it."""
    try:
        with db.write_lock(), db.session() as s:
            won = s.execute(
                update(Lease)
                .where(Lease.name == name, or_(Lease.expires_at < now, Lease.holder == holder))
                .values(holder=holder, expires_at=until)
            ).rowcount
            if won:
                return True
            if s.get(Lease, name) is not None:
                return False
            s.add(Lease(name=name, holder=holder, expires_at=until))
            s.flush()
            return True
    except IntegrityError:
        return False  # another process created the lease at the same moment


def release(db: Database, name: str, holder: str) -> None:
    """Let another process take over at once instead of after the lease runs out."""
    with db.write_lock(), db.session() as s:
        s.execute(
            update(Lease)
            .where(Lease.name == name, Lease.holder == holder)
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )


class LeaseHolder:
    """This process's claim on the lease `name`, valid `seconds` after each renewal (the
    desk's sweeper, the mediation reminders)."""

    def __init__(self, db: Database, name: str, seconds: float) -> None:
        self.db, self.name, self.seconds = db, name, seconds
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"

    def acquire(self, now: datetime | None = None) -> bool:
        """Take or renew the lease; False while another live process holds it."""
        now = now or utcnow()
        return acquire(self.db, self.name, self.holder, now + timedelta(seconds=self.seconds), now)

    def release(self) -> None:
        """Let another process take over at once instead of after the lease runs out."""
        with contextlib.suppress(Exception):
            release(self.db, self.name, self.holder)
