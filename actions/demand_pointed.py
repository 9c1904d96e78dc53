"""A demand that points at a sum the bot just worked out ("就要这个加班费", "就要那个补偿"): the
sum itself is the demand ("支付加班费1600元", "支付经济补偿28000元"), as a desk officer would
write it, read from the bot's last few replies; the worker sees it at the summary and may
change it."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.message import recent_bot_texts

# "这个加班费", "那个补偿", "那笔赔偿金": the demand pointing at a sum
_POINTED = re.compile(
    r"^(?:就)?(?:要)?(?:这个|那个|这笔|那笔)(?P<kind>加班费|经济补偿|补偿金?|赔偿金|双倍工资|二倍工资)$"
)
# where each kind's sum stands in the worked-out replies
_SUMS = {
    "加班费": re.compile(r"加班[^\n]*?=\s*(?P<n>\d[\d,.]*)元"),
    "经济补偿": re.compile(r"经济补偿约(?P<n>\d[\d,.]*)元"),
    "赔偿金": re.compile(r"赔偿金约(?P<n>\d[\d,.]*)元"),
    "双倍工资": re.compile(r"双倍工资[^\n]*?约(?P<n>\d[\d,.]*)元"),
}
_NAMED = {"补偿": "经济补偿", "补偿金": "经济补偿", "二倍工资": "双倍工资"}
TURNS_BACK = 6


def sum_pointed_at(tracker: Tracker, demand: str | None) -> str | None:
    """ "支付加班费1600元" for "这个加班费" when a recent reply worked that sum out; else None."""
    m = _POINTED.match((demand or "").strip())
    if m is None:
        return None
    kind = _NAMED.get(m.group("kind"), m.group("kind"))
    for text in recent_bot_texts(tracker, TURNS_BACK):
        found = list(_SUMS[kind].finditer(text))
        if found:
            return f"支付{kind}{found[-1].group('n')}元"
    return None
