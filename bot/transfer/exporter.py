"""Every FAQ entry or course as a YAML, CSV or Excel file that imports back unchanged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from bot.store.db import Database
from bot.transfer.columns import KINDS
from bot.transfer.formats import MEDIA_TYPES, export_names, write
from bot.transfer.importer import MODELS


@dataclass(frozen=True)
class Download:
    """A file to hand to the admin: its bytes, name, ASCII fallback name and media type."""

    data: bytes
    filename: str
    fallback: str
    media_type: str


def export(db: Database, kind_name: str, fmt: str, today: date) -> Download:
    """All entries of the kind, oldest first, with Chinese headers in CSV and Excel."""
    kind = KINDS[kind_name]
    model = MODELS[kind_name]
    with db.read() as s:
        entries = [
            {col.attr: getattr(obj, col.attr) for col in kind.columns}
            for obj in s.scalars(select(model).order_by(model.id)).all()
        ]
    name, fallback = export_names(kind, fmt, today)
    return Download(write(kind, fmt, entries, today), name, fallback, MEDIA_TYPES[fmt])
