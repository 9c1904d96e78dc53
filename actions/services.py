"""What actions need from the outside world, handed to them by the engine (or built from env)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.knowledge.index import Knowledge
from bot.settings import BotConfig
from bot.store.db import Database

LOCAL_TZ = ZoneInfo("Asia/Shanghai")


def local_today() -> date:
    """The date in the union's time zone (case numbers and course dates use it)."""
    return datetime.now(LOCAL_TZ).date()


@dataclass
class Services:
    db: Database
    knowledge: Knowledge
    config: BotConfig
    today: Callable[[], date] = field(default=local_today)

    @classmethod
    def from_env(cls) -> Services:
        """Used when actions run under `python -m rasa_sdk` instead of inside workerbot."""
        from bot.settings import Settings
        from intents.interpreter import RetrievalOptions

        settings = Settings.load()
        db = Database(settings.database_url)
        knowledge = Knowledge(db, RetrievalOptions(**settings.config.retrieval.model_dump()))
        knowledge.reload()
        return cls(db=db, knowledge=knowledge, config=settings.config)


class ServiceAction:
    """Mixin: an action constructed with Services, or lazily from the environment."""

    def __init__(self, services: Services | None = None) -> None:
        self._services = services

    @property
    def services(self) -> Services:
        if self._services is None:
            self._services = Services.from_env()
        return self._services
