"""Migration 0009: the local figures table matches the model, on SQLite and PostgreSQL, keeps
one row per key, region and start date, and goes back cleanly."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from bot.store.db import Database
from bot.store.models import Base, LocalFigure

ROW = {
    "key": "cq_min_wage_monthly",
    "region": "一档",
    "label": "一档",
    "value": "2300",
    "unit": "元/月",
    "effective_from": date(2026, 4, 1),
    "source": "《测试通知》（测〔2026〕1号）",
}


@pytest.fixture
def db(empty_db: Database) -> Database:
    """An empty database, SQLite and PostgreSQL (tests/store/conftest.py)."""
    return empty_db


def tables(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def test_upgrade_matches_the_model_and_downgrade_removes_the_table(db: Database):
    command.upgrade(db.alembic_config(), "0008")
    assert "local_figures" not in tables(db)
    command.upgrade(db.alembic_config(), "0009")
    assert "local_figures" in tables(db)
    db.upgrade()  # the later migrations too, to compare with today's model
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    with db.session() as s:
        s.add(LocalFigure(**ROW))
    with pytest.raises(IntegrityError), db.session() as s:  # the same row twice
        s.add(LocalFigure(**ROW))
    with db.session() as s:  # a later notice for the same tier is a new row
        s.add(LocalFigure(**{**ROW, "value": "2400", "effective_from": date(2027, 4, 1)}))
    with db.read() as s:
        assert s.query(LocalFigure).count() == 2
    command.downgrade(db.alembic_config(), "0008")
    assert "local_figures" not in tables(db)
