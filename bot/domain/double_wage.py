"""The double wage for months worked without a written contract, worked out from how long
the worker has worked and the monthly pay: "我在火锅店当服务员8个月了 从来没签过劳动合同" then
"我一个月3500 能补好多钱" is 7 months more, 24500元.

《劳动合同法》第十条、第八十二条 and 《劳动合同法实施条例》第六条、第七条: a written contract
is due within a month of starting; from the second month the employer pays twice the wage
each month, up to the day before a year is up (at most 11 months); after a year without one,
an open-ended contract is taken to exist (第十四条)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.domain.severance import Severance
from intents.numbers import NUM, format_number, parse_number

SOURCE = "《劳动合同法》第十条、第十四条、第八十二条；《劳动合同法实施条例》第六条、第七条"
MAX_MONTHS = 11


def extra_months(months_worked: int) -> int:
    """The months for which twice the wage is owed: from the second month, at most 11."""
    return max(0, min(months_worked - 1, MAX_MONTHS))


def double_wage_text(months_worked: int, pay: float | None) -> str:
    n = extra_months(months_worked)
    worked = Severance(months_worked).worked_text()
    if n == 0:
        lines = [
            f"按您干了{worked}算，还在上班第1个月内，单位这时签合同不算晚；"
            "过了1个月还不签，从第2个月起每月要多付1倍工资。"
        ]
    else:
        sums = f"，按月工资{format_number(pay)}元算约{format_number(n * pay)}元" if pay else ""
        lines = [
            f"没签合同的双倍工资：按您干了{worked}算，可以多要{n}个月工资{sums}。",
            "从上班第2个月起算，每月多付1倍工资，最多算11个月。",
        ]
        if months_worked >= 12:
            lines.append(
                "满1年还没签的，视为已经订立无固定期限劳动合同，满1年以后的月份不再算双倍工资，"
                "单位要和你补签书面合同。"
            )
        lines.append(
            "双倍工资要尽早申请劳动仲裁：时效一般1年，各地对从哪天起算认定不一，拖久了前面的月份"
            "可能要不回来。工资条、转账记录、工牌、考勤都能证明你在那里上班。"
        )
    lines.append(f"依据：{SOURCE}")
    return "\n".join(lines)


# "就按9月10月两个月算嘛": the months the worker asks the double wage for, named
_MONTHS_COUNTED = re.compile(
    rf"(?:就|只)?按\s*(?P<named>(?:{NUM}\s*月(?:份)?[、和跟,，\s]*){{1,11}})?\s*(?P<n>{NUM})\s*个月(?:来)?算"
)


def months_counted(text: str) -> tuple[int, str] | None:
    """(the months, the months named as said) the worker asks the double wage to be worked
    out for, or None."""
    m = _MONTHS_COUNTED.search(text or "")
    value = parse_number(m.group("n")) if m else None
    if m is None or not value or value != int(value) or not 0 < value <= MAX_MONTHS:
        return None
    named = re.sub(r"\s", "", m.group("named") or "")
    return int(value), named


def counted_months_text(months: int, named: str, pay: float | None) -> str:
    """The double wage's extra for the months the worker counts (each one's month's pay)."""
    which = f"{named}这{months}个月" if named else f"{months}个月"
    if pay:
        lead = (
            f"按{which}算：每月多付1倍工资，{months}×{format_number(pay)}"
            f"={format_number(months * pay)}元（这是另外多的那一倍，本来的工资照发）。"
        )
    else:
        lead = f"按{which}算：可以多要{months}个月工资（每月多付1倍）；告诉我月工资就能算出数。"
    return "\n".join(
        [
            lead,
            "从上班第2个月起算，每月多付1倍工资，最多算11个月；要尽早申请劳动仲裁，时效一般1年。",
            f"依据：{SOURCE}",
        ]
    )


# "我12月1号入职 最迟哪天必须签": the day the job began, and the last day to sign asked
_START_DAY = re.compile(
    r"(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[号日]\s*(?:就|才)?(?:入职|进厂|进公司|上班|开始上班|报到|来上班)"
)
_BY_WHEN = re.compile(r"最迟|最晚|哪天|哪一天|几号|什么时候|啥时候|啥子时候|好久|截止")
_AHEAD_DAYS = 62  # a start day further ahead than this was last year's


def start_day_told(text: str, today: date) -> date | None:
    """The day the message says the job began, in the year that puts it nearest today."""
    m = _START_DAY.search(text or "")
    if m is None:
        return None
    try:
        day = date(today.year, int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
    if (day - today).days > _AHEAD_DAYS:
        day = day.replace(year=today.year - 1)
    return day


def asks_by_when(text: str) -> bool:
    return _BY_WHEN.search(text or "") is not None


def _month_on(start: date) -> date:
    """The last day of the first month of work (12月1日 -> 12月31日, 1月30日 -> 2月28日)."""
    year, month = (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
    try:
        return date(year, month, start.day) - timedelta(days=1)
    except ValueError:  # (no such day in the next month: its last day)
        following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        return following - timedelta(days=1)


def sign_by_text(start: date) -> str:
    """The last day a written contract is due, from the day the job began."""
    last = _month_on(start)
    after = last + timedelta(days=1)
    return "\n".join(
        [
            f"按您{start.month}月{start.day}日入职算：单位要在上班起1个月内和您签书面劳动合同，"
            f"也就是最迟{last.month}月{last.day}日要签好。",
            f"过了这一天（从{after.year}年{after.month}月{after.day}日起）还没签，从第2个月起每月要多付1倍工资，"
            "最多算11个月；试用期也一样要签。",
            f"依据：{SOURCE}",
        ]
    )
