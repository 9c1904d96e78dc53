"""The years of an earlier job asked of the compensation worked out before ("我之前在电子厂干了9
年 是我自己辞职走的 那9年算不算进去"): whether they count, and the sum for the years at this
employer told before (bot/domain/earlier_job.py)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from actions.message import recent_bot_texts, recent_user_texts
from actions.worked_out_severance import SEVERANCE_TOPICS
from bot.domain.earlier_job import earlier_job_asked, earlier_job_text
from bot.domain.severance import monthly_pay
from bot.domain.years_here import latest_length

# a compensation worked out a turn or two before ("经济补偿约14400元")
_SHOWN_TURNS = 2


def earlier_job_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """Right after an answer on compensation (or its sum), an earlier job's years asked."""
    if not earlier_job_asked(text):
        return None
    after = tracker.get_slot("last_faq") in SEVERANCE_TOPICS or any(
        "经济补偿" in t for t in recent_bot_texts(tracker, _SHOWN_TURNS)
    )
    if not after:
        return None
    earlier = recent_user_texts(tracker, 4)
    return earlier_job_text(
        text, latest_length(earlier), next(filter(None, map(monthly_pay, earlier)), None)
    )
