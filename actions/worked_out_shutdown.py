"""The pay of a stoppage worked out (bot/domain/shutdown_pay.py does the arithmetic): "我合同上
工资4500 放了一个半月 第一个月该拿好多" right after the answer on a factory stopped for lack of
orders ("厂头没得订单了 放我们回屋头休息 放假期间工资咋个算")."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from actions.message import previous_action, recent_user_texts
from bot.domain.severance import asks_how_much, monthly_pay
from bot.domain.shutdown_pay import months_stopped, shutdown_pay_text

SHUTDOWN = "wage_shutdown"  # the entry on a stoppage's pay
_TOLD_WITHIN = 3  # messages back in which the pay is read


def shutdown_pay_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """The first month's pay of a stoppage, when it is asked right after the answer on a
    stoppage and the contract's pay is told (in the message or a few before)."""
    if tracker.get_slot("last_faq") != SHUTDOWN or previous_action(tracker) != (
        "action_answer_policy"
    ):
        return None
    if not asks_how_much(text):
        return None
    earlier = recent_user_texts(tracker, _TOLD_WITHIN)
    pay = monthly_pay(text) or next(filter(None, map(monthly_pay, earlier)), None)
    if not pay:
        return None
    return shutdown_pay_text(pay, months_stopped(text))
