"""The minimum wage against pay said to hold the overtime ("老板说这1800里头还有加班费 我每个
月平时加班差不多30个钟头" after "一个月才发1800 这个低于最低工资没得"): the overtime left out
(bot/domain/minimum_wage.py)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import recent_user_texts
from bot.domain.minimum_wage import (
    OVERTIME_INSIDE,
    overtime_hours,
    overtime_inside_text,
    sum_inside,
)
from bot.domain.severance import monthly_pay

MINIMUM_WAGE = "wage_minimum"  # the entry on the minimum wage
_ABOUT_MINIMUM = re.compile(r"最低工资|最低标准")


def minimum_wage_reply(services: Any, tracker: Tracker, text: str) -> tuple[str, str] | None:
    """Pay said to hold the overtime, the minimum wage asked now or just before."""
    if not OVERTIME_INSIDE.search(text):
        return None
    earlier = recent_user_texts(tracker, 3)
    if not (
        tracker.get_slot("last_faq") == MINIMUM_WAGE
        or any(map(_ABOUT_MINIMUM.search, [text, *earlier]))
    ):
        return None
    pay = sum_inside(text) or next(filter(None, map(monthly_pay, [text, *earlier])), None)
    return overtime_inside_text(pay, overtime_hours(text)), MINIMUM_WAGE
