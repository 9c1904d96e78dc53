"""The public holidays' own days and the rest days moved around them in a long break
(《全国年节及纪念日放假办法》第二条, as revised, in force from 2025-01-01): which days of a break
worked are paid at 300 % and which at 200 % (bot/domain/overtime_pay.py asks these)."""

from __future__ import annotations

import re

from intents.numbers import format_number

SOURCE = "《劳动法》第四十四条；《工资支付暂行规定》第十三条"
MONTHLY_SOURCE = "；《关于职工全年月平均工作时间和工资折算问题的通知》"
# "国庆1号到3号", "1号到3号": a range of days of the month
DATE_RANGE = re.compile(r"(?P<a>\d{1,2})\s*(?:号|日)\s*(?:到|至|-|~)\s*(?P<b>\d{1,2})\s*(?:号|日)")


def money(value: float) -> str:
    return format_number(round(value, 2))


# 《全国年节及纪念日放假办法》第二条 (as revised, in force from 2025-01-01): the public holidays'
# own days; the rest of a long break is rest days moved around them
_STATUTORY = {
    "国庆": (3, "10月1日、2日、3日"),
    "春节": (4, "农历除夕、正月初一至初三"),
    "过年": (4, "农历除夕、正月初一至初三"),
    "劳动节": (2, "5月1日、2日"),
    "五一": (2, "5月1日、2日"),
    "元旦": (1, "1月1日"),
    "清明": (1, "清明节当天"),
    "端午": (1, "端午节当天"),
    "中秋": (1, "中秋节当天"),
}
HOLIDAYS_SOURCE = "；《全国年节及纪念日放假办法》第二条"


def named_holiday(text: str) -> tuple[str, int, str] | None:
    """The public holiday the message names, with its own days and dates."""
    for name, (days, when) in _STATUTORY.items():
        if name in text:
            return name, days, when
    if _LUNAR.search(text or ""):
        # "除夕到初三都上了": the Spring Festival's days by their lunar names
        return "春节", *_STATUTORY["春节"]
    return None


# the holidays with fixed dates in the solar calendar, and those dates (day of the month)
_FIXED_DATES = {"国庆": {1, 2, 3}, "劳动节": {1, 2}, "五一": {1, 2}, "元旦": {1}}
_DAY_NUMS = re.compile(r"(?<![\d月])(?:\d{1,2}月)?(\d{1,2})\s*[号日]")


# the Spring Festival's days by the lunar calendar: 除夕 and 初一 to 初三 are its own
_LUNAR_DAYS = {
    "除夕": 0,
    "初一": 1,
    "初二": 2,
    "初三": 3,
    "初四": 4,
    "初五": 5,
    "初六": 6,
    "初七": 7,
    "初八": 8,
}
_LUNAR = re.compile("|".join(_LUNAR_DAYS))
_LUNAR_RANGE = re.compile(
    # ("从除夕一直上到初六": the days between worked too)
    rf"(?P<a>{'|'.join(_LUNAR_DAYS)})\s*(?:到|至|-|~|一直到|一直上到|一直干到|一直做到|上到|干到|做到)\s*"
    rf"(?P<b>{'|'.join(_LUNAR_DAYS)})"
)


def range_told(text: str) -> bool:
    """The message tells a range of days ("1号到7号", "除夕到初三")."""
    return bool(DATE_RANGE.search(text or "") or _LUNAR_RANGE.search(text or ""))


# "4号5号也莫得补休": days said again, as part of what was told before
_ALSO = re.compile(r"也|都|同样|一样")


def part_of_range_told(dates: str, text: str) -> bool:
    """The days `dates` names ("4号5号也莫得补休") lie inside a longer range told in `text`
    (the messages joined: "国庆节我1号到5号都在上班"): a detail of those days, not the only ones."""
    span = DATE_RANGE.search(text)
    if not _ALSO.search(dates) or span is None or DATE_RANGE.search(dates):
        return False
    days = {int(n) for n in _DAY_NUMS.findall(dates)}
    first, last = int(span.group("a")), int(span.group("b"))
    return bool(days) and all(first <= d <= last for d in days) and len(days) < last - first + 1


def dated_set(named: tuple[str, int, str] | None, text: str) -> set[int] | None:
    """The days of a holiday's break a message lists by their dates ("1号2号3号", "4号到7号",
    "初四初五": lunar days counted from 除夕 as 0), and the holiday's own days among such
    numbers; None when it lists none or the holiday has no dates."""
    if named is not None and named[0] in ("春节", "过年"):
        lunar = {_LUNAR_DAYS[m] for m in _LUNAR.findall(text)}
        if not lunar:
            return None
        # "除夕到初三": every day of the range ("初一到初三 … 初四到初六": of each range)
        for span in _LUNAR_RANGE.finditer(text):
            first, last = _LUNAR_DAYS[span.group("a")], _LUNAR_DAYS[span.group("b")]
            lunar |= set(range(first, last + 1))
        return lunar
    if named is None or named[0] not in _FIXED_DATES:
        return None
    span = DATE_RANGE.search(text)
    if span and 0 <= int(span.group("b")) - int(span.group("a")) < 10:
        # "国庆1号到3号": every day of the range
        days = set(range(int(span.group("a")), int(span.group("b")) + 1))
    else:
        days = {int(n) for n in _DAY_NUMS.findall(text)}
    return {d for d in days if 1 <= d <= 8} or None


def own_dates(named: tuple[str, int, str]) -> set[int]:
    """The holiday's own days, as dated_set numbers them."""
    return {0, 1, 2, 3} if named[0] in ("春节", "过年") else _FIXED_DATES.get(named[0], set())


def dated_days(named: tuple[str, int, str] | None, text: str) -> tuple[int, int] | None:
    """(the holiday's own days, the other days of its break) among the dates a message lists
    ("1号2号3号", "4号5号", "初四初五"), for a holiday with fixed dates; None when it lists
    none."""
    days = dated_set(named, text)
    if days is None or named is None:
        return None
    own = len(days & own_dates(named))
    return own, len(days) - own


def split_sum(
    named: tuple[str, int, str], own: int, moved: int, daily: float, base: str, monthly: bool
) -> str:
    """The holiday's own days at 300 %, the moved rest days of its break at 200 %."""
    name, _, when = named
    lines = [f"按您说的：{name}期间上了{own + moved}天班，日工资{money(daily)}元。"]
    if base:
        lines.append(base)
    total = 0.0
    if own:
        total += daily * 3 * own
        lines.append(
            f"法定节假日（{when}）{own}天，不低于日工资的300%：{money(daily)}×300%×{own}"
            f"={money(daily * 3 * own)}元，不能用补休抵；"
        )
    if moved:
        total += daily * 2 * moved
        lines.append(
            f"{'其余' if own else '这'}{moved}天是{name}长假里调休的休息日，没安排补休的不低于200%："
            f"{money(daily)}×200%×{moved}"
            f"={money(daily * 2 * moved)}元；"
        )
    if own and moved:
        lines.append(f"合计{money(total)}元，都在正常工资以外另给。")
    lines.append(
        "工资基数按劳动合同约定的本人工资算，不能拿很低的底薪当基数；少给的可以找劳动保障监察投诉或申请仲裁。"
    )
    lines.append(f"依据：{SOURCE}{MONTHLY_SOURCE if monthly else ''}{HOLIDAYS_SOURCE}")
    return "\n".join(lines)


def long_break_sum(
    named: tuple[str, int, str], days: float, daily: float, base: str, monthly: bool
) -> str:
    """A long break worked through: the holiday's own days at 300 %, the moved rest days at
    200 % (when no time off is given in lieu)."""
    name, own, when = named
    rest = days - own
    holiday_sum, rest_sum = daily * 3 * own, daily * 2 * rest
    lines = [f"按您说的：{name}期间上了{format_number(days)}天班，日工资{money(daily)}元。"]
    if base:
        lines.append(base)
    lines += [
        f"{name}的法定节假日只有{own}天（{when}），不低于日工资的300%：{money(daily)}×300%×{own}"
        f"={money(holiday_sum)}元，不能用补休抵；",
        f"其余{format_number(rest)}天是调休出来的休息日，没安排补休的不低于200%：{money(daily)}×200%×"
        f"{format_number(rest)}={money(rest_sum)}元；",
        f"合计{money(holiday_sum + rest_sum)}元，都在正常工资以外另给。",
        "工资基数按劳动合同约定的本人工资算，不能拿很低的底薪当基数；少给的可以找劳动保障监察投诉或申请仲裁。",
        f"依据：{SOURCE}{MONTHLY_SOURCE if monthly else ''}{HOLIDAYS_SOURCE}",
    ]
    return "\n".join(lines)
