"""Fixtures for repository tests: a real SQLite database migrated with Alembic; an empty
SQLite or PostgreSQL database for the migrations' own tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.store.db import Database
from tests.support.demo import migrated_db


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = migrated_db(f"sqlite:///{tmp_path / 'store.db'}")
    yield database
    database.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A database with nothing in it, on SQLite and on PostgreSQL (migrations run by hand)."""
    if request.param == "sqlite":
        found = Database(f"sqlite:///{tmp_path / 'empty.db'}")
    else:
        found = Database(request.getfixturevalue("pg_url"))
        with found.engine.begin() as conn:
            conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    yield found
    found.dispose()
