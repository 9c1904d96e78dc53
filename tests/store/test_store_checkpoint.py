"""The WAL is copied into the database file by the background thread, not by writers."""

from __future__ import annotations

import os
import time

from sqlalchemy import text

from bot.store.checkpoint import WalCheckpointer
from bot.store.db import WAL_AUTOCHECKPOINT_PAGES, Database
from bot.store.models import Meta


def _write_rows(db: Database, n: int) -> None:
    for i in range(n):
        with db.write_lock(), db.session() as s:
            s.add(Meta(key=f"k{i}", value="x" * 2000))


def test_writers_leave_checkpoints_to_the_thread(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA wal_autocheckpoint")).scalar() == WAL_AUTOCHECKPOINT_PAGES
    path = db.file_path
    assert path is not None
    before = os.path.getsize(path)
    _write_rows(db, 300)  # ~150 pages of log: far below the writers' own checkpoint mark
    assert os.path.getsize(path) == before  # nothing copied back yet
    checkpointer = WalCheckpointer(db, interval=0.05)
    checkpointer.start()
    try:
        deadline = time.monotonic() + 30
        while os.path.getsize(path) == before and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        checkpointer.stop()
    assert os.path.getsize(path) > before + 300 * 2000 // 2


def test_nothing_to_do_without_a_database_file() -> None:
    checkpointer = WalCheckpointer(Database("sqlite://"))
    checkpointer.start()
    assert checkpointer._thread is None
    checkpointer.stop()
