"""Maternity leave worked out from what the worker says: the days for twins or a difficult
birth, and the days from the due date (split from actions/worked_out.py; the arithmetic is
bot/domain/maternity.py's)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import recent_user_texts
from bot.domain.birth_allowance import birth_allowance_text
from bot.domain.maternity import asks_leave_days, due_date, leave_dates_text, maternity_text

MATERNITY = "women_maternity_leave"  # the entry with the days of maternity leave
BIRTH_ALLOWANCE = "women_birth_allowance"
_DAYS_ASKED = re.compile(r"好多天|几天|多少天|多久|好久|多长|天数|休好久|休多久|几个月")
_PAY_ASKED = re.compile(r"钱|工资|津贴|哪个发|谁发|咋个发|怎么发")
_NURSING_ASKED = re.compile(r"喂奶|哺乳|吃奶")
_BIRTH_TOLD = re.compile(r"双胞胎|双胞|龙凤胎|多胞胎|三胞胎|难产|剖腹|剖宫|顺转剖")


def maternity_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """Maternity leave asked, with twins or a difficult birth told in the last few messages
    ("医生说是双胞胎" then "那我产假有好多天"): the days worked out."""
    slug = str(tracker.get_slot("last_faq") or "")
    due = due_date(text, services.today())
    if due is not None and (slug == MATERNITY or asks_leave_days(text)):
        # "预产期是3月10号 她最早哪天可以开始休": the days from 15 before the due date
        return leave_dates_text(due, " ".join([text, *recent_user_texts(tracker, 3)]))
    if not asks_leave_days(text) and slug != MATERNITY:
        return None
    # ("如果是双胞胎呢" right after the maternity answer: its days for twins)
    what_if = slug == MATERNITY and _BIRTH_TOLD.search(text) is not None
    if not (_DAYS_ASKED.search(text) or what_if) or _PAY_ASKED.search(text):
        return None  # ("休产假那段时间钱哪个发": the pay, not the days)
    if _NURSING_ASKED.search(text):
        return None  # ("生了以后每天喂奶的时间有好久": the nursing hours, their own entry)
    return maternity_text(" ".join([text, *recent_user_texts(tracker, 3)]))


def birth_allowance_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """ "我休了128天 公司去年平均工资是5400 我该拿好多生育津贴": the allowance worked out."""
    # ("我生之前每个月4500 产假按98天算 他该给我好多" after the allowance asked uninsured)
    return birth_allowance_text(text, " ".join(recent_user_texts(tracker, 3)))
