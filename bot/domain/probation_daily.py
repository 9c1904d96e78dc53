"""Probation pay by the day against 80 % of the day's pay agreed after it: "说好转正以后一天260
试用期一天只给200" is at least 260×80%=208元 a day, 8元 short each day, and "上个月我做了22天" is
8×22=176元 to make up.

《劳动合同法》第二十条: probation pay is no less than the lowest pay for the same job in the
unit or 80 % of the pay agreed in the contract, nor below the local minimum wage.
"""

from __future__ import annotations

import re

from intents.numbers import NUM, format_number, parse_number

SOURCE = "《劳动合同法》第二十条"
FLOOR = 0.8
_DAY = r"(?:一天|每天|日薪|日工资|天)"
# "转正以后一天260", "转正了每天260", "一天260 … 转正"
_REGULAR = re.compile(
    rf"转正(?:以后|之后|后|了)?[^，,。\d]{{0,4}}?{_DAY}\s*(?P<n>{NUM})"
    rf"|{_DAY}\s*(?P<m>{NUM})\s*(?:块|元)?[^，,。\d]{{0,3}}转正"
)
# "试用期一天只给200"
_ON_PROBATION = re.compile(rf"试用期?[^，,。\d]{{0,4}}?{_DAY}[^，,。\d]{{0,4}}?(?P<n>{NUM})")
# "上个月我做了22天", "是做了24天"
_DAYS_WORKED = re.compile(rf"(?:做了|上了|干了|出勤|上班)\s*(?P<n>{NUM})\s*天")


def _value(m: re.Match[str] | None, *groups: str) -> float | None:
    if m is None:
        return None
    value = parse_number(next(filter(None, (m.group(g) for g in groups))))
    return value if value and 20 <= value <= 5000 else None


def regular_day_pay(text: str) -> float | None:
    """The day's pay agreed after probation ("转正以后一天260"), or None."""
    return _value(_REGULAR.search(text or ""), "n", "m")


def probation_day_pay(text: str) -> float | None:
    """The day's pay in probation ("试用期一天只给200"), or None."""
    return _value(_ON_PROBATION.search(text or ""), "n")


def days_worked(text: str) -> float | None:
    """The days worked told ("上个月我做了22天"), or None."""
    m = _DAYS_WORKED.search(text or "")
    value = parse_number(m.group("n")) if m else None
    return value if value and 0 < value <= 31 else None


def floor_text(regular: float, paid: float) -> str:
    """The lowest day's pay in probation and what each day falls short."""
    least = round(regular * FLOOR, 2)
    short = round(least - paid, 2)
    verdict = (
        f"每天少给了{format_number(least)}-{format_number(paid)}={format_number(short)}元，不合法。"
        if short > 0
        else "没有低于这个数。"
    )
    return (
        f"按您说的：转正后一天{format_number(regular)}元，试用期一天给{format_number(paid)}元。\n"
        f"试用期工资不得低于约定工资的80%：试用期一天最少{format_number(regular)}×80%="
        f"{format_number(least)}元，{verdict}同时也不能低于当地最低工资标准。\n"
        f"依据：{SOURCE}"
    )


def short_for_days_text(regular: float, paid: float, days: float) -> str | None:
    """The probation days' pay short of 80 %, over the days worked; None when none is short."""
    least = round(regular * FLOOR, 2)
    short = round(least - paid, 2)
    if short <= 0:
        return None
    return (
        f"按您说的：试用期做了{format_number(days)}天，每天最少该给{format_number(least)}元"
        f"（{format_number(regular)}×80%），实际给{format_number(paid)}元，每天差{format_number(short)}元。\n"
        f"一共少给了{format_number(short)}×{format_number(days)}={format_number(round(short * days, 2))}元，"
        "可以要求单位补足，不补的可以向劳动保障监察投诉（12333）或申请劳动仲裁。\n"
        f"依据：{SOURCE}"
    )
