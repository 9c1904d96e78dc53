"""Health checks: liveness without the database, readiness by a read with a short timeout;
neither writes nor holds up other requests while another process has the SQLite write lock."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from bot.web.health import READY_TIMEOUT_SECONDS
from tests.support import TLS

HOLD_SECONDS = 8
PROMPT_SECONDS = 3.0

HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")   # the write lock, as another server process would hold it
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
"""


def timed_get(url: str) -> tuple[int, float, dict]:
    started = time.monotonic()
    r = httpx.get(url, timeout=HOLD_SECONDS * 3, verify=TLS)
    return r.status_code, time.monotonic() - started, r.json()


def timed_post(url: str, body: dict) -> tuple[int, float, dict]:
    started = time.monotonic()
    r = httpx.post(url, json=body, timeout=HOLD_SECONDS * 3, verify=TLS)
    return r.status_code, time.monotonic() - started, r.json()


def test_liveness_and_readiness(http):
    live = http.get("/health/live")
    assert live.status_code == 200 and live.json() == {"status": "ok"}
    ready = http.get("/health/ready")
    assert ready.status_code == 200
    body = ready.json()
    assert body["status"] == "ok" and body["database"] == "ok" and body["model"]["loaded"]
    assert http.get("/health").json() == body


def test_health_neither_writes_nor_blocks_while_another_process_holds_the_lock(bot, server):
    db_file = Path(bot.db.file_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_file), str(HOLD_SECONDS)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with ThreadPoolExecutor(4) as pool:
            health = pool.submit(timed_get, f"{server.url}/health")
            time.sleep(0.2)  # /health first, then the others while it runs
            ready = pool.submit(timed_get, f"{server.url}/health/ready")
            live = pool.submit(timed_get, f"{server.url}/health/live")
            parse = pool.submit(timed_post, f"{server.url}/model/parse", {"text": "年休假有几天"})
            results = {
                "health": health.result(),
                "ready": ready.result(),
                "live": live.result(),
                "parse": parse.result(),
            }
        assert holder.poll() is None, "the lock was released before the requests were answered"
    finally:
        holder.kill()
        holder.wait()
    for name, (status, seconds, _body) in results.items():
        assert seconds < PROMPT_SECONDS, f"{name} took {seconds:.1f} s while the lock was held"
        assert status == 200, (name, status)
    # a read does not need the write lock: the database is reported reachable
    assert results["health"][2]["database"] == "ok"
    assert results["ready"][2]["database"] == "ok"


def test_a_stuck_database_read_makes_readiness_fail_in_time(bot, server, monkeypatch):
    release, calls = threading.Event(), []

    def stuck_ping() -> bool:
        calls.append(1)
        release.wait(30)
        return True

    monkeypatch.setattr(bot.db, "ping", stuck_ping)
    try:
        for _ in range(3):
            status, seconds, body = timed_get(f"{server.url}/health/ready")
            assert status == 503 and body["database"] == "unreachable"
            assert seconds < READY_TIMEOUT_SECONDS + PROMPT_SECONDS
        assert timed_get(f"{server.url}/health/live")[0] == 200
        assert len(calls) == 1  # the stuck read is waited on again, not repeated
    finally:
        release.set()
