"""database.engine_threads: several turns at once per process on PostgreSQL, one on SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.app import create_app
from bot.settings import ConfigError, Settings
from bot.store.db import Database
from tests.support.demo import pg_migrated

ROOT = Path(__file__).resolve().parents[2]


def settings_with(tmp_path: Path, extra: str, **env: object) -> Settings:
    raw = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    raw["database"].update(yaml.safe_load(extra) or {})
    path = tmp_path / "config.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return Settings.load(path, workerbot_data_dir=ROOT / "data", **env)


def test_postgres_gets_the_configured_engine_threads(tmp_path: Path, pg_url: str, model_dir):
    with pg_migrated(pg_url) as url:
        settings = settings_with(
            tmp_path,
            "engine_threads: 3\n",
            workerbot_database_url=url,
            workerbot_model_dir=model_dir,
        )
        app = create_app(settings)
        try:
            assert app._executor._max_workers == 3
        finally:
            app.db.dispose()


def test_sqlite_keeps_one_engine_thread(tmp_path: Path, model_dir):
    url = f"sqlite:///{tmp_path / 'one.db'}"
    Database(url).upgrade()
    settings = settings_with(
        tmp_path, "engine_threads: 3\n", workerbot_database_url=url, workerbot_model_dir=model_dir
    )
    app = create_app(settings)
    try:
        assert app._executor._max_workers == 1
    finally:
        app.db.dispose()


def test_more_threads_than_pooled_connections_is_refused(tmp_path: Path):
    with pytest.raises(ConfigError, match="engine_threads must not exceed pool_size"):
        settings_with(tmp_path, "pool_size: 2\nengine_threads: 3\n")
