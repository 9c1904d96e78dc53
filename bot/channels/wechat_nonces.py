"""The signed queries already used, kept in the database so that every process refuses a replay.

A callback's query signature covers only the token, timestamp and nonce, so the pair
(timestamp, nonce) is what a copied query reuses. The first request with a pair records the
digest of what it carried (method and body); a later request with the same pair is let in
only if it carries exactly the same (a WeChat retry that kept its query, answered from the
record of the message like any retry), and at most MAX_DELIVERIES times in all. A GET's pair
can therefore never sign a message. Records are kept for twice the freshness window (a
timestamp is accepted up to one window either side of the clock) and then pruned.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from sqlalchemy import select, update

from bot.store.db import Database
from bot.store.meta import MetaStore, meta_key
from bot.store.models import Meta, utcnow

log = logging.getLogger(__name__)

PREFIX = "wx:nonce:"
MAX_DELIVERIES = 4  # WeChat makes three attempts; one to spare


class NonceBook:
    def __init__(self, db: Database, window_seconds: int) -> None:
        self.db = db
        self.meta = MetaStore(db)
        self.keep = timedelta(seconds=2 * window_seconds + 60)
        self.prune_every = max(30.0, window_seconds / 2)
        self._pruned_at = 0.0

    def admit(self, timestamp: str, nonce: str, digest: str) -> bool:
        """True for the first use of this signed query, or a byte-identical repeat of it."""
        key = meta_key(PREFIX, f"{timestamp}:{nonce}")
        with self.db.write_lock(), self.db.session() as s:
            stmt = self.meta.insert_stmt(key, f"{digest} 1").on_conflict_do_nothing()
            if s.execute(stmt.returning(Meta.key)).first() is not None:
                admitted = True
            else:
                query = select(Meta.value).where(Meta.key == key)
                if not self.db.is_sqlite:
                    query = query.with_for_update()
                seen_digest, _, seen_count = (s.scalar(query) or "").partition(" ")
                count = int(seen_count) if seen_count.isdigit() else MAX_DELIVERIES
                admitted = seen_digest == digest and count < MAX_DELIVERIES
                if admitted:
                    s.execute(
                        update(Meta)
                        .where(Meta.key == key)
                        .values(value=f"{digest} {count + 1}", updated_at=utcnow())
                    )
        self._prune_now_and_then()
        return admitted

    def prune(self) -> int:
        """Forget the queries whose timestamps are past the window anyway."""
        self._pruned_at = time.monotonic()
        return self.meta.prune(PREFIX, self.keep)

    def _prune_now_and_then(self) -> None:
        if time.monotonic() - self._pruned_at < self.prune_every:
            return
        try:
            self.prune()
        except Exception:  # noqa: BLE001 - housekeeping never refuses a message
            log.exception("pruning used WeChat nonces failed")
