"""A course wanted from a clock time on: "下了班7点过有没得啥子课", "有没得7点半以后才开始的" —
the earliest start the worker can make, in minutes after midnight (bot/store/courses.py
compares it with a course's own start)."""

from __future__ import annotations

import re

# "7点过", "7点半以后", "晚上7点后", "19:30以后", "七点钟以后"
_FROM_CLOCK = re.compile(
    r"(?P<pm>晚上|下午|傍晚|夜里)?\s*(?P<h>\d{1,2}|[一二三四五六七八九十]{1,2})\s*(?:点|:|：)"
    r"(?:(?P<m>\d{2})|(?P<half>半)|钟)?\s*(?:过|以后|之后|过后|后|多|往后"
    # "下午5点半才走得脱": free from then on
    r"|才(?:走得脱|走得了|能走|下班|收工|下得了班|出得来|得空|有空))"
)
_PM_WORDS = re.compile(r"下了班|下班|晚上|下午|傍晚|夜里")
_AM_WORDS = re.compile(r"早上|上午|早晨")
_CHINESE = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# before this hour a clock time said without 上午/下午 is the evening's ("7点过": 19:00)
_SURELY_PM_BELOW = 8


def _hour(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word == "十":
        return 10
    if word.startswith("十"):
        return 10 + _CHINESE.get(word[1:], 0)
    return _CHINESE.get(word)


# "我周一到周五晚上10点才下班 只有周末空": the clock time is the working days', and the
# days free are others
_WORKDAYS = re.compile(r"周一到周五|星期一到星期五|礼拜一到礼拜五|平时|工作日")
_WEEKEND_FREE = re.compile(r"周末(?:才|就)?(?:有)?空|只有周末|周末才行|周末可以")


def earliest_start(text: str) -> int | None:
    """The time (minutes after midnight) the worker can come from, when the message says it."""
    m = _FROM_CLOCK.search(text or "")
    if m is None:
        return None
    if _WORKDAYS.search(text) and _WEEKEND_FREE.search(text):
        return None
    hour = _hour(m.group("h"))
    if hour is None or not 0 <= hour <= 23:
        return None
    minutes = int(m.group("m")) if m.group("m") else (30 if m.group("half") else 0)
    if minutes >= 60:
        return None
    if hour < 12 and (
        m.group("pm")
        or (_PM_WORDS.search(text) and not _AM_WORDS.search(text))
        or (hour < _SURELY_PM_BELOW and not _AM_WORDS.search(text))
    ):
        hour += 12
    return hour * 60 + minutes


def clock_text(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}以后"
