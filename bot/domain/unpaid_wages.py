"""Unpaid wages added up from what the worker tells ("我每个月5千8 9月10月11月都没发": 3 months
of 5800元, 17400元), so the mediator and the worker see the sum the claim is about."""

from __future__ import annotations

import re

from bot.domain.severance import monthly_pay
from intents.numbers import NUM, format_number, parse_number

_UNPAID = re.compile(r"没发|没给|没拿到|没到手|欠|拖|不发|不给|一分都没|一分钱都没")
# "9月10月11月", "9月、10月和11月": the months named one by one
_MONTH = re.compile(r"(?<!\d)(1[0-2]|[1-9])\s*月(?!\s*[0-9一二三四五六七八九十]+\s*[号日])")
# "9月到11月", "从9月份到11月份"
_RANGE = re.compile(r"(1[0-2]|[1-9])\s*月份?\s*(?:到|至|-|~|—)\s*(1[0-2]|[1-9])\s*月份?")
# "三个月没发", "欠了我两个月工资"
_COUNT = re.compile(rf"(?P<n>{NUM})\s*个\s*月")
MAX_MONTHS = 36


def months_unpaid(text: str) -> tuple[int, str] | None:
    """How many months' pay the message says is unpaid, and how it named them."""
    value = text or ""
    if not _UNPAID.search(value):
        return None
    m = _RANGE.search(value)
    if m:
        first, last = int(m.group(1)), int(m.group(2))
        n = last - first + 1 if last >= first else last + 12 - first + 1
        return (n, f"{first}月到{last}月") if 0 < n <= 12 else None
    named = list(dict.fromkeys(int(x) for x in _MONTH.findall(value)))
    if len(named) >= 2:
        return len(named), "、".join(f"{x}月" for x in named)
    m = _COUNT.search(value)
    n = parse_number(m.group("n")) if m else None
    if n is not None and 0 < n <= MAX_MONTHS and n == int(n):
        return int(n), f"{int(n)}个月"
    if len(named) == 1:
        return 1, f"{named[0]}月"
    return None


def unpaid_text(text: str) -> str | None:
    """The unpaid sum worked out, when the message tells the monthly pay and the months."""
    pay, months = monthly_pay(text), months_unpaid(text)
    if pay is None or months is None:
        return None
    n, named = months
    total = format_number(pay * n)
    months_said = f"{named}没发" if named.endswith("个月") else f"{named}共{n}个月没发"
    return f"按您说的：每月{format_number(pay)}元，{months_said}，一共{total}元。"
