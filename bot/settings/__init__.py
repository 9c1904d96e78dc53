"""Settings: behaviour from config.yml (validated), secrets and locations from the environment."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url

from bot.core.yamlfile import parse_yaml
from bot.settings.console import ConsoleConfig
from bot.settings.evidence import EvidenceConfig
from bot.settings.outreach import NoticesConfig, RemindersConfig
from bot.settings.rasa import RasaConfig
from bot.settings.sections import (
    ConversationConfig,
    DatabaseConfig,
    HandoffConfig,
    MediationConfig,
    NLUConfig,
    RetrievalConfig,
    ServerConfig,
    TelegramConfig,
    _Section,
)
from bot.settings.wechat import WeChatConfig, WeChatMenuItem

__all__ = [
    "BotConfig",
    "ConfigError",
    "ConsoleConfig",
    "ConversationConfig",
    "DatabaseConfig",
    "Environment",
    "EvidenceConfig",
    "HandoffConfig",
    "MediationConfig",
    "NLUConfig",
    "RasaConfig",
    "RetrievalConfig",
    "ServerConfig",
    "Settings",
    "TelegramConfig",
    "WeChatConfig",
    "WeChatMenuItem",
    "load_config",
]

_ENV_REF = re.compile(r"\$\{([A-Z_][A-Z0-9_]*)(?::-([^}]*))?\}")


# sections older config files have that do nothing now: refused with what to do instead
REMOVED_SECTIONS = {
    "channels": (
        "REST, the web chat and the terminal are always on; Telegram and WeChat are switched "
        "on by their environment variables (TELEGRAM_BOT_TOKEN, WECHAT_TOKEN …). "
        "Delete the `channels:` section from the file."
    ),
}


class ConfigError(Exception):
    """A config.yml problem, with a message that names the offending key."""


class BotConfig(_Section):
    """The whole of config.yml."""

    language: str = "zh"
    database: DatabaseConfig = DatabaseConfig()
    nlu: NLUConfig = NLUConfig()
    retrieval: RetrievalConfig = RetrievalConfig()
    conversation: ConversationConfig = ConversationConfig()
    handoff: HandoffConfig = HandoffConfig()
    server: ServerConfig = ServerConfig()
    telegram: TelegramConfig = TelegramConfig()
    wechat: WeChatConfig = WeChatConfig()
    console: ConsoleConfig = ConsoleConfig()
    evidence: EvidenceConfig = EvidenceConfig()
    mediation: MediationConfig = MediationConfig()
    reminders: RemindersConfig = RemindersConfig()
    notices: NoticesConfig = NoticesConfig()
    rasa: RasaConfig = RasaConfig()

    @model_validator(mode="after")
    def _language(self) -> BotConfig:
        if self.language != "zh":
            raise ValueError("only 'zh' is supported")
        return self


class Environment(BaseSettings):
    """Values that come only from the environment (or a local .env file)."""

    @model_validator(mode="after")
    def _telegram_webhook_needs_secret(self) -> Environment:
        secret = self.telegram_webhook_secret or ""
        if self.telegram_webhook_url and not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", secret):
            raise ValueError(
                "TELEGRAM_WEBHOOK_URL needs TELEGRAM_WEBHOOK_SECRET: 16-256 characters of "
                "A-Z, a-z, 0-9, _ and -"
            )
        return self

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    workerbot_config: Path = Path("config.yml")
    workerbot_database_url: str | None = None
    workerbot_data_dir: Path = Path("data")
    workerbot_model_dir: Path = Path("models")

    # Telegram: the token enables the channel; without a webhook URL it long-polls
    telegram_bot_token: str | None = None
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: str | None = None
    telegram_base_url: str | None = None

    # WeChat official account: token + appid + secret enable it; the AES key turns on safe mode
    wechat_token: str | None = None
    wechat_appid: str | None = None
    wechat_secret: str | None = None
    wechat_aes_key: str | None = None
    wechat_api_base_url: str | None = None

    # Rasa's callback channel: replies and later pushes are POSTed to this URL (with the
    # token as a bearer token, if set); unset: the channel is off
    callback_url: str | None = None
    callback_token: str | None = None

    # the Rasa server of config's `rasa:` (docs/rasa.md): its `--auth-token` (sent as
    # ?token=) or a JWT signed with its `--jwt-secret` (sent as a bearer token)
    rasa_token: str | None = None
    rasa_jwt: str | None = None

    # signs staff console sessions; unset: a random key kept in a 0600 file by the database
    workerbot_secret_key: str | None = None

    # lets a scraper outside server.metrics_allowed read GET /metrics (as a bearer token);
    # unset: only the allowed addresses can
    workerbot_metrics_token: str | None = None


def _expand(value: Any) -> Any:
    """Replace ${VAR} / ${VAR:-default} in every string of the parsed YAML."""
    if isinstance(value, dict):
        return {k: _expand(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v) for v in value]
    if isinstance(value, str):

        def sub(m: re.Match[str]) -> str:
            name, default = m.group(1), m.group(2)
            if name in os.environ and os.environ[name] != "":
                return os.environ[name]
            if default is not None:
                return default
            raise ConfigError(f"config.yml refers to ${{{name}}} but it is not set")

        return _ENV_REF.sub(sub, value)
    return value


def _describe(err: ValidationError) -> str:
    lines = []
    for e in err.errors():
        key = ".".join(str(p) for p in e["loc"]) or "(top level)"
        msg = "unknown key" if e["type"] == "extra_forbidden" else e["msg"]
        lines.append(f"  {key}: {msg}")
    return "\n".join(lines)


def load_config(path: Path) -> BotConfig:
    """Parse and validate config.yml so a typo stops start-up with the key named."""
    if not path.exists():
        raise ConfigError(f"config file not found: {path}")
    try:
        raw = parse_yaml(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path} is not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{path} must be a mapping of sections")
    for key, why in REMOVED_SECTIONS.items():
        if key in raw:
            raise ConfigError(f"{path}: the `{key}:` section is no longer read. {why}")
    try:
        return BotConfig.model_validate(_expand(raw))
    except ValidationError as exc:
        raise ConfigError(f"{path} has invalid settings:\n{_describe(exc)}") from exc


class Settings:
    """Everything the app needs to start, resolved once."""

    def __init__(self, config: BotConfig, env: Environment, root: Path) -> None:
        self.config = config
        self.env = env
        self.root = root
        self.database_url = env.workerbot_database_url or config.database.url
        self.data_dir = (root / env.workerbot_data_dir).resolve()
        self.model_dir = (root / env.workerbot_model_dir).resolve()

    @property
    def evidence_dir(self) -> Path:
        """Where workers' files are kept: config, else beside the SQLite file (never web/)."""
        configured = self.config.evidence.dir
        if configured:
            return (self.root / configured).resolve()
        url = make_url(self.database_url)
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            return (self.root / url.database).resolve().parent / "evidence"
        return (self.root / "evidence").resolve()

    @classmethod
    def load(cls, config_path: Path | None = None, **env_overrides: Any) -> Settings:
        """Load from WORKERBOT_CONFIG (or the given path) and the environment."""
        try:
            env = Environment(**env_overrides)
        except ValidationError as exc:
            raise ConfigError(f"invalid environment settings:\n{_describe(exc)}") from exc
        path = Path(config_path) if config_path else env.workerbot_config
        config = load_config(path)
        return cls(config, env, path.resolve().parent)

    @property
    def nlu_files(self) -> list[Path]:
        return [self.data_dir / "nlu.yml"]
