"""Probation pay by the day against 80 % of the day's pay agreed (bot/domain/probation_daily.py):
"那试用期一天最少该好多" after "说好转正以后一天260 试用期一天只给200" is 208元; "上个月我做了22天
少给了我好多" is 176元; the days put right ("等哈 我记错了 上个月是做了24天") worked out again."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.message import last_bot_text, recent_user_texts
from bot.domain.probation_daily import (
    days_worked,
    floor_text,
    probation_day_pay,
    regular_day_pay,
    short_for_days_text,
)
from bot.domain.severance import asks_how_much

LOOKBACK = 6
_CORRECTED = re.compile(r"(?:打|说|写|搞|记|看|数)错了|不是")
_AFTER_A_SUM = "试用期做了"  # the last answer summed the days short
_LEAST_ASKED = re.compile(r"最少|最低|至少|少给|差")


def probation_daily_reply(tracker: Tracker, text: str) -> str | None:
    """The day's floor in probation, or the days' shortfall, when the conversation told both
    day's pays and this message asks or puts the days right."""
    told = [text, *recent_user_texts(tracker, LOOKBACK)]
    regular = next(filter(None, map(regular_day_pay, told)), None)
    paid = next(filter(None, map(probation_day_pay, told)), None)
    if regular is None or paid is None:
        return None
    days = days_worked(text)
    if days and (
        asks_how_much(text) or (_CORRECTED.search(text) and _AFTER_A_SUM in last_bot_text(tracker))
    ):
        return short_for_days_text(regular, paid, days)
    if days is None and (
        (regular_day_pay(text) and probation_day_pay(text))
        or ("试用" in text and asks_how_much(text) and _LEAST_ASKED.search(text))
    ):
        return floor_text(regular, paid)
    return None
