"""GET /metrics on the real app over HTTP: messages counted by channel and outcome, the staff
queue read from the database, the versions, and who may read it."""

from __future__ import annotations

import asyncio
import threading
from datetime import timedelta

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import event, update

from bot.app import App
from bot.core.clock import utcnow
from bot.core.messages import Push
from bot.nlu import model as nlu_model
from bot.store.models import STATE_WAITING, Conversation
from tests.conftest import LiveServer
from tests.e2e.chat import Worker
from tests.support import TLS

TOKEN = "metrics-token-for-the-test-0123456789"


def scrape(http: httpx.Client, **headers: str) -> dict[tuple[str, tuple], float]:
    """Every sample of a scrape, parsed as Prometheus text: (name, sorted labels) -> value."""
    r = http.get("/metrics", headers=headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/plain; version=0.0.4")
    return parse(r.text)


def parse(text: str) -> dict[tuple[str, tuple], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


STAGES = ("queue", "parse", "load", "actions", "store")


def stage_count(samples: dict, stage: str) -> float:
    return samples.get(("workerbot_turn_stage_seconds_count", (("stage", stage),)), 0.0)


def messages(samples: dict, channel: str, outcome: str) -> float:
    key = ("workerbot_messages_total", (("channel", channel), ("outcome", outcome)))
    return samples.get(key, 0.0)


def test_messages_are_counted_by_channel_and_outcome(http, bot: App):
    before = scrape(http)
    worker = Worker(http, "metrics-1")
    worker.say("年休假有几天")
    after_answer = scrape(http)
    assert messages(after_answer, "rest", "answered") == messages(before, "rest", "answered") + 1
    assert messages(after_answer, "rest", "fallback") == messages(before, "rest", "fallback")

    # another worker: right after an FAQ answer a short message is read as a follow-up
    Worker(http, "metrics-1b").say("咕噜咕噜啪嗒啪嗒")
    after_nonsense = scrape(http)
    assert messages(after_nonsense, "rest", "fallback") == 1
    assert messages(after_nonsense, "rest", "answered") == 1
    # the turn's latency and each of its stages were observed once per message
    assert after_nonsense[("workerbot_turn_seconds_count", (("channel", "rest"),))] == 2
    for stage in STAGES:
        assert stage_count(after_nonsense, stage) == 2

    # the same message id again is answered from the store, not counted as handled again
    worker.say("年休假有几天", message_id="m-1")
    worker.say("年休假有几天", message_id="m-1")
    assert messages(scrape(http), "rest", "answered") == 2


def test_the_stages_of_a_turn_are_timed_within_the_turn(http, bot: App):
    Worker(http, "metrics-stages").say("你好")
    worker = Worker(http, "metrics-stages-2")
    worker.say("加班费咋个算")
    before = scrape(http)
    worker.say("年休假有几天")
    after = scrape(http)
    turn = ("workerbot_turn_seconds_sum", (("channel", "rest"),))
    stages = 0.0
    for stage in STAGES:
        assert stage_count(after, stage) == stage_count(before, stage) + 1, stage
        key = ("workerbot_turn_stage_seconds_sum", (("stage", stage),))
        stages += after[key] - before[key]
        # the histogram's buckets are there, the last one holding every observation
        inf = ("workerbot_turn_stage_seconds_bucket", (("le", "+Inf"), ("stage", stage)))
        assert after[inf] == stage_count(after, stage)
    # the stages lie one after the other inside the turn: together never longer than it
    assert stages <= after[turn] - before[turn]
    # a retry answered from the store is not handled again: no stage but the parse timed
    worker.say("年休假有几天", message_id="m-stages")
    retried = scrape(http)
    worker.say("年休假有几天", message_id="m-stages")
    again = scrape(http)
    assert stage_count(again, "store") == stage_count(retried, "store")
    assert stage_count(again, "parse") == stage_count(retried, "parse") + 1


def test_handoff_is_counted_and_the_queue_gauges_read_the_database(http, bot: App):
    empty = scrape(http)
    assert empty[("workerbot_staff_queue_length", ())] == 0
    assert empty[("workerbot_staff_queue_oldest_wait_seconds", ())] == 0

    worker = Worker(http, "metrics-2")
    worker.say("转人工")
    with bot.db.read() as s:
        waiting = s.query(Conversation).filter_by(sender_id="metrics-2").one()
        assert waiting.state == STATE_WAITING
    samples = scrape(http)
    assert messages(samples, "rest", "handoff") == 1
    assert samples[("workerbot_staff_queue_length", ())] == 1
    # the wait is counted from the stored handoff time
    with bot.db.session() as s:
        s.execute(
            update(Conversation)
            .where(Conversation.sender_id == "metrics-2")
            .values(handoff_at=utcnow() - timedelta(minutes=10))
        )
    wait = scrape(http)[("workerbot_staff_queue_oldest_wait_seconds", ())]
    assert 600 <= wait < 3600

    # a message while waiting goes to staff: held, not another handoff
    worker.say("有人吗")
    samples = scrape(http)
    assert messages(samples, "rest", "held") == 1
    assert messages(samples, "rest", "handoff") == 1
    assert samples[("workerbot_staff_queue_length", ())] == 1


def test_a_failing_action_counts_as_an_error(http, bot: App, monkeypatch):
    def broken(*args, **kwargs):  # noqa: ANN002, ANN003
        raise RuntimeError("a bug in an action")

    monkeypatch.setattr(bot.engine.registry, "run", broken)
    Worker(http, "metrics-4").say("年休假有几天")  # answered with the apology
    samples = scrape(http)
    assert messages(samples, "rest", "error") == 1
    assert messages(samples, "rest", "answered") == 0


def test_versions_are_reported(http, bot: App):
    samples = scrape(http)
    info = [labels for (name, labels) in samples if name == "workerbot_version_info"]
    assert len(info) == 1
    labels = dict(info[0])
    assert labels["model"] == nlu_model.name_of(bot.nlu)
    assert labels["knowledge"] == labels["knowledge_stored"]


def test_failed_pushes_are_counted_by_channel(bot: App):
    push = Push(1, "telegram", "someone", {"text": "您好"})  # a channel that is not enabled
    assert asyncio.run(bot.channels.deliver(push)) is False
    assert asyncio.run(bot.channels.deliver(Push(1, "rest", "someone", {"text": "您好"}))) is False
    samples = parse(bot.metrics.render().decode())
    assert samples[("workerbot_pushes_failed_total", (("channel", "telegram"),))] == 1
    # REST has no push path: the message waits in the log, nothing failed
    assert ("workerbot_pushes_failed_total", (("channel", "rest"),)) not in samples
    # neither is timed as a push: nothing was sent
    assert not [key for key in samples if key[0] == "workerbot_push_seconds_count"]


def test_pushes_sent_are_timed_by_channel(bot: App):
    assert asyncio.run(bot.channels.deliver(Push(1, "web", "someone", {"text": "您好"})))
    assert asyncio.run(bot.channels.deliver(Push(1, "web", "someone", {"text": "在吗"})))
    samples = parse(bot.metrics.render().decode())
    assert samples[("workerbot_push_seconds_count", (("channel", "web"),))] == 2
    assert ("workerbot_pushes_failed_total", (("channel", "web"),)) not in samples


@pytest.fixture
def guarded(bot: App) -> LiveServer:
    """The app allowing no address without the token (the test client is 127.0.0.1)."""
    bot.settings.config.server.metrics_allowed = ["192.0.2.7"]
    bot.settings.env.workerbot_metrics_token = TOKEN
    live = LiveServer(bot)
    yield live
    live.stop()


def test_access_needs_an_allowed_address_or_the_token(guarded: LiveServer):
    with httpx.Client(base_url=guarded.url, timeout=10, verify=TLS) as http:
        assert http.get("/metrics").status_code == 403
        wrong = http.get("/metrics", headers={"Authorization": "Bearer not-the-token"})
        assert wrong.status_code == 403
        assert http.get("/metrics", headers={"Authorization": TOKEN}).status_code == 403
        # naming an allowed address in a proxy header is not believed from a peer that is
        # not a trusted proxy
        spoofed = http.get("/metrics", headers={"X-Forwarded-For": "192.0.2.7"})
        assert spoofed.status_code == 403
        samples = scrape(http, Authorization=f"Bearer {TOKEN}")
        assert ("workerbot_staff_queue_length", ()) in samples


def test_a_trusted_proxy_names_the_allowed_client(bot: App):
    bot.settings.config.server.metrics_allowed = ["192.0.2.7"]
    bot.settings.config.server.trusted_proxies = ["127.0.0.1"]
    live = LiveServer(bot)
    try:
        with httpx.Client(base_url=live.url, timeout=10, verify=TLS) as http:
            assert http.get("/metrics").status_code == 403
            proxied = http.get("/metrics", headers={"X-Forwarded-For": "192.0.2.7"})
            assert proxied.status_code == 200
            other = http.get("/metrics", headers={"X-Forwarded-For": "198.51.100.1"})
            assert other.status_code == 403
    finally:
        live.stop()


def test_a_scrape_only_reads(http, bot: App):
    Worker(http, "metrics-3").say("转人工")
    statements: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        if threading.get_ident() == me:
            statements.append(statement)

    me = threading.get_ident()
    event.listen(bot.db.engine, "before_cursor_execute", record)
    try:
        samples = parse(bot.metrics.render().decode())
    finally:
        event.remove(bot.db.engine, "before_cursor_execute", record)
    assert samples[("workerbot_staff_queue_length", ())] == 1
    assert statements, "the scrape read nothing from the database"
    for statement in statements:
        assert statement.lstrip().upper().startswith(("SELECT", "BEGIN", "PRAGMA")), statement


def test_a_variable_left_by_a_finished_run_does_not_stop_the_app(tmp_path, monkeypatch):
    """A process that inherits PROMETHEUS_MULTIPROC_DIR of a run whose directory is gone
    counts in memory instead of failing to start."""
    from prometheus_client import values

    from bot.app.metrics import MULTIPROC_ENV, Metrics, Versions

    gone = tmp_path / "gone"
    monkeypatch.setenv(MULTIPROC_ENV, str(gone))
    monkeypatch.setattr(values, "ValueClass", values.get_value_class())  # as at import
    metrics = Metrics(None, lambda: Versions("m", "k"))  # type: ignore[arg-type]
    assert metrics.directory is None and MULTIPROC_ENV not in __import__("os").environ
    metrics.messages.labels("rest", "answered").inc()
    assert not gone.exists()
