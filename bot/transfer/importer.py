"""Dry runs, and imports applied in one transaction only when the dry run is clean.

An import is all or nothing: it re-checks the file inside the write transaction, refuses
(writing nothing) on any error or when the result differs from the dry run the admin saw,
and records every FAQ change under the importing admin's name (bot/store/audit.py).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.store.audit import acting_as
from bot.store.db import Database
from bot.store.models import Course, FaqEntry
from bot.transfer import COURSES, FAQ
from bot.transfer.columns import KINDS, Kind
from bot.transfer.formats import read
from bot.transfer.planner import plan
from bot.transfer.report import CREATE, UPDATE, ImportRefused, Plan

MODELS: dict[str, type] = {FAQ: FaqEntry, COURSES: Course}
STALE = "预检之后数据有了变动，请重新预检后再确认导入"
HAS_ERRORS = "文件有错误，没有导入任何内容"


def _stored(s: Session, kind: Kind) -> list:
    model = MODELS[kind.name]
    return list(s.scalars(select(model).order_by(model.id)).all())


def dry_run(db: Database, kind_name: str, fmt: str, data: bytes) -> Plan:
    """What importing the file would do, and every error in it; writes nothing."""
    kind = KINDS[kind_name]
    parsed = read(kind, fmt, data)
    with db.read() as s:
        return plan(kind, parsed, _stored(s, kind))


def _write(s: Session, kind: Kind, result: Plan) -> None:
    model = MODELS[kind.name]
    key_attr = kind.column(kind.key).attr
    stored = {getattr(obj, key_attr): obj for obj in _stored(s, kind)}
    for change in result.changes:
        if change.action == CREATE:
            s.add(model(**change.values))
        elif change.action == UPDATE:
            obj = stored[change.key]
            for attr, value in change.values.items():
                setattr(obj, attr, value)
    s.flush()


def run_import(
    db: Database, kind_name: str, fmt: str, data: bytes, actor: str, expect: str | None = None
) -> Plan:
    """Apply the file in one transaction; raises ImportRefused (nothing written) on any error,
    or when `expect` (the dry run's digest) no longer matches what would be written."""
    kind = KINDS[kind_name]
    parsed = read(kind, fmt, data)
    try:
        with acting_as(actor), db.write_lock(), db.session() as s:
            result = plan(kind, parsed, _stored(s, kind))
            if not result.ok:
                raise ImportRefused(result, HAS_ERRORS)
            if expect is not None and result.digest != expect:
                raise ImportRefused(result, STALE)
            _write(s, kind, result)
    except IntegrityError as exc:  # another import or edit got in first
        raise ImportRefused(Plan(kind.name), STALE) from exc
    return result
