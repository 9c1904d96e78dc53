"""Sick leave worked out from what the worker says: the medical period from the years in all
and at this employer ("我在这个厂干了5年 总共工作了12年"); "厂头说歇超过两个月就要辞退我" after
those years is answered with the medical period and whether those months fall within it; a
dismissal when the period is over, with its compensation (bot/domain/medical_period.py)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import previous_action, recent_user_texts
from actions.severance_cues import WHAT_IF
from actions.worked_out_leave import SOMEONE_ELSE
from bot.domain.medical_period import (
    DISMISSAL_ASKED,
    PERIOD_OVER,
    after_period_text,
    medical_period_text,
    months_off_threatened,
    threatened_within_text,
    years_here,
    years_told,
)
from bot.domain.severance import asks_how_much, monthly_pay, months_worked

NO_DISMISSAL = "sick_no_dismissal"  # the entry on no dismissal within the medical period
# messages read back for the years told
LOOKBACK = 5


def threatened_dismissal_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """A dismissal threatened after months of sick leave, the years told before."""
    months = months_off_threatened(text)
    if months is None:
        return None
    for told in [text, *recent_user_texts(tracker, LOOKBACK)]:
        total, here = years_told(told)
        if total is not None and here is not None:
            return threatened_within_text(months, total, here)
    return None


# the entries after which "我在这个厂干了5年 总共工作了12年" tells what the medical period needs
_ABOUT_SICKNESS = re.compile(r"医疗期|病假|生病|住院|看病|病休|手术")
MEDICAL_PERIOD = "sick_medical_period"  # the entry whose tiers the worked-out period applies


AFTER_THE_PERIOD = "sick_after_period"  # the entry on the medical period running out


_PAY_WHILE_ILL = re.compile(
    r"(?:病假|医疗期|住院|养病|生病)[^，,。]{0,8}(?:工资|发钱|拿好多|拿多少)"
)


def after_period_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """Let go when the medical period is over ("要是3个月到了我还没好得了 老板可以把我开了不
    我工资4千"), the years at this employer told before: the compensation and the month in lieu."""
    # ("我一个月3900 那补偿好多" right after the answer on it: the sum asked)
    after = asks_how_much(text) and previous_action(tracker) == "action_answer_policy"
    after = after and tracker.get_slot("last_faq") == AFTER_THE_PERIOD and not months_worked(text)
    # (not "病假这段时间工资好多": the pay while ill, not the compensation when let go)
    after = after and not _PAY_WHILE_ILL.search(text)
    if not ((PERIOD_OVER.search(text) and DISMISSAL_ASKED.search(text)) or after):
        return None
    told = [text, *recent_user_texts(tracker, 4)]
    pay = next(filter(None, map(monthly_pay, told)), None)
    here = next((h for h in map(years_here, told) if h), None)
    return after_period_text(here, pay) if pay and here else None


def medical_period_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """The years worked in all and at this employer, told right after an answer about sick
    leave or with a question about it: the medical period worked out."""
    slug = str(tracker.get_slot("last_faq") or "")
    after = slug.startswith("sick") and previous_action(tracker) == "action_answer_policy"
    if not (after or _ABOUT_SICKNESS.search(text)):
        return None
    # ("那我兄弟呢 他才参加工作2年 现在也在住院": his own years, not the worker's told before)
    own_only = SOMEONE_ELSE.search(text) is not None and months_worked(text) is not None
    said = medical_period_text(
        text,
        recent_user_texts(tracker, 3) if after and not own_only else None,
        services.today().year,
    )
    if said is not None or not _LENGTH_ASKED.search(text) or SOMEONE_ELSE.search(text):
        return said
    if not _ABOUT_SICKNESS.search(text) or years_told(text) != (None, None):
        return None
    # "回到我自己的事 … 病假能休多久": the worker's own years told before, both in one
    # message (not a what-if asked between: "what if i had 20 years in total")
    for before in recent_user_texts(tracker, LOOKBACK):
        if not WHAT_IF.search(before) and None not in years_told(before):
            return medical_period_text(before, None, services.today().year)
    return None


# "病假能休多久", "医疗期有几个月": the period's length asked
_LENGTH_ASKED = re.compile(r"多久|多长|好久|几个月|多少个?月")
