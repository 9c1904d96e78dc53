"""Record ids in URLs and forms: what a valid one looks like, and the `{name:id}` convertor.

Every table's integer key is an INTEGER (32-bit) on PostgreSQL, so an id is 1 to 2^31-1 in
plain ASCII digits without a sign or leading zeros. Anything else ("abc", "-1", "1.5", "²",
a full-width "１", a 10,000-digit number) names no record: callers answer 404, never pass it
to int() or to the database (SQLite overflows past 2^63, PostgreSQL past 2^31).
"""

from __future__ import annotations

import re

from starlette.convertors import Convertor, register_url_convertor

MAX_ID = 2**31 - 1
_ID = re.compile(r"[1-9][0-9]{0,9}")  # [0-9] is ASCII only, unlike str.isdigit()


def parse_id(value: object) -> int | None:
    """The id this text (or int) names, or None when it cannot name a record."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _ID.fullmatch(value):
        number = int(value)
    else:
        return None
    return number if 1 <= number <= MAX_ID else None


class IdConvertor(Convertor[int]):
    """`{name:id}` in a route: at most 10 ASCII digits (Starlette's `int` takes any number
    of digits, and int() of 4,300 or more raises inside the router: a 500). The range is
    checked by the admin's guard (bot/web/admin/urls.py) with parse_id."""

    regex = "[0-9]{1,10}"

    def convert(self, value: str) -> int:
        return int(value)

    def to_string(self, value: int) -> str:
        return str(value)


register_url_convertor("id", IdConvertor())
