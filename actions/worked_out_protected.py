"""A dismissal forced anyway on a worker the law protects: "工资4200 要是他硬要辞退我呢" after
months of sick leave within the medical period, "要是公司现在就硬要我走呢" from a pregnant
worker. Unlawful (《劳动合同法》第四十二条): the job back, or the 2N worked out from the years
at this employer and the pay told in the conversation (第四十八条、第八十七条;
bot/domain/damages_only.py words it). Not once the medical period is over (第四十条第一项:
a lawful dismissal with notice and compensation, actions/worked_out_sick.py)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.leaving_told import protected_when_let_go
from actions.message import recent_user_texts
from bot.domain.damages_only import protected_text
from bot.domain.medical_period import years_here
from bot.domain.severance import monthly_pay
from bot.domain.years_here import latest_length

LOOKBACK = 8
# the employer letting the worker go whatever the law says ("硬要辞退我", "非要把我开了",
# "还是要我走")
# (not the worker's own "我还是要辞职")
FORCED_ANYWAY = re.compile(
    r"(?:硬要|硬是要|非要|偏要|执意要?|强行|坚持要|就是要|还是要)"
    r"(?:辞退|开除|解除|[辞开炒裁]了?我|赶我|(?:把|将)我[辞开炒裁赶]|(?:让|叫|喊|要)?我走)"
)
# the protection said to be over in this message ("医疗期满了", "哺乳期过了")
_OVER_NOW = re.compile(r"期满|期过了|期结束|满了|休完")


def protected_forced_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """The 2N of a protected worker let go anyway, the figures told; None otherwise."""
    if not FORCED_ANYWAY.search(text) or _OVER_NOW.search(text):
        return None
    told = [text, *recent_user_texts(tracker, LOOKBACK)]
    if not protected_when_let_go(told):
        return None
    months = latest_length(told)
    if months is None:  # "我参加工作8年了 在这个公司3年": the years here, beside those in all
        here = next(filter(None, map(years_here, told)), None)
        months = round(here * 12) if here else None
    pay = next(filter(None, map(monthly_pay, told)), None)
    if months is None or pay is None:
        return None
    return protected_text(months, pay)
