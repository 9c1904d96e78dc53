"""Wages by the day asked by a crew: "一个人一天300 做了70天 一个人该拿好多" is 300×70=21000元
(bot/domain/wages_owed.py's days at a day's rate), and for a group told before, each one's
times the workers (a crew paid by the day whose labour boss ran off)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.worked_out_owed import group_told
from bot.domain.severance import asks_how_much
from bot.domain.wages_owed import days_and_rate, site_owed_text
from intents.numbers import format_number

# all of the group asked, not one worker
_ALL_OF_US = re.compile(r"一共|总共|全部|我们(?:几个|这些人)?(?:加起来|一起)|加起来")


def by_day_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """The pay for the days worked at a day's rate, when the message tells both and asks; a
    group's share added when the conversation told how many they are."""
    told = days_and_rate(text) if asks_how_much(text) else None
    said = site_owed_text(text, none_paid=True) if told else None
    size = group_told(tracker, text) if said else None
    if said is None or told is None or not size:
        return said
    each = told[0] * told[1]
    share = (
        f"{size}个人都一样的话，一共{format_number(each)}×{size}={format_number(each * size)}元。"
        if _ALL_OF_US.search(text)
        else f"这是一个人的；{size}个人都一样的话，一共{format_number(each * size)}元。"
    )
    first, _, rest = said.partition("\n")
    return f"{first}\n{share}\n{rest}"
