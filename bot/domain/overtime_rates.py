"""An hour of overtime at each rate from the monthly pay, and a rate the employer gives checked
against the lowest the law allows (split from bot/domain/overtime_pay.py). 《劳动法》第四十四条:
150 % on working days, 200 % on rest days without time off in lieu, 300 % on public holidays;
hourly pay = monthly pay ÷ 21.75 ÷ 8."""

from __future__ import annotations

import re

from bot.domain.long_breaks import MONTHLY_SOURCE, SOURCE, money
from intents.numbers import NUM, parse_number

WORK_DAYS_A_MONTH = 21.75
HOURS_A_DAY = 8


def hourly_rates_text(monthly: float) -> str:
    """An hour of overtime at each rate, from the monthly pay."""
    hourly = monthly / WORK_DAYS_A_MONTH / HOURS_A_DAY
    return "\n".join(
        [
            f"按月工资{money(monthly)}元折算：日工资={money(monthly)}÷21.75≈"
            f"{money(monthly / WORK_DAYS_A_MONTH)}元，小时工资≈{money(hourly)}元。",
            f"超过8小时的部分就是加班：工作日每小时不低于{money(hourly * 1.5)}元（150%）；"
            f"休息日没补休的每小时不低于{money(hourly * 2)}元（200%）；"
            f"法定节假日每小时不低于{money(hourly * 3)}元（300%）。",
            f"依据：{SOURCE}{MONTHLY_SOURCE}",
        ]
    )


_AN_HOUR = r"(?:一个钟头|一个小时|一小时|每小时|每个钟头|1个小时|1小时|一个钟)"
# "加班费一个钟头就给15块": the rate the employer pays for an hour of overtime; also said
# the other way round, "加班都只给20块一个小时"
_RATE_GIVEN = re.compile(
    # (paid by the employer: "一个小时25块" alone is the worker's hourly wage)
    rf"{_AN_HOUR}[^，,。\d]{{0,3}}?(?:给|发|算|开)(?:我们|我)?(?P<n>{NUM})\s*(?:块|元)"
    rf"|(?:给|发|算|开)(?:我们|我)?(?P<m>{NUM})\s*(?:块|元)(?:钱)?\s*{_AN_HOUR}"
)


def rate_given(text: str) -> float | None:
    """The overtime pay an hour the worker says the employer gives, if any."""
    m = _RATE_GIVEN.search(text or "")
    value = parse_number(m.group("n") or m.group("m")) if m else None
    return value if value and 0 < value < 1000 else None


def rate_checked_text(monthly: float, given: float) -> str:
    """The hour's overtime rate the employer pays, against the lowest the law allows from the
    monthly pay (工作日150%; rest days 200%, holidays 300%)."""
    hourly = monthly / WORK_DAYS_A_MONTH / HOURS_A_DAY
    lowest = hourly * 1.5
    verdict = (
        f"一个钟头{money(given)}元低于工作日加班的最低标准{money(lowest)}元（150%），不合法，"
        f"少了的可以要求补足。"
        if given < lowest - 0.005
        else f"一个钟头{money(given)}元没有低于工作日加班的最低标准{money(lowest)}元（150%）。"
    )
    return "\n".join(
        [
            verdict,
            f"按月工资{money(monthly)}元折算：小时工资={money(monthly)}÷21.75÷8≈{money(hourly)}元；"
            f"工作日加班每小时不低于{money(lowest)}元，休息日没补休的不低于{money(hourly * 2)}元"
            f"（200%），法定节假日不低于{money(hourly * 3)}元（300%）。",
            "单位按很低的固定价算加班费的，可以向劳动保障监察投诉（12333）或申请劳动仲裁。",
            f"依据：{SOURCE}{MONTHLY_SOURCE}",
        ]
    )
