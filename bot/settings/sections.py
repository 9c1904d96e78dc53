"""The plain sections of config.yml: database, nlu, retrieval, conversation, handoff, server,
telegram, mediation."""

from __future__ import annotations

import ipaddress
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DatabaseConfig(_Section):
    url: str = "sqlite:///workerbot.db"
    # PostgreSQL only (SQLite opens a connection per thread as needed): connections each
    # process keeps open, and how many more it may open at a peak; every process can hold
    # pool_size + max_overflow, which must fit in the server's max_connections (docs/deploy.md)
    pool_size: int = Field(10, ge=1, le=1000)
    max_overflow: int = Field(10, ge=0, le=1000)
    # PostgreSQL only: messages one process handles at once (each holds a connection while
    # it waits for the database); SQLite always handles one at a time per process
    engine_threads: int = Field(1, ge=1, le=64)
    # message ids already answered are kept this long, so a channel's retry of a message is
    # answered from the store and not handled twice; then the desk's sweeper deletes them.
    # At least 2 days: Telegram keeps retrying an update for up to 24 hours (docs/deploy.md)
    processed_messages_days: int = Field(7, ge=2, le=3650)

    @model_validator(mode="after")
    def _threads_fit_the_pool(self) -> DatabaseConfig:
        if self.engine_threads > self.pool_size:
            raise ValueError("engine_threads must not exceed pool_size")
        return self


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
    # below answer_threshold (or with a close second) the best entry is still answered, under
    # its own question and with the close ones as related questions, from this score up
    # (unset: from answer_threshold up, i.e. only when a close second is the doubt)
    likely_threshold: float | None = Field(None, ge=0, le=1)
    suggest_threshold: float = Field(0.25, ge=0, le=1)
    ambiguity_margin: float = Field(0.05, ge=0, le=1)
    max_suggestions: int = Field(3, ge=1, le=5)
    # a general entry (年假有几天) this close to a special case of its topic is put first
    general_margin: float = Field(0.03, ge=0, le=1)

    @property
    def likely_from(self) -> float:
        """The score from which the best entry is answered as likely."""
        return self.answer_threshold if self.likely_threshold is None else self.likely_threshold

    @model_validator(mode="after")
    def _thresholds_ordered(self) -> RetrievalConfig:
        if not self.suggest_threshold <= self.likely_from <= self.answer_threshold:
            raise ValueError(
                "thresholds must be ordered: suggest_threshold <= likely_threshold"
                " <= answer_threshold"
            )
        return self


class ConversationConfig(_Section):
    max_message_chars: int = Field(2000, ge=50)
    tracker_events: int = Field(60, ge=5, le=1000)


class HandoffConfig(_Section):
    fallbacks_before_handoff: int = Field(2, ge=1, le=10)
    # a worker waiting for staff gets at most one acknowledgement in this many minutes
    waiting_ack_minutes: int = Field(3, ge=1, le=24 * 60)


class ServerConfig(_Section):
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    workers: int = Field(1, ge=1, le=64)
    # request bodies larger than this are refused (413) on every route without a limit of
    # its own (bot/web/body_limit.py)
    max_body_bytes: int = Field(1024 * 1024, ge=1024)
    # /docs and /openapi.json list every route the server has: off unless switched on
    api_docs: bool = False
    # log lines as text or one JSON object a line (WORKERBOT_LOG_FORMAT overrides); both
    # go through the same mask of phones and ID numbers (bot/core/logs.py)
    log_format: Literal["text", "json"] = "text"

    # -- trusted proxies (security finding 10) ------------------------------------------
    # peers (IP addresses or networks) whose X-Forwarded-For / X-Forwarded-Proto are
    # believed; none by default: the client address is the TCP peer's
    trusted_proxies: list[str] = []
    # -- GET /metrics (Prometheus) -------------------------------------------------------
    # client addresses (IP addresses or networks) that may scrape without a token; anyone
    # else needs `Authorization: Bearer $WORKERBOT_METRICS_TOKEN` (docs/deploy.md, "Metrics")
    metrics_allowed: list[str] = ["127.0.0.1", "::1"]

    @field_validator("trusted_proxies", "metrics_allowed")
    @classmethod
    def _proxy_addresses(cls, value: list[str], info: ValidationInfo) -> list[str]:
        for item in value:
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError as exc:
                raise ValueError(
                    f"{info.field_name}: {item!r} is not an IP address or network"
                ) from exc
        return value


class TelegramConfig(_Section):
    """The Telegram channel (its token and webhook come from the environment)."""

    # long polling runs in one process across every host: the holder of a database lease,
    # renewed every third of this; when that process dies another polls within this time
    poll_lease_seconds: float = Field(30.0, ge=1, le=600)


class MediationConfig(_Section):
    """The mediation committee's desk (docs/mediation.md)."""

    # True: a mediator also sees their firm's unassigned cases and may take one by accepting it
    firm_queue: bool = False
    # 《劳动争议调解仲裁法》第十四条: mediation ends within 15 days of the committee's acceptance
    limit_days: int = Field(15, ge=1, le=60)
    # warn the mediator and the admins when this many days or fewer remain
    warn_days: int = Field(3, ge=0, le=30)
    # the day before a session, the worker and the mediator are reminded at this local time
    reminder_time: str = Field("18:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    # a mediator's question waits this many days for the worker's answer in the chat
    question_days: int = Field(7, ge=1, le=60)
