"""Evidence retention: files of closed cases go `retention_days` after closing, files never
placed in a case go after `pending_hours`, and stray files (a row rolled back) go too.

Runs in every server process's lifespan; a lease lets one process sweep at a time. Every
deletion of an attached file is written to the audit log (actor `retention`).
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
from datetime import datetime, timedelta

from bot.core.periodic import Periodic
from bot.domain.evidence_files import EvidenceFiles
from bot.settings import EvidenceConfig
from bot.store import audit, leases
from bot.store import evidence as repo
from bot.store.db import Database
from bot.store.models import utcnow

log = logging.getLogger(__name__)

LEASE = "evidence-retention"
INTERVAL_SECONDS = 3600.0
ACTOR = "retention"


class EvidenceRetention:
    """One per process; `start()` in the web app's lifespan, `stop()` at shutdown."""

    def __init__(
        self,
        db: Database,
        files: EvidenceFiles,
        config: EvidenceConfig,
        interval: float = INTERVAL_SECONDS,
    ) -> None:
        self.db, self.files, self.config, self.interval = db, files, config, interval
        self.holder = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
        self._periodic = Periodic("evidence retention", self.interval, self._round, self._release)

    def acquire(self, now: datetime) -> bool:
        until = now + timedelta(seconds=self.interval * 3)
        return leases.acquire(self.db, LEASE, self.holder, until, now)

    def sweep(self, now: datetime | None = None) -> int:
        """Delete what is due; returns how many files went."""
        now = now or utcnow()
        closed_before = now - timedelta(days=self.config.retention_days)
        pending_before = now - timedelta(hours=self.config.pending_hours)
        with self.db.write_lock(), self.db.session() as s:
            due = repo.expired(s, closed_before, pending_before)
            for row in due:
                if row.case_id is not None:
                    audit.record_access(
                        s, audit.DELETE_EVIDENCE, "evidence", row.id, "retention", ACTOR
                    )
            names = [row.stored_name for row in due]
            repo.remove(s, [row.id for row in due])
            known = repo.stored_names(s)
        # the files once the rows are gone for good (a failed commit leaves both in place)
        for name in names:
            self.files.delete(name)
        # files without a row: a turn that rolled back after writing, or a deleted case
        # (an hour old at least: a file being written now has no row yet)
        cutoff = (now - timedelta(hours=1)).timestamp()
        strays = [n for n, mtime in self.files.names() if n not in known and mtime < cutoff]
        for name in strays:
            self.files.delete(name)
        if due or strays:
            log.info("evidence retention: %d files deleted, %d stray", len(due), len(strays))
        return len(due) + len(strays)

    def run_once(self, now: datetime | None = None) -> int:
        """One round if this process holds the lease."""
        now = now or utcnow()
        if not self.acquire(now):
            return 0
        return self.sweep(now)

    async def _round(self) -> None:
        await asyncio.to_thread(self.run_once)

    def _release(self) -> None:
        leases.release(self.db, LEASE, self.holder)

    def start(self) -> None:
        """Begin the loop on the running event loop (once)."""
        self._periodic.start()

    async def stop(self) -> None:
        """Cancel the loop and hand the lease on."""
        await self._periodic.stop()
