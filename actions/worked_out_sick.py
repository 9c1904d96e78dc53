"""Sick leave's dismissal worked out from what the worker says: "厂头说歇超过两个月就要辞退我"
after the years in all and at this employer were told is answered with the medical period
and whether those months fall within it (bot/domain/medical_period.py)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from actions.message import recent_user_texts
from bot.domain.medical_period import months_off_threatened, threatened_within_text, years_told

NO_DISMISSAL = "sick_no_dismissal"  # the entry on no dismissal within the medical period
# messages read back for the years told
LOOKBACK = 5


def threatened_dismissal_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """A dismissal threatened after months of sick leave, the years told before."""
    months = months_off_threatened(text)
    if months is None:
        return None
    for told in [text, *recent_user_texts(tracker, LOOKBACK)]:
        total, here = years_told(told)
        if total is not None and here is not None:
            return threatened_within_text(months, total, here)
    return None
