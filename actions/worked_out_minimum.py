"""The minimum wage against pay said to hold the overtime ("老板说这1800里头还有加班费 我每个
月平时加班差不多30个钟头" after "一个月才发1800 这个低于最低工资没得"): the overtime left out
(bot/domain/minimum_wage.py); piece-rate pay below it for a full month ("计件 … 天天按时上班的
算下来应发只有1600"), the difference to the minimum the worker gives ("最低工资是2100 … 该补我
好多"), and what follows if it is not made up (bot/domain/minimum_shortfall.py)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import last_bot_text, recent_user_texts
from bot.domain.minimum_shortfall import (
    FULL_MONTH,
    LEAVE_AFTER,
    LEAVE_TAKEN,
    PIECE_WORK,
    UNPAID_AFTER,
    minimum_told,
    paid_told,
    piece_rate_floor_text,
    shortfall_text,
)
from bot.domain.minimum_wage import (
    OVERTIME_INSIDE,
    overtime_hours,
    overtime_inside_text,
    sum_inside,
)
from bot.domain.severance import asks_how_much, monthly_pay

MINIMUM_WAGE = "wage_minimum"  # the entry on the minimum wage
_ABOUT_MINIMUM = re.compile(r"最低工资|最低标准")


def minimum_wage_reply(services: Any, tracker: Tracker, text: str) -> tuple[str, str] | None:
    """Pay said to hold the overtime, the minimum wage asked now or just before."""
    if not OVERTIME_INSIDE.search(text):
        short = _shortfall(tracker, text)
        return (short, MINIMUM_WAGE) if short else None
    earlier = recent_user_texts(tracker, 3)
    if not (
        tracker.get_slot("last_faq") == MINIMUM_WAGE
        or any(map(_ABOUT_MINIMUM.search, [text, *earlier]))
    ):
        return None
    pay = sum_inside(text) or next(filter(None, map(monthly_pay, [text, *earlier])), None)
    return overtime_inside_text(pay, overtime_hours(text)), MINIMUM_WAGE


SHORTFALL_LOOKBACK = 6
_SHORTFALL_SHOWN = "单位至少要补差额"
# "厂头要是不补 会咋个样", "他不给补咋办"
_IF_NOT_PAID = re.compile(r"不(?:补|给|发)[^，,。]{0,6}(?:咋|怎么|会|呢|如何)")
_OVERTIME_ASKED = re.compile(r"加班")


def _low_pay_said(said: str) -> bool:
    return bool(FULL_MONTH.search(said) or PIECE_WORK.search(said) or _ABOUT_MINIMUM.search(said))


def _shortfall(tracker: Tracker, text: str) -> str | None:
    """Piece-rate pay below the minimum for a full month ("计件 … 天天按时上班的 … 应发只有1600
    … 这个对吗"); the difference to the minimum the worker gives, this message's pay or the one
    told before ("他该补好多" of a workmate's 1350); what follows if it is not made up."""
    if _SHORTFALL_SHOWN in last_bot_text(tracker) and _IF_NOT_PAID.search(text):
        return UNPAID_AFTER
    if _SHORTFALL_SHOWN in last_bot_text(tracker) and LEAVE_TAKEN.search(text):
        return LEAVE_AFTER  # "等哈 他上个月请了5天事假" after a workmate's difference
    earlier = recent_user_texts(tracker, SHORTFALL_LOOKBACK)
    minimum = minimum_told(text) or next(filter(None, map(minimum_told, earlier)), None)
    own = paid_told(text) if _low_pay_said(text) else None
    paid = own or next((paid_told(t) for t in earlier if paid_told(t) and _low_pay_said(t)), None)
    if minimum and paid and asks_how_much(text) and (own or minimum_told(text)):
        return shortfall_text(paid, minimum)
    if (
        own
        and minimum is None
        and PIECE_WORK.search(text)
        and FULL_MONTH.search(text)
        and not _OVERTIME_ASKED.search(text)
    ):
        return piece_rate_floor_text()
    return None
