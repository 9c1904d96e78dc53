"""The traffic police's finding told about a commuting accident ("下班路上被撞了 交警判对方全责
算工伤不"), right after the answer on it or with the question: whether it is 工伤 (split from
actions/worked_out.py; bot/domain/commute_injury.py reads the finding)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import previous_action
from bot.domain.commute_injury import commute_injury_text

# the entries after which "交警认定的是对方全责" tells the finding their rule needs
COMMUTE_TOPICS = frozenset({"injury_commute", "injury_what_counts"})
COMMUTE = "injury_commute"  # the entry whose rule the worked-out answer applies
_ON_THE_WAY = re.compile(r"上下班|上班路上|下班路上|回家路上|上班途中|下班途中|通勤")


def commute_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """The traffic police's finding, told right after the answer on commuting accidents or
    with the question ("下班路上被撞了 交警判对方全责 算工伤不"): whether it is 工伤."""
    after = (
        tracker.get_slot("last_faq") in COMMUTE_TOPICS
        and previous_action(tracker) == "action_answer_policy"
    )
    if not (after or (_ON_THE_WAY.search(text) and "工伤" in text)):
        return None
    return commute_injury_text(text)
