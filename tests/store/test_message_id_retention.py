"""The message ids already answered (processed_messages) are forgotten after their retention,
by the desk's sweeper, on SQLite and on PostgreSQL: old ids go, recent ones stay, a retry
within the window is still answered from the store, and two sweepers at once do not fail."""

from __future__ import annotations

import asyncio
import threading
from datetime import datetime, timedelta

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, insert, inspect, select

from bot.app import App
from bot.core.messages import Incoming
from bot.settings import ConfigError
from bot.staff.sweeper import Sweeper
from bot.store import message_ids
from bot.store.db import Database
from bot.store.models import EV_USER, Base, Conversation, Event, ProcessedMessage, utcnow
from tests.postgres.conftest import pg_bot  # noqa: F401 - the fixture
from tests.store.test_engine_threads import settings_with

KEEP = timedelta(days=7)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_bot(request: pytest.FixtureRequest) -> App:
    return request.getfixturevalue("bot" if request.param == "sqlite" else "pg_bot")


def sweeper(bot: App, db: Database | None = None) -> Sweeper:
    return Sweeper(db or bot.db, bot.channels, bot.settings.config.console, keep_message_ids=KEEP)


def recorded(bot: App) -> set[str]:
    with bot.db.read() as s:
        return set(s.scalars(select(ProcessedMessage.message_id)))


def user_messages(bot: App, message_id: str) -> int:
    with bot.db.read() as s:
        return s.scalar(
            select(func.count()).where(Event.type == EV_USER, Event.message_id == message_id)
        )


def backlog(bot: App, n: int, at: datetime, prefix: str = "old") -> None:
    """`n` recorded ids of one conversation, recorded at `at` (as if long ago)."""
    bot.engine.handle(Incoming("rest", "backlog", "你好", f"{prefix}-first"))
    with bot.db.read() as s:
        cid = s.scalar(select(Conversation.id).where(Conversation.sender_id == "backlog"))
    rows = [
        {"conversation_id": cid, "message_id": f"{prefix}-{i}", "replies": [], "created_at": at}
        for i in range(n)
    ]
    with bot.db.write_lock(), bot.db.session() as s:
        s.execute(insert(ProcessedMessage), rows)


def test_old_ids_go_recent_ones_stay_and_a_recent_retry_is_answered_from_the_store(any_bot):
    bot = any_bot
    start = utcnow()
    old = bot.engine.handle(Incoming("rest", "ana", "年假有几天", "m-old"))
    # eight days later (the sweeper's clock; the rows keep their real time)
    later = start + timedelta(days=8)
    with bot.db.write_lock(), bot.db.session() as s:
        s.execute(ProcessedMessage.__table__.update().values(created_at=start - timedelta(days=1)))
    recent = bot.engine.handle(Incoming("rest", "ana", "加班费怎么算", "m-recent"))
    with bot.db.write_lock(), bot.db.session() as s:  # three days old by the sweeper's clock
        s.execute(
            ProcessedMessage.__table__.update()
            .where(ProcessedMessage.message_id == "m-recent")
            .values(created_at=later - timedelta(days=3))
        )
    assert recorded(bot) == {"m-old", "m-recent"}
    assert asyncio.run(sweeper(bot).run_once(later)) == 0  # no notices; ids pruned
    assert recorded(bot) == {"m-recent"}
    # the retried recent message: the first answer again, not handled a second time
    assert bot.engine.handle(Incoming("rest", "ana", "加班费怎么算", "m-recent")) == recent
    assert user_messages(bot, "m-recent") == 1
    # past the window a retry is a new message (why the window must outlast every retry)
    assert bot.engine.handle(Incoming("rest", "ana", "年假有几天", "m-old"))
    assert user_messages(bot, "m-old") == 2
    assert old  # answered the first time too


def long_ago(bot: App) -> set[str]:
    """The ids recorded more than a day ago (the backlogs' rows)."""
    with bot.db.read() as s:
        return set(
            s.scalars(
                select(ProcessedMessage.message_id).where(
                    ProcessedMessage.created_at < utcnow() - timedelta(days=1)
                )
            )
        )


def test_a_backlog_goes_in_batches_over_rounds(any_bot):
    bot = any_bot
    now = utcnow()
    backlog(bot, 25, now - timedelta(days=30))
    bot.engine.handle(Incoming("rest", "ben", "你好", "fresh"))
    before = now - KEEP
    # 4 batches of 5 in the first round, the rest in the next: the recent ids untouched
    assert message_ids.prune(bot.db, before, rows=5, max_batches=4) == 20
    assert len(long_ago(bot)) == 5
    assert message_ids.prune(bot.db, before, rows=5, max_batches=4) == 5
    assert message_ids.prune(bot.db, before, rows=5, max_batches=4) == 0
    assert recorded(bot) == {"old-first", "fresh"}


def test_only_the_lease_holder_prunes(any_bot):
    bot = any_bot
    now = utcnow()
    backlog(bot, 3, now - timedelta(days=30))
    other = Database(bot.db.url)  # a second process's own connections
    try:
        first, second = sweeper(bot), sweeper(bot, other)
        assert asyncio.run(second.run_once(now)) == 0  # takes the lease, prunes
        assert long_ago(bot) == set()
        backlog(bot, 3, now - timedelta(days=30), "older")
        asyncio.run(first.run_once(now))  # the lease is the second's: nothing done
        assert len(long_ago(bot)) == 3
        asyncio.run(second.run_once(now))
        assert long_ago(bot) == set()
    finally:
        other.dispose()


def test_two_sweepers_at_once_do_not_fail(any_bot):
    """As when a lease changes hands in the middle of a round: both prune at the same time,
    each with its own connections; every old id goes once and the recent ones stay."""
    bot = any_bot
    now = utcnow()
    backlog(bot, 400, now - timedelta(days=30))
    backlog(bot, 30, now - timedelta(days=1, hours=1), "new")
    dbs = [bot.db, Database(bot.db.url)]
    barrier, deleted, errors = threading.Barrier(2), [], []

    def prune(db: Database) -> None:
        barrier.wait()
        try:
            for _ in range(10):
                deleted.append(message_ids.prune(db, now - KEEP, rows=20, max_batches=3))
        except Exception as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)

    try:
        threads = [threading.Thread(target=prune, args=(db,)) for db in dbs]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        dbs[1].dispose()
    assert errors == []
    assert long_ago(bot) == {f"new-{i}" for i in range(30)}
    assert sum(deleted) == 400  # each old id deleted once, by one of the two


def test_a_retention_shorter_than_telegrams_retries_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="processed_messages_days"):
        settings_with(tmp_path, "processed_messages_days: 1\n")
    assert settings_with(tmp_path, "").config.database.processed_messages_days == 7


def indexes(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return {i["name"] for i in inspect(conn).get_indexes("processed_messages")}


def test_migration_0011_indexes_the_time_and_goes_back(empty_db: Database):
    db = empty_db
    command.upgrade(db.alembic_config(), "0010")
    assert "ix_processed_messages_created" not in indexes(db)
    command.upgrade(db.alembic_config(), "0011")
    assert "ix_processed_messages_created" in indexes(db)
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    command.downgrade(db.alembic_config(), "0010")
    assert "ix_processed_messages_created" not in indexes(db)
