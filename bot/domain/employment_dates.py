"""How long a job lasted, from the days the worker tells: "我是2021年12月1号进厂的", "今年3月1号
去的 上个月底10月31号走的", "去年旺季来的" — whole months, or a range when a season is told."""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.domain.severance import MAX_YEARS

# "我是2021年12月1号进厂的": the day the job began
_STARTED = re.compile(
    # ("我15年3月进的厂", "08年3月进厂的": the year in two digits)
    r"(?P<y>20\d{2}|19\d{2}|(?<!\d)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[号日])?"
    # ("2021年8月初才进的厂")
    r"(?:份|初|底|中旬)?(?:就|才)?(?:进厂|入职|进的|进公司|进单位|来的|开始上班|上班的|开始做|开始干"
    r"|进来|进去|过来)"
)


# "我是今年3月1号去的 上个月底10月31号走的": the first and the last day, the year said as
# 今年/去年 or not at all
# ("23年2月1号": the year said in two digits)
_DAY = r"(?:(?P<{p}y>20\d{{2}}|(?<!\d)[12]\d)\s*年|(?P<{p}rel>今年|去年|前年))?\s*(?P<{p}m>\d{{1,2}})\s*月(?:\s*(?P<{p}d>\d{{1,2}})\s*[号日])?"
_FROM_DAY = re.compile(
    _DAY.format(p="a")
    + r"(?:份)?(?:就)?(?:去的|进的|来的|进去的?|进来的?|过去的|过来的|进厂|入职|进公司|开始上班"
    r"|上班的|开始做|开始干|去上班"
    # "3月1号去上的班"
    r"|(?:去|来)?上的班)"
)
_TO_DAY = re.compile(
    r"(?:上个?月底|月底)?\s*"
    + _DAY.format(p="b")
    + r"(?:份)?(?:我|他|她)?(?:就)?(?:自己|主动)?(?:走的|走了|走人|离职|离开|辞职|辞的|辞工|不做了?|不干了?|没(?:做|干|上班|去)了|被辞|被开|满的|满了|到期"
    # ("她也跟我12月10号一起走": leaving on a day, with someone)
    r"|一起走|一路走"
    # "10月31号老板就喊我明天不要来了": the last day, the dismissal said after it
    r"|[^，,。\d]{0,6}?(?:喊|叫|让|要)我(?:明天|第二天)?(?:就)?(?:不要来|不用来|别来|莫来|走)"
    # "8月1号老板才喊我补签的合同", "合同是7月1号签的": the months without a contract end
    r"|[^，,。\d]{0,6}?补签|(?:才)?签(?:的|了)(?:合同)?(?=$|[\s，,。]|合同))"
)
# "合同上个月30号满的": a day of last month
_TO_LAST_MONTH = re.compile(
    r"上个?月\s*(?P<bd>\d{1,2})\s*[号日](?:就)?(?:走的|走了|离职|离开|辞职|不做了?|不干了?|满的|满了|到期)"
)
# "8月1号进去的 到11月底刚好4个月", "要是他一直拖到明年8月都不签呢": to a month (its end)
_TO_MONTH = re.compile(
    r"(?:到|做到|干到|上到)\s*(?:(?P<by>20\d{2})\s*年|(?P<brel>今年|去年|前年|明年))?"
    r"\s*(?P<bm>\d{1,2})\s*月(?P<end>底)?(?!\s*\d{1,2}\s*[号日])"
)
# "10月底走的": the end of the month left
_LEFT_MONTH_END = re.compile(
    r"(?:(?P<by>20\d{2})\s*年|(?P<brel>今年|去年|前年))?\s*(?P<bm>\d{1,2})\s*月(?P<end>底|末)(?:就)?"
    r"(?:走的|走了|离职|离开|辞职|辞的|辞工|不做了?|不干了?|没(?:做|干)了|被辞|被开|满的|满了|到期)"
)
_YEARS_BACK = {"今年": 0, "去年": 1, "前年": 2, "明年": -1}
# "合同也是这个月底到期", "这个月底就走了": the end of this month
_THIS_MONTH_END_LEFT = re.compile(
    r"(?:这个?|本)月底(?:就|也)?(?:合同)?(?:到期|走|离职|辞职|不做|不干|解除|满)"
    # "这个店月底关门 喊我们都走": the business closing at the month's end
    r"|月底(?:就|要)?(?:关门|倒闭|停业|不开了|散伙)"
)


def _day_of(m: re.Match[str], p: str, today: date) -> date | None:
    year = m.group(f"{p}y")
    rel = m.group(f"{p}rel")
    y = int(year) if year else today.year - _YEARS_BACK.get(rel or "今年", 0)
    y = 2000 + y if y < 100 else y
    month, day = int(m.group(f"{p}m")), int(m.groupdict().get(f"{p}d") or 1)
    try:
        return date(y, month, day)
    except ValueError:
        return None


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The last place `text` says it: several messages read together, the latest wins."""
    found = None
    for found in pattern.finditer(text or ""):  # noqa: B007 - the last one is kept
        pass
    return found


def told_until(text: str) -> bool:
    """The message names a month the job runs to ("拖到明年8月")."""
    return _TO_MONTH.search(text or "") is not None or _TO_DAY.search(text or "") is not None


def _last_month_day(day: int, today: date) -> date | None:
    first = date(today.year, today.month, 1) - timedelta(days=1)
    try:
        return date(first.year, first.month, day)
    except ValueError:
        return None


def _month_end(m: re.Match[str], today: date) -> date | None:
    first = _day_of(m, "b", today)  # (the month's first day: no day is told)
    if first is None:
        return None
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - timedelta(days=1)


def months_employed(text: str, today: date) -> int | None:
    """The whole months from the first day the message tells to the last (or to `today`
    when it tells no last day): "今年3月1号去的 10月31号走的" is 8 months. Several messages
    joined, oldest first: the latest first and last day they tell."""
    span = employed_span(text, today)
    return span[0] if span is not None else None


def _span(start: date, after: date) -> tuple[int, int] | None:
    """Whole months from `start` to the day `after` the last one counted, and the days left
    over beyond them (2025-12-01 to 2026-12-10: 12 months and 10 days)."""
    months = (after.year - start.year) * 12 + after.month - start.month
    months -= 1 if after.day < start.day else 0
    if not 0 <= months <= MAX_YEARS * 12:
        return None
    y, m = divmod(start.month - 1 + months, 12)
    anchor_year, anchor_month = start.year + y, m + 1
    last_day = (
        date(anchor_year + anchor_month // 12, anchor_month % 12 + 1, 1) - timedelta(days=1)
    ).day
    anchor = date(anchor_year, anchor_month, min(start.day, last_day))
    return months, max(0, (after - anchor).days)


def employed_span(text: str, today: date) -> tuple[int, int] | None:
    """`months_employed` with the days worked beyond the whole months (第四十七条: a remainder
    of under six months, days included, earns half a month)."""
    start_m = _last(_FROM_DAY, text)
    if start_m is None:
        return None
    start = _day_of(start_m, "a", today)
    end_m = _last(_TO_DAY, text)
    end = _day_of(end_m, "b", today) if end_m else today
    last = _last(_TO_LAST_MONTH, text)
    if last is not None and (end_m is None or last.start() > end_m.start()):
        end_m, end = last, _last_month_day(int(last.group("bd")), today)
    month_end = _last(_LEFT_MONTH_END, text)
    if month_end is not None and (end_m is None or month_end.start() > end_m.start()):
        end_m, end = month_end, _month_end(month_end, today)
    month = _last(_TO_MONTH, text)
    if month is not None and (end_m is None or month.start() > end_m.start()):
        # ("…10月31号就没干了" then "要是我一直没走 干到明年4月份呢": the latest end told)
        end_m = month
        end = _month_end(month, today) if month.group("end") else _day_of(month, "b", today)
    this_end = _last(_THIS_MONTH_END_LEFT, text)
    if this_end is not None and (end_m is None or this_end.start() > end_m.start()):
        end_m = this_end
        end = date(today.year + today.month // 12, today.month % 12 + 1, 1) - timedelta(days=1)
    if start is None or end is None:
        return None
    said_year = end_m.groupdict().get("by") or end_m.groupdict().get("brel") if end_m else None
    if end < start and end_m and not said_year:
        return None
    after = end + timedelta(days=1)  # the last day worked (or today, still working) counts
    span = _span(start, after)
    if span is None or end_m is None or not (start_m.group("ad") and end_m.groupdict().get("bd")):
        # (still working, or a month without its day: the whole months alone)
        return (span[0], 0) if span is not None else None
    return span


# "大概前年秋天进的厂 具体哪个月记不到了": a start told by its season, a range of months
_SEASON_START = re.compile(
    r"(?P<rel>今年|去年|前年)(?P<season>春天|夏天|秋天|冬天|年初|年底|上半年|下半年)"
    r"(?:份)?(?:就)?(?:进的|进厂|来的|入职|进去的?|进来的?|开始上班|去的)"
)
_SEASON_MONTHS = {
    "春天": (3, 5),
    "夏天": (6, 8),
    "秋天": (9, 11),
    "冬天": (12, 14),  # December to February, the next year's months counted on
    "年初": (1, 2),
    "年底": (11, 12),
    "上半年": (1, 6),
    "下半年": (7, 12),
}
# "这个月底就不开了": the end of this month
_THIS_MONTH_END = re.compile(r"这个?月底|月底就?(?:不开|关门|停|不做|不干|走)")


def months_employed_range(text: str, today: date) -> tuple[int, int] | None:
    """The fewest and most whole months worked when the start is told only by its season,
    to the end of this month when the message says so (else today)."""
    m = _SEASON_START.search(text or "")
    if m is None:
        return None
    year = today.year - _YEARS_BACK[m.group("rel")]
    first, last = _SEASON_MONTHS[m.group("season")]
    if _THIS_MONTH_END.search(text or ""):
        end = date(today.year + today.month // 12, today.month % 12 + 1, 1)  # the day after
    else:
        end = today
    counts = []
    for month in (first, last):
        y, mo = year + (month - 1) // 12, (month - 1) % 12 + 1
        counts.append((end.year - y) * 12 + end.month - mo - (1 if end.day < 1 else 0))
    low, high = min(counts), max(counts)
    return (low, high) if 0 <= low <= MAX_YEARS * 12 else None


def full_year(year: int, today: date) -> int:
    """A year told in two digits ("15年", "08年"): this century's, unless later than this year
    ("98年": the last century's); a year in four digits as it is."""
    if year >= 100:
        return year
    return year + (2000 if 2000 + year <= today.year else 1900)


def months_since_start(text: str, today: date) -> int | None:
    """The whole months from the day the message says the job began to `today`, or None."""
    span = since_start_span(text, today)
    return span[0] if span is not None else None


def since_start_span(text: str, today: date) -> tuple[int, int] | None:
    """`months_since_start` with the days beyond the whole months, when a last day is told."""
    m = _STARTED.search(text or "")
    if m is None:
        return None
    if told_until(text) or _THIS_MONTH_END_LEFT.search(text or ""):
        # "2024年6月15号进的 … 合同也是这个月底到期": to the last day told
        employed = employed_span(text, today)
        if employed is not None:
            return employed
    year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d") or 1)
    year = full_year(year, today)
    if not 1 <= month <= 12:
        return None
    try:
        start = date(year, month, day)
    except ValueError:
        return None
    after = today + timedelta(days=1)  # today, still working, counts
    span = _span(start, after)
    # (still working: the whole months, no days that change the answer from day to day)
    return (span[0], 0) if span is not None else None
