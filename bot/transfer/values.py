"""One cell's value checked and converted, whatever the file gave (YAML, CSV text, Excel cell).

Each checker returns the model value or raises Problem with a Chinese message for the admin.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import Any

from bot.domain.figures import unknown_keys

# kinds of problem, for callers that summarise (the seed loader's English messages)
REQUIRED, INVALID, DUPLICATE, CLASH, FILE = "required", "invalid", "duplicate", "clash", "file"

# list cells: one item per line, or separated by |; short lists (weekdays, keywords) also by
# 、 , ， — so an item may never contain the separators of its column
LINE_SEPARATORS = re.compile(r"[\n|]")
SHORT_SEPARATORS = re.compile(r"[\n|、,，]")
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
)
_TRUE = {"是", "启用", "true", "yes", "y", "1", "on"}
_FALSE = {"否", "停用", "禁用", "false", "no", "n", "0", "off"}


class Problem(ValueError):
    """A value the admin must fix; the message is Chinese and says how."""

    def __init__(self, message: str, kind: str = INVALID) -> None:
        super().__init__(message)
        self.kind = kind


def blank(value: Any) -> bool:
    """Nothing written in the cell (None, empty or only spaces)."""
    return value is None or (isinstance(value, str) and value.strip() == "")


def as_text(value: Any) -> str:
    """A cell as text: numbers without a trailing .0, Windows line ends unified, trimmed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        raise Problem("应为文字，不能是真/假值")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, Mapping | list | tuple):
        raise Problem("应为一段文字")
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def text(value: Any, max_len: int, required: bool) -> str:
    """Free text, trimmed; required text may not be blank."""
    result = as_text(value)
    if not result and required:
        raise Problem("不能为空", REQUIRED)
    if len(result) > max_len:
        raise Problem(f"不能超过 {max_len} 个字（现在 {len(result)} 个）")
    return result


def answer(value: Any, max_len: int) -> str:
    """An FAQ answer: required text whose {{figure:…}} placeholders name known local figures."""
    result = text(value, max_len, True)
    unknown = unknown_keys(result)
    if unknown:
        raise Problem(f"{{{{figure:{unknown[0]}}}}} 不是已有的地方数据项")
    return result


def pattern(value: Any, regex: re.Pattern[str], hint: str) -> str:
    """An identifier such as a course code or an FAQ id."""
    result = as_text(value)
    if not result:
        raise Problem("不能为空", REQUIRED)
    if not regex.match(result):
        raise Problem(hint)
    return result


def day(value: Any) -> date | None:
    """A date from a date cell or text like 2026-12-05, 2026/12/5 or 2026年12月5日."""
    if blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = unicodedata.normalize("NFKC", as_text(value))
    for regex in _DATE_PATTERNS:
        found = regex.match(raw)
        if found:
            try:
                return date(*(int(g) for g in found.groups()))
            except ValueError:
                break
    raise Problem(f"日期「{raw}」不对，应写成 2026-12-05 这样的日期")


def whole(value: Any, default: int | None) -> int | None:
    """A whole number ≥ 0 (a blank cell gives the column's default)."""
    if blank(value):
        return default
    if isinstance(value, bool):
        raise Problem("必须是不小于 0 的整数")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        raw = unicodedata.normalize("NFKC", value).strip()
        if not re.fullmatch(r"\d+", raw):
            raise Problem(f"「{value.strip()}」不是数字，必须是不小于 0 的整数")
        value = int(raw)
    if not isinstance(value, int) or value < 0:
        raise Problem("必须是不小于 0 的整数")
    return value


def items(value: Any, separators: re.Pattern[str], max_len: int) -> list[str]:
    """A list from a YAML list or a cell with one item per line (or | separated)."""
    if blank(value):
        return []
    if isinstance(value, list | tuple):
        parts = [as_text(v) for v in value]
        for part in parts:
            if separators.search(part):
                raise Problem(f"「{part}」里不能有分隔符（换行、| 等），请拆成几项")
    elif isinstance(value, str):
        parts = [p.strip() for p in separators.split(value.replace("\r\n", "\n"))]
    else:
        parts = [as_text(value)]
    parts = [p for p in parts if p]
    for part in parts:
        if len(part) > max_len:
            raise Problem(f"「{part[:20]}…」太长，每项不能超过 {max_len} 个字")
    return parts


def choice(value: Any, allowed: Mapping[str, str], default: str | None) -> str | None:
    """One of a fixed set; `allowed` maps every accepted spelling to the stored value."""
    if blank(value):
        return default
    raw = as_text(value)
    key = raw.lower() if raw.isascii() else raw
    if key not in allowed:
        shown = "、".join(dict.fromkeys(allowed.values()))
        raise Problem(f"「{raw}」不在可选范围内，应为：{shown}")
    return allowed[key]


def members(value: list[str], allowed: Sequence[str]) -> list[str]:
    """Every item of a list is one of `allowed` (weekdays)."""
    for part in value:
        if part not in allowed:
            raise Problem(f"「{part}」不对，应为 {'、'.join(allowed)}")
    return value


def flag(value: Any) -> bool | None:
    """是/否 (also true/false, 1/0, 启用/停用); blank means "not given"."""
    if blank(value):
        return None
    if isinstance(value, bool):
        return value
    raw = as_text(value).lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise Problem(f"「{as_text(value)}」不对，应填 是 或 否")
