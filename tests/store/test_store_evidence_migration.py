"""Migration 0005: the evidence table and the audit log match the models, and go back cleanly."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from bot.store.db import Database
from bot.store.models import Base


@pytest.fixture
def db(empty_db: Database) -> Database:
    """An empty database, SQLite and PostgreSQL (tests/store/conftest.py)."""
    return empty_db


def tables(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def test_upgrade_matches_the_models_and_downgrade_removes_the_tables(db: Database):
    command.upgrade(db.alembic_config(), "0004")
    assert not {"evidence", "audit_log"} & tables(db)
    db.upgrade()
    assert {"evidence", "audit_log"} <= tables(db)
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    command.downgrade(db.alembic_config(), "0004")
    assert not {"evidence", "audit_log"} & tables(db)
