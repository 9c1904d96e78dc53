"""Seed data: the course catalogue and the FAQ from YAML, upserted so reloading is always safe."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import func, select

from bot.store.db import Database
from bot.store.models import Course, FaqEntry

WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
TIMES_OF_DAY = ("上午", "下午", "晚上")
COURSE_STATUSES = ("open", "closed")
# codes and slugs travel in button payloads, which must stay under 64 bytes
_CODE = re.compile(r"^[A-Za-z0-9_-]{1,16}$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")


class SeedError(ValueError):
    """A seed file problem, naming the file and the entry."""


def _read(path: Path, key: str) -> list[dict[str, Any]]:
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise SeedError(f"{path}: cannot read: {exc}") from exc
    items = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(items, list):
        raise SeedError(f"{path}: expected a top-level `{key}:` list")
    return items


def _text(item: dict, key: str, where: str, max_len: int, required: bool = True) -> str:
    value = item.get(key)
    if value is None or str(value).strip() == "":
        if required:
            raise SeedError(f"{where}: `{key}` is required")
        return ""
    value = str(value).strip()
    if len(value) > max_len:
        raise SeedError(f"{where}: `{key}` is longer than {max_len} characters")
    return value


def _date(item: dict, key: str, where: str) -> date | None:
    value = item.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise SeedError(f"{where}: `{key}` must be a date like 2026-12-05") from exc


def _int(item: dict, key: str, where: str, default: int | None) -> int | None:
    value = item.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise SeedError(f"{where}: `{key}` must be a whole number ≥ 0")
    return value


def _strings(item: dict, key: str, where: str) -> list[str]:
    value = item.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise SeedError(f"{where}: `{key}` must be a list of texts")
    return [str(v).strip() for v in value if str(v).strip()]


def _course_fields(item: Any, n: int, path: Path) -> dict[str, Any]:
    """One course entry checked and converted to model fields."""
    if not isinstance(item, dict):
        raise SeedError(f"{path}: course #{n} is not a mapping")
    code = str(item.get("code") or "").strip()
    where = f"{path}: course #{n} ({code or 'no code'})"
    if not _CODE.match(code):
        raise SeedError(f"{where}: `code` must be 1-16 letters, digits, - or _")
    weekdays = _strings(item, "weekdays", where)
    bad = [w for w in weekdays if w not in WEEKDAYS]
    if bad:
        raise SeedError(f"{where}: unknown weekday {bad[0]!r} (use 周一 … 周日)")
    time_of_day = item.get("time_of_day") or None
    if time_of_day is not None and time_of_day not in TIMES_OF_DAY:
        raise SeedError(f"{where}: `time_of_day` must be one of {', '.join(TIMES_OF_DAY)}")
    status = str(item.get("status") or "open")
    if status not in COURSE_STATUSES:
        raise SeedError(f"{where}: `status` must be open or closed")
    start, end = _date(item, "start_date", where), _date(item, "end_date", where)
    if start and end and end < start:
        raise SeedError(f"{where}: `end_date` is before `start_date`")
    return {
        "code": code,
        "name": _text(item, "name", where, 64),
        "category": _text(item, "category", where, 16),
        "description": _text(item, "description", where, 2000, required=False),
        "start_date": start,
        "end_date": end,
        "weekdays": weekdays,
        "time_of_day": time_of_day,
        "time": _text(item, "time", where, 32, required=False) or None,
        "sessions": _int(item, "sessions", where, None),
        "venue": _text(item, "venue", where, 128, required=False),
        "capacity": _int(item, "capacity", where, 0),
        "fee": _int(item, "fee", where, 0),
        "status": status,
        "keywords": _strings(item, "keywords", where),
    }


def _faq_fields(item: Any, n: int, path: Path) -> dict[str, Any]:
    """One FAQ entry checked and converted to model fields."""
    if not isinstance(item, dict):
        raise SeedError(f"{path}: faq #{n} is not a mapping")
    slug = str(item.get("id") or "").strip()
    where = f"{path}: faq #{n} ({slug or 'no id'})"
    if not _SLUG.match(slug):
        raise SeedError(f"{where}: `id` must be 1-32 lowercase letters, digits, - or _")
    return {
        "slug": slug,
        "category": _text(item, "category", where, 32),
        "question": _text(item, "question", where, 200),
        "alternates": _strings(item, "alternates", where),
        "answer": _text(item, "answer", where, 5000),
        "source": _text(item, "source", where, 200),
        "effective_date": _date(item, "effective_date", where),
    }


def _checked(rows: list[dict[str, Any]], key: str, path: Path) -> list[dict[str, Any]]:
    seen: set[str] = set()
    for row in rows:
        if row[key] in seen:
            raise SeedError(f"{path}: {row[key]!r} appears twice")
        seen.add(row[key])
    return rows


def _upsert(db: Database, model: type, key: str, rows: list[dict[str, Any]]) -> int:
    with db.session() as s:
        existing = {getattr(o, key): o for o in s.scalars(select(model)).all()}
        for row in rows:
            obj = existing.get(row[key])
            if obj is None:
                s.add(model(**row))
                continue
            for field_name, value in row.items():
                if getattr(obj, field_name) != value:
                    setattr(obj, field_name, value)
        s.flush()
    return len(rows)


def load_courses(db: Database, path: Path) -> int:
    """Insert or update every course in the file by code; returns how many the file holds."""
    items = _read(path, "courses")
    rows = _checked([_course_fields(it, i, path) for i, it in enumerate(items, 1)], "code", path)
    return _upsert(db, Course, "code", rows)


def load_faq(db: Database, path: Path) -> int:
    """Insert or update every FAQ entry in the file by slug; returns how many the file holds."""
    items = _read(path, "faq")
    rows = _checked([_faq_fields(it, i, path) for i, it in enumerate(items, 1)], "slug", path)
    return _upsert(db, FaqEntry, "slug", rows)


def demo_is_loaded(db: Database) -> bool:
    """True when both the catalogue and the FAQ have entries."""
    with db.read() as s:
        courses = s.scalar(select(func.count(Course.id))) or 0
        faq = s.scalar(select(func.count(FaqEntry.id))) or 0
    return courses > 0 and faq > 0
