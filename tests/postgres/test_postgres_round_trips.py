"""What a turn sends PostgreSQL together (psycopg's pipeline mode) keeps its guarantees.

- The locking read and the retry record's read go in one round trip: copies of one message
  sent at once are handled once, every copy answered with the same replies.
- The turn's writes go in one round trip and fail as any SQLAlchemy statement would: a
  duplicate retry record is an IntegrityError that leaves nothing behind, a dropped
  connection is marked invalidated (so the turn is done again).
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import exc, func, select

from bot.core.messages import Incoming
from bot.store import conversations
from bot.store.models import Event, ProcessedMessage
from tests.store.test_store_reconnect import terminate


def conversation(bot, sender: str) -> conversations.ConversationRow:
    bot.engine.handle(Incoming("rest", sender, "你好", f"{sender}-0"))
    with bot.db.read() as s:
        return conversations.lock(s.connection(), "rest", sender, False)


EVENTS = [
    {"type": "user", "text": "再问一次", "message_id": "again"},
    {"type": "bot", "text": "好"},
]


def count(bot, model, **where) -> int:
    with bot.db.read() as s:
        query = select(func.count()).select_from(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return s.scalar(query)


def test_the_writes_of_a_turn_are_stored_together(pg_bot):
    conv = conversation(pg_bot, "pipe-1")
    with pg_bot.db.engine.begin() as conn:
        conversations.save_turn(conn, conv, EVENTS, {"state": "bot"}, "pipe-1-x", ["好"])
    assert count(pg_bot, Event, message_id="again") == 1
    assert count(pg_bot, ProcessedMessage, message_id="pipe-1-x") == 1


def test_a_duplicate_retry_record_is_an_integrity_error_and_nothing_stays(pg_bot):
    conv = conversation(pg_bot, "pipe-2")
    with pytest.raises(exc.IntegrityError):
        with pg_bot.db.engine.begin() as conn:
            conversations.save_turn(conn, conv, EVENTS, {}, "pipe-2-0", ["好"])  # handled above
    assert count(pg_bot, Event, message_id="again") == 0


def test_a_dropped_connection_is_marked_for_the_retry(pg_bot):
    conv = conversation(pg_bot, "pipe-3")
    with pytest.raises(exc.DBAPIError) as raised:
        with pg_bot.db.engine.begin() as conn:
            pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
            terminate(pg_bot.db.url, pid)
            conversations.save_turn(conn, conv, EVENTS, {}, "pipe-3-x", ["好"])
    assert raised.value.connection_invalidated
    assert count(pg_bot, Event, message_id="again") == 0


def test_copies_of_one_message_at_once_are_handled_once(pg_bot):
    conversation(pg_bot, "pipe-4")  # the conversation exists: copies wait on its row lock
    copies = 8
    start = threading.Barrier(copies)

    def send(_: int) -> list:
        start.wait()
        return pg_bot.engine.handle(Incoming("rest", "pipe-4", "年假有几天", "pipe-4-same"))

    with ThreadPoolExecutor(copies) as pool:
        answers = list(pool.map(send, range(copies)))
    assert answers[0] and all(a == answers[0] for a in answers)
    assert count(pg_bot, Event, message_id="pipe-4-same", type="user") == 1
    assert count(pg_bot, ProcessedMessage, message_id="pipe-4-same") == 1
