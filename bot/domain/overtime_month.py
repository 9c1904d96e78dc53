"""A month's overtime of two kinds told in one message: the weekday evenings of the days
worked and the rest days counted ("上个月上了20天班 每天都要多加2个钟头 还有4个星期六也喊去上了"),
each at its own rate (《劳动法》第四十四条: 150 % and 200 %; split from overtime_pay.py)."""

from __future__ import annotations

import re

from bot.domain.long_breaks import money
from intents.numbers import NUM, format_number, parse_number

HOURS_A_DAY = 8

# "一个月上22天班", "每个月加20天": the days a month the daily overtime is worked
DAYS_A_MONTH = re.compile(
    # ("上个月周一到周五上了22天", "上个月22个工作日": the weekdays; "上个月上班那20天": the days worked)
    rf"(?:一个月|每个?月|上个?月|这个月|本月)\s*(?:周一到周五|工作日|平时)?\s*(?:上了?|干了?|做了?|加了?|要上|有|那|上班(?:那|的)?)?\s*(?P<n>{NUM})\s*(?:天|个工作日)"
)
# "还有4个星期六也去了的": rest days counted by the day of the week
REST_DAYS_COUNTED = re.compile(
    rf"(?P<n>{NUM})\s*个\s*(?:星期六|星期天|星期日|礼拜六|礼拜天|周六|周日|休息日|休息天)"
)


def count(pattern: re.Pattern[str], text: str) -> float | None:
    m = pattern.search(text)
    if m is None:
        return None
    value = 0.5 if m.group("n") == "半" else parse_number(m.group("n"))
    return value if value is not None and 0 < value <= 400 else None


# "星期六只去了3个": the rest days worked, corrected
_ONLY_SO_MANY_REST_DAYS = re.compile(
    rf"(?:星期六|星期天|星期日|礼拜六|礼拜天|周六|周日|周末)[^，,。\d]{{0,3}}只(?:去|上|加)了?\s*(?P<n>{NUM})\s*(?:个|天|次)"
)
# "上了4个周六 每个都是10个钟头": the length of each rest day counted
_EACH_REST_DAY = re.compile(
    rf"(?:每个|每次|每回|每天)(?:都)?(?:是|上|干|做)?\s*(?P<n>{NUM})\s*个?(?:小时|钟头|钟)"
)


def weekdays_and_rest_days(
    text: str,
    rest_of_it: str,
    hours: float | None,
    daily: float,
    hourly: float | None,
    rest_said: str | None = None,
) -> tuple[str, str] | None:
    """The month's weekday evenings and its counted rest days in one message, each at its
    rate: (what was told, the sums), or None unless the message tells both."""
    rest_days = count(REST_DAYS_COUNTED, text)
    only = count(_ONLY_SO_MANY_REST_DAYS, rest_said or text)
    if only is not None:
        rest_days = only  # "哦说错了 星期六只去了3个 有一个星期六我屋头有事没去"
    month_days = count(DAYS_A_MONTH, text)
    if rest_days is None or month_days is None or hours is None or not 0 < month_days <= 31:
        return None
    if hours > 6:  # a day's hours, not the overtime of an evening
        return None
    hour_pay = hourly or daily / HOURS_A_DAY
    weekday = hour_pay * 1.5 * hours * month_days
    rest = daily * 2 * rest_days
    rest_sum = f"{money(daily)}×200%×{format_number(rest_days)}"
    whole = "上整天班"
    each = _EACH_REST_DAY.search(rest_said) if rest_said else None
    long = parse_number(each.group("n")) if each else None
    if long is not None and HOURS_A_DAY < long <= 16:
        # "上了4个周六 每个都是10个钟头": each rest day's hours, all at 200 %
        rest = hour_pay * 2 * long * rest_days
        rest_sum = f"{money(hour_pay)}×200%×{format_number(long)}×{format_number(rest_days)}"
        whole = f"每天{format_number(long)}小时"
    told = (
        f"按您说的：工作日{format_number(month_days)}天、每天下班后加班{format_number(hours)}小时，"
        f"另有{format_number(rest_days)}个休息日{whole}、没补休；日工资{money(daily)}元，"
        f"小时工资{money(hour_pay)}元。"
    )
    rule = (
        f"工作日延长工时按150%：{money(hour_pay)}×150%×{format_number(hours)}×"
        f"{format_number(month_days)}={money(weekday)}元；休息日没补休的按200%："
        f"{rest_sum}={money(rest)}元；"
        f"合计{money(weekday + rest)}元。"
    )
    return told, rule
