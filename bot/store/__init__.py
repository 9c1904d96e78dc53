"""Persistence: SQLAlchemy models, the database handle and repositories."""

from bot.store import audit  # noqa: F401 - registers the FAQ history / version-stamp hooks
from bot.store.db import Database, SchemaNotCurrent

__all__ = ["Database", "SchemaNotCurrent"]
