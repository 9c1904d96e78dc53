"""The part of an answer a follow-up asks about: "那周末呢" right after the overtime answer is
answered with its rest-day sentence, not with the whole answer again.

A follow-up that leans on the answer just given and lands on the same entry asks about one
facet of it (rest days, public holidays, a difficult birth …). The facets are named here
with the words workers use for them; the answer's sentences (split at 。 and ；) that name
the same facet are the reply. Nothing is focused when no sentence, or every sentence, names
it: then the whole answer stands.
"""

from __future__ import annotations

import re

# facet: the word the FAQ answers use for it, and the words workers use
FACETS: dict[str, tuple[str, ...]] = {
    "休息日": (
        "休息日",
        "周末",
        "周六",
        "周日",
        "周天",
        "星期六",
        "星期天",
        "星期日",
        "礼拜六",
        "礼拜天",
        "双休",
        "休息天",
        "歇班",
    ),
    "法定节假日": ("法定节假日", "节假日", "法定假", "除夕", "元旦", "清明", "端午", "中秋"),
    "工作日": ("工作日", "平时", "下班后", "下班以后", "晚上加班", "延长工时", "延时"),
    "难产": ("难产",),
    "多胞胎": ("多胞胎", "双胞胎", "龙凤胎", "三胞胎"),
    "流产": ("流产", "小产"),
}
# a long break holds public holidays and rest days moved around them (春节: 除夕 to 初三 are
# public holidays, the other days of the break are rest days): both sentences are the answer
BREAKS = ("过年", "春节", "国庆", "五一", "劳动节", "长假", "黄金周")


# how long something lasts: asked in words ("这个期限一般好久"), found in the answer as a
# number of days, months or years ("停工留薪期一般不超过12个月")
LENGTH = "时长"
LENGTH_WORDS = ("期限", "时限", "多久", "好久", "多长", "几天", "几个月", "几年")
_LENGTH_IN_ANSWER = re.compile(r"\d+\s*(?:个月|天|日|年|周|小时)")


def _facets(text: str) -> set[str]:
    named = {facet for facet, words in FACETS.items() if any(w in text for w in words)}
    if any(w in text for w in LENGTH_WORDS):
        named.add(LENGTH)
    if any(w in text for w in BREAKS):
        named |= {"休息日", "法定节假日"}
    return named


_SENTENCE = re.compile(r"[^。；;！!？?\n]+[。；;！!？?]?")


def focused(answer: str, followup: str) -> str | None:
    """The sentences of `answer` about what `followup` asks ("那周末呢": the rest-day
    sentence), or None when the follow-up names no facet or the answer cannot be narrowed."""
    asked = _facets(followup)
    if not asked:
        return None
    sentences = [s.strip() for s in _SENTENCE.findall(answer) if s.strip()]
    # a sentence names a facet by the answer's own word for it
    chosen = [
        s
        for s in sentences
        if any(facet in s for facet in asked) or (LENGTH in asked and _LENGTH_IN_ANSWER.search(s))
    ]
    if not chosen or len(chosen) == len(sentences):
        return None
    text = "".join(chosen)
    return text[:-1] + "。" if text[-1] in "；;" else text
