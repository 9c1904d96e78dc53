"""The mediators list from YAML (data/mediators.yml), upserted by name and firm, or only the
ones not stored added (a new release's, leaving the phones admins have changed)."""

from __future__ import annotations

from pathlib import Path

import yaml
from sqlalchemy import select

from bot.core.yamlfile import read_yaml
from bot.store.db import Database
from bot.store.models import Mediator


class MediatorFileError(ValueError):
    """A mediators file problem, naming the file and the entry."""


def _rows(path: Path) -> list[dict[str, str]]:
    try:
        raw = read_yaml(path) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise MediatorFileError(f"{path}: cannot read: {exc}") from exc
    items = raw.get("mediators") if isinstance(raw, dict) else None
    if not isinstance(items, list):
        raise MediatorFileError(f"{path}: expected a top-level `mediators:` list")
    rows = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            raise MediatorFileError(f"{path}: mediator #{n} needs a `name`")
        row = {k: str(item.get(k) or "").strip() for k in ("name", "law_firm", "phone")}
        if len(row["name"]) > 64 or len(row["law_firm"]) > 128 or len(row["phone"]) > 20:
            raise MediatorFileError(f"{path}: mediator #{n} has a field that is too long")
        rows.append(row)
    return rows


def _save(db: Database, rows: list[dict[str, str]], only_new: bool) -> int:
    """Add the mediators not stored and (unless only_new) update the others; returns added."""
    added = 0
    with db.write_lock(), db.session() as s:
        existing = {(m.name, m.law_firm): m for m in s.scalars(select(Mediator)).all()}
        for row in rows:
            key = (row["name"], row["law_firm"])
            found = existing.get(key)
            if found is None:
                existing[key] = Mediator(**row)  # a name repeated in the file is added once
                s.add(existing[key])
                added += 1
            elif not only_new:
                found.phone = row["phone"]
    return added


def load_mediators(db: Database, path: Path) -> int:
    """Insert or update every mediator in the file; returns how many the file holds."""
    rows = _rows(path)
    _save(db, rows, only_new=False)
    return len(rows)


def add_missing_mediators(db: Database, path: Path) -> tuple[int, int]:
    """Add the file's mediators not stored, leaving stored ones as they are: (added, kept)."""
    rows = _rows(path)
    added = _save(db, rows, only_new=True)
    return added, len(rows) - added
