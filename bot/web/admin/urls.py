"""Ids and names in /admin URLs, checked before any admin view runs (from ConsoleAuth).

sqladmin turns a row's `pk` into the key column's type with int() and hands it to the
database; our own routes take ids too. "abc", "1.5", "²" made int() raise, a huge number
overflowed SQLite's or PostgreSQL's integer: a 500. Here every path parameter, and the
`pks` of sqladmin's delete, must name a possible record, else the admin gets sqladmin's
404 page (找不到这个页面或记录) and nothing runs; a NUL in the query string (PostgreSQL
refuses it in text) is a 400.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, String
from sqlalchemy import inspect as sa_inspect
from starlette.exceptions import HTTPException
from starlette.requests import Request

from bot.web.ids import parse_id

MAX_TEXT = 200  # identities, slugs, chart keys, column names: all far shorter


def _text_ok(value: str, limit: int = MAX_TEXT) -> bool:
    return 0 < len(value) <= limit and value.isprintable()


def pk_ok(model: Any, value: str) -> bool:
    """True when `value` could be the primary key of a row of `model` (one key column)."""
    keys = list(sa_inspect(model).primary_key)
    if len(keys) != 1:
        return False  # no view has a composite key; refuse rather than guess
    column_type = keys[0].type
    if isinstance(column_type, Integer):
        return parse_id(value) is not None
    if isinstance(column_type, String):
        return _text_ok(value, column_type.length or MAX_TEXT)
    return False


def check_admin_url(request: Request) -> None:
    """Raise a 404 (or 400) HTTPException unless every id in the URL can name a record."""
    params = request.path_params
    models: dict[str, Any] = getattr(request.app.state, "admin_models", {})
    model = models.get(params.get("identity"))
    for name, value in params.items():
        if isinstance(value, int):  # a {name:id} route parameter
            ok = parse_id(value) is not None
        elif name == "pk" and model is not None:
            ok = pk_ok(model, value)
        else:  # identity, slug, key, column_name, export_type (unknown ones sqladmin 404s)
            ok = isinstance(value, str) and _text_ok(value)
        if not ok:
            raise HTTPException(status_code=404)
    query = request.query_params
    if any("\x00" in key or "\x00" in value for key, value in query.multi_items()):
        raise HTTPException(status_code=400, detail="请求里有无效的字符。")
    if model is not None and "pks" in query:
        if not all(pk_ok(model, pk) for pk in query["pks"].split(",")):
            raise HTTPException(status_code=404)
