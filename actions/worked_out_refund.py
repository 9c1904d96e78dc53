"""What a leaving worker is owed back, added up when asked in all ("还有最后半个月工资2100也没给
总共该退我好多" after "交了800押金 … 辞职了老板不退"): each item told in the last few messages
and its figure, and the total (bot/domain/owed_on_leaving.py)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import recent_user_texts
from bot.domain.overtime_mix import TOTAL
from bot.domain.owed_on_leaving import owed_items, owed_on_leaving_text

DEPOSIT_ENTRY = "contract_id_deposit"  # the entry on deposits and papers kept
_ASKS_SUM = re.compile(r"好多|多少|几多|好些钱")
LOOKBACK = 4


def owed_on_leaving_reply(services: Any, tracker: Tracker, text: str) -> tuple[str, str] | None:
    """The items owed back added, when the message asks the total and tells one of them."""
    if not (TOTAL.search(text) and _ASKS_SUM.search(text)) or not owed_items([text]):
        return None
    told = [*reversed(recent_user_texts(tracker, LOOKBACK)), text]
    said = owed_on_leaving_text(owed_items(told))
    return (said, DEPOSIT_ENTRY) if said else None
