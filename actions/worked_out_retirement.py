"""The retirement age and month from a birth month ("我男的 1970年3月出生 好久能退"; "那我
老婆呢 76年6月的" right after the retirement answer) (split from actions/worked_out.py)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import previous_action, recent_user_texts
from bot.domain.contribution_years import paid_periods
from bot.domain.retirement import contract_at_retirement_text, retirement_text
from bot.domain.retirement_by_age import age_told, retirement_by_age_text

RETIREMENT = "si_retirement_age"  # the FAQ entry on the 2025 retirement reform
_ABOUT_RETIRING = re.compile(r"退休|能退|退得|领养老金|退下来")


def retirement_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """A birth month in a question about retiring ("我男的 1970年3月出生 好久能退"), or right
    after the retirement answer ("那我老婆呢 76年6月的"): the age and month worked out."""
    after = (
        tracker.get_slot("last_faq") == RETIREMENT
        and previous_action(tracker) == "action_answer_policy"
    )
    # ("还有我老婆 她是纺织厂的工人 1978年3月生的" with retiring talked of a few messages
    # before, a pension answer between)
    talked = _SPOUSE_BORN.search(text) is not None and any(
        _ABOUT_RETIRING.search(t) for t in recent_user_texts(tracker, 4)
    )
    by_age = _by_age(services, tracker, text)
    if by_age is not None:  # "我今年48 男的" after how many more years of contributions
        return by_age
    if not (after or talked or _ABOUT_RETIRING.search(text)):
        return None
    # ("退休了合同咋个弄 厂头要给我补偿不": the contract's end at the age, no birth month)
    return retirement_text(text, services.today()) or contract_at_retirement_text(text)


_SPOUSE_BORN = re.compile(
    r"(?:老婆|老公|爱人|媳妇|我妈|我爸|她|他)[^，,。]{0,16}(?:19\d{2}|\d{2})\s*年[^，,。]{0,4}(?:生|出生)"
)


# a pension's years or retiring talked of before ("还要交好多年才能退休领钱")
_ABOUT_PENSION = re.compile(r"退休|养老|领钱|领养老金")


def _by_age(services: Any, tracker: Tracker, text: str) -> str | None:
    """An age and the sex told ("我今年48 男的") while retiring or a pension is talked of: the
    retirement age, its year and what is short of the minimum years paid (told before)."""
    if age_told(text) is None:
        return None
    earlier = recent_user_texts(tracker, 3)
    if not any(_ABOUT_PENSION.search(t) for t in [text, *earlier]):
        return None
    paid = next((p for p in map(paid_periods, [text, *earlier]) if len(p) == 1), None)
    return retirement_by_age_text(text, services.today(), paid[0] / 12 if paid else None)
