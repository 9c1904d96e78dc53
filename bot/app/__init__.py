"""create_app wires store, NLU, knowledge, engine and channels; nothing lives in module globals."""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy import select

from actions.services import Services
from bot.app.metrics import STAGE_QUEUE, Metrics, Versions
from bot.app.watch import VersionWatcher, read_stamps
from bot.channels import enabled_plugins
from bot.channels.base import ChannelHub, StoredOnly
from bot.channels.rasa_push import RasaPush
from bot.channels.web import WebChat
from bot.core.clock import Clock
from bot.core.messages import Incoming, Push, Reply
from bot.domain.evidence import EvidenceDesk
from bot.domain.evidence_files import EvidenceFiles
from bot.engine.conversation import Engine
from bot.engine.domain import Domain
from bot.engine.registry import ActionRegistry
from bot.engine.rules import RuleBook
from bot.knowledge.index import Knowledge
from bot.mediation.replies import CaseReplies
from bot.nlu import model as nlu_model
from bot.nlu import retrain
from bot.settings import Settings
from bot.staff import notices as notify
from bot.staff.handoff import Desk
from bot.staff.turn_hooks import StaffTurnHooks
from bot.store.audit import CATALOGUE_VERSION, KNOWLEDGE_VERSION
from bot.store.db import Database
from bot.store.models import Course
from intents import CourseRef, Interpreter
from intents.interpreter import RetrievalOptions

log = logging.getLogger(__name__)


@dataclass
class App:
    settings: Settings
    db: Database
    nlu: Interpreter
    knowledge: Knowledge
    engine: Engine
    desk: Desk
    channels: ChannelHub
    # the version stamps as they were before the FAQ index and course names were loaded
    stamps: dict[str, str | None] = field(default_factory=dict)
    # the union's time zone (config's console.timezone), the one clock everything reads
    clock: Clock = field(default_factory=Clock)
    # counted as messages are handled, read by GET /metrics (bot/app/metrics.py)
    metrics: Metrics | None = None
    # the knowledge stamp of the FAQ index this process serves (None: never stamped)
    knowledge_served: str | None = None
    # On SQLite one engine thread per process: messages are serialised by the database write
    # lock anyway, and a single thread never waits for the GIL while holding that lock. On
    # PostgreSQL a turn spends much of its time waiting for the server (round trips, the
    # commit's WAL flush) and row locks order each worker's messages, so several threads
    # overlap those waits (database.engine_threads; docs/benchmarks.md, "Load: PostgreSQL").
    engine_threads: int = 1
    _executor: ThreadPoolExecutor = field(init=False)

    def __post_init__(self) -> None:
        self._executor = ThreadPoolExecutor(
            max_workers=self.engine_threads, thread_name_prefix="engine"
        )

    async def handle(self, incoming: Incoming) -> list[Reply]:
        """Run the engine for one message off the event loop, then deliver the notices the
        turn recorded for other workers (e.g. a waiting-list place freed by a cancellation)."""
        loop = asyncio.get_running_loop()
        started = time.perf_counter()
        replies, pushes = await loop.run_in_executor(self._executor, self._turn, incoming, started)
        if self.metrics is not None:
            self.metrics.observe_turn(incoming.channel, time.perf_counter() - started)
        if pushes:
            await notify.deliver_all(self.channels, pushes)
        return replies

    def _turn(self, incoming: Incoming, submitted: float) -> tuple[list[Reply], list[Push]]:
        if self.metrics is not None:  # how long the message waited for an engine thread
            self.metrics.observe_stage(STAGE_QUEUE, time.perf_counter() - submitted)
        # (a channel that cannot push, REST: the engine puts what staff wrote since the
        # worker's last message first in the answer to this one)
        with notify.collecting() as collected:
            try:
                replies = self.engine.handle(incoming)
            except Exception:
                if self.metrics is not None:  # nothing stored; the channel answers an error
                    self.metrics.count_error(incoming.channel)
                raise
        return replies, notify.committed(self.db, collected)

    def swap_model(self, interpreter: Interpreter) -> None:
        """Serve `interpreter` from now on: it gets the live course names before any request."""
        interpreter.set_courses(list(self.nlu.courses))
        self.engine.nlu = interpreter
        self.nlu = interpreter
        self.refresh_catalogue()

    def load_published(self) -> bool:
        """Load the published model if this process serves another one; True when swapped."""
        name = retrain.published(self.db)
        if not name or name == nlu_model.name_of(self.nlu):
            return False
        self.swap_model(nlu_model.load_named(self.settings, name))
        log.info("loaded the published intent model %s", name)
        return True

    def version_watcher(self, poll_seconds: float | None = None) -> VersionWatcher:
        """Reloads this process's FAQ index, course names and model when their stamps move."""
        reloaders = {
            KNOWLEDGE_VERSION: self.reload_knowledge,
            CATALOGUE_VERSION: self.refresh_catalogue,
            retrain.MODEL_VERSION: self.load_published,
        }
        if poll_seconds is None:
            return VersionWatcher(self.db, reloaders, self.stamps)
        return VersionWatcher(self.db, reloaders, self.stamps, poll_seconds)

    def reload_knowledge(self) -> int:
        """Rebuild the FAQ index; the stamp read first is the version served from now on."""
        stamp = read_stamps(self.db)[KNOWLEDGE_VERSION]
        entries = self.knowledge.reload()
        self.knowledge_served = stamp
        return entries

    def versions(self) -> Versions:
        """The model and the knowledge stamp this process serves (the metrics' info)."""
        return Versions(nlu_model.name_of(self.nlu), self.knowledge_served or "")

    def retrainer(self) -> retrain.Retrainer:
        """A background retrainer that also swaps the new model into this process at once."""
        return retrain.Retrainer(self.settings, self.db, self.swap_model)

    def refresh_catalogue(self) -> int:
        """Teach the NLU the current course names (after a seed load or an admin edit)."""
        with self.db.read() as s:
            courses = s.scalars(select(Course)).all()
            refs = [CourseRef(c.code, c.name, c.category, list(c.keywords or [])) for c in courses]
        self.nlu.set_courses(refs)
        return len(refs)


def create_app(
    settings: Settings, train_if_missing: bool = False, clock: Clock | None = None
) -> App:
    """Everything the bot needs, built from settings; refuses an unmigrated database.
    `clock` replaces the union's clock (config's time zone), e.g. to hold the date in tests."""
    db = Database.from_settings(settings)
    db.require_current_schema()
    stamps = read_stamps(db)
    nlu = nlu_model.load(settings, train_if_missing=train_if_missing)
    clock = clock or Clock(settings.config.console.timezone)
    knowledge = Knowledge(db, RetrievalOptions(**settings.config.retrieval.model_dump()), clock)
    knowledge.reload()
    evidence = EvidenceDesk(EvidenceFiles(settings.evidence_dir), settings.config.evidence)
    services = Services(
        db=db, knowledge=knowledge, config=settings.config, clock=clock, evidence=evidence
    )
    domain = Domain.load(settings.data_dir / "domain.yml")
    rules = RuleBook.load(settings.data_dir / "rules.yml")
    registry = ActionRegistry(services)
    channels = ChannelHub()
    channels.register(StoredOnly("rest"))
    engine = Engine(
        db,
        nlu,
        domain,
        rules,
        registry,
        settings.config,
        clock.today,
        rank_faq=knowledge.ranking,
        desk=StaffTurnHooks(settings.config),
        cases=CaseReplies(clock, settings.config.mediation),
        stores_only=channels.stores_only,
    )
    threads = 1 if db.is_sqlite else settings.config.database.engine_threads
    app = App(
        settings,
        db,
        nlu,
        knowledge,
        engine,
        Desk(db),
        channels,
        stamps,
        clock,
        engine_threads=threads,
    )
    app.knowledge_served = stamps.get(KNOWLEDGE_VERSION)
    app.metrics = Metrics(db, app.versions)
    engine.observer = app.metrics.observer
    channels.on_push_failed = app.metrics.push_failed
    channels.on_push_sent = app.metrics.observe_push
    app.refresh_catalogue()
    channels.register(WebChat(app.handle, db, settings.config.evidence.max_bytes))
    if settings.config.rasa.url:
        rasa = RasaPush(db, settings.config.rasa, settings.env.rasa_token, settings.env.rasa_jwt)
        channels.outside = rasa.send
    for plugin in enabled_plugins(settings, app.handle, db):
        channels.register(plugin)
    return app
