"""Sums worked out for several people, added: "那我们两口子加起来好多" after the compensation of
each was worked out in turn (the figures the worker was shown, each on its own pay and years)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.message import recent_bot_texts
from bot.domain.overtime_mix import TOTAL
from intents.numbers import format_number

# two people asked about together
_BOTH_OF_US = re.compile(
    r"两口子|我们两个|我们俩|我俩|咱俩|两个人|两人|夫妻|我和我?(?:老婆|老公|爱人|媳妇|男人|女人)"
    r"|我们家两个|我们一家"
)
# the compensation and the 2N of one person, as actions/worked_out_severance.py shows them
_COMPENSATION = re.compile(r"经济补偿约(?P<n>\d+(?:\.\d+)?)元")
_DAMAGES = re.compile(r"赔偿金约(?P<n>\d+(?:\.\d+)?)元")
TURNS_BACK = 4


def severances_added(tracker: Tracker, text: str) -> str | None:
    """The compensations of the last two people worked out, added, when asked for both."""
    if not (TOTAL.search(text) and _BOTH_OF_US.search(text)):
        return None
    shown = [t for t in recent_bot_texts(tracker, TURNS_BACK) if _COMPENSATION.search(t)]
    if len(shown) < 2:
        return None
    latest, before = shown[0], shown[1]
    if latest == before:
        return None  # the same answer twice: one person
    sums = [float(_COMPENSATION.search(t).group("n")) for t in (before, latest)]  # type: ignore[union-attr]
    lines = [
        "两个人的经济补偿分开算（各按各的工龄和月工资），加起来："
        f"{format_number(sums[0])}＋{format_number(sums[1])}＝{format_number(sum(sums))}元。"
    ]
    damages = [_DAMAGES.search(t) for t in (before, latest)]
    if all(damages):
        both = [float(m.group("n")) for m in damages if m]
        lines.append(
            f"如果是违法辞退，赔偿金加起来是{format_number(both[0])}＋{format_number(both[1])}"
            f"＝{format_number(sum(both))}元（赔偿金和经济补偿只能拿一样）。"
        )
    lines.append(
        "每个人的钱单独算、单独要：两个人可以一起申请调解或仲裁，但各自的工龄、工资要各自举证。"
    )
    lines.append("依据：《劳动合同法》第四十六条、第四十七条、第八十七条")
    return "\n".join(lines)
