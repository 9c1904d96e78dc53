"""Overtime pay worked out from the days or hours worked and the pay told: "国庆节加了三天班"
then "我日工资200" is answered "200×300%×3=1800元", as a union lawyer would, instead of the
rates alone.

《劳动法》第四十四条, 《工资支付暂行规定》第十三条: beyond the working day, at least 150 % of
the hourly pay; on a rest day without time off in lieu, at least 200 % of the daily pay; on a
public holiday, at least 300 %, on top of the holiday's normal pay and never replaced by time
off. 《关于职工全年月平均工作时间和工资折算问题的通知》: daily pay = monthly pay ÷ 21.75,
hourly pay = daily pay ÷ 8.
"""

from __future__ import annotations

import re

from bot.domain.long_breaks import (
    DATE_RANGE,
    HOLIDAYS_SOURCE,
    MONTHLY_SOURCE,
    SOURCE,
    dated_days,
    long_break_sum,
    money,
    named_holiday,
    part_of_range_told,
    range_told,
    split_sum,
)
from bot.domain.overtime_month import (
    DAYS_A_MONTH,
    REST_DAYS_COUNTED,
    count,
    weekdays_and_rest_days,
)
from bot.domain.overtime_said import (
    every_month,
    months_running,
    reread,
    rest_days_unpaid,
    without_today,
)
from bot.domain.severance import monthly_pay
from bot.domain.working_hours import each_day_said_as_hours, evening_hours
from intents.numbers import NUM, format_number, parse_number

WORK_DAYS_A_MONTH, HOURS_A_DAY = 21.75, 8

# the public holidays' own dates ("10月1号那天也上了班"): 10月1-3日, 1月1日, 5月1-2日
STATUTORY_DATE = r"(?<!\d)(?:10\s*月\s*0?[123]|0?1\s*月\s*0?1|0?5\s*月\s*0?[12])\s*[号日](?!\d)"
_HOLIDAY = re.compile(
    r"节假日|法定假|法定节|国庆|春节|过年|除夕|大年|初[一二三四五六七八]|五一|劳动节|元旦|清明|端午|中秋|"
    + STATUTORY_DATE
)
_REST_DAY = re.compile(r"周末|星期六|星期天|星期日|礼拜六|礼拜天|周六|周日|休息日|双休|休息天")
# how much overtime, said with its verb ("加了三天班", "加班3天", "多干了20个小时", "加班一共是
# 44个钟头"): "每天干12个小时" tells the working day, not the overtime
_WORKED = r"(?:加班了?|加了|加|多干了?|多上了?|多做了?|上了|干了|做了)"
# ("元旦那天要是也喊我去上3个小时呢": hours after a bare 上)
_WORKED_HOURS = r"(?:加班了?|加了|加|多干了?|多上了?|多做了?|上了|干了|做了|去上|上(?=\s*[\d一二两三四五六七八九十半]))\s*(?:[一总]共)?[是有]?"
_DAYS = re.compile(rf"{_WORKED}\s*(?P<n>{NUM}|半)\s*(?:个)?(?:天|日)")
_HOURS = re.compile(rf"{_WORKED_HOURS}\s*(?P<n>{NUM}|半)\s*个?(?:小时|钟头|钟)")
_DAILY = re.compile(
    # ("我一天工资算150")
    rf"(?:日工资|日薪|一天|每天|天工资)(?:的)?(?:工资)?(?:是|有|才|就|大概|算|按)*\s*(?P<pay>{NUM})\s*(?:块|元)?"
)
_HOURLY = re.compile(
    rf"(?:时薪|小时工资|一个?小时|每小时|一个钟头)(?:是|有|才|就)*\s*(?P<pay>{NUM})\s*(?:块|元)?"
)
# a whole day worked on a rest day or a holiday, said without a number of days
_WHOLE_DAY = re.compile(
    r"一整天|整整一天|一天都|全天|整天|(?:上了?|干了?|做了?|加了?)一天|那天(?:也|都|还)?(?:上了?班|加了?班)"
    # "元旦那天要是喊我上班呢": that one day, asked of
    r"|(?:那天|当天|那一天)[^，,。\d]{0,10}(?:上班|上了班|加班)"
    # "元旦要是也喊我去上班呢": a holiday of one day, asked of
    r"|(?:元旦|清明|端午|中秋)(?:节)?(?:那天|当天)?(?:要是|如果|假如)?(?:也)?(?:喊我|叫我|让我|要我)?(?:去)?"
    r"(?:上班|加班)"
    # "国庆节那天也上了的", "五一那天我也上了的": the day worked, said without 班
    r"|(?:那天|当天|那一天)(?:我们?)?(?:也|都|还)?(?:上了|干了|做了|去了|加了)(?:的|嘛|哦)?(?:呢)?(?=$|[\s，,。])"
    # "上个礼拜六喊我们加班": one rest day, named
    r"|(?:上个|上一个|上|这个|这)(?:礼拜|星期|周)[六天日][^，,。]{0,6}(?:上班|上了班|加班|加了班)"
    # "培训那天应该给我好多", "如果培训安排在国庆节那天呢": the day of a training or meeting
    r"|(?:培训|开会|学习|考试)[^，,。\d]{0,6}(?:那天|那一天|当天)"
)
# "这3天又咋算", "国庆1号到3号": days of a holiday told without a verb ("星期六一天": not 六一)
_DAYS_BARE = re.compile(rf"(?<![期拜周])(?P<n>{NUM})\s*天")
# "一个月下来差不多40个钟头": the month's overtime hours, told as a total
_MONTH_HOURS = re.compile(
    rf"(?:一个月|每个?月|上个?月)[^，,。]{{0,6}}?(?P<n>{NUM})\s*个?(?:钟头|小时|钟)"
)
# the hours of each evening told ("每天晚上都加班2个钟"), then the days ("加了22天")
_EVERY_EVENING = re.compile(r"(?:每天|天天)(?:晚上)?(?:都|要)?(?:加班|加|多做|多干|多上)")
_EVENINGS_COUNTED = re.compile(
    rf"(?:加了|加班了|上了|做了|干了|搞了|一共|总共)\s*(?P<n>{NUM})\s*天"
)
MIN_DAILY, MAX_DAILY = 30, 5000
MIN_HOURLY, MAX_HOURLY = 5, 1000


def _first(pattern: re.Pattern[str], text: str, low: float, high: float) -> float | None:
    for m in pattern.finditer(text):
        value = parse_number(m.group("pay"))
        if value is not None and low <= value <= high:
            return value
    return None


def _without_pay(text: str, pattern: re.Pattern[str], low: float, high: float) -> str:
    """`text` without the pay it states ("一天工资150"), keeping what only looks like it
    ("上一天 8个钟头": a day and its hours, no pay of 8 元)."""

    def drop(m: re.Match[str]) -> str:
        value = parse_number(m.group("pay"))
        return " " if value is not None and low <= value <= high else m.group(0)

    return pattern.sub(drop, text)


def _own_count(text: str) -> bool:
    """The message tells a number of hours or days of overtime of its own."""
    return count(_HOURS, text) is not None or count(_DAYS, text) is not None


def long_break_text(text: str) -> str | None:
    """ "国庆放七天 七天都按这个算吗": which days of a long break are the public holiday (300 %)
    and which are moved rest days (time off in lieu, else 200 %), when more days than the
    holiday's own are told and no pay is."""
    named = named_holiday(text)
    days = count(_DAYS_BARE, text) or count(_DAYS, text)
    dated = dated_days(named, text) if days is None else None
    if dated is not None and dated[1]:
        days = float(sum(dated))  # "1号2号3号都上了 4号5号也上了": the dates counted
    if named is None or days is None:
        return None
    name, own, when = named
    if days <= own or days > 15:
        return None
    return "\n".join(
        [
            f"不是{format_number(days)}天都按300%：{name}的法定节假日只有{own}天（{when}），这{own}天"
            "加班不低于日工资的300%，在正常工资以外另给，不能用补休抵；",
            f"其余{format_number(days - own)}天是调休出来的休息日，单位可以安排补休，补不了的不低于日工资的200%。"
            "告诉我日工资或月工资，可以帮您算出具体金额。",
            f"依据：{SOURCE}{HOLIDAYS_SOURCE}",
        ]
    )


# "每天还是12个钟头", "一天12个小时": the hours of each day worked, when longer than 8
_LONG_DAY = re.compile(
    rf"(?:每天|一天)(?:都|还是|也)?(?:是|上|干|做)?\s*(?P<n>{NUM})\s*个?(?:小时|钟头|钟)"
)


def _long_day(text: str) -> float | None:
    m = _LONG_DAY.search(text or "")
    value = parse_number(m.group("n")) if m else None
    return value if value is not None and HOURS_A_DAY < value <= 16 else None


# "5月3号": a day of the month (not the start of a range "3号到5号")
_ONE_DATE = re.compile(r"(?<!\d)(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[号日](?!\s*(?:到|至|-|~))")


def overtime_pay_text(text: str, dates_text: str | None = None) -> str | None:
    """The overtime pay for a message that tells when the overtime was, how much of it and
    the pay (daily, hourly or monthly), else None; `dates_text`: where to read the days of
    the month worked ("10月1号2号3号", "那4号5号呢"), when `text` joins several messages."""
    text, dates_text, corrected_hours = reread(text, dates_text)
    # ("今天礼拜天哇 那算了 我先问你嘛 … 平时晚上加了20个钟头": today's day, no overtime's)
    text = each_day_said_as_hours(without_today(rest_days_unpaid(text)))
    dates_text = (
        each_day_said_as_hours(without_today(dates_text)) if dates_text is not None else None
    )
    # the message itself tells how much overtime ("平时每天晚上还要加两个钟头" after the rest
    # days and the holiday were worked out): its own kind of day, not the earlier messages'
    own = dates_text if dates_text is not None and _own_count(dates_text) else text
    # ("还有10月1号国庆那天也上了班的" after rest days were worked out: that holiday's day)
    one_day = (
        dates_text is not None
        and not _own_count(dates_text)
        and count(_DAYS_BARE, dates_text) is None
        and count(_HOURS, dates_text) is None  # ("国庆那天上了4个钟头": its hours)
        # ("还有5月3号 那天是我的休息日": one day named by its date)
        and (_WHOLE_DAY.search(dates_text) is not None or len(_ONE_DATE.findall(dates_text)) == 1)
        and (_HOLIDAY.search(dates_text) or _REST_DAY.search(dates_text)) is not None
    )
    if one_day:
        own = dates_text
    if (
        dates_text is not None
        and not _HOLIDAY.search(dates_text)
        and count(REST_DAYS_COUNTED, dates_text) is not None
    ):
        own = dates_text  # "那两个周六该好多钱" after a holiday and rest days: those Saturdays
    holiday, rest = _HOLIDAY.search(own), _REST_DAY.search(own)
    # the counts, once the pay is taken out ("一天工资150" is no day of overtime)
    rest_of_it = _without_pay(
        _without_pay(text, _DAILY, MIN_DAILY, MAX_DAILY), _HOURLY, MIN_HOURLY, MAX_HOURLY
    )
    days, hours = count(_DAYS, rest_of_it), count(_HOURS, rest_of_it)
    month_hours = count(_MONTH_HOURS, own)
    if month_hours is not None:
        hours = month_hours  # "每天多做2个钟 一个月下来差不多40个钟头": the month's hours
    if corrected_hours:
        hours = corrected_hours  # the figure corrected wins over the one told before
    if one_day:
        days, hours = 1.0, None
    hourly = _first(_HOURLY, text, MIN_HOURLY, MAX_HOURLY)
    daily = _first(_DAILY, text, MIN_DAILY, MAX_DAILY)
    monthly = None if daily or hourly else monthly_pay(text)
    if (daily or hourly) and dates_text and not _DAILY.search(dates_text):
        # ("帮工小何工资4350 他元旦也上了的" after "一天250呢": the month's pay told now wins)
        monthly = monthly_pay(dates_text)
        daily, hourly = (None, None) if monthly else (daily, hourly)
    base = ""
    if monthly:
        daily = monthly / WORK_DAYS_A_MONTH
        base = f"按月工资{money(monthly)}元折算，日工资={money(monthly)}÷21.75≈{money(daily)}元。"
    if daily is None and hourly is not None:
        daily = hourly * HOURS_A_DAY
    if daily is None:
        return None
    evening = hours if hours is not None else evening_hours(rest_of_it)
    both = weekdays_and_rest_days(text, rest_of_it, evening, daily, hourly, dates_text)
    if both is not None and not holiday:
        # "上个月上了20天班 每天都要多加2个钟头 还有4个星期六也喊去上了": the month's two kinds
        told, rule = both
    elif holiday or rest:
        counted = count(REST_DAYS_COUNTED, dates_text if dates_text is not None else text)
        if rest and not holiday and counted is not None:
            days = counted  # the rest days this message counts, not the month's days
        bare = count(_DAYS_BARE, dates_text) if dates_text is not None else None
        if bare is not None and holiday and _HOLIDAY.search(dates_text or ""):
            days = bare  # "那国庆那三天也上了班呢": this message's days, not the earlier ones
        if days is None:
            span = DATE_RANGE.search(rest_of_it)
            if span and 0 <= int(span.group("b")) - int(span.group("a")) < 10:
                days = float(int(span.group("b")) - int(span.group("a")) + 1)
            elif _DAYS_BARE.search(DAYS_A_MONTH.sub(" ", rest_of_it)):
                days = count(_DAYS_BARE, DAYS_A_MONTH.sub(" ", rest_of_it))
        if days is None and _WHOLE_DAY.search(rest_of_it):
            days = 1.0  # "周六上了一整天", "国庆节那天也上了班"
        elif days is None and hours is not None:
            days = hours / HOURS_A_DAY  # "周六加了8个钟头": a day's work
        named = named_holiday(text) if holiday else None
        if dates_text is not None and part_of_range_told(dates_text, text):
            dates_text = None  # "4号5号也莫得补休" after "1号到5号都在上班": all five days
        if days is None and dated_days(named, dates_text if dates_text is not None else text):
            days = 0.0  # the dates say how many
        if days is None:
            return None
        dated = dated_days(named, dates_text if dates_text is not None else text)
        # (the dates told in this message count, not a number of days told before: "10月1号
        # 2号3号都在厂头上班" after "周末又加了2天")
        dates_own = dates_text is not None and count(_DAYS, dates_text) is None
        # ("除夕到初三都上了 一天8个钟头": the range's days, "一天" the length of each)
        ranged = dated is not None and sum(dated) > (days or 0) and range_told(own)
        if dated is not None and (dated[1] or days is None or days == 0 or dates_own or ranged):
            # "10月1号2号3号都在上班", "那4号5号呢": the holiday's own dates at 300 %, the
            # other days of the break at 200 %
            own, moved = dated
            if moved:
                return split_sum(named, own, moved, daily, base, monthly is not None)
            days = float(own)
        if named is not None and named[1] < days <= 15:
            return long_break_sum(named, days, daily, base, monthly is not None)
        rate, kind = (3, "法定节假日") if holiday else (2, "休息日")
        long_day = _long_day(text)
        if long_day is not None:
            # "每天还是12个钟头": a longer day than 8 hours, paid by its hours
            daily = daily * long_day / HOURS_A_DAY
        sum_ = daily * rate * days
        told = f"按您说的：{kind}加班{format_number(days)}天，日工资{money(daily)}元。"
        if long_day is not None:
            told = (
                f"按您说的：{kind}加班{format_number(days)}天，每天{format_number(long_day)}小时，"
                f"按小时工资{money(daily / long_day)}元算一天{money(daily)}元。"
            )
        if holiday:
            rule = (
                f"法定节假日加班费不低于日工资的300%：{money(daily)}×300%×{format_number(days)}"
                f"={money(sum_)}元，是正常工资以外另给的，不能用补休抵。"
            )
            if days > 1:
                # a long break holds rest days moved around the public holidays
                rule += "长假里只有法定节假日当天按300%算，调休出来的休息日按200%算（或安排补休）。"
        else:
            rule = (
                "休息日加班单位可以先安排同等时间的补休；补不了休的，不低于日工资的200%："
                f"{money(daily)}×200%×{format_number(days)}={money(sum_)}元。"
            ) + every_month(own, sum_, money)  # ("一个月4个周六 3个月了": every month of them)
        if hours is not None and long_day is None and days == hours / HOURS_A_DAY < 1:
            # "元旦那天上3个小时": told and paid by the hour ("0.38天" says nothing to a worker)
            hour_pay = daily / HOURS_A_DAY
            told = f"按您说的：{kind}加班{format_number(hours)}小时，小时工资{money(hour_pay)}元。"
            rule = (
                f"{kind}加班费不低于小时工资的{rate * 100}%：{money(hour_pay)}×{rate * 100}%×"
                f"{format_number(hours)}={money(sum_)}元"
                + (
                    "，是正常工资以外另给的，不能用补休抵。"
                    if holiday
                    else "；也可以先安排同等时间的补休。"
                )
            )
    elif hours is not None:
        hour_pay = hourly or daily / HOURS_A_DAY
        sum_ = hour_pay * 1.5 * hours
        told = (
            f"按您说的：工作日下班后加班{format_number(hours)}小时，小时工资{money(hour_pay)}元。"
        )
        rule = (
            f"工作日延长工时的加班费不低于小时工资的150%：{money(hour_pay)}×150%×"
            f"{format_number(hours)}={money(sum_)}元。"
        )
        month_days = count(DAYS_A_MONTH, text)
        if month_days is None and _EVERY_EVENING.search(text):
            # "每天晚上都加班2个钟 加了22天": the evenings counted after the hours of each
            month_days = count(_EVENINGS_COUNTED, text)
        if month_days and month_days <= 31:
            # "每天要加班2个钟头 一个月上22天班": the month's overtime pay
            rule += (
                f"一个月按{format_number(month_days)}天算：{money(sum_)}×{format_number(month_days)}"
                f"={money(sum_ * month_days)}元。"
            )
        months = months_running(own) if month_hours is not None else None
        if months:
            # "每个月都要多上30个钟头 搞了半年了": the month's overtime, every month of them
            rule += f"{format_number(months)}个月一共{money(sum_)}×{format_number(months)}={money(sum_ * months)}元。"
    else:
        return None
    source = SOURCE + (MONTHLY_SOURCE if monthly else "")
    lines = [told, *([base] if base else []), rule]
    lines.append(
        "工资基数按劳动合同约定的本人工资算，不能拿很低的底薪当基数；少给的可以找劳动保障监察投诉或申请仲裁。"
    )
    lines.append(f"依据：{source}")
    return "\n".join(lines)
