"""A working week the worker tells, against the law's limits: "我们厂每天要做11个钟头 一个星期做
6天" is 66 hours, 26 over the standard 40, about 113 hours of overtime a month against the cap
of 36.

《劳动法》第三十六条 (and 《国务院关于职工工作时间的规定》第三条): at most 8 hours a day and 40
a week; 第四十一条: overtime at most 1 hour a day, 3 for a special reason, and 36 a month;
第三十八条: at least one day of rest a week; 第四十四条: overtime pay.
"""

from __future__ import annotations

import re

from intents.numbers import NUM, format_number, parse_number

SOURCE = "《劳动法》第三十六条、第三十八条、第四十一条、第四十四条"
STANDARD_DAY, STANDARD_WEEK, MONTH_CAP, DAY_CAP = 8, 40, 36, 3
# weeks in a month: 21.75 working days a month over 5 a week
WEEKS_A_MONTH = 21.75 / 5

# "每天要做11个钟头", "一天上12个小时", "天天干10个钟头"
_DAY_HOURS = re.compile(
    rf"(?:每天|一天|天天|每日)(?:都|只|就)?(?:要|得)?(?:做|上|干|上班|工作|站|开)?(?:满)?\s*(?P<n>{NUM})\s*个?(?:钟头|小时|钟)"
)
# "一个星期做6天", "每周上六天", "一个月只休两天" (30 less the rest days, over 4.35 weeks)
_WEEK_DAYS = re.compile(
    rf"(?:一个?|每)(?:星期|周|礼拜)(?:都|还是)?(?:要|得)?(?:做|上|干|上班|工作)?\s*(?P<n>{NUM})\s*天"
)
_NO_REST = re.compile(
    r"(?:一个?|每)(?:星期|周|礼拜)(?:都)?(?:没得|没有|莫得|不)(?:休息|休)|天天都上|一天都不休"
)


# "早上8点上到晚上8点 中午休息一个钟头": the hours from the clock, less the break (a night
# shift's too, "晚上8点到早上8点")
_CLOCK_SPAN = re.compile(
    r"(?P<am>早上|上午|早晨|中午|下午|晚上)?\s*(?P<a>\d{1,2})\s*点(?:钟)?(?P<ahalf>半)?(?:上|做|干|开始)?(?:班)?"
    r"\s*(?:一直)?(?:上|做|干)?到\s*(?:第二天|次日)?(?P<pm>晚上|下午|夜里|半夜|早上|凌晨)?\s*(?P<b>\d{1,2})\s*点"
    r"(?P<bhalf>半)?"
)
# "晚上8点到早上8点": a night shift, ending the next morning
_NEXT_MORNING = ("早上", "凌晨")
_BREAK = re.compile(rf"(?:休息|吃饭)(?:了)?\s*(?P<n>{NUM}|半)\s*个?(?:钟头|小时|钟)")
# "周一到周五天天这样", "星期一到星期六": the days of the week worked
_DAY_NAMES = "一二三四五六日天"
_WEEK_SPAN = re.compile(
    r"(?:周|星期|礼拜)(?P<a>[一二三四五六])\s*(?:到|至)\s*(?:周|星期|礼拜)?(?P<b>[一二三四五六日天])"
)


def day_hours(text: str) -> float | None:
    """The hours worked a day the message tells: said as hours, or from the clock."""
    hours = _DAY_HOURS.search(text or "")
    if hours is not None:
        return parse_number(hours.group("n"))
    span = _CLOCK_SPAN.search(text or "")
    if span is None:
        return None
    start = int(span.group("a")) + (0.5 if span.group("ahalf") else 0)
    end = int(span.group("b")) + (0.5 if span.group("bhalf") else 0)
    if span.group("am") in ("下午", "晚上") and start < 12:
        start += 12
    if span.group("pm") and span.group("pm") not in _NEXT_MORNING and end < 12:
        end += 12
    if end <= start and start >= 12 and span.group("pm") in (*_NEXT_MORNING, None):
        # ("晚上8点到早上8点": the shift runs past midnight; "晚上8点到12点": till midnight)
        end += 12 if span.group("pm") is None and end + 12 > start else 24
    if end <= start:
        return None
    rest = _BREAK.search(text or "")
    taken = (0.5 if rest.group("n") == "半" else parse_number(rest.group("n")) or 0) if rest else 0
    return end - start - taken


def week_days(text: str) -> int | None:
    """The days a week worked the message tells."""
    days_m = _WEEK_DAYS.search(text or "")
    if days_m:
        value = parse_number(days_m.group("n"))
        return int(value) if value else None
    span = _WEEK_SPAN.search(text or "")
    if span:
        first = _DAY_NAMES.index(span.group("a"))
        last = min(_DAY_NAMES.index(span.group("b")), 6)
        return last - first + 1 if last >= first else None
    return 7 if _NO_REST.search(text or "") else None


def week_told(text: str) -> tuple[float, int] | None:
    """(hours a day, days a week) the message tells, or None."""
    day = day_hours(text)
    if day is None or not STANDARD_DAY < day <= 24:
        return None
    days = week_days(text)
    if days is None or not 1 <= days <= 7:
        return None
    return day, int(days)


def week_text(day: float, days: int) -> str:
    """The week against the limits, the overtime a month it comes to, and what follows."""
    week = day * days
    over_week = max(0.0, week - STANDARD_WEEK)
    over_month = round(over_week * WEEKS_A_MONTH)
    lines = [
        f"按您说的，每天{format_number(day)}小时、每周{days}天：一周{format_number(week)}小时，"
        f"比法定的每周40小时多{format_number(over_week)}小时，一个月大约多{over_month}小时。",
        f"法定标准是每天不超过8小时、每周不超过40小时；加班每天一般不超过1小时、最多3小时，"
        f"每月合计不超过{MONTH_CAP}小时。",
    ]
    verdict = []
    if day - STANDARD_DAY > DAY_CAP:
        verdict.append(f"每天加班{format_number(day - STANDARD_DAY)}小时，超过了每天3小时的上限")
    if over_month > MONTH_CAP:
        verdict.append(f"每月约{over_month}小时，超过了36小时的上限")
    if days == 7:
        verdict.append("每周至少要休息1天，天天上班也违法")
    if verdict:
        lines.append("；".join(verdict) + "，属于违法超时加班。")
    lines.append(
        "超出标准的部分都是加班，要付加班费：工作日不低于150%，休息日200%（或补休），"
        "法定节假日300%。可以向劳动保障监察投诉（12333），也可以找工会。"
    )
    lines.append(f"依据：{SOURCE}")
    return "\n".join(lines)


# "上个月上了22天 每天都这样": the days of the month worked at the hours told before
_MONTH_DAYS = re.compile(rf"(?:上了|做了|干了|上班|出勤)\s*(?P<n>{NUM})\s*天")
_SAME_EACH_DAY = re.compile(r"每天都这样|天天都这样|天天这样|都是这样|每天都是")
# "老板说工资是包了的": pay said to include the overtime
_ALL_IN = re.compile(r"包了|包干|包含了?加班|包括了?加班|综合工资|打包")


def month_days_told(text: str) -> int | None:
    m = _MONTH_DAYS.search(text or "")
    if m is None or not _SAME_EACH_DAY.search(text or ""):
        return None
    value = parse_number(m.group("n"))
    return int(value) if value and 0 < value <= 31 else None


# "上个月一共上了22个夜班", "也是22个夜班加2个星期六": shifts counted (of the length told
# before), and rest days counted with them
# (worked: not "我们厂有两个班", the teams)
_SHIFTS = re.compile(
    rf"(?:上了?|做了?|干了?|值了?|一共|总共|也是)\s*(?P<n>{NUM})\s*个\s*(?:夜班|白班|班)(?![长组主])"
)
_RESTS_WITH = re.compile(
    rf"(?P<n>{NUM})\s*个\s*(?:星期六|星期天|星期日|礼拜六|礼拜天|周六|周日|休息日)"
)


def shifts_told(text: str) -> tuple[int, int] | None:
    """(the working days' shifts, the rest days) a message counts, or None."""
    m = _SHIFTS.search(text or "")
    value = parse_number(m.group("n")) if m else None
    if not value or not 0 < value <= 31:
        return None
    rest = _RESTS_WITH.search(text or "")
    extra = parse_number(rest.group("n")) if rest else 0
    return int(value), int(extra or 0) if (extra or 0) <= 10 else 0


# working days in a month on the standard week (21.75, counted whole): days worked beyond
# them were rest days
WORKDAYS_A_MONTH = 22


def month_overtime_text(
    day: float, days: int, monthly: float, said: str, rest_days: int | None = None
) -> str:
    """The month's overtime at the hours told a day: the working days' extra hours at 150 %,
    and days beyond the month's working days as rest days, all their hours at 200 %
    (`rest_days`: the rest days told as such, `days` then the working days)."""
    extra = day - STANDARD_DAY
    workdays = min(days, WORKDAYS_A_MONTH) if rest_days is None else days
    rest = days - workdays if rest_days is None else rest_days
    days = workdays + rest
    hours = extra * workdays
    hourly = round(monthly / 21.75 / 8, 2)
    weekday_pay = round(hourly * 1.5 * hours, 2)
    rest_pay = round(hourly * 2 * day * rest, 2)
    lines = [
        f"按您说的，每天{format_number(day)}小时，比8小时多{format_number(extra)}小时，"
        f"上个月{days}天"
        + (
            f"（按每月约{WORKDAYS_A_MONTH}个工作日算，另外{rest}天是休息日）"
            if rest and rest_days is None
            else f"（工作日{workdays}天，另外{rest}天是休息日）"
            if rest
            else ""
        )
        + f"，工作日一共加班{format_number(hours)}小时（每月上限是36小时）。",
        f"月工资{format_number(monthly)}元，小时工资={format_number(monthly)}÷21.75÷8"
        f"≈{format_number(hourly)}元；工作日加班不低于150%："
        f"{format_number(hourly)}×150%×{format_number(hours)}={format_number(weekday_pay)}元"
        + ("。" if not rest else "；"),
    ]
    if rest:
        lines.append(
            f"休息日上的{rest}天整天算加班，没补休的不低于200%："
            f"{format_number(hourly)}×200%×{format_number(day)}×{rest}={format_number(rest_pay)}元；"
            f"合计{format_number(round(weekday_pay + rest_pay, 2))}元。"
        )
    if _ALL_IN.search(said):
        lines.append(
            "说工资“包了”加班费的，要有书面约定，而且按正常工时折算的工资不能低于当地最低工资"
            "标准、加班部分不能低于法定标准；没有约定或折算不够的，要补足。"
        )
    lines.append(
        "法定节假日上的按300%。可以向劳动保障监察投诉（12333）或申请劳动仲裁。"
        if rest
        else "周末上的按200%（或补休），法定节假日300%。可以向劳动保障监察投诉（12333）或申请劳动仲裁。"
    )
    lines.append("依据：《劳动法》第四十一条、第四十四条；《工资支付暂行规定》第十三条")
    return "\n".join(lines)


# "这个月做了96个钟头 一个钟头25块": hours paid by the hour, and the rate
_HOURS_DONE = re.compile(rf"(?:做了|干了|上了|一共|总共)\s*(?P<n>{NUM})\s*个?(?:钟头|小时)")
_HOURLY_RATE = re.compile(
    rf"(?:一个?(?:钟头|小时)|每(?:个)?(?:钟头|小时)|时薪)(?:是|给|算|就|才|只有)?\s*(?P<n>{NUM})\s*(?:块|元)?"
)


# "20块一个钟头": the rate said before its hour
_RATE_FIRST = re.compile(rf"(?P<n>{NUM})\s*(?:块|元)钱?\s*(?:一个|每个?|1个)(?:钟头|小时)")


def hourly_total(text: str) -> tuple[float, float] | None:
    """(hours, the rate an hour) a message tells of work paid by the hour, or None."""
    done = _HOURS_DONE.search(text or "")
    rate = _HOURLY_RATE.search(text or "") or _RATE_FIRST.search(text or "")
    if done is None or rate is None:
        return None
    hours, pay = parse_number(done.group("n")), parse_number(rate.group("n"))
    if not hours or not pay or not 0 < hours <= 400 or not 0 < pay <= 1000:
        return None
    return hours, pay


def hourly_total_text(hours: float, rate: float) -> str:
    """Hours at an hour's rate: the pay, with the rules on it for work by the hour."""
    return "\n".join(
        [
            f"按您说的：{format_number(hours)}小时×{format_number(rate)}元="
            f"{format_number(round(hours * rate, 2))}元。",
            "按小时计酬的，小时工资不能低于当地最低小时工资标准（重庆的现行标准问12333），"
            "结算周期最长不超过15天；少给、拖着不给的，可以向劳动保障监察投诉（12333）。",
            "依据：《劳动合同法》第六十八条、第七十二条；《最低工资规定》第五条",
        ]
    )


# "一个月只休得到2天": the rest days of a month, the rest worked
_MONTH_REST = re.compile(
    rf"一个?月(?:只|就|才)?(?:休|休息|能休|休得到|休得了)(?:得到|得了)?\s*(?P<n>{NUM})\s*天"
)
# the standard hours of a month: 21.75 working days of 8 hours
MONTH_STANDARD = 174
DAYS_A_MONTH = 30


def month_told(text: str) -> tuple[float, int] | None:
    """(hours a day, days worked a month) for "一天上12个钟头 一个月只休得到2天", or None."""
    day = day_hours(text)
    rest = _MONTH_REST.search(text or "")
    if day is None or rest is None or not STANDARD_DAY < day <= 24:
        return None
    off = parse_number(rest.group("n"))
    if off is None or not 0 <= off < DAYS_A_MONTH:
        return None
    return day, DAYS_A_MONTH - int(off)


def month_text(day: float, days: int) -> str:
    """A month's hours against the standard month and the monthly overtime cap."""
    total = day * days
    over = total - MONTH_STANDARD
    lines = [
        f"按您说的，每天{format_number(day)}小时、一个月上{days}天左右：一个月约"
        f"{format_number(total)}小时，法定标准每月约174小时（21.75天×8小时），多出约"
        f"{format_number(over)}小时。",
        f"加班每天最多3小时、每月合计不超过{MONTH_CAP}小时；每周还要至少休息1天。"
        f"这样排班明显超过加班上限，属于违法超时加班。",
        "超出标准的部分都是加班，要付加班费：工作日不低于150%，休息日200%（或补休），"
        "法定节假日300%。可以向劳动保障监察投诉（12333），也可以找工会。",
        f"依据：{SOURCE}",
    ]
    return "\n".join(lines)


# "上个月工作日每天多上4个钟头 一共22天": hours over each day, and the days
# ("平时每天也要多做1个钟头 上个月上了22天")
_EACH_DAY_OVER = re.compile(
    rf"每天(?:都|也|还)?(?:要|得)?多(?:上|做|干|加|搞)了?\s*(?P<n>{NUM}|半)\s*个?\s*(?:小时|钟头|钟)"
)
# (only said as a total: "上了20天班 每天多做3个钟头" has its own reading, day by day)
_DAYS_IN_ALL = re.compile(rf"(?:一共|总共|共)\s*(?P<n>{NUM})\s*天")
# ("上个月周一到周五上了22天 每天都多干了2个钟头": the days worked, each with its extra hours)
_DAYS_WORKED = re.compile(rf"(?:一共|总共|共|上了|干了|做了)\s*(?P<n>{NUM})\s*天(?:班)?")


# "平时加了22天 每天都是2个钟头": the days of overtime, each of a few hours
_DAYS_OF_OVERTIME = re.compile(rf"(?:平时|工作日|晚上)?加了?\s*(?P<n>{NUM})\s*天(?:班)?")
_EACH_DAY_IS = re.compile(rf"每天(?:都)?是\s*(?P<n>{NUM}|半)\s*个?\s*(?:小时|钟头|钟)")
EVENING_MAX = 4  # more hours than this a day is the day's length, not its overtime


def evening_hours(text: str) -> float | None:
    """ "平时加了22天 每天都是2个钟头": the hours of each evening's overtime."""
    each, days = _EACH_DAY_IS.search(text or ""), _DAYS_OF_OVERTIME.search(text or "")
    if not (each and days):
        return None
    hours = 0.5 if each.group("n") == "半" else parse_number(each.group("n"))
    return hours if hours and 0 < hours <= EVENING_MAX else None


def each_day_said_as_hours(text: str, days_worked: bool = False) -> str:
    """ "每天多上4个钟头 一共22天" said as the weekday hours in all ("平时加了88个钟头");
    `days_worked`: also "上了22天" (where overtime of several kinds is added up)."""
    found = _DAYS_WORKED if days_worked else _DAYS_IN_ALL
    over, days = _EACH_DAY_OVER.search(text or ""), found.search(text or "")
    each = _EACH_DAY_IS.search(text or "") if days_worked else None
    overtime_days = _DAYS_OF_OVERTIME.search(text or "") if each else None
    if over is None and each and overtime_days:
        hours = 0.5 if each.group("n") == "半" else parse_number(each.group("n"))
        count = parse_number(overtime_days.group("n"))
        if hours and count and 0 < hours <= EVENING_MAX and 0 < count <= 31:
            told = f"平时加了{format_number(hours * count)}个钟头"
            return _DAYS_OF_OVERTIME.sub(" ", _EACH_DAY_IS.sub(told, text, count=1), count=1)
    if not (over and days):
        return text
    hours = 0.5 if over.group("n") == "半" else parse_number(over.group("n"))
    count = parse_number(days.group("n"))
    if not hours or not count or not 0 < count <= 31:
        return text
    told = f"平时加了{format_number(hours * count)}个钟头"
    return found.sub(" ", _EACH_DAY_OVER.sub(told, text, count=1), count=1)
