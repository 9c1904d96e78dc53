"""Persistence: SQLAlchemy models, the database handle and repositories."""

from bot.store.db import Database, SchemaNotCurrent

__all__ = ["Database", "SchemaNotCurrent"]
