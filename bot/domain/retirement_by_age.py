"""The retirement age from an age told instead of a birth month ("我今年48 男的" after asking
how many more years of pension contributions are needed): the birth month lies within one year
of today less the age, and when every month of that year gives the same age under the 2025
reform (men born from September 1976 on retire at 63), the age is said, with the year of
retiring and the minimum years of contributions by then — 15 years, and from 2030 half a year
more each year up to 20 (《国务院关于渐进式延迟法定退休年龄的办法》第一条、第二条 and its
tables); "交了11年" told before gives what is still short (9 years for one retiring in 2041)."""

from __future__ import annotations

import re
from datetime import date

from bot.domain.retirement import MEN, SOURCE, Scheme, retirement

# "我今年48", "48岁了" (not "48年", "48块"; ages a worker has)
_AGE = re.compile(r"今年(?:都|已经)?\s*(?P<a>[1-7]\d)(?![\d年月号天块元个])|(?P<b>[1-7]\d)\s*岁")
_MALE = re.compile(r"男")
_FEMALE = re.compile(r"女")
FIRST_RISE = 2030  # the first year of a higher minimum
MAX_MINIMUM = 20.0


def age_told(text: str) -> int | None:
    m = _AGE.search(text or "")
    return int(m.group("a") or m.group("b")) if m else None


def minimum_years(year: int) -> float:
    """The least years of contributions for a pension drawn from `year` on."""
    if year < FIRST_RISE:
        return 15.0
    return min(MAX_MINIMUM, 15 + (year - FIRST_RISE + 1) * 0.5)


def _span(years: float) -> str:
    whole, half = int(years), years % 1
    return f"{whole}年半" if half else f"{whole}年"


def retirement_by_age_text(
    text: str, today: date, paid_years: float | None = None, scheme: Scheme = MEN
) -> str | None:
    """A man's retirement age from his age told in `text`, when it is the same for the whole
    year he may have been born in; else None (a woman's depends on her post: not guessed)."""
    age = age_told(text)
    if age is None or not _MALE.search(text) or _FEMALE.search(text):
        return None
    earliest = (today.year - age - 1, today.month)  # born after this month …
    latest = (today.year - age, today.month)  # … and by this one
    first, last = retirement(scheme, earliest), retirement(scheme, latest)
    if (first.years, first.months) != (last.years, last.months):
        return None
    said = f"{first.years}岁" + (f"{first.months}个月" if first.months else "")
    lines = [
        f"按您说的（今年{age}岁的男职工，{earliest[0]}年到{latest[0]}年间出生）：按2025年1月1日起"
        f"实施的渐进式延迟退休规定，法定退休年龄是{said}，大约在{first.at[0]}年到{last.at[0]}年间退休。",
    ]
    need = max(minimum_years(first.at[0]), minimum_years(last.at[0]))
    rule = (
        f"到那时按月领养老金要累计缴满{_span(need)}（最低缴费年限目前15年，从2030年起每年提高半年，"
        "逐步到20年）"
    )
    if paid_years is not None and paid_years < need:
        rule += f"；您已经交了{_span(paid_years)}，还差{_span(need - paid_years)}。"
    else:
        rule += "。"
    lines.append(rule)
    lines.append(
        "不打工了也可以按灵活就业人员自己接着交，年限累计计算、中间断了不清零；到退休年龄还不够的，"
        "可以延长缴费到够年限。具体以当地社保经办机构为准，可以打12333查自己的缴费年限。"
    )
    lines.append(f"依据：{SOURCE}、第二条；《社会保险法》第十条、第十六条")
    return "\n".join(lines)
