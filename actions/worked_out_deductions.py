"""Docked wages and a daily allowance worked out from what the worker says, right after the
answer on each: the most a month's pay may be docked ("我一个月4千5", "那3千块要扣好几个月"),
and a high-temperature allowance owed for the days worked (bot/domain/deductions.py)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import previous_action, recent_user_texts
from bot.domain.deductions import allowance_owed_text, dock_limit_text, sum_to_dock
from bot.domain.severance import monthly_pay

DEDUCTION = "wage_deduction_fine"  # the entry on what may be docked
HEAT = "wage_high_temp"  # the entry on the high-temperature allowance
# "扣了以后剩的钱 会不会比重庆最低工资还低哦": what is left, asked of the pay told before
_LEFT_ASKED = re.compile(r"剩的|剩下|还剩|剩多少|剩好多|最低工资")
_HOW_LONG = re.compile(r"几个月|好久|多久|多少个月|好多个月")


# "机器坏了 老板扣了我1500 合法吗 我工资5000": a loss docked, told with the question
_DAMAGE = re.compile(r"弄坏|搞坏|打坏|摔坏|坏了|损坏|弄丢|搞丢|损失")
# who bears the loss: only a loss the worker caused may be docked (工资支付暂行规定第十六条)
FAULT_FIRST = (
    "只有因为你本人的原因给单位造成经济损失，单位才可以按劳动合同的约定要你赔；"
    "机器正常损耗、老化或者不是你的过错弄坏的，不该由你赔。"
)


def deduction_reply(services: Any, tracker: Tracker, text: str) -> tuple[str, str] | None:
    """The most a month's pay may be docked, after the answer on deductions or told with a
    loss docked ("机器坏了 老板扣了我1500 合法吗 我工资5000": the fault first, then the 20 %)."""
    pay, owed = monthly_pay(text), sum_to_dock(text)
    if _DAMAGE.search(text) and pay and owed and owed != pay:
        return f"{FAULT_FIRST}\n{dock_limit_text(pay, owed)}", DEDUCTION
    if tracker.get_slot("last_faq") != DEDUCTION or previous_action(tracker) != (
        "action_answer_policy"
    ):
        return None
    earlier = recent_user_texts(tracker, 4)
    pay = monthly_pay(text)
    if pay is None and not (_HOW_LONG.search(text) or _LEFT_ASKED.search(text)):
        return None
    pay = pay or next(filter(None, map(monthly_pay, earlier)), None)
    if pay is None:
        return None
    owed = sum_to_dock(text) or next(filter(None, map(sum_to_dock, earlier)), None)
    return dock_limit_text(pay, owed), DEDUCTION


def heat_allowance_reply(services: Any, tracker: Tracker, text: str) -> tuple[str, str] | None:
    if tracker.get_slot("last_faq") != HEAT:
        return None
    said = allowance_owed_text(text)
    return (said + "\n依据：《防暑降温措施管理办法》第十七条", HEAT) if said else None
