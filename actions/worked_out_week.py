"""A working week's overtime pay read from the conversation (bot/domain/week_overtime.py does
the arithmetic): the week told as hours a day and days a week ("每天做10个钟头 一个礼拜上6天"),
its pay asked then or after ("那一个礼拜加班费该好多嘛"), a rest day's hours corrected ("星期六只
做8个钟头"), the month of such weeks ("那一个月下来呢 按4个礼拜算"), the same week at someone
else's pay ("我兄弟 工资4350 也是跟我一样这么上的班 他一个礼拜好多")."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.message import last_bot_text, previous_action, recent_user_texts
from bot.domain.severance import asks_how_much, monthly_pay
from bot.domain.week_overtime import (
    Week,
    month_of_weeks_text,
    rest_day_hours,
    week_overtime_text,
    weeks_told,
    with_rest_hours,
)
from bot.domain.working_hours import STANDARD_DAY, day_hours, week_days

# the worker's messages before this one that may hold the week ("我兄弟 … 跟我一样" five
# messages after the week was told)
WEEK_LOOKBACK = 6
A_WEEK = re.compile(r"一周|一个?星期|一个?礼拜|每周|每个?星期|每个?礼拜")
_PAY_ASKED = re.compile(r"加班费|好多钱|多少钱")
_SUM_ASKED = re.compile(r"加班费|好多|多少|几多")
_A_MONTH = re.compile(r"一个月|每个月|一月下来|整个月")
# ("一个月加班有上限没得": the limit asked, not the month's pay)
_LIMIT_ASKED = re.compile(r"上限|最多|封顶|超过|合法|违法")
# "那一个月呢", "一个月下来": the month asked after the week's pay
_FOLLOW_UP = re.compile(r"呢|喃|嘞|下来|算一下|算下")
# "也是跟我一样这么上的班", "和我上的一样"
_SAME_AS_MINE = re.compile(r"(?:跟|和|同)我[^，,。]{0,4}一样|一样(?:这么|这样)?上|同样")
SAID_WRONG = re.compile(r"(?:说|打|写|搞|记)错了|不对|不是")
# the last answer summed a week (or a month of weeks): "一周加班费合计1050元"
_WEEK_SUMMED = re.compile(r"一周加班费")


def week_of(text: str) -> tuple[float, int] | None:
    """(hours a day, days a week) told, when there is overtime in it: more than 8 hours a day
    or more than 5 days a week."""
    day, days = day_hours(text), week_days(text)
    if day is None or days is None or not 0 < day <= 24 or not 1 <= days <= 7:
        return None
    return (day, days) if day > STANDARD_DAY or days > 5 else None


def _on_hours(tracker: Tracker) -> bool:
    slug = str(tracker.get_slot("last_faq") or "")
    return slug.startswith(("hours_", "ot_")) and previous_action(tracker) == (
        "action_answer_policy"
    )


# the day worked beyond five, pointed at ("那第六天算好多钱")
_EXTRA_DAY = re.compile(
    r"第(?:六|6|七|7)天|多(?:上|做|干)的(?:那)?(?:一)?天|周六那天|星期六那天|礼拜六那天"
)


def week_pay_reply(tracker: Tracker, text: str) -> str | None:
    """The week's overtime pay (or a month of such weeks) when the message asks it, corrects
    it, or asks it for someone working the same week, the week told now or just before."""
    earlier = recent_user_texts(tracker, WEEK_LOOKBACK)
    told = [text, *earlier]
    at = next((i for i, said in enumerate(told) if week_of(said)), None)
    if at is None:
        return None
    summed = _WEEK_SUMMED.search(last_bot_text(tracker)) is not None
    pay_now = monthly_pay(text)
    asked = asks_how_much(text) or _PAY_ASKED.search(text) is not None
    month = (
        _A_MONTH.search(text) is not None or weeks_told(text) is not None
    ) and not _LIMIT_ASKED.search(text)
    if at == 0:
        # "底薪5220 每天10个钟头 一个礼拜上6天 一个礼拜加班费好多": the week told and its pay
        # (not "这样算加班不": whether it is overtime, the week against the limits)
        wanted = _SUM_ASKED.search(text) and A_WEEK.search(text) and not _LIMIT_ASKED.search(text)
    else:
        wanted = (
            # "那一个礼拜加班费该好多嘛" right after the week checked against the limits
            (_on_hours(tracker) and A_WEEK.search(text) and asked)
            # "星期六只做8个钟头", "工资说错了 是5400" after the week's pay
            or (summed and (rest_day_hours(text) or (pay_now and SAID_WRONG.search(text))))
            # "那一个月下来呢 按4个礼拜算" after the week's pay
            or (summed and month and (asked or weeks_told(text) or _FOLLOW_UP.search(text)))
            # "我兄弟 工资4350 也是跟我一样这么上的班 他一个礼拜好多"
            or (pay_now and _SAME_AS_MINE.search(text) and asked)
            # "我工资4500 那第六天算好多钱" after a six-day week checked against the limits
            or (pay_now and asked and _on_hours(tracker) and _EXTRA_DAY.search(text))
        )
    if not wanted:
        return None
    pay = pay_now or next(filter(None, map(monthly_pay, told[: at + 1])), None)
    if pay is None:
        return None
    week = Week(*week_of(told[at]), pay)  # type: ignore[misc]
    for said in reversed(told[: at + 1]):  # the rest days' hours, the latest told winning
        week = with_rest_hours(week, rest_day_hours(said))
    if month or (summed and not A_WEEK.search(text) and _month_last(tracker)):
        weeks = next(filter(None, map(weeks_told, told[: at + 1])), None)
        return month_of_weeks_text(week, weeks)
    return week_overtime_text(week)


def _month_last(tracker: Tracker) -> bool:
    """The last answer was a month of weeks ("按4周算：930×4=3720元")."""
    return re.search(r"周算", last_bot_text(tracker)) is not None
