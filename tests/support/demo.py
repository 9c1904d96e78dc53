"""The demo database for tests, migrated and seeded once per test process and copied per test.

Migrating and loading the demo courses, FAQ and mediators is most of a test's set-up; a SQLite
file is copied in a millisecond. Other databases (PostgreSQL) are migrated and seeded as before.
"""

from __future__ import annotations

import copy
import shutil
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.app.scratch import demo_database
from bot.settings import Settings
from bot.store.db import Database
from bot.transfer import seed

_templates: dict[tuple[Path, bool], Path] = {}


def _seed(settings: Settings, mediators: bool) -> None:
    if mediators:
        demo_database(settings)
        return
    db = Database(settings.database_url)
    try:
        db.upgrade()
        seed.load_courses(db, settings.data_dir / "courses.yml")
        seed.load_faq(db, settings.data_dir / "faq.yml")
    finally:
        db.dispose()


def _sqlite_file(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _template(settings: Settings, mediators: bool) -> Path:
    key = (settings.data_dir, mediators)
    if key not in _templates:
        path = Path(tempfile.mkdtemp(prefix="workerbot-template-")) / "demo.db"
        template = copy.copy(settings)
        template.database_url = f"sqlite:///{path}"
        _seed(template, mediators)
        _templates[key] = path
    return _templates[key]


def demo_db(settings: Settings, mediators: bool = True) -> None:
    """`settings`' database migrated with the demo data (and the mediators unless told not to)."""
    target = _sqlite_file(settings.database_url)
    if target is None or target.exists():
        _seed(settings, mediators)
        return
    template = _template(settings, mediators)
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        source = template.with_name(template.name + suffix)
        if source.exists():
            shutil.copyfile(source, target.with_name(target.name + suffix))
