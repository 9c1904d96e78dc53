"""The worker's conditions for a course search, read from this message's entities."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.course_context import narrows
from actions.message import latest_confidence, latest_entity
from bot.domain.course_questions import about_me
from bot.store import courses as repo

SEARCH_SLOTS = ("course_name", "course_category", "time_of_day", "weekday", "fee")


def wanted_time(tracker: Tracker) -> str | None:
    """The time of day the worker wants: the last one named outside a clause that says the
    worker is busy then ("我下午六点下班，晚上有啥课": busy in the afternoon, free in the
    evening; "星期六下午我要送货 莫得空 有没得做面点的": no time asked for)."""
    named = _entity_values(tracker, "time_of_day")
    free = _entity_values(tracker, "time_of_day", outside_busy=True)
    if named and not free:
        return None if _busy_spans(tracker) else named[-1]
    return free[-1] if free else None


def filter_from(tracker: Tracker) -> repo.CourseFilter:
    """The worker's conditions, from this message's entities: a slot may still hold a word
    of an earlier message ("周末加班…" before "有没得学书法的" is not a weekend search)."""
    fee = latest_entity(tracker, "fee")
    name = wanted_course(tracker)
    return repo.CourseFilter(
        category=latest_entity(tracker, "course_category"),
        time_of_day=wanted_time(tracker),
        weekdays=wanted_weekdays(tracker),
        free=True if fee == "免费" else (False if fee == "收费" and not name else None),
        name=name,
    )


# a clause that says when the worker cannot come ("我星期二星期四晚上要跑单"), or a clause of
# its own that says so right after the time ("星期六下午我要送货 莫得空")
_BUSY = re.compile(
    r"跑单|送货|送单|出车|上班|加班|值班|夜班|没空|莫得空|不得空|没时间|去不了|来不了|有事|不行"
)
_BUSY_ALONE = re.compile(r"^(?:又|都|就|也)?(?:没空|莫得空|不得空|没时间|有事|去不了|来不了)")
_CLAUSE = re.compile(r"[^\s，,。.!！?？；;]+")


def _busy_spans(tracker: Tracker) -> list[tuple[int, int]]:
    text = (tracker.latest_message or {}).get("text") or ""
    clauses = [(m.start(), m.end(), m.group(0)) for m in _CLAUSE.finditer(text)]
    spans = []
    for i, (a, b, words) in enumerate(clauses):
        follows = i + 1 < len(clauses) and _BUSY_ALONE.match(clauses[i + 1][2])
        if _BUSY.search(words) or follows:
            spans.append((a, b))
    return spans


def _entity_values(tracker: Tracker, name: str, outside_busy: bool = False) -> list[str]:
    """The values of this message's `name` entities, in order (outside a busy clause)."""
    busy = _busy_spans(tracker) if outside_busy else []
    values = []
    for e in (tracker.latest_message or {}).get("entities") or []:
        if e.get("entity") != name or e.get("value") in (None, ""):
            continue
        start = e.get("start")
        if isinstance(start, int) and any(a <= start < b for a, b in busy):
            continue
        values.append(str(e["value"]))
    return values


def wanted_weekdays(tracker: Tracker) -> tuple[str, ...]:
    """The days asked for: every day the message names, but not those of a clause that says
    the worker is busy then ("我星期二星期四晚上要跑单 有没得星期一星期三晚上的课": Monday and
    Wednesday); none when every day named is a busy one."""
    named = _entity_values(tracker, "weekday")
    free = _entity_values(tracker, "weekday", outside_busy=True)
    if named and not free and not _busy_spans(tracker):
        free = named
    days: list[str] = []
    for value in free:
        days += [d for d in repo.expand_weekday(value) if d not in days]
    return tuple(days)


# below this, a course search naming no course or condition may be something else
SURE_SEARCH = 0.5


def unsure_search(tracker: Tracker) -> bool:
    """Read as a course search, but not surely, and naming no course and no condition."""
    return (
        latest_confidence(tracker) < SURE_SEARCH
        and not latest_entity(tracker, "course_name")
        and not narrows(tracker)
    )


def tells_a_dispute(tracker: Tracker) -> bool:
    """Read as a course search, but not surely, naming no course and a kind of labour
    dispute (加班费, 拖欠工资 …): a worker's situation, for the policy answer."""
    return (
        latest_confidence(tracker) < SURE_SEARCH
        # ("其他" names no dispute: "还有没得其他养生的")
        and latest_entity(tracker, "dispute_type") not in (None, "其他")
        and not latest_entity(tracker, "course_name")
    )


# leave from work asked about ("娃儿生了以后还有啥子假"), not a course
_ASKS_LEAVE = re.compile(
    r"(?:啥子|什么|哪些|几天|好多天|多少天|有没有|有没得|能休|可以休)的?假|请假|休假|产假|陪产假|育儿假|护理假|婚假|丧假"
)


def asks_about_leave(tracker: Tracker) -> bool:
    """Read as a course search, but asking about leave from work and naming no course."""
    text = (tracker.latest_message or {}).get("text") or ""
    return _ASKS_LEAVE.search(text) is not None and not latest_entity(tracker, "course_name")


def wanted_course(tracker: Tracker) -> str | None:
    """The course this message names, skipping one named only as the worker's own schooling
    ("我大专毕业的 想读个本科": 专升本, not the 大专 class)."""
    message = tracker.latest_message or {}
    text = message.get("text") or ""
    named = [
        e
        for e in message.get("entities") or []
        if e.get("entity") == "course_name" and e.get("value") not in (None, "")
    ]
    for e in named:
        start, end = e.get("start"), e.get("end")
        words = text[start:end] if isinstance(start, int) and isinstance(end, int) else ""
        if not about_me(text, words):
            return str(e["value"])
    return str(named[0]["value"]) if named else None


def describe(f: repo.CourseFilter) -> str:
    """The conditions in the worker's words, for "没有找到…" messages."""
    parts = [
        "、".join(f.weekdays) if f.weekdays else "",
        f.time_of_day or "",
        "免费" if f.free else ("收费" if f.free is False else ""),
        f.category or "",
        f"“{f.name}”" if f.name else "",
        f"在{f.place}附近" if f.place else "",
    ]
    return "".join(p for p in parts if p)
