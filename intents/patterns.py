"""Rule-based extractors for phone, id_number, money and duration over folded text."""

from __future__ import annotations

import re
from typing import NamedTuple

from intents.numbers import NUM, NUM_AR, format_number, parse_number


class Candidate(NamedTuple):
    """A possible entity span; overlaps are resolved later (longest, then priority)."""

    start: int
    end: int
    entity: str
    value: str
    extractor: str
    priority: int


PHONE = re.compile(r"(?<![\d])(?:\+?86[ -]?)?(1[3-9]\d)[ -]{0,2}(\d{4})[ -]{0,2}(\d{4})(?![\d])")
ID_NUMBER = re.compile(
    r"(?<![\dA-Za-z])([1-9]\d{5})[ -]?((?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))"
    r"[ -]?(\d{3}[\dXx])(?![\dA-Za-z])"
)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

# words after a number that show it counts something other than money
_NOT_MONEY_AFTER = r"(?!\s*多?\s*(?:个|人|名|次|米|公里|步|字|件|斤|公斤|平|天|年|月|号|日|点|岁|小时|分钟|周|%|倍|家|台))"
_MONEY_UNIT = re.compile(
    rf"(?<![\d.])(?P<num>{NUM})\s*多?\s*(?:块钱|块|元钱|元|圆|rmb|人民币)(?:钱)?"
)
_MONEY_SIGN = re.compile(rf"[¥$]\s*(?P<num>{NUM_AR})(?:\s*元)?")
_MONEY_K = re.compile(rf"(?<![\d.a-z])(?P<num>{NUM_AR}[kw])(?![a-z])")
_MONEY_MAGNITUDE = re.compile(
    rf"(?<![\d.])(?P<num>(?>(?:{NUM_AR}|[一二两三四五六七八九十][零一二两三四五六七八九十百]*)"
    rf"[千万][零一二两三四五六七八九十百千\d]*)){_NOT_MONEY_AFTER}"
)
# ("工资 一共15600": 一 of 一共 is no amount; the amount after it is)
_MONEY_CONTEXT = re.compile(
    r"(?:欠我|欠了我?|欠|工资|月薪|薪水|底薪|工钱|补偿|赔偿|赔了?|押金|扣了我?|扣我|少发了?|少给了?"
    r"|一共|总共|合计|共计)"
    rf"(?:了|我)?\s*(?P<num>(?>{NUM}))(?![共起直下般样定些切同边])"
    rf"{_NOT_MONEY_AFTER}"
)

_DURATION = re.compile(
    rf"(?P<num>{NUM}|半)\s*(?P<ge>个)?\s*(?P<half1>半)?多?\s*"
    r"(?P<unit>个月|月|年|天|周|星期|礼拜|小时|钟头)(?P<half2>半)?多?"
)

_MONTH_NEXT = re.compile(r"\s*[\d一二三四五六七八九十]{1,3}月")


def valid_id_number(text: str) -> bool:
    """GB 11643 checksum of an 18-character resident ID number."""
    if len(text) != 18 or not text[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(text[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == text[17].upper()


def find_ids_and_phones(text: str) -> list[Candidate]:
    """Resident ID numbers (checksum verified) and mainland mobile numbers."""
    out: list[Candidate] = []
    for m in ID_NUMBER.finditer(text):
        value = "".join(m.groups()).upper()
        if valid_id_number(value):
            out.append(Candidate(m.start(), m.end(), "id_number", value, "rule", 0))
    for m in PHONE.finditer(text):
        out.append(Candidate(m.start(), m.end(), "phone", "".join(m.groups()), "rule", 1))
    return out


def find_money(text: str) -> list[Candidate]:
    """Amounts in yuan: 3000块, ¥2000, 2k, 1.5万, 两万五, 欠我3000."""
    out: list[Candidate] = []
    for pattern, prio in (
        (_MONEY_UNIT, 0),
        (_MONEY_SIGN, 0),
        (_MONEY_K, 0),
        (_MONEY_MAGNITUDE, 1),
        (_MONEY_CONTEXT, 2),
    ):
        for m in pattern.finditer(text):
            value = parse_number(m.group("num"))
            if value is None or value <= 0:
                continue
            start = m.start("num") if pattern is _MONEY_CONTEXT else m.start()
            out.append(Candidate(start, m.end(), "money", format_number(value), "rule", prio))
    return out


def _duration_value(num: float, unit: str, half: bool) -> str | None:
    """Canonical duration text: whole years as N年, half years as months, half months as days."""
    if half:
        num += 0.5
    if unit in ("个月", "月"):
        return f"{format_number(num)}个月" if num == int(num) else f"{format_number(num * 30)}天"
    if unit == "年":
        return f"{format_number(num)}年" if num == int(num) else f"{format_number(num * 12)}个月"
    if unit in ("周", "星期", "礼拜"):
        return f"{format_number(num)}周" if num == int(num) else f"{format_number(num * 7)}天"
    if unit in ("小时", "钟头"):
        return f"{format_number(num)}小时"
    if unit == "天":
        return f"{format_number(num)}天"
    return None


def find_durations(text: str) -> list[Candidate]:
    """Spans of time: 三个月, 3个月, 半年, 两年, 十天, 一年半, 两个星期, 八个小时."""
    out: list[Candidate] = []
    for m in _DURATION.finditer(text):
        raw, unit = m.group("num"), m.group("unit")
        has_ge = bool(m.group("ge")) or unit == "个月"
        if unit == "个月":
            unit = "月"
        if unit == "月" and not has_ge:
            continue  # 3月 is a month of the year, not three months
        if unit in ("星期", "礼拜") and raw == "半":
            continue
        if m.group("half1") and m.group("half2"):
            continue
        half = bool(m.group("half1") or m.group("half2"))
        num = 0.0 if raw == "半" else parse_number(raw)
        if raw == "半":
            half = True
        if num is None or (unit == "年" and (num > 100 or _MONTH_NEXT.match(text, m.end()))):
            continue
        value = _duration_value(num, unit, half)
        if value and (num > 0 or half):
            out.append(Candidate(m.start(), m.end(), "duration", value, "rule", 1))
    return out
