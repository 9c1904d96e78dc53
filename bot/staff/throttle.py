"""Login throttling shared by every server process, counted in the database.

Two counters limit password checks in a window: one per account name and client address,
one per client address (one password tried across many names). A check is counted *before*
the password is verified, in one atomic statement per counter (INSERT … ON CONFLICT DO
UPDATE … WHERE under the limit … RETURNING), both in one transaction: parallel requests and
several server processes can never run more checks than the limits allow, on SQLite (writers
ordered by the database's write lock) and on PostgreSQL (the upsert locks the row).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.store.db import Database
from bot.store.models import LoginAttempt, utcnow

MAX_KEY = 200  # login_attempts.key is VARCHAR(200)


@dataclass(frozen=True)
class Counter:
    """One throttle counter: its row key and how many checks it allows per window."""

    key: str
    limit: int


class LoginThrottle:
    """At most `limit` password checks per name+address and `address_limit` per address in a
    window; a good login gives back its checks (so typing mistakes earlier do not add up)."""

    def __init__(self, db: Database, limit: int, window: timedelta, address_limit: int) -> None:
        self.db, self.limit, self.window, self.address_limit = db, limit, window, address_limit

    # -- keys ----------------------------------------------------------------------------
    @staticmethod
    def key(username: str, address: str) -> str:
        """One counter per account name (any case) and client address."""
        return f"user:{address}|{username.strip().lower()[:64]}"[:MAX_KEY]

    @staticmethod
    def address_key(address: str) -> str:
        """One counter per client address (its own prefix: never equal to a name's key)."""
        return f"addr:{address}"[:MAX_KEY]

    def counters(self, username: str, address: str) -> list[Counter]:
        """The address first, then the name: every caller takes the rows in the same order."""
        return [
            Counter(self.address_key(address), self.address_limit),
            Counter(self.key(username, address), self.limit),
        ]

    # -- the atomic step -------------------------------------------------------------------
    def attempt(self, username: str, address: str, now: datetime | None = None) -> int:
        """Count one password check if every counter allows it and return 0; otherwise count
        nothing and return the seconds until a check is allowed again (at least 1)."""
        now = now or utcnow()
        try:
            with self.db.write_lock(), self.db.session() as s:
                for counter in self.counters(username, address):
                    if not self._take(s, counter, now):
                        raise _Refused(self._wait(s, counter, now))
                self._forget_old(s, now)
        except _Refused as refused:
            return refused.wait  # raised inside the transaction: nothing was counted
        return 0

    def _take(self, s: Session, counter: Counter, now: datetime) -> bool:
        """One atomic statement: a new row, a fresh window, or one more check under the
        limit; True when the row was written (the check is allowed and counted)."""
        row = LoginAttempt.__table__.c
        expired = row.window_start <= now - self.window
        stmt = self._insert().values(key=counter.key, failures=1, window_start=now)
        stmt = stmt.on_conflict_do_update(
            index_elements=[row.key],
            set_={
                "failures": case((expired, 1), else_=row.failures + 1),
                "window_start": case((expired, now), else_=row.window_start),
            },
            where=expired | (row.failures < counter.limit),
        ).returning(row.failures)
        return s.execute(stmt).first() is not None

    def _wait(self, s: Session, counter: Counter, now: datetime) -> int:
        start = s.scalar(select(LoginAttempt.window_start).where(LoginAttempt.key == counter.key))
        if start is None:
            return 1
        return max(1, math.ceil((start + self.window - now).total_seconds()))

    def _forget_old(self, s: Session, now: datetime) -> None:
        """Drop counters long past their window; rows another login holds are left for later
        (SKIP LOCKED on PostgreSQL, so this never waits and cannot deadlock)."""
        old = (
            select(LoginAttempt.key)
            .where(LoginAttempt.window_start < now - 4 * self.window)
            .with_for_update(skip_locked=True)
        )
        s.execute(delete(LoginAttempt).where(LoginAttempt.key.in_(old)))

    def _insert(self) -> Any:
        dialect = postgresql if self.db.engine.dialect.name == "postgresql" else sqlite
        return dialect.insert(LoginAttempt)

    # -- after the check -----------------------------------------------------------------
    def succeeded(self, username: str, address: str) -> None:
        """A good login: the name's counter is cleared, the address gets its check back
        (not cleared: one known account must not reset the address for guessing others).
        Rows are taken in `counters` order, as `attempt` does."""
        address_key, name_key = (c.key for c in self.counters(username, address))
        with self.db.write_lock(), self.db.session() as s:
            s.execute(
                update(LoginAttempt)
                .where(LoginAttempt.key == address_key, LoginAttempt.failures > 0)
                .values(failures=LoginAttempt.failures - 1)
            )
            s.execute(delete(LoginAttempt).where(LoginAttempt.key == name_key))


class _Refused(Exception):
    def __init__(self, wait: int) -> None:
        self.wait = wait
