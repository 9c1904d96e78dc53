"""The whole bot on PostgreSQL (the server itself is the `pg_url` fixture in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.app import App, create_app
from bot.settings import Settings
from bot.store.db import Database
from bot.transfer import seed

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pg_bot(pg_url: str, model_dir: Path) -> Iterator[App]:
    """The whole bot on a fresh PostgreSQL schema with the demo data."""
    db = Database(pg_url)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    db.upgrade()
    settings = Settings.load(
        ROOT / "config.yml", workerbot_database_url=pg_url, workerbot_model_dir=model_dir
    )
    seed.load_courses(db, settings.data_dir / "courses.yml")
    seed.load_faq(db, settings.data_dir / "faq.yml")
    db.dispose()
    app = create_app(settings)
    yield app
    app.db.dispose()
