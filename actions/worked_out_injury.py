"""Answers worked out for a work injury: the pay while it heals (停工留薪) and the disability
grant by grade, from the months, the grade and the pay the worker tells (split from
actions/worked_out.py; bot/domain/ does the arithmetic)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import previous_action, recent_user_texts
from bot.domain.disability import LEAVING, disability_text, grade_told, leaving_grants_text
from bot.domain.injury_leave import (
    injury_leave_text,
    monthly_due_text,
    paid_a_month,
    pay_before,
    rest_months,
)
from bot.domain.severance import asks_how_much, monthly_pay

INJURY_REST = "injury_paid_leave"  # the entry on the pay while an injury heals
_ABOUT_INJURY = re.compile(r"工伤|受伤|伤了|压了|切了|断了|养伤")
_ILL = re.compile(r"生病|病假|得病|医疗期|病了|怀孕|产假")
INJURY_LOOKBACK = 4


def injury_leave_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """The months of rest and the pay, told right after an answer about a work injury or with
    the injury: the pay while it heals worked out."""
    slug = str(tracker.get_slot("last_faq") or "")
    after = slug.startswith("injury") and previous_action(tracker) == "action_answer_policy"
    # ("my salary is 4800 a month, doctor says I need 3 months off work" a few messages after
    # a dispatched worker's injury: the rest the doctor wrote, the injury told before)
    told = (
        rest_months(text) is not None
        and not _ILL.search(text)
        and any(map(_ABOUT_INJURY.search, recent_user_texts(tracker, INJURY_LOOKBACK)))
    )
    if not (after or told or _ABOUT_INJURY.search(text)):
        return None
    if not (rest_months(text) or monthly_pay(text) or asks_how_much(text)):
        # ("那我自己去申请要在好久之内" after the sum: another question, the figures told before
        # are not asked of again)
        return None
    earlier = " ".join(recent_user_texts(tracker, 2))
    said = injury_leave_text(text, earlier)
    # ("我休息这几个月 公司每个月只发我2000 我平时一个月6500" after the commute's answer: what
    # is paid a month and the pay before, the months not yet said)
    paid = paid_a_month(text)
    pay = pay_before(text)
    told_short = paid is not None and pay is not None and paid < pay
    if (
        said is None
        and (slug == INJURY_REST or told_short)
        and after
        and pay
        and not rest_months(text)
    ):
        # "我受伤前每个月7000" right after the rest's answer, "老板每个月只给2000块" told before:
        # the pay due a month and what is short of it, the months still to come
        # ("公司说休息期间只发1800 我原来一个月是5600": what is paid, told with it)
        return monthly_due_text(pay, paid_a_month(text) or paid_a_month(earlier))
    return said


DISABILITY = "injury_benefits"  # the entry with the grants by grade
# the grant asked of ("那个补助金是好多"), not the pay while the injury heals ("养伤…基本工资1千8")
_GRANT_ASKED = re.compile(r"补助|伤残|一次性|评残|鉴定")


_GRADING_TALK = re.compile(r"伤残|鉴定|评残|评级|定级")


def disability_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """A disability grade told ("要是评了个九级 一次性伤残补助金有好多"): the grant worked
    out, with the monthly pay told in the last few messages."""
    earlier = recent_user_texts(tracker, 3)
    # "评九级呢", "那7级呢" right after the grades' entry or a grant worked out: another grade
    about = (
        tracker.get_slot("last_faq") == DISABILITY
        and previous_action(tracker) == "action_answer_policy"
    )
    # "九级 受伤前工资6000一个月" right after the appraisal's answer, the grant asked before
    # ("伤残鉴定结果出来了 我能拿好多钱"): the grade said bare
    about = about or (
        str(tracker.get_slot("last_faq") or "").startswith("injury")
        and previous_action(tracker) == "action_answer_policy"
        and any(_GRADING_TALK.search(t) for t in earlier[:2])
    )
    if about and LEAVING.search(text) and grade_told(text, about) is None:
        # "那以后我要是辞职 还有啥子钱拿" after the grant of a grade told before
        grade = next(filter(None, (grade_told(t, True) for t in earlier)), None)
        if grade is not None:
            return leaving_grants_text(grade)
    if grade_told(text, about) is None:
        # "我受伤前工资一个月5千5 那个补助金是好多" after the grade was told: that grade
        told = next((t for t in earlier if grade_told(t) is not None), None)
        slug = str(tracker.get_slot("last_faq") or "")
        if (
            told is None
            or not slug.startswith("injury")
            or monthly_pay(text) is None
            # ("受伤前一年平均工资5200" right after the grant of the grade: its sum)
            or not (_GRANT_ASKED.search(text) or about)
        ):
            return None
        return disability_text(told, monthly_pay(text))
    pay = next(filter(None, map(monthly_pay, [text, *earlier])), None)
    return disability_text(text, pay, about)
