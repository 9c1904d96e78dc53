"""Date extraction (absolute and relative Chinese expressions) resolved to ISO dates."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from intents.numbers import NUM, parse_number
from intents.patterns import Candidate

_SMALL = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_YEAR = r"(?:\d{4}|[零〇一二三四五六七八九]{4})"
_DAY_WORDS = {
    "大前天": -3,
    "前天": -2,
    "昨天": -1,
    "昨日": -1,
    "昨儿": -1,
    "今天": 0,
    "今日": 0,
    "今儿": 0,
    "明天": 1,
    "明日": 1,
    "明儿": 1,
    "后天": 2,
    "大后天": 3,
}
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 5}
_WEEK_SHIFT = {"上上": -2, "上": -1, "这": 0, "本": 0, "下": 1, "下下": 2}
_MONTH_SHIFT = {"上个月": -1, "上月": -1, "这个月": 0, "本月": 0, "下个月": 1, "下月": 1}
_YEAR_SHIFT = {"前年": -2, "去年": -1, "今年": 0, "明年": 1}

_FULL = re.compile(
    rf"(?:(?P<year>{_YEAR})年|(?P<ryear>前年|去年|今年|明年))?"
    rf"(?P<month>{_SMALL})月(?:(?P<day>{_SMALL})(?:日|号)|(?P<fen>份))?"
)
_NUMERIC = re.compile(r"(?<!\d)(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)")
_REL_MONTH = re.compile(
    r"(?P<rel>上个月|上月|这个月|本月|下个月|下月)(?:(?P<day>" + _SMALL + r")(?:日|号))?"
)
_REL_DAY = re.compile("|".join(sorted(_DAY_WORDS, key=len, reverse=True)))
_REL_WEEK = re.compile(
    r"(?<![早晚马])(?P<rel>上上|上|这|本|下下|下)个?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天末1-7])?"
)
_AGO = re.compile(
    rf"(?P<num>(?>{NUM})|半)\s*(?P<ge>个)?(?P<unit>天|周|星期|礼拜|月|年)(?:以前|之前|前)"
)


def _number(text: str) -> int | None:
    """Integer value of a small Arabic/Chinese numeral, or None."""
    value = parse_number(text)
    return int(value) if value is not None and value == int(value) else None


def _shift_months(day: date, months: int) -> date:
    """Same day-of-month `months` later (clamped to the month's length)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _make(year: int, month: int, day: int) -> date | None:
    """A date, or None when the parts do not form one."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full_dates(text: str, today: date) -> list[tuple[int, int, date]]:
    """2026年3月5日, 3月5号, 去年12月1号, 3月份, and 2026-03-05 / 2026.3.5."""
    out = []
    for m in _FULL.finditer(text):
        if not (m.group("day") or m.group("fen") or m.group("year") or m.group("ryear")):
            continue  # a bare "3月" is too ambiguous
        month = _number(m.group("month"))
        day = _number(m.group("day")) if m.group("day") else 1
        if month is None or day is None:
            continue
        if m.group("year"):
            year = _number(m.group("year"))
        elif m.group("ryear"):
            year = today.year + _YEAR_SHIFT[m.group("ryear")]
        else:
            year = today.year
            found = _make(year, month, day)
            # no year given: prefer the past unless the date is within a month from now
            if found is not None and found > today + timedelta(days=31):
                year -= 1
        found = _make(year, month, day) if year else None
        if found:
            out.append((m.start(), m.end(), found))
    for m in _NUMERIC.finditer(text):
        found = _make(int(m.group("year")), int(m.group("month")), int(m.group("day")))
        if found:
            out.append((m.start(), m.end(), found))
    return out


def _relative_dates(text: str, today: date) -> list[tuple[int, int, date]]:
    """昨天, 上周五, 上个月(5号), 三天前, 半年前 — resolved against `today`."""
    out: list[tuple[int, int, date]] = []
    for m in _REL_DAY.finditer(text):
        out.append((m.start(), m.end(), today + timedelta(days=_DAY_WORDS[m.group(0)])))
    monday = today - timedelta(days=today.weekday())
    for m in _REL_WEEK.finditer(text):
        wd = m.group("wd")
        if wd == "末" and _WEEK_SHIFT[m.group("rel")] >= 0:
            continue  # 这周末 / 下周末 are left to the weekday entity (周末)
        offset = int(wd) - 1 if wd and wd.isdigit() else _WEEKDAYS.get(wd or "一", 0)
        if offset > 6:
            continue
        start = monday + timedelta(weeks=_WEEK_SHIFT[m.group("rel")], days=offset)
        out.append((m.start(), m.end(), start))
    for m in _REL_MONTH.finditer(text):
        first = _shift_months(today.replace(day=1), _MONTH_SHIFT[m.group("rel")])
        day = _number(m.group("day")) if m.group("day") else 1
        found = _make(first.year, first.month, day) if day else None
        if found:
            out.append((m.start(), m.end(), found))
    for m in _AGO.finditer(text):
        raw, unit = m.group("num"), m.group("unit")
        if unit == "月" and not m.group("ge"):
            continue
        value = 0.5 if raw == "半" else parse_number(raw)
        if value is None or value <= 0 or value > 1000:
            continue
        if unit == "天":
            found = today - timedelta(days=round(value))
        elif unit in ("周", "星期", "礼拜"):
            found = today - timedelta(days=round(value * 7))
        elif unit == "月":
            found = _month_or_days_back(today, value)
        else:
            found = _month_or_days_back(today, value * 12)
        out.append((m.start(), m.end(), found))
    return out


def _month_or_days_back(today: date, months: float) -> date:
    """`months` months before today; a half month counts as 15 days."""
    whole = int(months)
    back = _shift_months(today, -whole)
    return back - timedelta(days=15) if months - whole >= 0.5 else back


def find_dates(text: str, today: date) -> list[Candidate]:
    """All date candidates in folded text, as ISO strings."""
    found = _full_dates(text, today) + _relative_dates(text, today)
    return [Candidate(s, e, "date", d.isoformat(), "rule", 0) for s, e, d in found]
