"""Wages by the day worked out: "一个人一天300 做了70天 一个人该拿好多" is 300×70=21000元, and
for a group told before, each one's times the workers (a crew paid by the day whose labour
boss ran off). 《保障农民工工资支付条例》: wages are paid in full for the work done."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.worked_out_owed import WAGES_SOURCE, group_told
from bot.domain.severance import asks_how_much
from intents.numbers import NUM, format_number, parse_number

# "一天300", "每天280块", "日工资320", "一个工350"
_DAY_RATE = re.compile(
    rf"(?:一天|每天|日工资|日薪|一个工|一工)(?:是|给|算|就|有|才)?\s*(?P<n>{NUM})\s*(?:块|元)?"
)
# "做了70天", "干了45个工"
_DAYS_DONE = re.compile(rf"(?:做了|干了|上了|出了|干|做)\s*(?P<n>{NUM})\s*(?:天|个工)")
# all of the group asked, not one worker
_ALL_OF_US = re.compile(r"一共|总共|全部|我们(?:几个|这些人)?(?:加起来|一起)|加起来")
MIN_RATE, MAX_RATE = 50, 3000


def by_day_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """The pay for the days worked at a day's rate, when the message tells both and asks."""
    rate_m, days_m = _DAY_RATE.search(text), _DAYS_DONE.search(text)
    if rate_m is None or days_m is None or not asks_how_much(text):
        return None
    rate, days = parse_number(rate_m.group("n")), parse_number(days_m.group("n"))
    if not rate or not days or not MIN_RATE <= rate <= MAX_RATE or not 0 < days <= 400:
        return None
    each = rate * days
    lines = [
        f"按您说的：每天{format_number(rate)}元×{format_number(days)}天={format_number(each)}元。"
    ]
    size = group_told(tracker, text)
    if size:
        lines.append(
            f"{size}个人都一样的话，一共{format_number(each)}×{size}={format_number(each * size)}元。"
            if _ALL_OF_US.search(text)
            else f"这是一个人的；{size}个人都一样的话，一共{format_number(each * size)}元。"
        )
    lines.append(
        "干了活的工钱要足额发；包工头跑了的，由施工总承包单位先行清偿。可以申请调解或劳动仲裁，"
        "也可以打12333向劳动保障监察投诉。"
    )
    lines.append(f"依据：{WAGES_SOURCE}；《保障农民工工资支付条例》第三十条")
    return "\n".join(lines)
