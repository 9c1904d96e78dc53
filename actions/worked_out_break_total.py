"""The total asked after a long break's days and rest days outside it were worked out one by
one ("4个星期六 … 另外2个没补" then "国庆节1号2号3号" and "4号5号也上了", the pay corrected,
then "那这些加起一共该补我好多", or the pay put right): the holiday's own days at 300 %, its moved rest days and the
other rest days not given back at 200 % (bot/domain/break_time_off.py, overtime_mix.py)."""

from __future__ import annotations

from rasa_sdk import Tracker

from actions.message import recent_user_texts
from bot.domain.break_time_off import break_told
from bot.domain.long_breaks import named_holiday
from bot.domain.overtime_mix import HOURS_A_DAY, TOTAL, Part, mixed_overtime_text, parts_of
from bot.domain.severance import monthly_pay
from intents.numbers import format_number

# the messages read back for the break and the rest days before it
LOOKBACK = 6


def break_and_rest_days_total(tracker: Tracker, text: str, asked: bool = False) -> str | None:
    """The sum of a break's days and of rest days told apart from it, asked as a total
    (`asked`: the message asks it otherwise, the pay put right: "我工资说错了 是4350")."""
    if not (asked or TOTAL.search(text)) or parts_of(text):
        return None
    earlier = recent_user_texts(tracker, LOOKBACK)
    told = break_told(text, earlier)
    if told is None:
        return None
    named, own, moved = told
    # rest days told apart from the break ("4个星期六", less those given back as time off)
    rest = next(
        (
            p
            for t in earlier
            if named_holiday(t) is None
            for p in parts_of(t)
            if p.kind == "rest" and not p.days
        ),
        None,
    )
    pay = next(filter(None, map(monthly_pay, [text, *earlier])), None)
    if rest is None or pay is None or not own:
        return None
    others = rest.hours / HOURS_A_DAY
    lead = (
        f"{named[0]}当天{own}天按300%；长假里调休的休息日{moved}天，加上另外没补休的休息日"
        f"{format_number(others)}天，共{format_number(moved + others)}天按200%："
    )
    parts = [Part("rest", (moved + others) * HOURS_A_DAY), Part("holiday", own * HOURS_A_DAY)]
    return lead + "\n" + mixed_overtime_text(parts, pay)
