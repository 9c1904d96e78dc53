"""The wages a worker who left is still owed: the days of the last month worked, at the
month's pay ÷ 21.75, and any whole months before it not paid either.

- "一个月4350 11月份上了12天班": 4350 ÷ 21.75 = 200 a day, 12 days = 2400元;
- "10月份的也还没给我": October's whole pay too, 4350 + 2400 = 6750元;
- "等哈 11月上的是14天 我数错了": the days put right, 2800元, 7150元 in all.

The wages are due in full when the contract ends (《工资支付暂行规定》第九条); a day's pay is
the month's ÷ 21.75 (《关于职工全年月平均工作时间和工资折算问题的通知》).
"""

from __future__ import annotations

import re

from bot.domain.wages_owed import WORK_DAYS_A_MONTH, days_worked
from intents.numbers import NUM, format_number, parse_number

SOURCE = "《工资支付暂行规定》第九条；《关于职工全年月平均工作时间和工资折算问题的通知》"
# "11月上的是14天", "上的是14天 不是12天": the days worked, said again
_DAYS_SAID_AGAIN = re.compile(rf"(?:上|做|干)的(?:是|有)\s*(?P<n>{NUM})\s*(?:个)?天")
# "10月份的也还没给我", "9月10月的工资都没发": whole months not paid
_MONTHS_UNPAID = re.compile(
    r"(?P<months>(?:(?:\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?[和跟、,，\s]*)+)"
    r"(?:的)?(?:工资)?(?:也|都)?(?:还)?(?:没|没有|不)(?:给|发|结)"
)
_ONE_MONTH = re.compile(r"\d{1,2}|十[一二]?|[一二三四五六七八九]")
# "11月份上了12天班": the month the days were worked in
_DAYS_MONTH = re.compile(
    r"(?P<m>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?[^，,。\d]{0,4}?(?:上|做|干)"
)


def days_said(text: str) -> int | None:
    """The days of the last month worked, told or told again ("上的是14天")."""
    m = _DAYS_SAID_AGAIN.search(text or "")
    value = parse_number(m.group("n")) if m else None
    if value and value == int(value) and 0 < value <= 31:
        return int(value)
    return days_worked(text)


def _month(word: str) -> int | None:
    value = parse_number(word)
    return int(value) if value and 1 <= value <= 12 else None


def days_month(text: str) -> int | None:
    """The month a message says the days were worked in ("11月份上了12天班": 11)."""
    m = _DAYS_MONTH.search(text or "")
    return _month(m.group("m")) if m else None


def months_unpaid(text: str) -> set[int]:
    """The whole months a message says were not paid either ("10月份的也还没给我": {10})."""
    found: set[int] = set()
    for m in _MONTHS_UNPAID.finditer(text or ""):
        found |= {n for w in _ONE_MONTH.findall(m.group("months")) if (n := _month(w))}
    return found


def last_wages_text(
    days: int, monthly: float, whole_months: int = 0, month: int | None = None, left: bool = True
) -> str:
    """The last month's days at the month's pay ÷ 21.75, and whole months unpaid added;
    `month`: the month the days were in; `left`: the worker has left the job."""
    daily = monthly / WORK_DAYS_A_MONTH
    part = round(daily * days, 2)
    when = f"{month}月" if month else "最后一个月" if left else "这个月"
    lines = [
        f"按您说的：月工资{format_number(monthly)}元，{when}上了{days}天班。",
        f"日工资={format_number(monthly)}÷21.75≈{format_number(round(daily, 2))}元；"
        f"{days}天的工资约{format_number(part)}元。",
    ]
    if whole_months:
        total = round(part + whole_months * monthly, 2)
        lines.append(
            f"加上没发的{whole_months}个整月工资{format_number(whole_months * monthly)}元，"
            f"一共约{format_number(total)}元。"
        )
    lines += [
        ("这些离职时单位就要一次付清" if left else "干了活的工资单位要按时足额支付")
        + "；不给的，可以打12333向劳动保障监察投诉，也可以申请工会调解或劳动仲裁（都不收费）。",
        f"依据：{SOURCE}",
    ]
    return "\n".join(lines)
