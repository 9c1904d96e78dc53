"""The last wages of a worker who left, held back, worked out from the figures told over
several messages ("老板欠我工资 我11月干到18号就走了 他说不给", then "一个月4350 11月份上了12天
班", "10月份的也还没给我", "等哈 11月上的是14天 我数错了"): the days at the month's pay ÷ 21.75
and the whole months unpaid added (bot/domain/last_wages.py; 《工资支付暂行规定》第九条)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import recent_user_texts
from actions.worked_out_unused_leave import leaves_the_job
from bot.domain.last_wages import days_month, days_said, last_wages_text, months_unpaid
from bot.domain.severance import monthly_pay

LOOKBACK = 6
# wages told as held back ("老板欠我工资", "他说辞职就不给工资", "工资一直没发")
WAGES_HELD = re.compile(
    r"欠[^，,。]{0,3}工资|工资[^，,。]{0,6}(?:不给|没给|不发|没发|不结)"
    r"|(?:不给|没给|不发|没发|不结)[^，,。]{0,3}工资"
)


def told_owed_now(text: str) -> bool:
    """The message tells a figure of the last wages: the days worked or a month not paid."""
    return days_said(text) is not None or bool(months_unpaid(text))


def last_wages_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """The days worked or a month unpaid told now, the rest told before: the sum owed."""
    if not told_owed_now(text):
        return None
    told = [text, *recent_user_texts(tracker, LOOKBACK)]
    if not any(WAGES_HELD.search(t) or months_unpaid(t) for t in told):
        return None
    # (this message first: the days said again win over those told before)
    said = next((t for t in told if days_said(t) is not None), None)
    pay = next(filter(None, map(monthly_pay, told)), None)
    if said is None or not pay:
        return None
    month = days_month(said)
    unpaid = set().union(*map(months_unpaid, told)) - {month}
    days, left = days_said(said), any(map(leaves_the_job, told))
    return last_wages_text(days, pay, len(unpaid), month, left) if days else None
