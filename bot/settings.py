"""Settings: behaviour from config.yml (validated), secrets and locations from the environment."""

from __future__ import annotations

import ipaddress
import os
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.staff.config import ConsoleConfig

_ENV_REF = re.compile(r"\$\{([A-Z_][A-Z0-9_]*)(?::-([^}]*))?\}")


class ConfigError(Exception):
    """A config.yml problem, with a message that names the offending key."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DatabaseConfig(_Section):
    url: str = "sqlite:///workerbot.db"


class NLUConfig(_Section):
    ngram_min: int = Field(1, ge=1, le=5)
    ngram_max: int = Field(3, ge=1, le=6)
    fallback_threshold: float = Field(0.24, ge=0, le=1)
    ambiguity_threshold: float = Field(0.0, ge=0, le=1)
    max_classify_chars: int = Field(300, ge=10)
    # understood below this confidence: listed for review in /admin (未理解的消息)
    review_threshold: float = Field(0.5, ge=0, le=1)

    @model_validator(mode="after")
    def _ngrams_ordered(self) -> NLUConfig:
        if self.ngram_min > self.ngram_max:
            raise ValueError("ngram_min must not exceed ngram_max")
        return self


class RetrievalConfig(_Section):
    answer_threshold: float = Field(0.45, ge=0, le=1)
    suggest_threshold: float = Field(0.25, ge=0, le=1)
    ambiguity_margin: float = Field(0.05, ge=0, le=1)
    max_suggestions: int = Field(3, ge=1, le=5)

    @model_validator(mode="after")
    def _thresholds_ordered(self) -> RetrievalConfig:
        if self.suggest_threshold > self.answer_threshold:
            raise ValueError("suggest_threshold must not exceed answer_threshold")
        return self


class ConversationConfig(_Section):
    max_message_chars: int = Field(2000, ge=50)
    tracker_events: int = Field(60, ge=5, le=1000)


class HandoffConfig(_Section):
    fallbacks_before_handoff: int = Field(2, ge=1, le=10)


class ChannelSwitch(_Section):
    enabled: bool = True


class ChannelsConfig(_Section):
    rest: ChannelSwitch = ChannelSwitch()
    shell: ChannelSwitch = ChannelSwitch()


class ServerConfig(_Section):
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    workers: int = Field(1, ge=1, le=64)
    # request bodies larger than this are refused (413) on every route without a limit of
    # its own (bot/web/body_limit.py)
    max_body_bytes: int = Field(1024 * 1024, ge=1024)
    # /docs and /openapi.json list every route the server has: off unless switched on
    api_docs: bool = False

    # -- trusted proxies (security finding 10) ------------------------------------------
    # peers (IP addresses or networks) whose X-Forwarded-For / X-Forwarded-Proto are
    # believed; none by default: the client address is the TCP peer's
    trusted_proxies: list[str] = []

    @field_validator("trusted_proxies")
    @classmethod
    def _proxy_addresses(cls, value: list[str]) -> list[str]:
        for item in value:
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError as exc:
                raise ValueError(
                    f"trusted_proxies: {item!r} is not an IP address or network"
                ) from exc
        return value


class WeChatMenuItem(_Section):
    """One custom-menu button: a CLICK button (key + payload) or a group of sub-buttons."""

    name: str
    key: str | None = None
    # what a click means to the bot: a button payload such as /course_search
    payload: str | None = None
    sub_button: list[WeChatMenuItem] = []

    @model_validator(mode="after")
    def _click_or_group(self) -> WeChatMenuItem:
        if self.sub_button:
            if self.key or self.payload:
                raise ValueError(f"{self.name}: a button with sub_button has no key or payload")
            if len(self.sub_button) > 5:
                raise ValueError(f"{self.name}: WeChat allows at most 5 sub-buttons")
            if any(b.sub_button for b in self.sub_button):
                raise ValueError(f"{self.name}: sub-buttons cannot have sub-buttons")
        elif not (self.key and self.payload and self.payload.startswith("/")):
            raise ValueError(f"{self.name}: a CLICK button needs a key and a /payload")
        if self.key and len(self.key.encode()) > 128:
            raise ValueError(f"{self.name}: key longer than 128 bytes")
        if len(self.name.encode()) > 60:
            raise ValueError(f"{self.name}: name longer than 60 bytes")
        return self


def _default_wechat_menu() -> list[WeChatMenuItem]:
    return [
        WeChatMenuItem(name="课程", key="COURSES", payload="/course_search"),
        WeChatMenuItem(name="调解", key="MEDIATION", payload="/mediation_request"),
        WeChatMenuItem(
            name="咨询",
            sub_button=[
                WeChatMenuItem(name="政策咨询", key="POLICY", payload="/policy_question"),
                WeChatMenuItem(name="人工服务", key="HUMAN", payload="/human_handoff"),
            ],
        ),
    ]


class WeChatConfig(_Section):
    """The official account's custom menu and the template used for pushes after 48 hours."""

    menu: list[WeChatMenuItem] = Field(default_factory=_default_wechat_menu)
    # a template with a {{content.DATA}} field; empty: no push outside the 48-hour window
    template_id: str | None = None
    # how far (seconds, either way) a callback's signed timestamp may be from our clock;
    # WeChat sends its current time, so this covers clock drift and its retries
    callback_window_seconds: int = Field(300, ge=30, le=3600)

    @model_validator(mode="after")
    def _menu_shape(self) -> WeChatConfig:
        if not 1 <= len(self.menu) <= 3:
            raise ValueError("WeChat allows 1 to 3 top-level menu buttons")
        for item in self.menu:
            if len(item.name.encode()) > 16:
                raise ValueError(f"{item.name}: top-level name longer than 16 bytes (4 汉字)")
        keys = [b.key for item in self.menu for b in (item.sub_button or [item])]
        if len(keys) != len(set(keys)):
            raise ValueError("menu keys must be unique")
        if not self.template_id:
            self.template_id = None
        return self

    def click_payloads(self) -> dict[str, str]:
        """Menu key -> the payload the bot handles for that click."""
        return {
            b.key: b.payload
            for item in self.menu
            for b in (item.sub_button or [item])
            if b.key and b.payload
        }


class BotConfig(_Section):
    """The whole of config.yml."""

    language: str = "zh"
    database: DatabaseConfig = DatabaseConfig()
    nlu: NLUConfig = NLUConfig()
    retrieval: RetrievalConfig = RetrievalConfig()
    conversation: ConversationConfig = ConversationConfig()
    handoff: HandoffConfig = HandoffConfig()
    channels: ChannelsConfig = ChannelsConfig()
    server: ServerConfig = ServerConfig()
    wechat: WeChatConfig = WeChatConfig()
    console: ConsoleConfig = ConsoleConfig()

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

    # signs staff console sessions; unset: a random key kept in a 0600 file by the database
    workerbot_secret_key: str | None = None


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
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path} is not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{path} must be a mapping of sections")
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
