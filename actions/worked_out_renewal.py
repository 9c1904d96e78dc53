"""A renewal declined after the compensation for a contract ending was talked of ("那工资不变 是
我自己不想续呢", "如果公司说续 但是工资降到6000 我不签呢"): whether it is still due, and how much
from the years and pay told before (bot/domain/renewal.py)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import recent_user_texts
from bot.domain.renewal import renewal_declined, renewal_declined_text
from bot.domain.severance import monthly_pay
from bot.domain.years_here import latest_length

CONTRACT_EXPIRY = "sev_contract_expiry"  # the entry on a contract's end and its compensation
LOOKBACK = 5
# the contract ending told before ("合同下个月到期 公司说不续了")
_CONTRACT_ENDS = re.compile(r"合同[^，,。]{0,8}(?:到期|期满|满了)|到期[^，,。]{0,6}(?:续|签)")


def renewal_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """The renewal the worker declines, its terms told, after a contract's ending was told."""
    terms = renewal_declined(text)
    if terms is None:
        return None
    told = [text, *recent_user_texts(tracker, LOOKBACK)]
    if not any(map(_CONTRACT_ENDS.search, told)):
        return None
    earlier = told[1:]
    # (the pay before it was lowered: "工资降到6000" is the offer, not the pay)
    pay = next(filter(None, map(monthly_pay, earlier)), None)
    return renewal_declined_text(terms, latest_length(told), pay)
