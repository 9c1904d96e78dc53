"""The `meta` key/value table: version stamps, the published model, channel state, tokens.

`put` / `get` work inside the caller's transaction (an admin edit bumps its stamp in the same
commit); `MetaStore` runs each read or write in its own, ordered by the engine's write lock.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.core.clock import utcnow
from bot.store.db import Database
from bot.store.models import Meta

MAX_KEY = 64  # meta.key is VARCHAR(64)


def _insert(dialect_name: str, key: str, value: str) -> Any:
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    return dialect.insert(Meta).values(key=key, value=value, updated_at=utcnow())


def put(conn: Connection | Session, key: str, value: str) -> None:
    """Insert or replace one value in the caller's transaction."""
    bind = conn.get_bind() if isinstance(conn, Session) else conn
    stmt = _insert(bind.dialect.name, key, value)
    conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[Meta.key], set_={"value": value, "updated_at": utcnow()}
        )
    )


def get(conn: Connection | Session, key: str) -> str | None:
    """One value in the caller's transaction (None when never set)."""
    return conn.execute(select(Meta.value).where(Meta.key == key)).scalar()


def meta_key(prefix: str, name: str) -> str:
    """A meta key that fits the column: long names are replaced by their hash."""
    key = f"{prefix}{name}"
    if len(key) <= MAX_KEY:
        return key
    return f"{prefix}#{hashlib.sha1(name.encode()).hexdigest()}"[:MAX_KEY]


class MetaStore:
    """Small reads and writes on the meta table (writes ordered by the engine's write lock)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, key: str) -> str | None:
        with self.db.read() as s:
            return s.scalar(select(Meta.value).where(Meta.key == key))

    def put(self, key: str, value: str) -> None:
        """Insert or replace one value."""
        with self.db.write_lock(), self.db.engine.begin() as conn:
            put(conn, key, value)

    def claim(self, key: str, value: str) -> bool:
        """Insert the key unless it exists: True for the one caller that inserted it."""
        with self.db.write_lock(), self.db.session() as s:
            stmt = self.insert_stmt(key, value).on_conflict_do_nothing().returning(Meta.key)
            return s.execute(stmt).first() is not None

    def delete(self, key: str) -> None:
        with self.db.write_lock(), self.db.session() as s:
            s.execute(delete(Meta).where(Meta.key == key))

    def prune(self, prefix: str, older_than: timedelta) -> int:
        """Forget entries under a prefix that are no longer useful (e.g. retry records)."""
        cutoff = utcnow() - older_than
        with self.db.write_lock(), self.db.session() as s:
            stmt = delete(Meta).where(Meta.key.startswith(prefix), Meta.updated_at < cutoff)
            return len(s.execute(stmt.returning(Meta.key)).all())

    def insert_stmt(self, key: str, value: str) -> Any:
        """An INSERT of one row (dialect-specific, for ON CONFLICT clauses)."""
        return _insert(self.db.engine.dialect.name, key, value)
