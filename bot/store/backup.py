"""Online backup and restore of the SQLite database (`workerbot backup` / `workerbot restore`).

The backup copies pages with SQLite's online backup API (sqlite3.Connection.backup): it
reads a consistent snapshot while the server keeps writing, so the server need not stop.
PostgreSQL is backed up with its own tools (pg_dump, docs/deploy.md): nothing here pretends
to do that.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.store.db import MIGRATIONS

PAGES_PER_STEP = 1024  # copy 4 MB, then let the server's writers in


class BackupError(RuntimeError):
    """A backup or restore that must not go on; the message says why and what to do."""


def sqlite_file(database_url: str) -> Path:
    """The database file of a SQLite URL; BackupError for PostgreSQL or an in-memory one."""
    url = make_url(database_url)
    if not url.drivername.startswith("sqlite"):
        raise BackupError(
            "this database is PostgreSQL: back it up with pg_dump, e.g."
            f" `pg_dump --format=custom --file=workerbot.dump {pg_dump_target(database_url)}`,"
            " and restore with pg_restore (docs/deploy.md, Backups)"
        )
    if not url.database or url.database == ":memory:":
        raise BackupError("an in-memory SQLite database has no file to back up")
    return Path(url.database)


def pg_dump_target(database_url: str) -> str:
    """The URL for pg_dump, without the driver suffix and without the password."""
    url = make_url(database_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=True)


def known_revisions() -> set[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return {rev.revision for rev in ScriptDirectory.from_config(cfg).walk_revisions()}


def revision_of(path: Path) -> str:
    """The migration revision a workerbot database file is at; BackupError when the file
    is not a SQLite database, has no workerbot schema, or is at a revision this code does
    not know."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a workerbot database ({exc})") from exc
    finally:
        conn.close()
    if row is None or row[0] not in known_revisions():
        raise BackupError(
            f"{path} is at migration {row[0] if row else 'nothing'}, which this version of"
            " workerbot does not know"
        )
    return str(row[0])


def _copy(source: Path, dest: Path) -> None:
    src = sqlite3.connect(str(source), timeout=30)
    try:
        out = sqlite3.connect(str(dest), timeout=30)
        try:
            src.backup(out, pages=PAGES_PER_STEP)
        finally:
            out.close()
    finally:
        src.close()


def backup(database_url: str, dest: Path) -> str:
    """Copy the live database to `dest` (which must not exist); its migration revision."""
    source = sqlite_file(database_url)
    revision_of(source)
    if dest.exists():
        raise BackupError(f"{dest} already exists: choose a new file name")
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        _copy(source, partial)
        conn = sqlite3.connect(str(partial))
        try:
            conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            conn.close()
        os.replace(partial, dest)
    finally:
        partial.unlink(missing_ok=True)
    return revision_of(dest)


def in_use(path: Path) -> bool:
    """A process has the database open: SQLite keeps its -wal and -shm files beside it
    while any connection is open in WAL mode, and removes them when the last one closes
    cleanly (after a crash they stay: --force is then the way)."""
    return any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-shm"))


def restore(source: Path, database_url: str, force: bool = False) -> str:
    """Put a backup in place of the configured database; its migration revision."""
    target = sqlite_file(database_url)
    revision = revision_of(source)
    if target.exists() and in_use(target) and not force:
        raise BackupError(
            f"{target} is in use (its -wal/-shm files are there): stop the server first,"
            " or pass --force to overwrite it anyway"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    _copy(source, target)  # page by page, under SQLite's own locks
    return revision
