"""database.pool_size / max_overflow in config.yml size the PostgreSQL engine's pool."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.settings import ConfigError, Settings
from bot.store.db import Database

ROOT = Path(__file__).resolve().parents[2]


def config_with_pool(tmp_path: Path, extra: str) -> Path:
    raw = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    raw["database"].update(yaml.safe_load(extra) or {})
    path = tmp_path / "config.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_the_pool_settings_reach_the_engine_and_bound_the_connections(tmp_path: Path, pg_url: str):
    path = config_with_pool(tmp_path, "pool_size: 3\nmax_overflow: 1\nengine_threads: 2\n")
    db = Database.from_settings(Settings.load(path, workerbot_database_url=pg_url))
    try:
        assert (db.engine.pool.size(), db.engine.pool._max_overflow) == (3, 1)
        # 3 + 1 connections can be open at once, a fifth waits for the pool and times out
        db.engine.pool._timeout = 0.5
        held = [db.engine.connect() for _ in range(4)]
        with pytest.raises(Exception, match="QueuePool limit of size 3 overflow 1"):
            db.engine.connect()
        for conn in held:
            conn.close()
    finally:
        db.dispose()


def test_defaults_are_ten_and_ten(tmp_path: Path):
    settings = Settings.load(config_with_pool(tmp_path, ""))
    cfg = settings.config.database
    assert (cfg.pool_size, cfg.max_overflow) == (10, 10)


def test_a_pool_of_zero_is_refused_with_the_key_named(tmp_path: Path):
    with pytest.raises(ConfigError, match="database.pool_size"):
        Settings.load(config_with_pool(tmp_path, "pool_size: 0\n"))
