"""Hours of work worked out from what the worker says: a working week or month against the
limits (bot/domain/working_hours.py), work paid by the hour, a month's overtime at the hours a
day told before."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.message import recent_user_texts
from actions.severance_cues import SOMEONE_ELSE
from actions.worked_out_overtime import OVERTIME
from actions.worked_out_rest_hourly import rest_day_hourly_reply
from actions.worked_out_week import A_WEEK, SAID_WRONG, week_pay_reply
from bot.domain.part_time_hours import (
    PAID_BY_THE_HOUR,
    days_worked,
    hourly_rate,
    month_by_the_hour_text,
    paid_told,
    part_time_text,
    part_time_week,
    weeks_pay_text,
    weeks_told,
)
from bot.domain.severance import asks_how_much, monthly_pay
from bot.domain.working_hours import (
    STANDARD_DAY,
    day_hours,
    hourly_total,
    hourly_total_text,
    month_days_told,
    month_overtime_text,
    month_text,
    month_told,
    shifts_told,
    week_text,
    week_told,
)

HOURS_CAP = "hours_standard"  # the standard hours: its follow-ups ask the pay for more
PART_TIME = "flex_part_time"  # the entry on work paid by the hour
SHIFT_LOOKBACK = 5  # messages read back for the length of a shift
# the pay for the hours asked (the overtime calculator's), not whether the week is lawful
_SUM_ASKED = re.compile(r"加班费|好多钱|多少钱|工资.{0,6}(?:算|给)")


def _month_by_the_hour(text: str, earlier: list[str], rate: float | None) -> str | None:
    """ "上个月我上了26天 每天5个钟 按18块一个钟他该给我好多" (or the rate corrected after it,
    "说错了 是20块一个钟不是18"): the month's pay by the hour, and what is short."""
    told = [text, *earlier]
    days = days_worked(text)
    if days is None and hourly_rate(text) and SAID_WRONG.search(text):
        days = next(filter(None, map(days_worked, earlier)), None)
        told = [text, *[t for t in earlier if days_worked(t)]]
    if days is None and _MONTH_ASKED.search(text):
        # "要是我改成一天做4个钟头 … 一个月有好多": the month's days told before, this day
        days = next(filter(None, map(days_worked, earlier)), None)
        told = [text, *[t for t in earlier if days_worked(t)]]
    if days is None or rate is None:
        return None
    day = next(filter(None, map(day_hours, told)), None)
    if day is None or not 0 < day <= 12:
        return None
    return month_by_the_hour_text(days, day, rate, next(filter(None, map(paid_told, told)), None))


_MONTH_ASKED = re.compile(r"一个月(?:有|能拿|该拿|该有|拿|是)?(?:好多|多少)")
_MORE_DAYS = re.compile(r"周六|周天|周日|星期六|星期天|星期日|礼拜六|礼拜天")
_ALSO_COME = re.compile(r"也要(?:来|上|做|干)|也来|也得来|也喊")
_OTHER_PART_TIME_TOPIC = re.compile(r"保险|社保|辞退|不要我|开除|补偿|工伤|合同|试用")


def _part_time_reply(tracker: Tracker, text: str) -> str | None:
    """Work by the hour: the week told now, or its pay asked with the rate ("时薪22块 一周能拿
    好多" after "钟点工 一天做4个钟头 一周做6天"), the week read from the messages before."""
    earlier = recent_user_texts(tracker, 3)
    if not (
        PAID_BY_THE_HOUR.search(text)
        or (
            tracker.get_slot("last_faq") == PART_TIME and any(map(PAID_BY_THE_HOUR.search, earlier))
        )
    ):
        return None
    rate = next(filter(None, map(hourly_rate, [text, *earlier])), None)
    month = _month_by_the_hour(text, earlier, rate)
    if month is not None:
        return month
    if _OTHER_PART_TIME_TOPIC.search(text):
        # "…一个礼拜做6天 老板说我们是兼职的不买任何保险 是不是哦": the insurance asked, the
        # entry on work by the hour answers it (not the week's arithmetic)
        return None
    week = part_time_week(text)
    before = next(filter(None, map(part_time_week, earlier)), None)
    weeks = weeks_told(text)
    if weeks and rate and (week or before):
        # "那我一个月按4个礼拜算 能拿好多" after the week and the rate: that many weeks' pay
        return weeks_pay_text(*(week or before), weeks, rate)  # type: ignore[misc]
    if (
        week is None
        and asks_how_much(text)
        and (hourly_rate(text) is not None or (rate is not None and A_WEEK.search(text)))
    ):
        # ("那我一周能拿好多钱" after the week and the rate were told): the week before
        week = before
    day = day_hours(text)
    more = len(_MORE_DAYS.findall(text)) if _ALSO_COME.search(text) else 0
    if week is None and before is not None and more:
        # "老板又说周六周天也要来 也是一天4个钟头": those days added to the week told before
        week = (day if day is not None and 0 < day <= 12 else before[0], min(7, before[1] + more))
    if week is None and before is not None and day is not None and 0 < day <= 12:
        # "老板说下个月每天要做5个钟头 还是6天": the new day, the days a week as before
        week = (day, before[1])
    return part_time_text(*week, rate) if week is not None else None


def _shifts_reply(tracker: Tracker, text: str) -> str | None:
    """Shifts counted ("22个夜班", "也是22个夜班加2个星期六") longer than 8 hours, the shift told
    a few messages back ("晚上8点到早上8点"): the month's overtime."""
    shifts = shifts_told(text)
    if shifts is None:
        return None
    told = recent_user_texts(tracker, SHIFT_LOOKBACK)
    day = next(filter(None, map(day_hours, told)), None)
    # ("他工资5220": another's pay, told with the shifts; else the worker's told before)
    pay = monthly_pay(text)
    if pay is None and not SOMEONE_ELSE.search(text):
        pay = next(filter(None, map(monthly_pay, told[:3])), None)
    if pay is None or day is None or day <= STANDARD_DAY:
        return None
    return month_overtime_text(day, shifts[0], pay, text, rest_days=shifts[1])


def hours_reply(tracker: Tracker, text: str) -> tuple[str, str] | None:
    """The answer worked out from the hours told, with its FAQ entry, or None."""
    rest_day = rest_day_hourly_reply(tracker, text)
    if rest_day is not None:  # "那一个礼拜第6天那8个钟头 不补休的话该好多钱" by the hour
        return rest_day, OVERTIME
    part_time = _part_time_reply(tracker, text)
    if part_time is not None:  # "钟点工 一天做4个钟头 一周做6天 这个算不算非全日制"
        return part_time, PART_TIME
    shifts = _shifts_reply(tracker, text)
    if shifts is not None:  # "上个月一共上了22个夜班" after "晚上8点到早上8点" and the pay
        return shifts, OVERTIME
    week_pay = week_pay_reply(tracker, text)
    if week_pay is not None:  # "每天做10个钟头 一个礼拜上6天" and the week's overtime pay asked
        return week_pay, OVERTIME
    week = week_told(text)
    if week is not None and not _SUM_ASKED.search(text):
        # "我们厂每天要做11个钟头 一个星期做6天 这个合法不": the week against the limits
        return week_text(*week), HOURS_CAP
    by_hour = hourly_total(text) if asks_how_much(text) else None
    if by_hour is not None:
        # "这个月做了96个钟头 一个钟头25块 该拿好多": the hours at the rate
        return hourly_total_text(*by_hour), PART_TIME
    month = month_told(text) if week is None else None
    if month is not None and not _SUM_ASKED.search(text):
        # "一天上12个钟头 一个月只休得到2天 这个合法不": the month against the limits
        return month_text(*month), HOURS_CAP
    days = month_days_told(text)
    pay = monthly_pay(text)
    if days is not None and pay is not None:
        # "我基本工资3480 上个月上了22天 每天都这样" after the day's hours were told
        day = next(filter(None, map(day_hours, recent_user_texts(tracker, 3))), None)
        if day is not None and day > STANDARD_DAY:
            return month_overtime_text(day, days, pay, text), OVERTIME
    return None
