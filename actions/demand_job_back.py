"""The job back or money instead, said while a dismissal's request is filled: "我想回去继续上班"
is the demand to be taken back (《劳动合同法》第四十八条); "等哈 我想了下 不回去了 要他赔钱"
changes it to the damages (第八十七条) (split from actions/mediation_extraction.py)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.mediation_text import PROPOSED_DEMANDS
from actions.message import typed_text

# the job back instead of money, said in the middle of the form
WANTS_THE_JOB_BACK = re.compile(
    r"(?:想|要|希望|让我)(?:回去|回厂里?|回公司里?|回单位)(?:继续)?(?:上班|干|做|工作)"
    r"|(?:想|要|希望)继续(?:上班|干|在那干)"
    r"|恢复(?:劳动关系|工作|上班)"
)
BACK_TO_WORK = "恢复劳动关系，回去继续上班"
# the job back as the demand, in the bot's words or the worker's ("继续上班")
_BACK_TO_WORK_SAID = re.compile(r"恢复劳动关系|继续上班|回去上班|继续履行|回去继续")
# "等哈 我想了下 回去也受气 我不回去了 我要他赔钱": money instead of the job back
_MONEY_INSTEAD = re.compile(
    r"(?:不回去|不想回去|不回厂|不回公司|不去上班|不上班了|还是)[^。]{0,12}?(?:赔钱|赔偿|补偿|要钱|给钱)"
)
# what is asked instead for an unlawful dismissal (《劳动合同法》第四十八条、第八十七条)
DAMAGES_INSTEAD = "不再回去上班，支付违法解除劳动合同的赔偿金"


def money_instead(tracker: Tracker) -> str | None:
    """The money a dismissed worker asks instead of the job back ("等哈 我改下主意 不想回去了 要他
    赔钱"), when the demand held is the job back; else None."""
    if not _BACK_TO_WORK_SAID.search(str(tracker.get_slot("demand") or "")):
        return None
    if not _MONEY_INSTEAD.search(typed_text(tracker)):
        return None
    kind = tracker.get_slot("dispute_type")
    money = DAMAGES_INSTEAD if kind == "解除劳动合同" else PROPOSED_DEMANDS.get(kind)
    return money or "依法赔偿"
