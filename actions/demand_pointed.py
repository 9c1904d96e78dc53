"""A demand that points at a sum the bot just worked out ("就要这个加班费", "就要那个补偿"): the
sum itself is the demand ("支付加班费1600元", "支付经济补偿28000元"), as a desk officer would
write it, read from the bot's last few replies; the worker sees it at the summary and may
change it. A bare sum wanted at the summary ("那就要24800", "so I want 4500 in total")
replaces the demand, named by what a recent reply worked out at that sum."""

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


# "那就要24800", "就要他赔24800块", "要5000嘛": a bare sum wanted, nothing else said
_SUM_WANTED = re.compile(
    r"^(?:那|那么|好|好的|行|嗯)?[\s，,]*(?:我)?(?:就|只)?(?:要|要求|改成要)(?:他|老板|公司)?(?:赔|给|付|赔我|给我)?"
    r"\s*(?P<n>\d{3,7})\s*(?:块钱?|元)?(?:吧|嘛|了|哈|噻|就行|就可以了?)?[。！!]?$"
)
# "so I want 4500 in total", "I want 4500 altogether": the same in English
_ENGLISH_SUM_WANTED = re.compile(
    r"\b(?:I|we) (?:want|ask for|need|demand)(?: (?:it|them) to pay(?: me| us)?)?"
    r"(?: the)?\s*(?:RMB|CNY|¥)?\s*(?P<n>\d{3,7})(?: yuan| RMB| kuai)?"
    r"(?: (?:in total|altogether|total|in all))?\s*[.!]?\s*$",
    re.IGNORECASE,
)
# what a worked-out sum is, in the reply's words before it ("赔偿金约24800元")
_KINDS = "经济补偿|赔偿金|加班费|双倍工资|工资"


def sum_wanted(tracker: Tracker, text: str) -> str | None:
    """ "支付赔偿金24800元" for "那就要24800" after a reply worked out 赔偿金约24800元; "支付
    24800元" when no reply names it; None when the message wants no bare sum."""
    m = _SUM_WANTED.match(text.strip()) or _ENGLISH_SUM_WANTED.search(text.strip())
    if m is None:
        return None
    n = m.group("n")
    named = re.compile(rf"(?P<kind>{_KINDS})[^\n，,。；\d]{{0,6}}?{n}元")
    for reply in recent_bot_texts(tracker, TURNS_BACK):
        found = list(named.finditer(reply))
        if found:
            return f"支付{found[-1].group('kind')}{n}元"
    kind = str(tracker.get_slot("dispute_type") or "")
    return f"支付{kind}{n}元" if kind in ("加班费", "双倍工资") else f"支付{n}元"
