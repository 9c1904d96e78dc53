"""Transfer fixtures: a migrated SQLite database with the real seed files, and a snapshot of
every row an import could touch (to prove a refused import changed nothing)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.core.yamlfile import read_yaml
from bot.store.db import Database
from tests.support.demo import migrated_db, seeded_db

ROOT = Path(__file__).resolve().parents[2]
# the seed files' sizes, so that adding an FAQ entry or a course changes no test
DEMO_FAQ = len(read_yaml(ROOT / "data" / "faq.yml")["faq"])
TABLES = ("faq_entries", "courses", "faq_revisions", "meta", "enrolments")


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    database = migrated_db(f"sqlite:///{tmp_path / 'transfer.db'}")
    yield database
    database.dispose()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """The demo FAQ and course catalogue."""
    database = seeded_db(f"sqlite:///{tmp_path / 'demo.db'}", ROOT / "data")
    yield database
    database.dispose()


def snapshot(db: Database) -> dict[str, list[tuple]]:
    """Every row of every table an import writes, in a fixed order."""
    with db.engine.connect() as conn:
        return {
            t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY 1"))]
            for t in TABLES
        }
