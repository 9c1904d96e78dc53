"""Paid annual leave worked out from how long the worker has worked in all: "我以前在别的厂干了
8年" right after the annual-leave answer is answered with 5 days a year, as a union lawyer
would, instead of the rule again.

《职工带薪年休假条例》第三条: 累计工作满1年不满10年 5天, 满10年不满20年 10天, 满20年 15天
(every employer counts, not only this one). 《企业职工带薪年休假实施办法》第五条: in the year
someone joins a new employer, the days are prorated by the calendar days left that year.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from bot.domain.employment_dates import full_year
from bot.domain.severance import Severance, months_worked
from intents.numbers import NUM, format_number, parse_number

SOURCE = "《职工带薪年休假条例》第三条；《企业职工带薪年休假实施办法》第五条"
# (months worked in all from, days a year), highest first
_TIERS = ((240, 15), (120, 10), (12, 5))


def days_a_year(months: int) -> int:
    """The annual leave days for `months` of work in all (0 before the first full year)."""
    return next((days for least, days in _TIERS if months >= least), 0)


# "现在这个厂做了3年 之前在别个厂做了9年": several jobs told, each with its length
_JOBS = re.compile(r"[\s，,。；;]+|(?=之前|以前|原来|先前|另外|加上)")
_OVERALL = re.compile(r"出来打工|出来做|参加工作|总共|一共|前前后后|加起来|工龄")
_EARLIER_JOB = re.compile(r"之前|以前|原来|先前|另外|加上|别个|别的|其他")


# "加起来差不多12年了": the total said in so many words
_TOTAL_SAID = re.compile(
    rf"(?:加起来|一共|总共|前前后后|累计)[^，,。\d]{{0,6}}?(?P<n>{NUM})\s*年(?:多|了|左右)?"
    # ("工龄是11年 前头在别个厂还做了8年的": the years in all named as such)
    rf"|(?:总工龄|工龄)(?:是|有|算|一共|总共)?\s*(?P<g>{NUM})\s*年(?:多|了|左右)?"
)


def total_months_worked(text: str) -> int | None:
    """The months of work in all: the total when the message says it, the lengths of the jobs
    told added up when it tells an earlier job too, else the one length told."""
    said = _TOTAL_SAID.search(text or "")
    years = parse_number(said.group("n") or said.group("g")) if said else None
    if years and 0 < years <= 50:
        return int(years * 12)
    parts = [p for p in _JOBS.split(text or "") if p]
    lengths = [m for m in (months_worked(p) for p in parts) if m is not None]
    if len(lengths) > 1 and _OVERALL.search(text or ""):
        # "出来打工12年了 在这个厂做了5年多": the years in all, this job among them
        return max(lengths)
    if len(lengths) > 1 and _EARLIER_JOB.search(text or ""):
        return sum(lengths)
    return months_worked(text)


def jobs_added_up(texts: list[str]) -> int | None:
    """The months of work in all told over several messages, oldest first ("在这家干了2年9个
    月", then "我之前在电子厂干了9年"): this job and the earlier ones named as such added up;
    None unless an earlier job is among them."""
    told = [(t, total_months_worked(t)) for t in texts]
    lengths = [(t, m) for t, m in told if m is not None]
    earlier = [m for t, m in lengths if _EARLIER_JOB.search(t)]
    here = [m for t, m in lengths if not _EARLIER_JOB.search(t)]
    if not earlier or len(here) > 1:
        return None
    return sum(earlier) + sum(here)


# "在这个公司干了6年" tells this job, not the years in all
_THIS_JOB = re.compile(r"(?:这个|这家|现在的?|本)(?:公司|厂|单位|店|老板)")


# "我07年就开始上班了一直没断过": the year work began, the years since counted
_BEGAN_IN = re.compile(
    # ("我是2017年7月毕业才开始上班的": the month and the schooling before it)
    r"(?P<y>19\d{2}|20\d{2}|(?<!\d)\d{2})\s*年(?:\s*\d{1,2}\s*月份?)?(?:毕业)?(?:就|才)?(?:开始)?"
    r"(?:参加工作|上班|工作|出来打工|出来做事|出来上班|出来工作|打工)"
)


def months_since_work_began(text: str, today: date) -> int | None:
    """Whole years (in months) since the year the worker says work began, or None."""
    m = _BEGAN_IN.search(text or "")
    if m is None:
        return None
    year = full_year(int(m.group("y")), today)
    years = today.year - year
    return years * 12 if 0 < years <= 50 else None


def months_in_all(texts: list[str]) -> int | None:
    """The months of work in all from several messages, newest first: one that says the total
    ("我参加工作25年了") over a later one that only tells this job ("在这个公司干了6年")."""
    found = [(t, total_months_worked(t)) for t in texts]
    found = [(t, m) for t, m in found if m is not None]
    if not found:
        return None
    overall = [m for t, m in found if _OVERALL.search(t) or _TOTAL_SAID.search(t)]
    if overall and _THIS_JOB.search(found[0][0]) and not _OVERALL.search(found[0][0]):
        return max(overall[0], found[0][1])
    return found[0][1]


def annual_leave_text(
    text: str, new_employer: bool = False, worked: int | None = None
) -> str | None:
    """The days worked out for a message that says how long the worker has worked, else
    None; `new_employer`: the conversation is about the year one joins a new employer;
    `worked`: the months in all, told in earlier messages."""
    worked = total_months_worked(text) if worked is None else worked
    if worked is None:
        return None
    length = Severance(worked).worked_text()
    days = days_a_year(worked)
    if days == 0:
        lines = [
            f"累计工作{length}，还不满12个月，暂时还没有带薪年假；累计满12个月以后开始有，"
            "以前在别的单位干的也算进去。"
        ]
    else:
        lines = [f"累计工作{length}，每年应休{days}天带薪年假（以前在别的单位干的也算）。"]
        if new_employer:
            lines.append(
                f"今年刚进新单位的，按剩余天数折算：当年在新单位剩余的日历天数÷365×{days}天，"
                "不足1整天的部分不算。"
            )
        nxt = next(((least, d) for least, d in reversed(_TIERS) if least > worked), None)
        if nxt is not None:
            lines.append(f"累计满{nxt[0] // 12}年后，每年{nxt[1]}天。")
    lines.append(f"依据：{SOURCE}")
    return "\n".join(lines)


# 《职工带薪年休假条例》第四条（三）至（五）: sick leave in a year that takes that year's annual
# leave away, by months worked in all: (months worked from, months of sick leave), highest first
_SICK_LIMITS = ((240, 4), (120, 3), (12, 2))
SICK_SOURCE = "《职工带薪年休假条例》第三条、第四条；《企业职工带薪年休假实施办法》第八条"
_SICK = re.compile(
    rf"病假[^，,。？?\d]{{0,4}}?(?P<a>{NUM}|半)\s*(?P<au>个月|月|天)"
    rf"|(?P<b>{NUM}|半)\s*(?P<bu>个月|月|天)[^，,。？?]{{0,3}}病假"
)


# "病假请了一个半月": a month and a half (not 半月, half a month)
_AND_A_HALF = re.compile(
    rf"病假[^，,。？?\d]{{0,4}}?(?P<n>{NUM})\s*个半月|(?P<m>{NUM})\s*个半月[^，,。？?]{{0,3}}病假"
)


def sick_months(text: str) -> float | None:
    """The sick leave a message tells, in months (30 days a month), or None."""
    half = _AND_A_HALF.search(text or "")
    if half is not None:
        whole = parse_number(half.group("n") or half.group("m"))
        if whole is not None:
            return whole + 0.5
    m = _SICK.search(text or "")
    if m is None:
        return None
    raw, unit = (m.group("a"), m.group("au")) if m.group("a") else (m.group("b"), m.group("bu"))
    value = 0.5 if raw == "半" else parse_number(raw)
    if value is None:
        return None
    return value / 30 if unit == "天" else value


def sick_leave_text(worked: int | None, sick: float) -> str:
    """Whether `sick` months of sick leave this year take away this year's annual leave for
    someone who has worked `worked` months in all (None: not told, the three limits given)."""
    told = f"{format_number(round(sick * 30))}天" if sick < 1 else f"{format_number(sick)}个月"
    if worked is None or worked < 12:
        lines = [
            f"今年病假{told}，要看累计工龄：累计工作满1年不满10年的，病假累计2个月以上；满10年不满20年的，"
            "3个月以上；满20年以上的，4个月以上，才不享受当年年假，没到的照样有年假。"
        ]
    else:
        limit = next(months for least, months in _SICK_LIMITS if worked >= least)
        days = days_a_year(worked)
        length = Severance(worked).worked_text()
        if sick < limit:
            lines = [
                f"照样有年假：您累计工作{length}，病假累计{limit}个月以上才不享受当年年假，"
                f"今年病假{told}没到，当年的{days}天年假照样有。"
            ]
        else:
            lines = [
                f"今年的年假可能没有了：您累计工作{length}，当年病假累计{limit}个月以上的，不享受当年年假；"
                f"今年病假{told}，已经到了。"
            ]
    lines.append(
        "如果今年已经休过年假，之后病假才累计到这个数的，不扣回今年的，但不享受下一年的年假。"
    )
    lines.append(f"依据：{SICK_SOURCE}")
    return "\n".join(lines)


# "今年8月1号才跳槽到现在这个厂": the day the new job began this year
_JOINED_ON = re.compile(r"(?:今年)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[号日]")


def newcomer_days(text: str, worked: int, today: date) -> tuple[int, date] | None:
    """This year's days at a new employer joined on the date the message tells, and that
    date (实施办法第五条: the calendar days left in the year ÷ 365 × the year's days, whole
    days only), for someone who has worked `worked` months in all; None without a date."""
    m = _JOINED_ON.search(text or "")
    days = days_a_year(worked)
    if m is None or days == 0:
        return None
    try:
        joined = date(today.year, int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
    if joined > today:
        return None
    left = (date(today.year, 12, 31) - joined).days + 1
    length = (date(today.year + 1, 1, 1) - date(today.year, 1, 1)).days
    return math.floor(left / length * days), joined


# "我今年7月份才进的这个厂": the month the new job began, no day told
_JOINED_IN = re.compile(
    r"(?:今年)?(?<!\d)(?P<m>\d{1,2}|[一二三四五六七八九十]|十[一二])\s*月份?(?![\d一二三四五六七八九十])"
    r"[^，,。？?\d]{0,6}?(?:进|入职|来|到|跳槽|上班|开始)"
)
_MONTHS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)} | {"十一": 11, "十二": 12}


def _prorated(joined: date, days: int) -> tuple[int, int, int]:
    """(whole days due, calendar days left, days in the year) for a job begun on `joined`."""
    left = (date(joined.year, 12, 31) - joined).days + 1
    length = (date(joined.year + 1, 1, 1) - date(joined.year, 1, 1)).days
    return math.floor(left / length * days), left, length


def _month_text(text: str, worked: int, today: date) -> str | None:
    """This year's days for a new job begun in the month told, no day: one figure when every
    day of that month gives it, else the first and the last day's figures."""
    m = _JOINED_IN.search(text or "")
    days = days_a_year(worked)
    if m is None or days == 0:
        return None
    said = m.group("m")
    month = int(said) if said.isdigit() else _MONTHS.get(said, 0)
    if not 1 <= month <= 12 or date(today.year, month, 1) > today:
        return None
    first = date(today.year, month, 1)
    last = date(today.year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    most, left_first, length = _prorated(first, days)
    least, left_last, _ = _prorated(last, days)
    worked_text = Severance(worked).worked_text()
    reckoned = (
        f"{month}月1日进的剩{left_first}天，{left_first}÷{length}×{days}"
        f"≈{format_number(round(left_first / length * days, 1))}天；"
        f"{month}月{last.day}日进的剩{left_last}天，{left_last}÷{length}×{days}"
        f"≈{format_number(round(left_last / length * days, 1))}天"
    )
    head = (
        f"今年在新单位可以休{most}天：累计工作{worked_text}，每年{days}天；{month}月进新单位，"
        if most == least
        else f"今年在新单位可以休{least}到{most}天，看是{month}月几号进的：累计工作{worked_text}，"
        f"每年{days}天；"
    )
    return "\n".join(
        [
            f"{head}当年按剩余日历天数折算，{reckoned}，不足1整天的部分不算。",
            f"明年起每年{days}天。",
            f"依据：{SOURCE}",
        ]
    )


def newcomer_text(text: str, worked: int, today: date) -> str | None:
    """newcomer_days, said with how it is reckoned; a month told without its day, reckoned
    for that month's first and last day."""
    found = newcomer_days(text, worked, today)
    if found is None:
        return _month_text(text, worked, today)
    due, joined = found
    days = days_a_year(worked)
    _, left, length = _prorated(joined, days)
    return "\n".join(
        [
            f"今年在新单位可以休{due}天：累计工作{Severance(worked).worked_text()}，每年{days}天；"
            f"{joined.month}月{joined.day}日进新单位，当年剩余{left}天，{left}÷{length}×{days}"
            f"≈{format_number(round(left / length * days, 1))}天，不足1整天的部分不算。",
            f"明年起每年{days}天。",
            f"依据：{SOURCE}",
        ]
    )
