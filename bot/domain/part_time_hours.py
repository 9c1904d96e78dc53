"""Work paid by the hour (非全日制用工) told as hours a day and days a week: the week against its
limits — on average no more than 4 hours a day and 24 hours a week at one employer
(《劳动合同法》第六十八条) — and, with the rate, what a week comes to."""

from __future__ import annotations

import re

from bot.domain.working_hours import day_hours, week_days
from intents.numbers import NUM, format_number, parse_number

PART_TIME_DAY, PART_TIME_WEEK = 4, 24
SOURCE = "《劳动合同法》第六十八条、第七十二条"
# "钟点工", "小时工", "非全日制", "按小时算"
PAID_BY_THE_HOUR = re.compile(r"钟点工|小时工|非全日制|兼职|按(?:小时|钟头)(?:算|计|给|发)")
# "时薪22块", "一个钟头22"
HOURLY_RATE = re.compile(
    rf"(?:一个?(?:钟头|小时)|每(?:个)?(?:钟头|小时)|时薪)(?:是|给|算|就|才|只有)?\s*(?P<n>{NUM})\s*(?:块|元)?"
)


def part_time_week(text: str) -> tuple[float, int] | None:
    """(hours a day, days a week) told of work by the hour, or None."""
    day, days = day_hours(text), week_days(text)
    if day is None or days is None or not 0 < day <= 12 or not 1 <= days <= 7:
        return None
    return day, days


def hourly_rate(text: str) -> float | None:
    m = HOURLY_RATE.search(text or "")
    value = parse_number(m.group("n")) if m else None
    return value if value and 0 < value <= 1000 else None


def part_time_text(day: float, days: int, rate: float | None) -> str:
    """The week against the limits of work by the hour, and its pay at `rate`."""
    week = day * days
    lines = [
        f"按您说的，每天{format_number(day)}小时、每周{days}天：一周{format_number(week)}小时。"
    ]
    if rate is not None:
        lines.append(
            f"按时薪{format_number(rate)}元算，一周{format_number(week)}×{format_number(rate)}"
            f"={format_number(round(week * rate, 2))}元。"
        )
    over = [
        f"每天{format_number(day)}小时超过了平均4小时" if day > PART_TIME_DAY else "",
        f"每周{format_number(week)}小时超过了24小时" if week > PART_TIME_WEEK else "",
    ]
    over = [o for o in over if o]
    if over:
        lines.append(
            "非全日制用工在同一单位平均每天不超过4小时、每周累计不超过24小时；"
            + "，".join(over)
            + "，就不算非全日制了，应当按全日制用工签书面合同、缴社保，超时的按加班算。"
        )
    else:
        lines.append(
            "没超过非全日制的上限（同一单位平均每天不超过4小时、每周累计不超过24小时），算非全日制用工。"
        )
    lines.append(
        "小时工资不能低于重庆的最低小时工资标准（现行标准问12333），工资结算周期最长不超过15天。"
    )
    lines.append(f"依据：{SOURCE}")
    return "\n".join(lines)
