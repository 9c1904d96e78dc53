"""Prometheus metrics: what the process counts, and what a scrape reads from the database.

Counters and histograms are counted as messages are handled (the engine's `TurnObserver`,
the channels' failed pushes). With `PROMETHEUS_MULTIPROC_DIR` set (`workerbot run` sets it
to a fresh private directory when it starts several worker processes) they are kept in
prometheus-client's per-process files and every scrape sums all the workers. The staff
queue and the versions are read when scraped, by a collector of their own: never stored
per process, never written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from prometheus_client import (
    CONTENT_TYPE_PLAIN_0_0_4,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    values,
)
from prometheus_client.core import GaugeMetricFamily, InfoMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector
from sqlalchemy import func, select

from bot.store.audit import KNOWLEDGE_VERSION
from bot.store.db import Database
from bot.store.models import STATE_WAITING, Conversation, Meta, utcnow

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
# the classic text format, which every Prometheus version reads
CONTENT_TYPE = CONTENT_TYPE_PLAIN_0_0_4
# the engine answers in tens of milliseconds; a turn waiting on the SQLite write lock or a
# slow action takes seconds
TURN_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
# a stage of a turn takes from a tenth of a millisecond (a conversation read) to seconds (a
# message waiting for the SQLite write lock or for a busy engine thread)
STAGE_BUCKETS = (
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0
)  # fmt: skip
# a push is an HTTP call to Telegram, WeChat or a Rasa server, timing out after seconds
PUSH_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
# the stage of waiting for the process's engine thread, timed by the app (bot/app/__init__.py)
STAGE_QUEUE = "queue"


def multiprocess_dir() -> str | None:
    """The directory the worker processes share their counts in, or None (one process, or
    a directory that is gone: a process inheriting a finished run's variable counts alone
    rather than failing to start)."""
    directory = os.environ.get(MULTIPROC_ENV) or None
    if directory is not None and not os.path.isdir(directory):
        # prometheus-client chose its file-backed values from the variable at import: back
        # to values in memory, or creating the first metric fails on the missing directory
        os.environ.pop(MULTIPROC_ENV, None)
        values.ValueClass = values.get_value_class()
        return None
    return directory


@dataclass(frozen=True)
class Versions:
    """What the serving process runs: its model and the knowledge stamp it loaded."""

    model: str
    knowledge: str


class StateCollector(Collector):
    """Read at scrape time: the staff queue (one indexed query, a read transaction) and the
    versions of the model and the FAQ knowledge this process serves."""

    def __init__(self, db: Database, versions: Callable[[], Versions]) -> None:
        self.db, self.versions = db, versions

    def collect(self) -> Iterator[Metric]:
        waiting = Conversation.state == STATE_WAITING
        with self.db.read() as s:
            count, oldest = s.execute(
                select(func.count(Conversation.id), func.min(Conversation.handoff_at)).where(
                    waiting
                )
            ).one()
            knowledge_stamp = s.scalar(select(Meta.value).where(Meta.key == KNOWLEDGE_VERSION))
        queue = GaugeMetricFamily(
            "workerbot_staff_queue_length",
            "Conversations waiting for a staff member to claim them",
        )
        queue.add_metric([], count or 0)
        yield queue
        wait = GaugeMetricFamily(
            "workerbot_staff_queue_oldest_wait_seconds",
            "How long the longest-waiting conversation has waited for staff (0: none waits)",
        )
        wait.add_metric([], max(0.0, (utcnow() - oldest).total_seconds()) if oldest else 0.0)
        yield wait
        served = self.versions()
        info = InfoMetricFamily(
            "workerbot_version",
            "The intent model and FAQ knowledge the answering process serves, and the"
            " knowledge stamp in the database",
        )
        info.add_metric(
            [],
            {
                "model": served.model,
                "knowledge": served.knowledge,
                "knowledge_stored": knowledge_stamp or "",
            },
        )
        yield info


class Metrics:
    """The process's metrics; `observer` is handed to the engine, `push_failed` to the
    channels, `render()` answers a scrape."""

    def __init__(self, db: Database, versions: Callable[[], Versions]) -> None:
        self.directory = multiprocess_dir()
        # with several processes the values live in the shared directory and a scrape reads
        # them all through MultiProcessCollector: the metrics belong to no registry here
        self.registry = None if self.directory else CollectorRegistry()
        self.state = StateCollector(db, versions)
        self.messages = Counter(
            "workerbot_messages",
            "Worker messages handled, by channel and outcome (answered, fallback, handoff,"
            " held, error)",
            ["channel", "outcome"],
            registry=self.registry,
        )
        self.pushes_failed = Counter(
            "workerbot_pushes_failed",
            "Pushes (staff replies, notices) a channel could not deliver",
            ["channel"],
            registry=self.registry,
        )
        self.turn_seconds = Histogram(
            "workerbot_turn_seconds",
            "Whole-turn latency: a message in to its replies out (parse, waiting for the"
            " engine thread, actions, storing)",
            ["channel"],
            buckets=TURN_BUCKETS,
            registry=self.registry,
        )
        self.stage_seconds = Histogram(
            "workerbot_turn_stage_seconds",
            "One stage of a message's turn: queue (waiting for the engine thread), parse (NLU"
            " and FAQ ranking), load (the conversation, its lock and the retry check), actions"
            " (policy and actions), store (write lock, inserts, commit)",
            ["stage"],
            buckets=STAGE_BUCKETS,
            registry=self.registry,
        )
        self.push_seconds = Histogram(
            "workerbot_push_seconds",
            "Sending one push (a staff reply, a notice, a reminder) through its channel",
            ["channel"],
            buckets=PUSH_BUCKETS,
            registry=self.registry,
        )
        if self.registry is not None:
            self.registry.register(self.state)
        self.observer = _Observer(self)

    def push_failed(self, channel: str) -> None:
        self.pushes_failed.labels(channel).inc()

    def observe_turn(self, channel: str, seconds: float) -> None:
        self.turn_seconds.labels(channel).observe(seconds)

    def observe_stage(self, stage: str, seconds: float) -> None:
        self.stage_seconds.labels(stage).observe(seconds)

    def observe_push(self, channel: str, seconds: float) -> None:
        self.push_seconds.labels(channel).observe(seconds)

    def count_error(self, channel: str) -> None:
        """A message the engine raised on (nothing stored, the channel answers 500)."""
        self.messages.labels(channel, "error").inc()

    def render(self) -> bytes:
        """The Prometheus text of one scrape (reads the database: call it off the event loop)."""
        if self.registry is not None:
            return generate_latest(self.registry)
        registry = CollectorRegistry()
        MultiProcessCollector(registry, path=self.directory)
        registry.register(self.state)
        return generate_latest(registry)


class _Observer:
    """The engine's TurnObserver (bot/engine/hooks.py), counting into the metrics."""

    def __init__(self, metrics: Metrics) -> None:
        self.metrics = metrics

    def stage(self, name: str, seconds: float) -> None:
        self.metrics.observe_stage(name, seconds)

    def handled(self, channel: str, outcome: str) -> None:
        self.metrics.messages.labels(channel, outcome).inc()
