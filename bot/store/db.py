"""The database handle: engine, SQLite tuning, and per-message transaction binding."""

from __future__ import annotations

import fcntl
import functools
import logging
import os
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import create_engine, event, exc, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.store.live import LiveUpdates

if TYPE_CHECKING:
    from bot.settings import Settings

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "migrations"


T = TypeVar("T")


class SchemaNotCurrent(RuntimeError):
    """The database has not been migrated to the code's schema."""


class NeedsWriteLock(RuntimeError):
    """Raised when code inside a read phase tries to write: redo the work under the write lock."""


_WRITE_VERBS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")
WORKER_LOCK_SLOTS = 4096
WAL_AUTOCHECKPOINT_PAGES = 10_000  # 40 MB of log at SQLite's 4 KiB pages
# PostgreSQL: a pooled connection idle this long is pinged before use (one round trip); one
# used more recently is trusted, and a turn that finds it dead anyway is redone once on a
# new connection (Database.retrying). A ping before every use cost a round trip per message.
PING_AFTER_IDLE_SECONDS = 10.0


def _tune_sqlite(engine: Engine) -> None:
    """WAL for concurrent readers, one writer at a time with BEGIN IMMEDIATE (no upgrade deadlocks)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # noqa: ANN001
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        # the server checkpoints in a background thread (bot/store/checkpoint.py); this is
        # only the safety net, so writers rarely pay for a checkpoint
        cur.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "before_cursor_execute")
    def _guard(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        if conn.get_execution_options().get("workerbot_readonly", False):
            if statement.lstrip()[:7].upper().startswith(_WRITE_VERBS):
                raise NeedsWriteLock(statement.split(None, 1)[0])

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # noqa: ANN001
        readonly = conn.get_execution_options().get("workerbot_readonly", False)
        conn.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")


def _ping_when_idle(engine: Engine, idle_seconds: Callable[[], float]) -> None:
    """Before a pooled connection is handed out after `idle_seconds()` or more unused, check
    that the server still answers; a dead one is replaced (SQLAlchemy's pessimistic
    disconnect recipe: DisconnectionError makes the pool connect anew)."""

    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_conn, record) -> None:  # noqa: ANN001
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_conn, record, _proxy) -> None:  # noqa: ANN001
        since = record.info.get("idle_since")
        if since is None or time.monotonic() - since < idle_seconds():
            return  # new, or in use a moment ago
        try:
            engine.dialect.do_ping(dbapi_conn)
        except Exception as error:  # noqa: BLE001 - whatever the driver raises: reconnect
            raise exc.DisconnectionError("pooled connection did not answer a ping") from error


class Database:
    """One per process; sessions opened here join the current message's transaction if any."""

    def __init__(self, url: str, pool_size: int = 10, max_overflow: int = 10) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        # a failed statement's message must not carry its parameters (a worker's text, name,
        # phone) into a traceback or a log
        kwargs: dict = {"hide_parameters": True}
        if self.is_sqlite:
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            kwargs.update(pool_size=pool_size, max_overflow=max_overflow)
        self.engine = create_engine(url, **kwargs)
        self.ping_after_idle = PING_AFTER_IDLE_SECONDS
        if self.is_sqlite:
            _tune_sqlite(self.engine)
        else:
            _ping_when_idle(self.engine, lambda: self.ping_after_idle)
        self._factory = sessionmaker(self.engine, expire_on_commit=False)
        self._current: ContextVar[Session | None] = ContextVar(f"session-{id(self)}", default=None)
        self._thread_lock = threading.Lock()
        self._lock_fd: int | None = None
        self._lock_pid = 0
        db_file = self.engine.url.database if self.is_sqlite else None
        self.file_path = db_file if db_file and db_file != ":memory:" else None
        self._lock_path = f"{self.file_path}.lock" if self.file_path else None
        self._worker_fd: int | None = None
        self._worker_pid = 0
        self._worker_locks = [threading.Lock() for _ in range(WORKER_LOCK_SLOTS)]
        # what open streams wait on: NOTIFY on PostgreSQL, a poll on SQLite
        self.live = LiveUpdates(url)

    @classmethod
    def from_settings(cls, settings: Settings) -> Database:
        """The database of these settings, with the pool sized from config.yml."""
        cfg = settings.config.database
        return cls(settings.database_url, cfg.pool_size, cfg.max_overflow)

    @contextmanager
    def worker_lock(self, key: str) -> Iterator[None]:
        """One worker's messages one at a time, across threads and processes (SQLite).

        A POSIX record lock on one byte (of WORKER_LOCK_SLOTS) of a lock file; record locks
        belong to the process, so a thread lock per slot orders this process's threads.
        """
        slot = zlib.crc32(key.encode()) % WORKER_LOCK_SLOTS
        with self._worker_locks[slot]:
            if self._lock_path is None:
                yield
                return
            if self._worker_fd is None or self._worker_pid != os.getpid():
                self._worker_fd = os.open(
                    f"{self._lock_path}-workers", os.O_RDWR | os.O_CREAT, 0o600
                )
                self._worker_pid = os.getpid()
            fcntl.lockf(self._worker_fd, fcntl.LOCK_EX, 1, slot)
            try:
                yield
            finally:
                fcntl.lockf(self._worker_fd, fcntl.LOCK_UN, 1, slot)

    def retrying(self, work: Callable[[], T]) -> T:
        """`work()` (one transaction), done once more if the connection under it turned out
        dead (the server restarted, a proxy dropped it). Nothing of a transaction that failed
        so was committed, unless the COMMIT itself was lost on the way back: a message's
        retry record (processed_messages) makes the second try answer from the store then."""
        try:
            return work()
        except exc.DBAPIError as error:
            if not error.connection_invalidated:
                raise
            log.warning("database connection lost (%s); doing it again", type(error.orig).__name__)
        return work()

    @contextmanager
    def read_phase(self) -> Iterator[Session]:
        """A read-only transaction that the current message's code joins; a write raises
        NeedsWriteLock before touching anything, so the caller can redo the work under the lock."""
        with self._factory() as s:
            s.connection(execution_options={"workerbot_readonly": True})
            with self._joined_then_undone(s):
                yield s

    @contextmanager
    def dry_run(self) -> Iterator[Session]:
        """A transaction that the current message's code joins and that is always rolled
        back: what a message would do, without doing it (the admin's 试一试)."""
        with self.write_lock(), self._factory() as s, self._joined_then_undone(s):
            yield s

    @contextmanager
    def _joined_then_undone(self, s: Session) -> Iterator[None]:
        """`s` is the session the current message's code joins; rolled back at the end."""
        token = self._current.set(s)
        try:
            yield
        finally:
            self._current.reset(token)
            s.rollback()

    @contextmanager
    def write_lock(self) -> Iterator[None]:
        """Serialise writers on SQLite across threads and processes without busy-wait sleeps.

        SQLite allows one writer; waiting in its busy handler sleeps in growing steps, which
        ruins latency under load. A kernel file lock wakes the next writer at once. PostgreSQL
        needs nothing here: row locks (SELECT ... FOR UPDATE) order each worker's messages.
        """
        if not self.is_sqlite:
            yield
            return
        with self._thread_lock:
            if self._lock_path is None:
                yield
                return
            if self._lock_fd is None or self._lock_pid != os.getpid():
                self._lock_fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
                self._lock_pid = os.getpid()
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(self._lock_fd, fcntl.LOCK_UN)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: the enclosing one if a message is being handled, else a new one."""
        current = self._current.get()
        if current is not None:
            yield current
            return
        with self._factory.begin() as s:
            token = self._current.set(s)
            try:
                yield s
            finally:
                self._current.reset(token)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only look that never blocks writers (no BEGIN IMMEDIATE on SQLite)."""
        with self._factory() as s:
            s.connection(execution_options={"workerbot_readonly": True})
            yield s

    def ping(self) -> bool:
        """True when the database answers a read of a real table. A read-only transaction:
        it never takes the write lock (SQLite's deferred BEGIN; WAL readers never wait for a
        writer), and never writes."""
        try:
            with self.read() as s:
                s.execute(text("SELECT version_num FROM alembic_version")).first()
            return True
        except Exception:  # noqa: BLE001 - health check reports, never raises
            return False

    def dispose(self) -> None:
        self.engine.dispose()

    # migrations ---------------------------------------------------------
    def alembic_config(self):  # noqa: ANN201
        """An Alembic config pointing at our migrations and this database."""
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        cfg.attributes["engine"] = self.engine
        return cfg

    def upgrade(self) -> None:
        """Bring the schema to the newest migration."""
        from alembic import command

        command.upgrade(self.alembic_config(), "head")

    def current_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def head_revision(self) -> str | None:
        return _migrations_head()

    def require_current_schema(self) -> None:
        """Refuse to run on an unmigrated database rather than create tables silently."""
        current, head = self.current_revision(), self.head_revision()
        if current != head:
            raise SchemaNotCurrent(
                f"database schema is at {current or 'nothing'}, code needs {head}: "
                "run `workerbot db upgrade` first"
            )


@functools.cache
def _migrations_head() -> str | None:
    """The newest migration's revision: read from the migration files once per process (they
    are part of the code and do not change while it runs; every App start asks for it)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()
