"""N+1 named by the worker ("那N+1是啥子意思 我能拿好多", "公司说给N+1让她走"): the compensation
by the years worked and one month's pay in lieu of the 30 days' notice, worked out from the
length and the pay told earlier in the conversation (《劳动合同法》第四十条、第四十六条、
第四十七条). When the one let go is pregnant, ill or nursing, the law forbids letting her go
this way at all (第四十二条): she may refuse and keep the job, or claim the 2N if pushed out.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.leaving_told import PROTECTED
from actions.message import recent_user_texts
from bot.domain.notice_pay import notice_and_severance_text
from bot.domain.severance import Severance, asks_how_much, latest_length, monthly_pay
from intents.numbers import format_number

_N_PLUS_ONE = re.compile(r"[nN]\s*\+\s*1")
# its meaning or its sum asked, or an offer of it told ("公司说给N+1让她走")
_ASKED = re.compile(
    r"啥子?意思|什么意思|是啥|是什么|咋个算|怎么算|给|赔|补|合理|对不对|行不行|划算"
)
# how far back the length and the pay are looked for ("回到我老婆那个事 …" after courses)
LOOKBACK = 10
SOURCE = (
    "《劳动合同法》第四十条、第四十二条、第四十六条、第四十七条、第四十八条、第八十七条；"
    "《劳动合同法实施条例》第二十条"
)


def n_plus_one_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """N+1 worked out, or None when the message does not name it or no figures were told."""
    if _N_PLUS_ONE.search(text) is None or not (asks_how_much(text) or _ASKED.search(text)):
        return None
    told = [text, *recent_user_texts(tracker, LOOKBACK)]
    months = latest_length(told)
    pay = next(filter(None, map(monthly_pay, told)), None)
    if months is None or pay is None:
        return None
    said = notice_and_severance_text(months, pay)
    if not any(PROTECTED.search(t) for t in told):
        return said
    double = 2 * Severance(months).months_pay * pay
    lines = said.split("\n")
    return "\n".join(
        [
            *lines[:-1],
            "但怀孕、哺乳期或医疗期内，单位不能这样（提前通知或多付1个月工资）解除合同：可以不同意，"
            f"要求继续上班；单位硬要辞退属于违法解除，可以要2倍的赔偿金（2N），约{format_number(double)}元。",
            f"依据：{SOURCE}",
        ]
    )
