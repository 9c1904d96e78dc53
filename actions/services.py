"""What actions need from the outside world, handed to them by the engine (or built from env)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.core.clock import Clock
from bot.domain.evidence import EvidenceDesk
from bot.domain.evidence_files import EvidenceFiles
from bot.knowledge.index import Knowledge
from bot.settings import BotConfig
from bot.store.db import Database


@dataclass
class Services:
    db: Database
    knowledge: Knowledge
    config: BotConfig
    clock: Clock = field(default_factory=Clock)
    evidence: EvidenceDesk | None = None
    # True when the actions serve a Rasa server (`python -m rasa_sdk`), not workerbot's engine:
    # the few things the engine does around actions are then done by the actions themselves
    # (the staff queue, the misunderstood messages: docs/rasa.md)
    on_rasa: bool = False

    def today(self) -> date:
        """The date in the union's time zone (case numbers and course dates use it)."""
        return self.clock.today()

    @classmethod
    def from_env(cls) -> Services:
        """Used when actions run under `python -m rasa_sdk` instead of inside workerbot."""
        from bot.settings import Settings
        from intents.interpreter import RetrievalOptions

        settings = Settings.load()
        db = Database(settings.database_url)
        clock = Clock(settings.config.console.timezone)
        knowledge = Knowledge(db, RetrievalOptions(**settings.config.retrieval.model_dump()), clock)
        knowledge.reload()
        evidence = EvidenceDesk(EvidenceFiles(settings.evidence_dir), settings.config.evidence)
        return cls(
            db=db,
            knowledge=knowledge,
            config=settings.config,
            clock=clock,
            evidence=evidence,
            on_rasa=True,
        )


class ServiceAction:
    """Mixin: an action constructed with Services, or lazily from the environment."""

    def __init__(self, services: Services | None = None) -> None:
        self._services = services

    @property
    def services(self) -> Services:
        if self._services is None:
            self._services = Services.from_env()
        return self._services
