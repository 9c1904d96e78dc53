"""Paid time docked as unpaid leave, summed ("已经扣了我3天了 我一个月4785 该退我好多" right
after the answer that prenatal check-ups are working time): the days' pay to be returned
(bot/domain/leave_deduction.py)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.message import last_bot_text, recent_user_texts
from bot.domain.leave_deduction import docked_days_text

# an answer that says the time may not be docked ("不能算事假、不能扣工资")
_NOT_DOCKED = re.compile(r"不能扣工资|不应扣工资|不得扣|不能算事假|不能按事假扣|照发工资")


def paid_time_docked_reply(tracker: Tracker, text: str) -> tuple[str, str] | None:
    slug = tracker.get_slot("last_faq")
    if not slug or not _NOT_DOCKED.search(last_bot_text(tracker)):
        return None
    refund = docked_days_text(text, " ".join(recent_user_texts(tracker, 3)))
    return (refund, str(slug)) if refund is not None else None
