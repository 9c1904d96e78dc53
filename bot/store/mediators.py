"""The mediators list from YAML (data/mediators.yml), upserted by name and firm."""

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


def load_mediators(db: Database, path: Path) -> int:
    """Insert or update every mediator in the file; returns how many the file holds."""
    rows = _rows(path)
    with db.write_lock(), db.session() as s:
        existing = {(m.name, m.law_firm): m for m in s.scalars(select(Mediator)).all()}
        for row in rows:
            found = existing.get((row["name"], row["law_firm"]))
            if found is None:
                s.add(Mediator(**row))
            else:
                found.phone = row["phone"]
    return len(rows)
