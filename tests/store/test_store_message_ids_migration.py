"""Migration 0004: processed message ids keyed by conversation, existing rows kept (SQLite and
PostgreSQL), and back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from bot.store.db import Database
from bot.store.models import Base

WEB_A, WEB_B = "a" * 16, "b" * 16
CONVERSATIONS = [(1, "web", WEB_A), (2, "rest", "worker-7"), (3, "web", WEB_B)]
OLD_ROWS = [  # (channel, message_id, conversation_id, replies, created_at) under migration 0003
    ("web", f"{WEB_A}:msg-0001", 1, '[{"text": "a"}]', "2026-11-01 10:00:00"),
    ("rest", "c6", 2, '[{"text": "r"}]', "2026-11-01 10:00:01"),
    ("web", f"{WEB_B}:msg-0001", 3, '[{"text": "b"}]', "2026-11-01 10:00:02"),
]


@pytest.fixture
def old_db(empty_db: Database) -> Iterator[Database]:
    """A database at migration 0003 holding processed messages of three senders (on SQLite
    and on PostgreSQL, as `empty_db`)."""
    db = empty_db
    command.upgrade(db.alembic_config(), "0003")
    with db.engine.begin() as conn:
        for cid, channel, sender in CONVERSATIONS:
            conn.exec_driver_sql(
                "INSERT INTO conversations (id, channel, sender_id, state, slots, created_at, "
                f"updated_at) VALUES ({cid}, '{channel}', '{sender}', 'bot', '{{}}', "
                "'2026-11-01 09:00:00', '2026-11-01 09:00:00')"
            )
        for row in OLD_ROWS:
            conn.exec_driver_sql(
                "INSERT INTO processed_messages (channel, message_id, conversation_id, replies, "
                "created_at) VALUES (%s, %s, %s, %s, %s)"
                if not db.is_sqlite
                else "INSERT INTO processed_messages (channel, message_id, conversation_id, "
                "replies, created_at) VALUES (?, ?, ?, ?, ?)",
                row,
            )
    yield db


def rows(db: Database) -> list[tuple]:
    with db.engine.connect() as conn:
        found = conn.exec_driver_sql(
            "SELECT * FROM processed_messages ORDER BY conversation_id, message_id"
        ).mappings()
        return [
            tuple(str(r[k]) for k in ("channel", "conversation_id", "message_id") if k in r)
            for r in found
        ]


def test_upgrade_keeps_every_row_under_the_new_key_and_back(old_db: Database):
    old_db.upgrade()
    assert rows(old_db) == [("1", "msg-0001"), ("2", "c6"), ("3", "msg-0001")]
    with old_db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    command.downgrade(old_db.alembic_config(), "0003")
    assert rows(old_db) == [
        ("web", "1", f"{WEB_A}:msg-0001"),
        ("rest", "2", "c6"),
        ("web", "3", f"{WEB_B}:msg-0001"),
    ]
