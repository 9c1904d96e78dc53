from pathlib import Path

import pytest

from bot.settings import ConfigError, Settings, load_config

ROOT = Path(__file__).resolve().parents[2]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_config_is_valid():
    config = load_config(ROOT / "config.yml")
    assert config.language == "zh"
    assert 0 < config.nlu.fallback_threshold < 1


def test_unknown_key_is_named(tmp_path):
    path = write(tmp_path, "nlu:\n  fallback_treshold: 0.3\n")
    with pytest.raises(ConfigError, match=r"nlu\.fallback_treshold: unknown key"):
        load_config(path)


def test_the_removed_channels_section_is_refused_with_what_to_do(tmp_path):
    path = write(tmp_path, "channels:\n  rest:\n    enabled: true\n")
    with pytest.raises(ConfigError, match=r"`channels:` section is no longer read") as err:
        load_config(path)
    assert "Delete the `channels:` section" in str(err.value)


def test_bad_value_is_named(tmp_path):
    path = write(tmp_path, "retrieval:\n  answer_threshold: 1.7\n")
    with pytest.raises(ConfigError, match=r"retrieval\.answer_threshold"):
        load_config(path)


def test_thresholds_must_be_ordered(tmp_path):
    path = write(tmp_path, "retrieval:\n  answer_threshold: 0.2\n  suggest_threshold: 0.5\n")
    with pytest.raises(ConfigError, match="suggest_threshold"):
        load_config(path)


def test_env_references_are_expanded(tmp_path, monkeypatch):
    monkeypatch.setenv("WB_TEST_DB", "sqlite:///x.db")
    path = write(tmp_path, "database:\n  url: ${WB_TEST_DB}\n")
    assert load_config(path).database.url == "sqlite:///x.db"


def test_env_default_used_when_unset(tmp_path, monkeypatch):
    monkeypatch.delenv("WB_TEST_UNSET", raising=False)
    path = write(tmp_path, "database:\n  url: ${WB_TEST_UNSET:-sqlite:///d.db}\n")
    assert load_config(path).database.url == "sqlite:///d.db"


def test_missing_env_without_default_stops(tmp_path, monkeypatch):
    monkeypatch.delenv("WB_TEST_UNSET", raising=False)
    path = write(tmp_path, "database:\n  url: ${WB_TEST_UNSET}\n")
    with pytest.raises(ConfigError, match="WB_TEST_UNSET"):
        load_config(path)


def test_database_url_env_wins(tmp_path, monkeypatch):
    monkeypatch.setenv("WORKERBOT_DATABASE_URL", "sqlite:///from-env.db")
    settings = Settings.load(ROOT / "config.yml")
    assert settings.database_url == "sqlite:///from-env.db"


def test_config_path_from_env(tmp_path, monkeypatch):
    path = write(tmp_path, "language: zh\n")
    monkeypatch.setenv("WORKERBOT_CONFIG", str(path))
    assert Settings.load().config.server.port == 8000


def test_telegram_webhook_without_a_usable_secret_is_refused(monkeypatch):
    monkeypatch.setenv("TELEGRAM_WEBHOOK_URL", "https://bot.example.org/webhooks/telegram")
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", "short")
    with pytest.raises(ConfigError, match="TELEGRAM_WEBHOOK_SECRET"):
        Settings.load(ROOT / "config.yml")
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", "a-long-enough_secret-123")
    assert Settings.load(ROOT / "config.yml").env.telegram_webhook_secret.startswith("a-long")
