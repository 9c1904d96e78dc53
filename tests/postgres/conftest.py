"""The whole bot on PostgreSQL (the server itself is the `pg_url` fixture in tests/conftest.py;
each test gets a database of its own, a copy of a seeded template: tests/support/demo.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.app import App, create_app
from bot.settings import Settings
from tests.support.demo import pg_seeded

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pg_bot(pg_url: str, model_dir: Path) -> Iterator[App]:
    """The whole bot on a fresh PostgreSQL database with the demo courses and FAQ."""
    data_dir = Settings.load(ROOT / "config.yml").data_dir
    with pg_seeded(pg_url, data_dir) as url:
        settings = Settings.load(
            ROOT / "config.yml", workerbot_database_url=url, workerbot_model_dir=model_dir
        )
        app = create_app(settings)
        yield app
        app.db.dispose()
