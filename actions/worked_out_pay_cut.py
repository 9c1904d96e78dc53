"""The pay a cut has held back, worked out (bot/domain/pay_cut.py does the arithmetic): "降了3个月了
我少拿了好多" right after the answer on a pay cut without agreement ("工资从5000降到4000 也没跟我们
商量"), the pays read from the message or the ones told a few messages before."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import previous_action, recent_user_texts
from bot.domain.pay_cut import cut_pays, months_cut, pay_cut_text

CHANGE_OF_TERMS = "contract_change_terms"  # the entry on changing pay or post by agreement
# the women workers' entries on pregnancy, whose pay may not be cut for it (特别规定第五条)
PREGNANCY_ENTRIES = frozenset({"women_three_periods", "women_pregnant_work"})
_PREGNANT = re.compile(r"怀孕|怀起|怀了|有了?身孕|孕期|哺乳期|产假")
# what the cut has cost, asked ("我少拿了好多", "一共少发了多少", "该补我好多")
_LOSS_ASKED = re.compile(
    r"少(?:拿|发|给|得)了?(?:好多|多少|几多)|(?:该|要|能)(?:补|找补|要回)(?:我)?(?:好多|多少)"
    r"|一共(?:少|差)|差(?:了)?(?:好多|多少)|亏了?(?:好多|多少)"
)
_TOLD_WITHIN = 4  # messages back in which the cut's pays are read


def pay_cut_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """The sum a pay cut held back, when the months are told and what it cost is asked, right
    after the answer on changing the pay (or with the pays in the message)."""
    months = months_cut(text)
    if months is None or not _LOSS_ASKED.search(text):
        return None
    last = tracker.get_slot("last_faq")
    told = recent_user_texts(tracker, _TOLD_WITHIN)
    # a pregnancy told: whichever women's or dismissal entry answered, the cut is the point
    pregnant = last in PREGNANCY_ENTRIES or any(_PREGNANT.search(t) for t in [text, *told])
    after = (last == CHANGE_OF_TERMS or pregnant) and previous_action(
        tracker
    ) == "action_answer_policy"
    pays = cut_pays(text)
    if pays is None and after:
        pays = next(filter(None, map(cut_pays, told)), None)
    return None if pays is None else pay_cut_text(*pays, months, pregnant=pregnant)
