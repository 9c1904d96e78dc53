"""Fixtures for repository tests: a real SQLite database migrated with Alembic."""

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
