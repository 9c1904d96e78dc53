"""The desk on PostgreSQL: row locks instead of SQLite's file locks must give the same answers."""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import select

from bot.core.messages import Incoming
from bot.staff.accounts import create_user
from bot.staff.desk import Conflict, ConsoleDesk
from bot.staff.sweeper import Sweeper
from bot.staff.throttle import LoginThrottle
from bot.store.db import Database
from bot.store.models import Conversation, Rating, utcnow
from tests.postgres.conftest import pg_bot  # noqa: F401 - the fixture


def test_claims_resolve_and_ratings_on_postgres(pg_bot):  # noqa: F811
    bot = pg_bot
    alice = create_user(bot.db, "alice", "desk-password-1", "staff")
    bob = create_user(bot.db, "bob", "desk-password-2", "staff")
    for i in range(3):
        bot.engine.handle(Incoming("rest", f"pg-{i}", "转人工"))
    with bot.db.read() as s:
        ids = s.scalars(select(Conversation.id).order_by(Conversation.id)).all()
    desks = [ConsoleDesk(bot.db), ConsoleDesk(Database(bot.settings.database_url))]
    for cid in ids:
        barrier, results = threading.Barrier(2), {}

        def claim(i: int, who, cid=cid, barrier=barrier, results=results) -> None:  # noqa: ANN001
            barrier.wait()
            try:
                desks[i].claim(cid, who)
                results[who.username] = "won"
            except Conflict:
                results[who.username] = "lost"

        threads = [threading.Thread(target=claim, args=(i, w)) for i, w in enumerate((alice, bob))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(results.values()) == ["lost", "won"]
    desks[1].db.dispose()
    with bot.db.read() as s:
        owner = s.get(Conversation, ids[0]).assigned_to
    holder = alice if owner == "alice" else bob
    desks[0].resolve(ids[0], holder, "好的")
    bot.engine.handle(Incoming("rest", "pg-0", "4"))
    with bot.db.read() as s:
        assert s.scalar(select(Rating.score).where(Rating.conversation_id == ids[0])) == 4


def test_lease_and_throttle_on_postgres(pg_bot):  # noqa: F811
    first, second = (
        Sweeper(pg_bot.db, pg_bot.channels, pg_bot.settings.config.console),
        Sweeper(pg_bot.db, pg_bot.channels, pg_bot.settings.config.console),
    )
    assert first.acquire() and not second.acquire()
    assert second.acquire(utcnow() + timedelta(minutes=5))
    throttle = LoginThrottle(pg_bot.db, 2, timedelta(minutes=15), 20)
    assert throttle.attempt("alice", "1.2.3.4") == 0
    assert throttle.attempt("alice", "1.2.3.4") == 0
    assert throttle.attempt("alice", "1.2.3.4") > 0
