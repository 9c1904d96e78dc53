"""A working week's overtime pay from the hours a day and the days a week the worker tells:
"底薪5220 每天做10个钟头 一个礼拜上6天" is 5 working days of 2 hours over at 150 % and a
6th day, a rest day, all its 10 hours at 200 %: 30×150%×10 + 30×200%×10 = 1050 a week; "星期六
只做8个钟头" makes the rest day 8 hours, 930; "按4个礼拜算" a month of 4 such weeks, 3720.

《劳动法》第三十六条: 8 hours a day, 40 a week (five working days); 第三十八条: a rest day a
week; 第四十四条: the hours over on a working day at no less than 150 % of the hourly pay, a rest
day worked without time off given back at 200 %; 《工资支付暂行规定》第十三条; the hourly pay is the
monthly over 21.75 days of 8 hours (《关于职工全年月平均工作时间和工资折算问题的通知》).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intents.numbers import NUM, format_number, parse_number

SOURCE = (
    "《劳动法》第三十六条、第四十一条、第四十四条；《工资支付暂行规定》第十三条；"
    "《关于职工全年月平均工作时间和工资折算问题的通知》"
)
STANDARD_DAY, WORKDAYS_A_WEEK, MONTH_CAP = 8, 5, 36
# weeks in a month when none are told: 21.75 working days a month over 5 a week
WEEKS_A_MONTH = 21.75 / 5
_REST_DAY_NAMES = ("六", "日")  # the 6th and 7th day of the week, in order

# "星期六只做8个钟头", "周日也是上10个小时", "礼拜天就干了6个钟", "礼拜六其实只上8个钟头"
_REST_DAY_HOURS = re.compile(
    r"(?:星期|周|礼拜)(?P<day>[六日天])(?:那天|那一天)?(?:其实|实际上|实际)?(?:只|就|都|也|还)?(?:是)?(?:要)?"
    rf"(?:做|上|干|上班|工作)?(?:了)?(?:满)?\s*(?P<n>{NUM}|半)\s*个?(?:钟头|小时|钟)"
)
# "按4个礼拜算", "算4周", "4个星期下来"
_WEEKS = re.compile(
    rf"(?:按|算|以)\s*(?P<n>{NUM})\s*个?(?:礼拜|星期|周)"
    rf"|(?P<m>{NUM})\s*个?(?:礼拜|星期|周)(?:下来|加起来|一共)"
)


def rest_day_hours(text: str) -> dict[int, float]:
    """The hours a rest day of the week is said to last ("星期六只做8个钟头": {0: 8}), by its
    place among the rest days (0 the 6th day of the week, 1 the 7th)."""
    found: dict[int, float] = {}
    for m in _REST_DAY_HOURS.finditer(text or ""):
        hours = 4.0 if m.group("n") == "半" else parse_number(m.group("n"))
        if hours and 0 < hours <= 24:
            found.setdefault(0 if m.group("day") == "六" else 1, hours)
    return found


def weeks_told(text: str) -> float | None:
    """The weeks a month is counted as ("按4个礼拜算": 4), or None."""
    m = _WEEKS.search(text or "")
    if m is None:
        return None
    value = parse_number(m.group("n") or m.group("m"))
    return value if value and 0 < value <= 6 else None


@dataclass(frozen=True)
class Week:
    """A week of `days` days of `day` hours, the rest days (beyond the 5th) maybe shorter."""

    day: float
    days: int
    monthly: float
    rest_hours: tuple[float, ...] = ()

    @property
    def hourly(self) -> float:
        return round(self.monthly / 21.75 / STANDARD_DAY, 2)

    @property
    def workdays(self) -> int:
        return min(self.days, WORKDAYS_A_WEEK)

    @property
    def extra(self) -> float:
        """Each working day's hours over 8."""
        return max(0.0, self.day - STANDARD_DAY)

    @property
    def rest_days(self) -> tuple[float, ...]:
        """The hours of each rest day worked (the 6th and 7th), as corrected."""
        told = list(self.rest_hours)
        count = max(0, self.days - WORKDAYS_A_WEEK)
        return tuple(told[i] if i < len(told) and told[i] else self.day for i in range(count))

    @property
    def weekday_pay(self) -> float:
        return round(self.hourly * 1.5 * self.extra * self.workdays, 2)

    @property
    def rest_pay(self) -> float:
        return round(self.hourly * 2 * sum(self.rest_days), 2)

    @property
    def total(self) -> float:
        return round(self.weekday_pay + self.rest_pay, 2)

    @property
    def hours_over(self) -> float:
        return self.extra * self.workdays + sum(self.rest_days)


def with_rest_hours(week: Week, told: dict[int, float]) -> Week:
    """The week with the rest days' hours corrected ("星期六只做8个钟头"); a week of one rest
    day worked has it corrected by either name ("礼拜天只上6个钟头" of a 6-day week)."""
    hours = list(week.rest_hours) + [0.0] * (2 - len(week.rest_hours))
    if week.days - WORKDAYS_A_WEEK == 1 and told:
        told = {0: told.get(0, told.get(1, 0.0))}
    for place, value in told.items():
        hours[place] = value
    return Week(week.day, week.days, week.monthly, tuple(hours))


def _rest_line(week: Week) -> str:
    days = week.rest_days
    named = "、".join(f"周{_REST_DAY_NAMES[i]}" for i in range(len(days)))
    hours = "+".join(format_number(h) for h in days)
    total = format_number(sum(days))
    summed = f"（{hours}={total}小时）" if len(days) > 1 else f"{total}小时"
    return (
        f"{named}是休息日，整天{summed}都算加班，没补休的不低于200%："
        f"{format_number(week.hourly)}×200%×{total}={format_number(week.rest_pay)}元；"
    )


def week_overtime_text(week: Week) -> str:
    """A week's overtime pay: the working days' hours over 8 at 150 %, the rest days at 200 %."""
    lines = [
        f"按您说的，每天{format_number(week.day)}小时、一周上{week.days}天，月工资"
        f"{format_number(week.monthly)}元：小时工资={format_number(week.monthly)}÷21.75÷8"
        f"≈{format_number(week.hourly)}元。"
    ]
    if week.extra:
        hours = week.extra * week.workdays
        lines.append(
            f"工作日{week.workdays}天，每天比8小时多{format_number(week.extra)}小时，共"
            f"{format_number(hours)}小时，不低于150%：{format_number(week.hourly)}×150%×"
            f"{format_number(hours)}={format_number(week.weekday_pay)}元；"
        )
    if week.rest_days:
        lines.append(_rest_line(week))
    lines.append(
        f"一周加班费合计{format_number(week.total)}元，在正常工资以外另给（都是最低标准）。"
    )
    over_month = round(week.hours_over * WEEKS_A_MONTH)
    if over_month > MONTH_CAP:
        lines.append(
            f"一周加班{format_number(week.hours_over)}小时，一个月约{over_month}小时，超过了每月"
            f"{MONTH_CAP}小时的上限，属于违法超时加班，可以向劳动保障监察投诉（12333）。"
        )
    lines.append(f"依据：{SOURCE}")
    return "\n".join(lines)


def month_of_weeks_text(week: Week, weeks: float | None) -> str:
    """A month of such weeks: the weeks told ("按4个礼拜算"), or 4.35 (21.75 days ÷ 5) stated."""
    count = weeks if weeks else round(WEEKS_A_MONTH, 2)
    month = round(week.total * count, 2)
    said = (
        f"按{format_number(count)}周算"
        if weeks
        else f"一个月按平均{format_number(count)}周算（21.75天÷5天）"
    )
    rest = f"、休息日{format_number(sum(week.rest_days))}小时" if week.rest_days else ""
    hours = round(week.hours_over * count, 1)
    lines = [
        f"按您说的，一周加班费{format_number(week.total)}元（工作日加班"
        f"{format_number(week.extra * week.workdays)}小时{rest}，小时工资"
        f"{format_number(week.hourly)}元）。",
        f"{said}：{format_number(week.total)}×{format_number(count)}={format_number(month)}元，"
        f"在正常工资以外另给（都是最低标准）。",
    ]
    if hours > MONTH_CAP:
        lines.append(
            f"一个月加班约{format_number(hours)}小时，超过了每月{MONTH_CAP}小时的上限，属于违法"
            "超时加班，可以向劳动保障监察投诉（12333）。"
        )
    lines.append(f"依据：{SOURCE}")
    return "\n".join(lines)
