"""A person asked for, and whether the worker negates it ("不用转人工，我就问下年假")."""

from __future__ import annotations

import re

_CLAUSE_BREAK = re.compile(r"[,.!?;:，。！？；：、~…]")
_NOT_NEGATION = re.compile(r"能不能|可不可以|可以不|是不是|行不行|要不要|得不得|会不会")
_NEGATION_BEFORE = re.compile(
    r"(?:[不别莫甭勿没]|不要|不用|不想|不需要?|不必|无需|没必要)(?:再|去)?$"
)
HANDOFF = re.compile(
    r"(?:转(?:个|一下|接|给)?(?:人工|真人)|人工(?:客服|服务|坐席|台)|真人客服"
    r"|(?:找|要|换|接)(?:个|一个)?(?:真人|人工)|找(?:个|一个)?(?:工作人员|客服)"
    r"|(?:喊|叫|请)(?:个|一个)?(?:真人|人工|工作人员)(?:来|过来)?"
    r"|(?:我要|我想要|我需要)(?:人工|真人)"
    # "有没得人能直接跟我说", "有没有人可以跟我讲一下": a person to talk to, asked for
    r"|有没(?:得|有)?(?:个)?人(?:能|可以|来)?(?:直接)?(?:跟|和|给)我(?:说|讲|聊|解释|打电话))"
)


def negated_handoff(text: str) -> bool:
    """ "不用转人工，我就问下年假": a handoff phrase the worker negates."""
    compact = text.replace(" ", "")
    found = list(HANDOFF.finditer(compact))
    return bool(found) and all(negated(compact, m.start()) for m in found)


def negated(text: str, start: int) -> bool:
    """True when the few characters before `start`, in the same clause, negate it (不要转人工)."""
    window = _CLAUSE_BREAK.split(text[max(0, start - 4) : start])[-1]
    # the negation must stand right before it: 不要转人工, not 听不懂…喊个真人来
    return bool(_NEGATION_BEFORE.search(_NOT_NEGATION.sub("", window)))
