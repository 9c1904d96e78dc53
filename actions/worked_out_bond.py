"""A training's service period (《劳动合同法》第二十二条; 《劳动合同法实施条例》第二十六条): the
training cost, the term and the time served, told with the question or right after the answer
on service periods, give the largest penalty ("学费加差旅一共花了24000 签了4年服务期" then
"培训完回来我干了刚好一年": 18000); leaving over the employer's breach ("要是因为公司一直没给我
买社保 我才走的呢") owes none (bot/domain/training_bond.py does the arithmetic)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.leaving_told import DISMISSED, WAGES_UNPAID
from actions.message import previous_action, recent_user_texts
from bot.domain.severance import asks_how_much
from bot.domain.training_bond import bond_figure_told, bond_penalty_text, breach_leaving_text

TRAINING_BOND = "noncomp_training_bond"  # the entry on a training's service period
_ABOUT_BOND = re.compile(r"服务期|培训费")
# leaving over the breach, asked ("要是因为…没给我买社保 我才走的呢"), not the breach alone
_LEAVES_OVER = re.compile(r"走|辞|离职|不干|解除")


def bond_reply(tracker: Tracker, text: str) -> str | None:
    """The largest penalty worked out, or none owed when leaving over the employer's breach."""
    after = (
        tracker.get_slot("last_faq") == TRAINING_BOND
        and previous_action(tracker) == "action_answer_policy"
    )
    if after and WAGES_UNPAID.search(text) and _LEAVES_OVER.search(text):
        return breach_leaving_text()
    if DISMISSED.search(text) or "补偿" in text:
        return None  # "如果是公司把我辞退了 … 干了4年 补偿好多": the compensation, not the bond
    # (after the answer, a figure or the sum asked: not "那进厂时候搞的那个三天安全培训呢")
    after = after and (bond_figure_told(text) or asks_how_much(text))
    if not (after or (_ABOUT_BOND.search(text) and asks_how_much(text))):
        return None
    return bond_penalty_text([text, *recent_user_texts(tracker, 3)])
