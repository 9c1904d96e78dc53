"""The compensation when the start of the job was told only by its season ("前年秋天进的厂"):
the fewest and the most months it may be (split from actions/worked_out_severance.py;
bot/domain/severance.py does the arithmetic, 《劳动合同法》第四十七条)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import recent_user_texts
from bot.domain.employment_dates import months_employed_range
from bot.domain.severance import (
    Severance,
    asks_how_much,
    monthly_pay,
    months_worked,
    severance_text,
)
from intents.numbers import format_number

_UNSURE = re.compile(r"记不到|记不清|不记得|忘了|搞忘|差两个月|差几个月|有影响")


def by_season(services: Any, tracker: Tracker, text: str) -> str | None:
    """The compensation when the start was told only by its season ("前年秋天进的厂"): the
    fewest and most months it may be, one sum when both give the same months of pay."""
    if months_worked(text) is not None:
        return None
    told = [text, *recent_user_texts(tracker, 4)]
    span = months_employed_range(" ".join(reversed(told)), services.today())
    if span is None or not (asks_how_much(text) or monthly_pay(text) or _UNSURE.search(text)):
        return None
    low, high = span
    pay = next(filter(None, map(monthly_pay, told)), None)
    said = severance_text(text, asked=True, pay=pay, worked=low)
    if said is None:
        return None
    same = Severance(low).months_pay == Severance(high).months_pay
    note = (
        f"记不清是哪个月进的不要紧：按{Severance(low).worked_text()}到"
        f"{Severance(high).worked_text()}算，经济补偿都是{format_number(Severance(low).months_pay)}"
        "个月工资，差一两个月没有影响。"
        if same
        else f"记不清是哪个月进的：按{Severance(low).worked_text()}算是"
        f"{format_number(Severance(low).months_pay)}个月工资，按{Severance(high).worked_text()}算是"
        f"{format_number(Severance(high).months_pay)}个月；进厂日期以劳动合同、工资流水或社保记录为准。"
    )
    return note + "\n" + said
