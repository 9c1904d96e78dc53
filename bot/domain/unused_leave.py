"""The pay for annual leave not taken by someone leaving this year, worked out from the years
worked in all, the monthly pay and today's date: "我工作了3年 … 今年还没休就要离职了" then "我月
工资5000" is answered with the days due so far this year and what they are worth.

《企业职工带薪年休假实施办法》第十二条: leaving during the year, the days due are the calendar
days worked this year ÷ 365 × the year's days, whole days only, less what was taken;
第十条, 第十一条: each unused day is paid at 300 % of the daily pay, the 100 % already in the
salary included, so 200 % more; the daily pay is the monthly pay (the last twelve months'
average, overtime pay left out) ÷ 21.75. 《职工带薪年休假条例》第三条: 5/10/15 days a year.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from bot.domain.annual_leave import days_a_year
from intents.numbers import NUM, format_number, parse_number

SOURCE = (
    "《职工带薪年休假条例》第三条、第五条；《企业职工带薪年休假实施办法》第十条、第十一条、第十二条"
)
WORK_DAYS_A_MONTH = 21.75


def days_due(year_days: int, today: date) -> int:
    """Whole days of annual leave due for the part of this year worked up to `today`."""
    passed = (today - date(today.year, 1, 1)).days + 1
    length = (date(today.year + 1, 1, 1) - date(today.year, 1, 1)).days
    return math.floor(passed / length * year_days)


# "做到11月30号", "11月30号就不做了": the last day told
_LAST_DAY = re.compile(
    r"(?:做到|干到|上到|上班到|待到)\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[号日]"
    # ("我11月30号从公司离职了")
    r"|(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*[号日](?:就)?(?:从[^，,。\s]{1,8})?(?:走|离职|辞职|不做|不干)"
    # "我上个月30号走的": a day of last month
    r"|上个?月\s*(?P<d3>\d{1,2})\s*[号日](?:就)?(?:走|离职|辞职|不做|不干)"
    # "我这个月15号就辞职走了": a day of this month
    r"|(?:这个?月|本月)\s*(?P<d4>\d{1,2})\s*[号日](?:就)?(?:走|离职|辞职|不做|不干)"
    # "我月底就辞职了", "这个月底走": the end of this month
    r"|(?P<end6>(?:这个?月|本月)?月底)(?:就)?(?:要)?(?:走|离职|辞职|不做|不干)"
    # "明年3月底就不做了", "明年5月10号走": a day of next year
    r"|明年\s*(?P<m5>\d{1,2})\s*月(?:份)?\s*(?:(?P<d5>\d{1,2})\s*[号日]|(?P<part5>底|末|初|中旬|中|份))?"
    r"(?:就)?(?:走|离职|辞职|不做|不干)"
    # "最后一天是9月30号", "最后一天上班是9月30号"
    r"|最后一天(?:上班|是|上班是|上到|做到)*\s*(?P<m6>\d{1,2})\s*月\s*(?P<d6>\d{1,2})\s*[号日]"
    # "我9月底从公司离职了": a month's end
    r"|(?P<m7>\d{1,2})\s*月(?:底|末)(?:就)?(?:从[^，,。\s]{1,8})?(?:走|离职|辞职|不做|不干)"
)
# "今年只休了3天", "已经休了两天": the days already taken this year
_TAKEN = re.compile(rf"(?:今年)?(?:只|已经|才|一共)?休(?:过了?|了)\s*(?P<n>{NUM})\s*天")


def days_taken(text: str) -> int | None:
    m = _TAKEN.search(text or "")
    value = parse_number(m.group("n")) if m else None
    return (
        int(value) if value is not None and 0 < value <= MAX_DAYS and value == int(value) else None
    )


def last_day(text: str, today: date) -> date | None:
    """The day the worker says they leave, this year (or next year, said so)."""
    found = list(_LAST_DAY.finditer(text or ""))
    # (a day told wins over "月底": "我这个月底就不做了 做到11月30号")
    m = next((f for f in found if not f.group("end6")), found[0] if found else None)
    if m is None:
        return None
    if m.group("m5"):
        month, year = int(m.group("m5")), today.year + 1
        if not 1 <= month <= 12:
            return None
        end = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)).day
        part = m.group("part5") or ""
        day = (
            int(m.group("d5")) if m.group("d5") else {"初": 1, "中": 15, "中旬": 15}.get(part, end)
        )
        try:
            return date(year, month, day)
        except ValueError:
            return None
    if m.group("end6"):
        return date(today.year + (today.month == 12), today.month % 12 + 1, 1) - timedelta(days=1)
    if m.group("d4"):
        try:
            return date(today.year, today.month, int(m.group("d4")))
        except ValueError:
            return None
    if m.group("d3"):
        end = date(today.year, today.month, 1) - timedelta(days=1)
        try:
            return date(end.year, end.month, int(m.group("d3")))
        except ValueError:
            return None
    if m.group("m7"):
        month = int(m.group("m7"))
        if not 1 <= month <= 12:
            return None
        return date(today.year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    try:
        return date(
            today.year,
            int(m.group("m") or m.group("m2") or m.group("m6")),
            int(m.group("d") or m.group("d2") or m.group("d6")),
        )
    except ValueError:
        return None


def _days_left(
    months_in_all: int, today: date, leaving: date | None, taken: int | None
) -> tuple[int, int, int, str] | None:
    """(the year's days, the days due to the last day, those left once the days taken are
    counted, how the day is said), or None before the first full year of work."""
    year_days = days_a_year(months_in_all)
    if year_days == 0:
        return None
    day = leaving or today
    due = days_due(year_days, day)
    year = "明年" if day.year > today.year else "今年"
    when = f"按{day.month}月{day.day}日" if leaving else f"按今天（{day.month}月{day.day}日）"
    # ("按明年3月31日离职、明年已过的天数折算")
    when = f"按明年{day.month}月{day.day}日" if year == "明年" else when
    # ("319÷365×5≈4.37天": the share of the year shown, so a whole day dropped is seen)
    passed = (day - date(day.year, 1, 1)).days + 1
    length = (date(day.year + 1, 1, 1) - date(day.year, 1, 1)).days
    share = f"{passed}÷{length}×{year_days}≈{passed / length * year_days:.2f}天"
    return (
        year_days,
        due,
        max(due - (taken or 0), 0),
        f"{when}离职、{year}已过的天数折算（{share}）",
    )


def unused_days_text(
    months_in_all: int, today: date, leaving: date | None, taken: int | None
) -> str | None:
    """The days of this year's leave due up to the last day (or today), less those taken."""
    counted = _days_left(months_in_all, today, leaving, taken)
    if counted is None:
        return None
    year_days, due, left, when = counted
    less = f"，减去已经休的{taken}天，还有{left}天没休" if taken else ""
    return "\n".join(
        [
            f"按您说的：累计工作满{months_in_all // 12}年，每年应休{year_days}天；"
            f"{when}，应休{due}天{less}。",
            "没休的每天按日工资的300%补（正常工资已发，每天再补2倍）；告诉我月工资，我帮您算出钱数。",
            f"依据：{SOURCE}",
        ]
    )


def unused_leave_text(
    months_in_all: int,
    monthly: float,
    today: date,
    leaving: date | None = None,
    taken: int | None = None,
    years_told: bool = True,
    days_named: int | None = None,
) -> str | None:
    """What the annual leave not taken this year is worth to a worker leaving now (or on the
    day `leaving` told), or None before the first full year of work; `years_told`: False when
    the year's days were told instead of the years worked ("今年年假5天"); `days_named`: the
    days the worker asks about ("5天都没休的话"): when they are the whole year's and no last
    day was told, the whole year's sum comes first (what leaving at the year's end brings)."""
    counted = _days_left(months_in_all, today, leaving, taken)
    if counted is None:
        return None
    year_days, due, left, when = counted
    daily = monthly / WORK_DAYS_A_MONTH
    extra = left * daily * 2
    owed = f"减去已经休的{taken}天，还有{left}天没休。" if taken else ""
    years = f"累计工作满{months_in_all // 12}年，" if years_told else ""
    whole = []
    if days_named == year_days and leaving is None and not taken and due < year_days:
        whole = [
            f"按全年{year_days}天都没休算：{year_days}×{format_number(round(daily, 2))}×200%"
            f"≈{format_number(round(year_days * daily * 2, 2))}元（做到年底再走就是这个数）。"
            "提前走的，按离职那天折算："
        ]
    return "\n".join(
        [
            *whole,
            f"按您说的：{years}每年应休{year_days}天；"
            f"{when}，"
            f"应休{due}天（不足1天的不算；离职日不同的按那天算）。{owed}",
            f"日工资={format_number(monthly)}÷21.75≈{format_number(round(daily, 2))}元；"
            f"没休的每天再补2倍：{left}×{format_number(round(daily, 2))}×200%"
            f"≈{format_number(round(extra, 2))}元。",
            "今年已经休过的天数要减掉；月工资按离职前12个月的平均工资算，加班费不算在内。"
            "在本单位今年入职的，从入职那天起算。单位不给的，可以申请劳动仲裁。",
            f"依据：{SOURCE}",
        ]
    )


# "这10天都没休的话": the days of annual leave not taken, told
_DAYS_NOT_TAKEN = re.compile(rf"(?P<n>{NUM})\s*天")
MAX_DAYS = 15


# "一天都没休到": not a count of one day, none of them
_NONE_TAKEN = re.compile(r"一天(?:年假|年休假)?(?:都|也)(?:没|不|莫)|一天没休")


# "今年那5天一天都没休", "我去年5天一天都没休": the days named, none of them taken
_THOSE_DAYS = re.compile(
    # ("今年一天都没休": no count of days, none taken)
    rf"(?:那|这|(?:去年|今年|年假)(?!\s*一\s*天))\s*(?P<n>{NUM})\s*天[^，,。]{{0,3}}(?:一天(?:都|也)(?:没|不|莫)|都没|全没)"
)


def days_not_taken(text: str) -> int | None:
    those = _THOSE_DAYS.search(text or "")
    if those:
        value = parse_number(those.group("n"))
        if value and 0 < value <= MAX_DAYS and value == int(value):
            return int(value)
    if _NONE_TAKEN.search(text or ""):
        return None
    m = _DAYS_NOT_TAKEN.search(text or "")
    value = parse_number(m.group("n")) if m else None
    return int(value) if value and 0 < value <= MAX_DAYS and value == int(value) else None


def days_left_text(due: int, taken: int) -> str:
    """This year's days less those taken."""
    return "\n".join(
        [
            f"按您说的，今年应休{due}天，已经休了{taken}天，还剩{due - taken}天。",
            "剩下的由单位在年内统筹安排（工作需要也可以跨1个年度安排）；单位不安排休的，每天按日工资的"
            "300%补（正常工资已经发了，每天再补2倍），你自己书面提出不休的除外。",
            f"依据：{SOURCE}",
        ]
    )


def unpaid_days_only_text(days: int) -> str:
    """The days not taken, before the pay is told."""
    return "\n".join(
        [
            f"按您说的，应休的{days}天年假单位不安排休的，每天要按日工资的300%补"
            "（正常工资已经发了，每天再补2倍）；你自己书面提出不休的除外。",
            "告诉我月工资，我帮您算出钱数。单位不给的，可以向劳动保障监察投诉（12333）或申请劳动仲裁。",
            f"依据：{SOURCE}",
        ]
    )


def unpaid_days_text(days: int, monthly: float) -> str:
    """What `days` of annual leave the employer did not let the worker take are worth."""
    daily = monthly / WORK_DAYS_A_MONTH
    extra = days * daily * 2
    return "\n".join(
        [
            f"按您说的：{days}天年假没休，月工资{format_number(monthly)}元。",
            f"日工资={format_number(monthly)}÷21.75≈{format_number(round(daily, 2))}元；"
            f"没休的每天按300%算，正常工资已经发了，每天再补2倍：{days}×"
            f"{format_number(round(daily, 2))}×200%≈{format_number(round(extra, 2))}元。",
            "月工资按前12个月的平均工资算，加班费不算在内。你自己书面提出不休的除外；"
            "单位不给的，可以向劳动保障监察投诉（12333）或申请劳动仲裁。",
            f"依据：{SOURCE}",
        ]
    )


def days_in_year_of_leaving_text(months_in_all: int, leaving: date) -> str | None:
    """The days of leave due in the year the worker leaves ("明年3月底就不做了 明年的年假有几天"):
    the year's days prorated to the last day, or None before the first full year of work."""
    year_days = days_a_year(months_in_all)
    if year_days == 0:
        return None
    due = days_due(year_days, leaving)
    return "\n".join(
        [
            f"按{leaving.month}月{leaving.day}日离职算：那一年应休{year_days}天，按那一年在职的天数折算，"
            f"应休{due}天（{year_days}×在职天数÷365，不足1整天的部分不算）。",
            "离职前没休完的，每天按日工资的300%补（正常工资已发，每天再补2倍）。",
            "依据：《职工带薪年休假条例》第三条；《企业职工带薪年休假实施办法》第十二条",
        ]
    )
