"""Databases for tests, migrated (and seeded) once per test process and copied per test.

Migrating and loading the demo courses, FAQ and mediators is most of a test's set-up; a SQLite
file is copied in a millisecond. On PostgreSQL a test gets a database of its own, created from a
template database that was migrated and seeded once per test server (`pg_copy`), and dropped
after the test.
"""

from __future__ import annotations

import copy
import secrets
import shutil
import tempfile
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from bot.app.scratch import demo_database
from bot.settings import Settings
from bot.store.db import Database
from bot.transfer import seed

_templates: dict[Hashable, Path] = {}


def _upgrade(url: str) -> None:
    db = Database(url)
    try:
        db.upgrade()
    finally:
        db.dispose()


def _seed_at(url: str, data_dir: Path) -> None:
    """Migrated, with the demo courses and FAQ of `data_dir` (no mediators)."""
    db = Database(url)
    try:
        db.upgrade()
        seed.load_courses(db, data_dir / "courses.yml")
        seed.load_faq(db, data_dir / "faq.yml")
    finally:
        db.dispose()


def _seed(settings: Settings, mediators: bool) -> None:
    if mediators:
        demo_database(settings)
    else:
        _seed_at(settings.database_url, settings.data_dir)


def _sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _template(key: Hashable, build: Callable[[str], None]) -> Path:
    """The template database for `key`, built by `build(url)` the first time it is asked for."""
    if key not in _templates:
        path = Path(tempfile.mkdtemp(prefix="workerbot-template-")) / "template.db"
        build(f"sqlite:///{path}")
        _templates[key] = path
    return _templates[key]


def _copy(template: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        source = template.with_name(template.name + suffix)
        if source.exists():
            shutil.copyfile(source, target.with_name(target.name + suffix))


def _fresh_sqlite(url: str) -> Path | None:
    """The SQLite file `url` names when it does not exist yet (a copy can be made), else None."""
    target = _sqlite_file(url)
    return target if target is not None and not target.exists() else None


def migrated_db(url: str) -> Database:
    """The database at `url` migrated to the newest revision, empty."""
    target = _fresh_sqlite(url)
    if target is None:
        _upgrade(url)
    else:
        _copy(_template("migrated", _upgrade), target)
    return Database(url)


def seeded_db(url: str, data_dir: Path) -> Database:
    """The database at `url` migrated, with the demo courses and FAQ (no mediators)."""
    target = _fresh_sqlite(url)
    if target is None:
        _seed_at(url, data_dir)
    else:
        _copy(_template((data_dir, False), lambda u: _seed_at(u, data_dir)), target)
    return Database(url)


def demo_db(settings: Settings, mediators: bool = True) -> None:
    """`settings`' database migrated with the demo data (and the mediators unless told not to)."""
    target = _fresh_sqlite(settings.database_url)
    if target is None:
        _seed(settings, mediators)
        return

    def build(url: str) -> None:
        template = copy.copy(settings)
        template.database_url = url
        _seed(template, mediators)

    _copy(_template((settings.data_dir, mediators), build), target)


# -- PostgreSQL: template databases, one per kind of content and test server ------------------

_pg_templates: dict[tuple[str, Hashable], str] = {}


def _on_database(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


@contextmanager
def pg_copy(server_url: str, key: Hashable, build: Callable[[str], None]) -> Iterator[str]:
    """The URL of a new database on the PostgreSQL server of `server_url`, a copy of the
    template for `key` (made the first time by `build(url)` on an empty database, which must
    close its connections); dropped when the block ends."""
    server = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        template = _pg_templates.get((server_url, key))
        if template is None:
            template = f"template_{len(_pg_templates)}_{secrets.token_hex(3)}"
            with server.connect() as conn:
                conn.exec_driver_sql(f"CREATE DATABASE {template}")
            build(_on_database(server_url, template))
            _pg_templates[(server_url, key)] = template
        name = f"test_{secrets.token_hex(6)}"
        with server.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE {template}")
        try:
            yield _on_database(server_url, name)
        finally:
            with server.connect() as conn:
                conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    finally:
        server.dispose()


@contextmanager
def pg_migrated(server_url: str) -> Iterator[str]:
    """A new PostgreSQL database migrated to the newest revision, empty."""
    with pg_copy(server_url, "migrated", _upgrade) as url:
        yield url


@contextmanager
def pg_seeded(server_url: str, data_dir: Path) -> Iterator[str]:
    """A new PostgreSQL database, migrated, with the demo courses and FAQ of `data_dir`."""
    with pg_copy(server_url, ("seeded", data_dir), lambda u: _seed_at(u, data_dir)) as url:
        yield url
