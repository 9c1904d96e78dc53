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
PAID_BY_THE_HOUR = re.compile(
    r"钟点工|小时工|非全日制|兼职|打零工|时薪|按(?:小时|钟头)(?:算|计|给|发)"
    # "按18块一个钟", "一个钟头18块": a rate by the hour
    r"|\d+\s*块(?:钱)?一个钟|一个钟头?\s*\d+\s*块"
)
# "时薪22块", "一个钟头22"
HOURLY_RATE = re.compile(
    # ("一个钟25块": a 钟 is an hour)
    rf"(?:一个?(?:钟头|小时|钟)|每(?:个)?(?:钟头|小时|钟)|时薪)(?:是|给|算|就|才|只有)?\s*(?P<n>{NUM})\s*(?:块|元)?"
    # "20块一个钟", "按18块一个钟"
    rf"|(?P<n2>{NUM})\s*(?:块|元)(?:钱)?(?:一个钟头?|一个小时|一小时|每小时)"
)


def part_time_week(text: str) -> tuple[float, int] | None:
    """(hours a day, days a week) told of work by the hour, or None."""
    day, days = day_hours(text), week_days(text)
    if day is None or days is None or not 0 < day <= 12 or not 1 <= days <= 7:
        return None
    return day, days


def hourly_rate(text: str) -> float | None:
    m = HOURLY_RATE.search(text or "")
    value = parse_number(m.group("n") or m.group("n2")) if m else None
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


# "上个月我上了26天 每天5个钟": the days of a month worked by the hour
_DAYS_WORKED = re.compile(
    rf"(?:上了|做了|干了|上班|(?:一个月|每个?月)(?:要)?(?:做|上|干))\s*(?P<n>{NUM})\s*天"
)
# "他只给了2千": what was paid
_PAID = re.compile(rf"(?:只|就|才)(?:给了?|发了?|打了?)(?:我)?\s*(?P<n>{NUM})\s*(?:块|元)?")


def days_worked(text: str) -> int | None:
    m = _DAYS_WORKED.search(text or "")
    value = parse_number(m.group("n")) if m else None
    return int(value) if value and 0 < value <= 31 else None


def paid_told(text: str) -> float | None:
    m = _PAID.search(text or "")
    value = parse_number(m.group("n")) if m else None
    return value if value and value >= 10 else None


def month_by_the_hour_text(days: int, day: float, rate: float, paid: float | None) -> str:
    """A month of work by the hour: days × hours × rate, and what is short of it."""
    hours = days * day
    due = round(hours * rate, 2)
    lines = [
        f"按您说的：{days}天×每天{format_number(day)}小时={format_number(hours)}小时，"
        f"×{format_number(rate)}元={format_number(due)}元。"
    ]
    if paid is not None and paid < due:
        lines.append(
            f"只给了{format_number(paid)}元，还差{format_number(round(due - paid, 2))}元。"
        )
    lines += [
        "按小时计酬的工资结算周期最长不超过15天；少给、拖着不给的，可以向劳动保障监察投诉（12333）"
        "或申请劳动仲裁。",
        f"依据：{SOURCE}",
    ]
    return "\n".join(lines)


# "那我一个月按4个礼拜算", "按4周算": the weeks a month of work by the hour is reckoned at
_WEEKS_A_MONTH = re.compile(rf"按\s*(?P<n>{NUM})\s*(?:个)?(?:礼拜|星期|周)(?:来)?算")


def weeks_told(text: str) -> int | None:
    m = _WEEKS_A_MONTH.search(text or "")
    value = parse_number(m.group("n")) if m else None
    return int(value) if value and value == int(value) and 1 <= value <= 5 else None


def weeks_pay_text(day: float, days: int, weeks: int, rate: float) -> str:
    """A month of work by the hour reckoned as `weeks` weeks: hours × rate."""
    hours = day * days * weeks
    return "\n".join(
        [
            f"按您说的，每天{format_number(day)}小时、每周{days}天、一个月按{weeks}周算："
            f"{format_number(day)}×{days}×{weeks}={format_number(hours)}小时，"
            f"×{format_number(rate)}元={format_number(round(hours * rate, 2))}元。",
            "按小时计酬的工资结算周期最长不超过15天（一个月才结一次不行）；少给、拖着不给的，"
            "可以向劳动保障监察投诉（12333）或申请劳动仲裁。",
            f"依据：{SOURCE}",
        ]
    )
