"""Courses in view set side by side, the way the desk would answer "which one": which costs
less ("哪个便宜"), which is held near where the worker lives ("哪个近点 我住城南"), which is
shorter ("哪个时间短点": each class's hours, then how many classes), which starts sooner
("哪个先开课"), and what tells them apart ("这两个有啥子区别": what each teaches, when, where,
the fee). The lead says which one; the courses follow side by side (actions/course_list.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.domain.course_places import place_in
from bot.domain.courses import fee_text
from bot.store.models import Course

FEE, PLACE, LENGTH, START, DIFFERENCE = "fee", "venue", "length", "start", "difference"

# which of them, or these two, set against each other
_WHICH = re.compile(r"哪个|哪门|哪一个|哪一门|哪样|这两|那两|两个|两门|这几个|这几门")
_KINDS = (
    # ("哪个最近开课" asks when, not where)
    (
        START,
        re.compile(
            r"(?:开课|开学|开始|开班|上课)[^，,。？?]{0,3}(?:早|快)|先开|早点开|早些开|最近开"
        ),
    ),
    (FEE, re.compile(r"便宜|省钱|少花钱|花钱少|实惠|划算|贵")),
    (PLACE, re.compile(r"(?<!最)近|远|方便|顺路")),
    (
        LENGTH,
        re.compile(
            r"时间短|短[点些一]|短$|时间长|长[点些一]|课时少|次数少|节数少|少几次|上得少"
            r"|(?:学完|结束|结课)[^，,。？?]{0,3}(?:早|快)"
        ),
    ),
    (
        DIFFERENCE,
        re.compile(
            r"区别|不同|不一样|差别|差异|有啥子?分别|咋个选|怎么选|选哪个|哪个好|哪个更好|对比|比较"
        ),
    ),
)


def compared(text: str | None) -> str | None:
    """What the worker sets the courses in view against each other by (FEE, PLACE, LENGTH,
    START, DIFFERENCE), or None when the message compares nothing."""
    value = text or ""
    if not _WHICH.search(value):
        return None
    return next((kind for kind, pattern in _KINDS if pattern.search(value)), None)


def _minutes(course: Course) -> int | None:
    """A class's length from its time ("09:30-11:30" -> 120), None when not given."""
    m = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*", course.time or "")
    if not m:
        return None
    h1, m1, h2, m2 = (int(g) for g in m.groups())
    return (h2 * 60 + m2) - (h1 * 60 + m1)


def hours_text(minutes: int) -> str:
    """120 -> 2小时, 150 -> 2个半小时, 90 -> 1个半小时, 45 -> 45分钟."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest}分钟"
    if rest == 30:
        return f"{hours}个半小时"
    return f"{hours}小时" + (f"{rest}分钟" if rest else "")


def _the_one(courses: Sequence[Course], values: list, best: object) -> Course | None:
    """The one course whose value is `best`, None when several share it."""
    found = [c for c, v in zip(courses, values, strict=True) if v == best]
    return found[0] if len(found) == 1 else None


def _fee_lead(courses: Sequence[Course]) -> str:
    fees = [c.fee or 0 for c in courses]
    if len(set(fees)) == 1:
        return f"这{len(courses)}门费用一样，都是{fee_text(courses[0])}。"
    cheapest = [c for c, fee in zip(courses, fees, strict=True) if fee == min(fees)]
    if len(cheapest) > 1:  # "哪个最便宜" of six, five of them free
        names = "、".join(f"「{c.name}」" for c in cheapest)
        return f"最便宜的是{names}，都是{fee_text(cheapest[0])}。"
    return f"「{cheapest[0].name}」便宜些：{fee_text(cheapest[0])}。"


def _place_lead(courses: Sequence[Course], text: str) -> str:
    place = place_in(text, courses)
    if place is None:
        return (
            "您住在哪一片（比如城南、滨江、文化宫附近）？告诉我，帮您看哪个近。各门课的上课地点："
        )
    near = [c for c in courses if place in (c.venue or "")]
    if not near or len(near) == len(courses):
        return f"这几门都不在{place}，上课地点各是：" if not near else f"这几门都在{place}。"
    names = "、".join(f"「{c.name}」（{c.venue}）" for c in near)
    return f"离{place}近的是{names}。"


def _length_lead(courses: Sequence[Course]) -> str:
    lengths = [_minutes(c) for c in courses]
    lines = []
    if all(m is not None for m in lengths) and len(set(lengths)) > 1:
        short = _the_one(courses, lengths, min(m for m in lengths if m is not None))
        each = "，".join(
            f"「{c.name}」{c.time}（{hours_text(m)}）"
            for c, m in zip(courses, lengths, strict=True)
            if m is not None
        )
        if short is not None:
            lines.append(f"每次上课「{short.name}」短些：{each}。")
    elif all(m is not None for m in lengths) and lengths:
        lines.append(f"每次上课一样长，都是{hours_text(lengths[0] or 0)}。")
    sessions = [c.sessions for c in courses]
    if all(sessions) and len(set(sessions)) > 1:
        fewest = _the_one(courses, sessions, min(s for s in sessions if s))
        if fewest is not None:
            lines.append(f"上课次数「{fewest.name}」最少：共{fewest.sessions}次。")
    return "\n".join(lines)


def _start_lead(courses: Sequence[Course]) -> str:
    starts = [c.start_date for c in courses]
    if not all(starts):
        return ""
    first = _the_one(courses, starts, min(d for d in starts if d is not None))
    if first is None or first.start_date is None:
        return "这几门同一天开课。"
    return f"「{first.name}」先开课：{first.start_date.month}月{first.start_date.day}日。"


def compare_lead(courses: Sequence[Course], kind: str | None, text: str) -> str:
    """The sentence that answers which one, before the courses side by side ("" for
    DIFFERENCE: the side by side is the answer)."""
    if kind == FEE:
        return _fee_lead(courses)
    if kind == PLACE:
        return _place_lead(courses, text)
    if kind == LENGTH:
        return _length_lead(courses)
    if kind == START:
        return _start_lead(courses)
    return ""
