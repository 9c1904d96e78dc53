"""SQL functions that PostgreSQL and SQLite spell differently, usable in any statement.

Each renders its own text per dialect (PostgreSQL by default, SQLite its own). Their
arguments are rendered as literals, never bind parameters, after a strict check: PostgreSQL
must see the very same expression in SELECT and GROUP BY.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from sqlalchemy import Date, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

_TZ_NAME = re.compile(r"^[A-Za-z0-9_+\-/]+$")
_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class Zone(Protocol):
    """A time zone by name, with its UTC offset for SQLite (which has no time-zone database)."""

    @property
    def tz(self) -> str: ...

    @property
    def offset_minutes(self) -> int: ...


class _PerDialect(FunctionElement):
    """A function with one text for PostgreSQL and one for SQLite, around a rendered column."""

    def postgresql(self, column: str) -> str:
        raise NotImplementedError

    def sqlite(self, column: str) -> str:
        raise NotImplementedError


@compiles(_PerDialect)
def _render(element: _PerDialect, compiler: Any, **kw: Any) -> str:
    column = compiler.process(element.clauses, **kw)
    if compiler.dialect.name == "sqlite":
        return element.sqlite(column)
    return element.postgresql(column)


class local_day(_PerDialect):  # noqa: N801 - used like a SQL function
    """The local calendar day, in `zone`, of a naive-UTC timestamp column."""

    type = Date()
    inherit_cache = False  # the zone is rendered into the SQL text: not cached

    def __init__(self, column: ColumnElement, zone: Zone) -> None:
        if not _TZ_NAME.match(zone.tz):
            raise ValueError(f"bad time zone name {zone.tz!r}")
        self.tz = zone.tz
        self.offset = zone.offset_minutes
        super().__init__(column)

    def postgresql(self, column: str) -> str:
        return f"CAST(timezone('{self.tz}', timezone('UTC', {column})) AS DATE)"

    def sqlite(self, column: str) -> str:
        return f"date({column}, '{self.offset:+d} minutes')"


class json_text(_PerDialect):  # noqa: N801 - used like a SQL function
    """A JSON column's text at a fixed key path (NULL when missing)."""

    type = String()
    inherit_cache = False  # the path is rendered into the SQL text: not cached

    def __init__(self, column: ColumnElement, *path: str) -> None:
        if not all(_KEY.match(key) for key in path):
            raise ValueError(f"bad JSON path {path!r}")
        self.path = path
        super().__init__(column)

    def postgresql(self, column: str) -> str:
        return f"({column} #>> '{{{','.join(self.path)}}}')"

    def sqlite(self, column: str) -> str:
        return f"json_extract({column}, '$.{'.'.join(self.path)}')"
