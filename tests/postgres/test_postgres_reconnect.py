"""A worker's message that meets a dropped database connection (a restart, a proxy's
timeout) is handled on a new one: answered, stored once, and a retry of it answered from
the store."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.core.messages import Incoming
from bot.store.models import Event, ProcessedMessage
from tests.store.test_store_reconnect import terminate


def test_a_message_on_a_dropped_connection_is_answered_once(pg_bot):
    db = pg_bot.db
    db.ping_after_idle = 3600  # the pooled connections count as in use a moment ago
    pg_bot.engine.handle(Incoming("rest", "pg-drop", "你好", "drop-0"))
    with db.engine.connect() as conn:  # the pool's connections, as the server sees them
        ours = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        pids = [
            pid
            for (pid,) in conn.exec_driver_sql(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                " AND backend_type = 'client backend'"
            )
        ]
    for pid in pids:  # every connection the pool holds, the one the next turn gets among them
        terminate(db.url, pid)
    assert ours in pids

    replies = pg_bot.engine.handle(Incoming("rest", "pg-drop", "年假有几天", "drop-1"))
    assert replies and "年" in replies[0]["text"]
    again = pg_bot.engine.handle(Incoming("rest", "pg-drop", "年假有几天", "drop-1"))
    assert again == replies
    with db.read() as s:
        stored = s.scalar(
            select(func.count()).where(Event.type == "user", Event.message_id == "drop-1")
        )
        records = s.scalar(select(func.count()).where(ProcessedMessage.message_id == "drop-1"))
    assert (stored, records) == (1, 1)
