"""PostgreSQL: a pooled connection idle for a while is pinged before use and replaced if the
server dropped it; one used a moment ago is handed out without the extra round trip."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import exc

from bot.store.db import PING_AFTER_IDLE_SECONDS, Database


def backend_pid(db: Database) -> int:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()


def terminate(url: str, pid: int) -> None:
    """Drop one server connection, as a restart or a proxy's timeout would (from a
    connection of another pool)."""
    admin = Database(url)
    try:
        with admin.engine.connect() as conn:
            conn.exec_driver_sql(f"SELECT pg_terminate_backend({pid})")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with admin.engine.connect() as conn:
                gone = f"SELECT 1 FROM pg_stat_activity WHERE pid = {pid}"
                if not conn.exec_driver_sql(gone).all():
                    return
            time.sleep(0.05)
        raise AssertionError(f"backend {pid} still there")
    finally:
        admin.dispose()


@pytest.fixture
def pings(pg_url: str, monkeypatch: pytest.MonkeyPatch):
    # one pooled connection: each checkout gets the same one back
    db = Database(pg_url, pool_size=1, max_overflow=0)
    count = {"n": 0}
    real = db.engine.dialect.do_ping

    def counted(dbapi_conn):  # noqa: ANN001, ANN202
        count["n"] += 1
        return real(dbapi_conn)

    monkeypatch.setattr(db.engine.dialect, "do_ping", counted)
    yield db, count
    db.dispose()


def test_a_connection_used_a_moment_ago_is_not_pinged(pings):
    db, count = pings
    assert db.ping_after_idle == PING_AFTER_IDLE_SECONDS
    for _ in range(5):
        backend_pid(db)
    assert count["n"] == 0


def test_an_idle_connection_is_pinged_and_a_dropped_one_replaced(pings):
    db, count = pings
    first = backend_pid(db)
    assert backend_pid(db) == first and count["n"] == 0
    terminate(db.url, first)
    db.ping_after_idle = 0  # every pooled connection counts as idle now
    assert backend_pid(db) != first  # pinged, found dead, replaced: no error reaches us
    assert count["n"] >= 1


def test_without_the_ping_a_dropped_connection_fails_once_and_the_retry_reconnects(pings):
    db, count = pings
    first = backend_pid(db)
    terminate(db.url, first)
    attempts = []

    def work() -> int:
        attempts.append(1)
        return backend_pid(db)

    with pytest.raises(exc.DBAPIError) as raised:
        backend_pid(db)  # trusted without a ping (used a moment ago), and dead
    assert raised.value.connection_invalidated
    second = backend_pid(db)  # the pool connected anew after the failure
    terminate(db.url, second)
    # a unit of work on the dead connection is done once more, on a new one
    assert db.retrying(work) not in (first, second)
    assert len(attempts) == 2 and count["n"] == 0
