"""Social insurance worked out from what the worker says: how long unemployment benefit may
be drawn for the years of contributions told right after the answer on it."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from actions.message import previous_action
from bot.domain.unemployment import benefit_months_text, contribution_years

UNEMPLOYMENT = "si_unemployment"  # the entry on unemployment benefit


def unemployment_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """ "社保交了6年多" (or "实际只交了4年") right after the unemployment answer: the months."""
    if tracker.get_slot("last_faq") != UNEMPLOYMENT:
        return None
    if previous_action(tracker) != "action_answer_policy":
        return None
    years = contribution_years(text)
    return benefit_months_text(years) if years is not None else None
