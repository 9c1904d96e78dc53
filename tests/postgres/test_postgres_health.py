"""Health checks on PostgreSQL, as a load balancer in front of several hosts calls them:
readiness never writes (it answers 200 on a database that refuses every write), and answers
503 within its bound while the database cannot answer, liveness at once; both recover."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import psycopg
import pytest

from bot.app import App
from bot.web.health import READY_TIMEOUT_SECONDS
from tests.conftest import LiveServer
from tests.support import TLS

PROMPT_SECONDS = READY_TIMEOUT_SECONDS + 2.0  # the bound, and a loaded machine's margin


@pytest.fixture
def pg_server(pg_bot: App) -> Iterator[LiveServer]:
    live = LiveServer(pg_bot)
    yield live
    live.stop()


def libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def timed(client: httpx.Client, path: str) -> tuple[int, float]:
    started = time.monotonic()
    status = client.get(path).status_code
    return status, time.monotonic() - started


def test_readiness_on_a_database_that_refuses_writes(pg_bot, pg_server):
    url = libpq(pg_bot.db.url)
    with psycopg.connect(url, autocommit=True) as admin:
        name = admin.execute("SELECT current_database()").fetchone()[0]
        admin.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    pg_bot.db.engine.dispose()  # new connections take the setting
    with httpx.Client(base_url=pg_server.url, timeout=30, verify=TLS) as client:
        ready = client.get("/health/ready")
        assert ready.status_code == 200, ready.text
        assert ready.json()["database"] == "ok"
        assert client.get("/health/live").status_code == 200
        # the setting is in force: a worker's message, which must write, is refused
        with psycopg.connect(url) as conn, pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            conn.execute("CREATE TABLE health_probe (id int)")


def test_readiness_answers_503_in_time_while_the_database_cannot_read(pg_bot, pg_server):
    url = libpq(pg_bot.db.url)
    with httpx.Client(base_url=pg_server.url, timeout=30, verify=TLS) as client:
        assert client.get("/health/ready").status_code == 200
        # another session holds the table readiness reads under an exclusive lock: the read
        # waits, as it would on a database that has stopped answering
        with psycopg.connect(url) as locker:
            locker.execute("LOCK TABLE alembic_version IN ACCESS EXCLUSIVE MODE")
            status, seconds = timed(client, "/health/ready")
            assert status == 503 and seconds < PROMPT_SECONDS, (status, seconds)
            # a second check while the first read is still stuck waits on it, not on a new one
            status, seconds = timed(client, "/health/ready")
            assert status == 503 and seconds < PROMPT_SECONDS, (status, seconds)
            status, seconds = timed(client, "/health/live")
            assert status == 200 and seconds < 1.0, (status, seconds)
            locker.rollback()
        deadline = time.monotonic() + 10
        while client.get("/health/ready").status_code != 200:
            assert time.monotonic() < deadline, "readiness did not recover after the lock"
            time.sleep(0.2)
