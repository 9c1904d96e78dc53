"""Retention of the message ids already answered (`processed_messages`, the exactly-once record).

Every worker message with an id leaves a row, so the table grows with the traffic; a row is
needed only while a channel may still retry the message (WeChat within seconds, Telegram
within a day, the web chat within seconds: docs/deploy.md, "Message ids"). The desk's
sweeper (bot/staff/sweeper.py) calls `prune` each round under its lease, so one process
across all hosts does it. Rows go oldest first, a batch per transaction, so a long backlog
(a year's ids on the first run) never holds a lock for long: on SQLite each batch takes the
write lock for a moment and messages go on between batches; on PostgreSQL a batch locks
only its own rows, and skips rows another pruner holds (two sweepers at once, when a lease
changes hands mid-round, delete different rows and never wait for each other).
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import delete, select, tuple_

from bot.store.db import Database
from bot.store.models import ProcessedMessage

log = logging.getLogger(__name__)

BATCH_ROWS = 1000
# a round's limit: 20,000 ids every 15 s is far more than any traffic adds, and keeps one
# round (a few seconds at most) well inside the sweeper's lease; a backlog takes rounds
MAX_BATCHES = 20


def prune_batch(db: Database, before: datetime, rows: int = BATCH_ROWS) -> int:
    """Delete up to `rows` of the oldest ids recorded before `before`, in one transaction;
    returns how many went."""
    table = ProcessedMessage.__table__
    key = (table.c.conversation_id, table.c.message_id)
    oldest = select(*key).where(table.c.created_at < before)
    oldest = oldest.order_by(table.c.created_at).limit(rows)
    if not db.is_sqlite:
        oldest = oldest.with_for_update(skip_locked=True)
    with db.write_lock(), db.session() as s:
        return s.execute(delete(table).where(tuple_(*key).in_(oldest))).rowcount


def prune(
    db: Database, before: datetime, rows: int = BATCH_ROWS, max_batches: int = MAX_BATCHES
) -> int:
    """Delete the ids recorded before `before`, at most `max_batches` batches of `rows`
    (the rest in the next round); returns how many went."""
    total = 0
    for _ in range(max_batches):
        deleted = prune_batch(db, before, rows)
        total += deleted
        if deleted < rows:
            break
    if total:
        log.info("message ids: %d older than %s forgotten", total, before.isoformat(" ", "minutes"))
    return total
