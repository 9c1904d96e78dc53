"""Seed data: the course catalogue and the FAQ from YAML, upserted so reloading is always safe.

The files go through the same checks and the same all-or-nothing import as an admin's
upload (bot/transfer): one set of rules for every way entries get in. `only_new` adds only
the entries a database lacks (a new release's), keeping what admins have edited or deleted.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from bot.store.audit import current_actor
from bot.store.db import Database
from bot.store.models import Course, FaqEntry
from bot.transfer import COURSES, FAQ, YAML
from bot.transfer.columns import COURSE_STATUSES, TIMES_OF_DAY, WEEKDAYS
from bot.transfer.importer import run_import
from bot.transfer.report import ImportRefused, Plan, RowError

__all__ = [
    "COURSE_STATUSES",
    "TIMES_OF_DAY",
    "WEEKDAYS",
    "SeedError",
    "load",
    "load_courses",
    "load_faq",
]

# the kind of each problem in English, for the command line
_KINDS_EN = {
    "required": "is required",
    "invalid": "is invalid",
    "duplicate": "appears twice",
    "clash": "clashes with a stored entry",
    "file": "file problem",
}


class SeedError(ValueError):
    """A seed file problem, naming the file and the entry."""


def _describe(error: RowError) -> str:
    column = f" `{error.column}`" if error.column else ""
    return f"{error}{column} {_KINDS_EN.get(error.kind, error.kind)}"


def load(db: Database, path: Path, kind: str, only_new: bool = False) -> Plan:
    """Import one seed file (kind faq / courses); raises SeedError naming every problem."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SeedError(f"{path}: cannot read: {exc}") from exc
    try:
        result = run_import(db, kind, YAML, data, actor=current_actor(), only_new=only_new)
    except ImportRefused as refused:
        problems = "; ".join(_describe(e) for e in refused.plan.errors) or refused.reason
        raise SeedError(f"{path}: {problems}") from refused
    return result


def load_courses(db: Database, path: Path) -> int:
    """Insert or update every course in the file by code; returns how many the file holds."""
    return len(load(db, path, COURSES).changes)


def load_faq(db: Database, path: Path) -> int:
    """Insert or update every FAQ entry in the file by slug; returns how many the file holds."""
    return len(load(db, path, FAQ).changes)


def demo_is_loaded(db: Database) -> bool:
    """True when both the catalogue and the FAQ have entries."""
    with db.read() as s:
        courses = s.scalar(select(func.count(Course.id))) or 0
        faq = s.scalar(select(func.count(FaqEntry.id))) or 0
    return courses > 0 and faq > 0
