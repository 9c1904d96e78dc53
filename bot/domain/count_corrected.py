"""A count of days or hours put right in a message of its own, read into the message it
corrects, so the sum that message asked is worked out again ("我一个月6960 上个月周六周日加了4天班
都没补休 该好多", then "等哈 我说错了 是3天": the same sum for 3 days)."""

from __future__ import annotations

import re

from intents.numbers import NUM, parse_number

# the words of a slip owned ("说错了", "搞错了", "记错了", "打错了", "不对")
_SLIP = re.compile(r"说错|搞错|记错|打错|写错|算错|弄错|不对")
# "是3天", "应该是3天", "3天 不是4天": the count said again, with its unit
_COUNT = re.compile(rf"(?P<n>{NUM})\s*(?P<unit>天|个钟头|个小时|小时|个钟)")
_UNITS = {"个钟头": "hours", "个小时": "hours", "小时": "hours", "个钟": "hours", "天": "days"}
_SAID_ALONE = 16  # characters: a correction longer than this tells more than the count


def _counts(text: str) -> list[re.Match[str]]:
    return list(_COUNT.finditer(text or ""))


def count_put_right(text: str, before: str) -> str | None:
    """`before` (the worker's message just before) with its one count of days or hours
    replaced by the count `text` puts right, or None when `text` is no such correction or
    `before` holds no single count of that unit."""
    said = re.sub(r"\s", "", text or "")
    if len(said) > _SAID_ALONE or not _SLIP.search(said):
        return None
    counts = _counts(said)
    if not counts or re.search(r"\d", _COUNT.sub("", said)):
        return None  # (another figure besides the count: more than a correction)
    new = counts[0]
    unit = _UNITS[new.group("unit")]
    value = parse_number(new.group("n"))
    if value is None:
        return None
    same = [m for m in _counts(before) if _UNITS[m.group("unit")] == unit]
    if len(same) != 1 or parse_number(same[0].group("n")) == value:
        return None
    old = same[0]
    return f"{before[: old.start('n')]}{new.group('n')}{before[old.end('n') :]}"


# a sum said again, bare ("等哈 我说错了 是7800" after "我一个月7500"): three figures or more,
# right after 是 (not "不对 有一个月他给了3000的": a sum paid, not the pay put right)
_SUM = re.compile(r"(?<![\d.])\d{3,6}(?![\d.])")
_SUM_SAID_AGAIN = re.compile(r"(?:是|应该是|其实是)\d{3,6}(?:块|元)?$")
_SUM_MIN = 100


def sum_put_right(text: str, before: str) -> str | None:
    """`before` with its one sum (three figures or more) replaced by the sum `text` puts right
    ("等哈 我说错了 是7800" after "我一个月7500": the pay the compensation was reckoned on), or
    None when `text` is no such correction or `before` holds no single sum."""
    said = re.sub(r"\s", "", text or "")
    if len(said) > _SAID_ALONE or not _SLIP.search(said) or not _SUM_SAID_AGAIN.search(said):
        return None
    new = _SUM.findall(said)
    old = list(_SUM.finditer(before or ""))
    if len(new) != 1 or len(old) != 1 or re.search(r"\d", _SUM.sub("", said)):
        return None
    if int(new[0]) < _SUM_MIN or new[0] == old[0].group(0):
        return None
    return f"{before[: old[0].start()]}{new[0]}{before[old[0].end() :]}"
