"""Dry runs, and imports applied in one transaction only when the dry run is clean.

An import is all or nothing: it re-checks the file inside the write transaction, refuses
(writing nothing) on any error or when the result differs from the dry run the admin saw,
and records every FAQ change under the importing admin's name (bot/store/audit.py).

With `only_new` it adds only the entries whose key is not stored (a new release's seed
entries) and leaves every stored one as admins edited it. An FAQ entry deleted in /admin
leaves a `delete` revision (bot/store/audit.py) and is not brought back; courses cannot be
deleted in /admin (they are closed instead), so the database holds no such record for them.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.store.audit import acting_as
from bot.store.db import Database
from bot.store.models import REV_DELETE, Course, FaqEntry, FaqRevision
from bot.transfer import COURSES, FAQ
from bot.transfer.columns import KINDS, Kind
from bot.transfer.formats import read
from bot.transfer.planner import plan
from bot.transfer.report import CREATE, UPDATE, ImportRefused, Plan
from bot.transfer.tabular import Parsed

MODELS: dict[str, type] = {FAQ: FaqEntry, COURSES: Course}
STALE = "预检之后数据有了变动，请重新预检后再确认导入"
HAS_ERRORS = "文件有错误，没有导入任何内容"


def _stored(s: Session, kind: Kind) -> list:
    model = MODELS[kind.name]
    return list(s.scalars(select(model).order_by(model.id)).all())


def _deleted(s: Session, kind: Kind) -> set[str]:
    """FAQ slugs an admin deleted (a `delete` revision, no entry now); none for courses."""
    if kind.name != FAQ:
        return set()
    live = select(FaqEntry.slug)
    gone = select(FaqRevision.slug).where(
        FaqRevision.action == REV_DELETE, FaqRevision.slug.not_in(live)
    )
    return set(s.scalars(gone.distinct()))


def _plan(s: Session, kind: Kind, parsed: Parsed, only_new: bool) -> Plan:
    deleted = _deleted(s, kind) if only_new else set()
    return plan(kind, parsed, _stored(s, kind), only_new=only_new, deleted=deleted)


def dry_run(db: Database, kind_name: str, fmt: str, data: bytes, only_new: bool = False) -> Plan:
    """What importing the file would do, and every error in it; writes nothing."""
    kind = KINDS[kind_name]
    parsed = read(kind, fmt, data)
    with db.read() as s:
        return _plan(s, kind, parsed, only_new)


def _write(s: Session, kind: Kind, result: Plan) -> None:
    model = MODELS[kind.name]
    key_attr = kind.column(kind.key).attr
    stored = {getattr(obj, key_attr): obj for obj in _stored(s, kind)}
    for change in result.writes:
        if change.action == CREATE:
            s.add(model(**change.values))
        elif change.action == UPDATE:
            obj = stored[change.key]
            for attr, value in change.values.items():
                setattr(obj, attr, value)
    s.flush()


def run_import(
    db: Database,
    kind_name: str,
    fmt: str,
    data: bytes,
    actor: str,
    expect: str | None = None,
    only_new: bool = False,
) -> Plan:
    """Apply the file in one transaction; raises ImportRefused (nothing written) on any error,
    or when `expect` (the dry run's digest) no longer matches what would be written.
    `only_new`: add the entries not stored, leave the stored ones untouched."""
    kind = KINDS[kind_name]
    parsed = read(kind, fmt, data)
    try:
        with acting_as(actor), db.write_lock(), db.session() as s:
            result = _plan(s, kind, parsed, only_new)
            if not result.ok:
                raise ImportRefused(result, HAS_ERRORS)
            if expect is not None and result.digest != expect:
                raise ImportRefused(result, STALE)
            _write(s, kind, result)
    except IntegrityError as exc:  # another import or edit got in first
        raise ImportRefused(Plan(kind.name, only_new=only_new), STALE) from exc
    return result
