"""English phrases of the days worked whose Chinese puts the words in another order, read by
intents/foreign.py before its word table (split from it along this seam).

"boss wants me to work on chu yi (first day of spring festival)": the Chinese the classifier
knows says the day before the work (大年初一上班); "can he do the same for chu yi?": the day
before the question (大年初一 也能这样吗). A holiday's name in English or in pinyin becomes
its Chinese name; what stays Latin is read by the word table after.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# the days a worker is asked to work, in English or in pinyin, and their Chinese names
DAYS = {
    "the first day of the spring festival": "大年初一",
    "first day of the spring festival": "大年初一",
    "first day of spring festival": "大年初一",
    "first day of chinese new year": "大年初一",
    "first day of the chinese new year": "大年初一",
    "first day of the lunar new year": "大年初一",
    "first day of lunar new year": "大年初一",
    "chinese new year's eve": "除夕",
    "new year's eve": "除夕",
    "chu yi": "大年初一",
    "chuyi": "大年初一",
    "chu xi": "除夕",
    "chuxi": "除夕",
    "spring festival": "春节",
    "chinese new year": "春节",
    "national day": "国庆",
    "new year's day": "元旦",
    "may day": "五一",
    "labour day": "五一",
    "labor day": "五一",
    "mid-autumn festival": "中秋",
    "mid autumn festival": "中秋",
    "dragon boat festival": "端午",
    "tomb sweeping day": "清明",
    "qingming": "清明",
    # ("I work night shift on Tuesdays. anything on Sunday afternoon?": the weekdays too)
    "mondays": "周一",
    "monday": "周一",
    "tuesdays": "周二",
    "tuesday": "周二",
    "wednesdays": "周三",
    "wednesday": "周三",
    "thursdays": "周四",
    "thursday": "周四",
    "fridays": "周五",
    "friday": "周五",
    "saturdays": "周六",
    "saturday": "周六",
    "sundays": "周日",
    "sunday": "周日",
    "weekends": "周末",
    "weekend": "周末",
}
_DAY = "|".join(re.escape(d) for d in sorted(DAYS, key=len, reverse=True))
_WHO = r"(?:he|she|they|the boss|my boss|the company|the factory|it)"


def _worked_on(m: re.Match[str]) -> str:
    """ "boss wants me to work on chu yi" -> 要我大年初一上班."""
    return f"{'要我' if m.group(1) else ''}{DAYS[m.group(2)]}上班 "


REORDERED: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    # "what about working on spring festival": another day worked, asked after an answer
    (
        re.compile(rf"^\s*(?:and |so )?(?:what|how) about (?:working|work) on (?:the )?({_DAY})\b"),
        lambda m: f"那{DAYS[m.group(1)]}上班呢 ",
    ),
    # "i worked 8 hours last sunday": the hours of a day named, worked
    (
        re.compile(
            rf"\b(?:i )?work(?:ed)? (\d+(?:\.\d+)?) hours? (?:on )?(last |this )?(?:the )?({_DAY})\b"
        ),
        lambda m: f"{'上' if m.group(2) else ''}{DAYS[m.group(3)]}加了{m.group(1)}个小时 ",
    ),
    # "boss wants me to work on chu yi", "i worked on national day": the day, then the work
    (
        re.compile(
            rf"\b((?:wants?|wanted|asks?|asked|tells?|told|makes?|made) me to )?"
            rf"work(?:s|ed|ing)? on (?:the )?({_DAY})\b"
        ),
        _worked_on,
    ),
    # "can he do the same for chu yi?": the same arrangement, asked of another day
    (
        re.compile(rf"\b(?:can|could|may) {_WHO} do the same (?:for|on) (?:the )?({_DAY})\b\s*\??"),
        lambda m: f"{DAYS[m.group(1)]} 也能这样吗 ",
    ),
    # "and on sunday?", "what about saturdays": another kind of day, asked after an answer
    (
        re.compile(rf"^\s*(?:and|what about|how about) (?:on )?(?:a |the )?({_DAY})\s*\??\s*$"),
        lambda m: f"那{DAYS[m.group(1)]}呢 ",
    ),
    # "what about a normal sunday": an ordinary rest day, asked after a holiday's answer
    (
        re.compile(
            rf"\bwhat about (?:a |an |the )?(?:normal|ordinary|usual|regular) ({_DAY})\b\s*\??"
        ),
        lambda m: f"那普通的{DAYS[m.group(1)]}呢 ",
    ),
]
