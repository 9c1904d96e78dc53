"""What each worker of a group is owed, told in one message, added up and put right.

"一共4个人 我王德明欠5600 李小兵欠4800 张华欠5200 陈秀英欠3900", "3 people total. I'm owed 4500,
Ma Li 4200, Gao Jun 4700": each worker's sum is their own claim (each proves their own pay),
and workers with a common claim may file together through a representative (《劳动争议调解
仲裁法》第七条). The total is what the group asks for in all; one sum put right ("李小兵是4300
不是4800", "Gao Jun is 4900 not 4700") changes it.
"""

from __future__ import annotations

import re

from intents.numbers import format_number

# one worker and their sum, in Chinese: "我王德明欠5600", "我叫冉小红欠我5200", "李小兵欠4800",
# "张华5200", "欠我9600" (the debt said first)
_CHINESE_EACH = re.compile(
    r"(?:欠了?|少发了?|差)?(?P<who>我叫?[\u4e00-\u9fff]{2,3}?|我|[\u4e00-\u9fff]{2,3}?)(?:的)?(?:被)?"
    r"(?:欠了?我?|少发了?|差|是|有|要)?\s*(?P<n>\d{3,6}(?:\.\d+)?)\s*(?:块钱?|元)?"
)
# the worker naming themself in the list: "我王德明", "我叫冉小红", "me Liu Yang"
_SELF_NAMED = re.compile(r"^(?:我叫?|(?:me|myself)\s+)(?=\S{2})", re.IGNORECASE)
# ... in English: "I'm owed 4500", "Ma Li 4200", "and Gao Jun is owed 4700"
_ENGLISH_EACH = re.compile(
    r"(?:and\s+)?(?P<who>(?:me|myself)\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}"
    r"|I'?m|I am|I|me|mine|[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})(?:'s)?"
    r"(?:\s+(?:is|was|am|gets?|needs?))?(?:\s+owed)?\s+(?P<n>\d{3,6}(?:\.\d+)?)"
    r"(?:\s*(?:yuan|rmb|kuai))?",
    re.IGNORECASE,
)
# words that are not a worker: the pay's own names, counts and labels
_NOT_A_WORKER = re.compile(
    r"工资|工钱|加班|补偿|赔偿|押金|社保|奖金|提成|绩效|一共|总共|合计|加起来|电话|手机|号码|月|天|年"
    r"|块|元|欠|是|每|底薪|他|她|们"
)
_SPEAKER = {"我", "i'm", "i am", "i", "me", "mine"}
# where one worker's sum ends: a comma or a full stop, or a space between Chinese words
_PARTS = re.compile(
    r"\s*(?:[，,。;；、]|\.(?=\s|$))\s*|(?<=[\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fff])"
)
# at least this many workers' sums make a group's list
GROUP_LIST_MIN = 2


def _parts(text: str) -> list[str]:
    """The message cut where one worker's sum ends ("…欠5600 李小兵欠4800", "…4500, Ma Li 4200")."""
    return [p.strip(" ，,。.;；、") for p in _PARTS.split(text or "") if p.strip(" ，,。.;；、")]


def _each(part: str) -> tuple[str, float] | None:
    for pattern in (_CHINESE_EACH, _ENGLISH_EACH):
        m = pattern.fullmatch(part)
        if m is None:
            continue
        who = m.group("who")
        if pattern is _CHINESE_EACH and _NOT_A_WORKER.search(who):
            return None
        if pattern is _ENGLISH_EACH and " owed" not in part and who.lower() in _SPEAKER:
            return None  # "I 4500" says no debt; "I'm owed 4500" does
        return who, float(m.group("n"))
    return None


def amounts_each(text: str | None) -> list[tuple[str, float]]:
    """Each worker and the sum owed to them, in the order told; [] unless two or more are
    told."""
    found = [pair for pair in map(_each, _parts(text or "")) if pair is not None]
    return found if len(found) >= GROUP_LIST_MIN else []


def speaker_name(text: str | None) -> str | None:
    """The name the worker gives for themself in the list ("我王德明欠5600": 王德明; "我叫冉小红欠我
    5200": 冉小红; "me Liu Yang 4200": Liu Yang)."""
    for who, _ in amounts_each(text):
        named = _SELF_NAMED.sub("", who)
        if named != who and len(named) >= 2:
            return named
    return None


def _label(who: str) -> str:
    named = _SELF_NAMED.sub("", who)
    if named != who:
        return named  # "我王德明", "me Liu Yang": the worker's own name
    return "我" if who.lower() in _SPEAKER else who


def group_total_text(pairs: list[tuple[str, float]]) -> str:
    """ "4个人一共：5600＋4800＋5200＋3900＝19500元（王德明5600、…）。", and that each sum is
    that worker's own claim."""
    total = sum(n for _, n in pairs)
    added = "＋".join(format_number(n) for _, n in pairs)
    people = "、".join(f"{_label(who)}{format_number(n)}" for who, n in pairs)
    return (
        f"{len(pairs)}个人一共：{added}＝{format_number(total)}元（{people}）。"
        "每个人的钱是各自的诉求，调解时各自的工资和欠款要各自举证。"
    )


# "李小兵是4300 不是4800", "Gao Jun is 4900 not 4700": one worker's sum put right
_CHINESE_FIX = re.compile(
    r"(?P<who>[\u4e00-\u9fff]{2,3}?)(?:的)?(?:是|应该是|欠的是|欠)\s*(?P<new>\d{3,6})"
    r"(?:块|元)?\s*[，,]?\s*(?:不是|而不是)\s*(?P<old>\d{3,6})"
)
_ENGLISH_FIX = re.compile(
    r"(?P<who>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})(?:'s)?(?:\s+(?:salary|wages?|pay))?"
    r"\s+(?:is|was|should be)(?:\s+owed)?\s+(?P<new>\d{3,6}),?\s+not\s+(?P<old>\d{3,6})"
)
# "何军是6300 我看错了": one worker's sum put right, the old one left untold
_CHINESE_FIX_NEW = re.compile(
    r"(?P<who>[\u4e00-\u9fff]{2,3}?)(?:的)?(?:是|应该是|欠的是)\s*(?P<new>\d{3,6})(?:块|元)?"
    r"[^\d]{0,6}?(?:看错|说错|写错|搞错|记错|打错|弄错)"
)


def amount_corrected(
    text: str | None, pairs: list[tuple[str, float]]
) -> list[tuple[str, float]] | None:
    """The list with one worker's sum put right, when the message does so for a worker of
    the list; None otherwise."""
    for pattern in (_CHINESE_FIX, _ENGLISH_FIX, _CHINESE_FIX_NEW):
        m = pattern.search(text or "")
        if m is None:
            continue
        who, new = m.group("who"), float(m.group("new"))
        old = float(m.group("old")) if "old" in pattern.groupindex else None
        fixed = [
            (
                name,
                new if (name.endswith(who) or who.endswith(name)) and old in (None, n) else n,
            )
            for name, n in pairs
        ]
        return fixed if fixed != pairs else None
    return None
