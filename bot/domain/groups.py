"""Collective disputes: "我们车间二十多个人三个月没发工资" concerns many workers, not one.

A collective labour dispute (集体劳动争议, 《劳动争议调解仲裁法》第七条: ten or more workers
with a common claim may send representatives) is recorded as such, with the number of
workers, so the union can give it a dedicated mediator and ask for the list of workers.
"""

from __future__ import annotations

import re

import cn2an

_COUNT = re.compile(
    r"(?P<n>\d{1,4}|[一二两三四五六七八九十百几]{1,4})\s*(?:多|来|几)?\s*(?:个|名|位)?\s*"
    r"(?:老|新|临时|正式|一线)?(?:人|工人|工友|同事|员工|师傅|兄弟|姐妹)"
)
# "人数是16个": the head count, named
_HEADCOUNT = re.compile(
    r"人数(?:是|有|为|一共|总共)?\s*(?P<n>\d{1,4}|[一二两三四五六七八九十百]{1,4})\s*(?:个|名|位|人)?"
)
# "我们几个": a few, not a crowd (a collective dispute starts at ten)
_A_FEW = re.compile(
    r"我们(?:这)?(?:(?P<n>几|两|三|四|五|六|七|八|九)个(?![月天年星礼钟小])|(?P<pair>俩))"
)
# "我们6个在小区做保洁的": the count in digits, the workers understood
_WE_COUNTED = re.compile(
    r"我们(?:这)?(?:一共|总共)?\s*(?P<n>\d{1,4})\s*个(?![月天年星礼钟小号块元万千百])"
)
_FEW = {"几": 3, "俩": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SEVERAL = re.compile(
    r"我们(?:这些|一起|大家|全部|所有|都)|工友们|同事们|大家都|全厂|全车间|整个(?:车间|班组|工地|厂)"
    r"|好多人|很多人|一群人|一帮人|集体|全体|班组的人|所有人"
)
# "其他8个人", "另外五个工友": the others besides the worker
_OTHERS = re.compile(r"(?:其他|其余|另外|剩下)的?\s*$")
# "3个人每人欠12600 另外3个每人欠9800": the parts of a group, each owed the same each (their
# counts add up to the group; none of them is the group's size)
# (bot/domain/group_same_sum.py reads the sum each after it)
PART = re.compile(
    r"(?P<p>\d{1,3}|[一二两三四五六七八九十]{1,3})\s*个(?:人|工人|师傅)?(?:的)?\s*"
    r"(?:每个人|每人|每个|一个人|一人)"
)
COLLECTIVE_FROM = 10  # 《劳动争议调解仲裁法》第七条


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if "几" in word:
        word = word.replace("几", "")
        base = cn2an.cn2an(word, "smart") if word else 0
        return int(base) + 3 if base else 3  # 十几 -> 13, 几 -> 3: "a few more than"
    try:
        return int(cn2an.cn2an(word, "smart"))
    except ValueError:
        return None


def group_size(text: str | None) -> int | None:
    """How many workers the dispute concerns: a number said, 0 for "several" without one,
    None for one worker."""
    value = text or ""
    parts = list(PART.finditer(value))
    parts = parts if len(parts) >= 2 else []  # ("我们有9个人 每个人都是4500": one count)
    found = [
        m
        for m in [*_COUNT.finditer(value), *_HEADCOUNT.finditer(value)]
        if not any(p.start() <= m.start() < p.end() for p in parts)
    ]
    # ("有9个人 … 其他8个人的名字我后头发给你": the others besides the speaker are no count)
    others = [m for m in found if _OTHERS.search(value[: m.start()])]
    counts = [
        (n, "几" in m.group("n"))
        for m in found
        if m not in others and (n := _number(m.group("n"))) is not None and n >= 2
    ]
    if not counts and parts:  # (only the parts told: the group is all of them)
        sizes = [_number(p.group("p")) for p in parts]
        return sum(n for n in sizes if n) or None
    if not counts and others:
        n = _number(others[0].group("n"))
        return n + 1 if n is not None and n >= 1 else None
    if counts:
        # "十几个人 …；一共14个人" (a count added at the summary): the exact one
        exact = [n for n, rough in counts if not rough]
        return exact[-1] if exact else counts[0][0]
    counted = _WE_COUNTED.search(value)
    if counted and int(counted.group("n")) >= 2:
        return int(counted.group("n"))
    if _SEVERAL.search(value):
        return 0
    few = _A_FEW.search(value)
    return _FEW[few.group("n") or few.group("pair")] if few else None


def group_label(size: int | None) -> str:
    """涉及人数 as the summary and the case show it ("" for one worker)."""
    if size is None:
        return ""
    kind = "集体劳动争议" if size == 0 or size >= COLLECTIVE_FROM else "多人劳动争议"
    return f"{'多人' if size == 0 else f'约{size}人'}（{kind}）"
