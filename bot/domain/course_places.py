"""Where a course is held, as workers name it: the street or town of the venue (城南街道 ->
城南) or the union's sites (区工人文化宫 -> 文化宫); the place a message asks about, and courses
asked where the one in view is held ("同一个地方还有啥子课") (split from
bot/domain/courses.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.store.models import Course

_AREA = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?:街道|镇|乡|社区)")
_SITES = ("文化宫", "服务中心", "实训基地")


def places(venue: str | None) -> list[str]:
    """The names a worker may use for a venue's place: 城南 for 城南街道工会服务站."""
    value = venue or ""
    return [m.group(1) for m in _AREA.finditer(value)] + [s for s in _SITES if s in value]


def short_place(venue: str | None) -> str:
    """The venue without its room: 区工人文化宫二楼书画室 -> 区工人文化宫, 城南街道工会服务站 ->
    城南街道."""
    value = venue or ""
    area = _AREA.search(value)
    if area:
        return area.group(0)
    for site in _SITES:
        if site in value:
            return value[: value.index(site) + len(site)]
    return value or "地点待通知"


def place_in(text: str | None, courses: Iterable[Course]) -> str | None:
    """The place a message asks about ("城南那边有啥课"), if it names one of the venues'."""
    # ("那个实训基地离我太远了 我住城南 城南那边有啥子课": not the place said to be too far)
    value = " ".join(c for c in re.split(r"[\s，,。；;]+", text or "") if not _TOO_FAR.search(c))
    known = {p for c in courses for p in places(c.venue)}
    named = [p for p in known if p in value]
    return max(named, key=len) if named else None


# "同一个地方还有啥子课" after a course: where it is held, not a place named (and other courses
# asked: "八段锦在那里上" is 哪里 mistyped, "城南那个服务站 几楼" asks the room)
_SAME_PLACE = re.compile(
    r"同一?个?(?:地方|地点|位置|服务站)|一个地方|(?:那个|那|这个|这)(?:地方|地点)|那里|那儿|那点|那边"
)
_OTHER_COURSES_THERE = re.compile(r"还有|也有|别的|其他|其它|啥子?课|什么课|哪些课")


def asks_same_place(text: str | None) -> bool:
    """The message asks for courses where the one in view is held ("那里还有啥课")."""
    value = text or ""
    return bool(_SAME_PLACE.search(value) and _OTHER_COURSES_THERE.search(value))


_TOO_FAR = re.compile(r"太远|远了|好远|不方便|去不了|跑不赢")


# "同一天有没得我能上的" after a child's course: the courses held on its days
_SAME_DAY = re.compile(r"同一天|同一个?时间|同天|那一?天|当天|那个时候|同时")
_OTHER_COURSES_THEN = re.compile(
    r"还有|也有|别的|其他|其它|啥子?课|什么课|哪些课|(?:有没得|有没有|有莫得)[^，,。]{0,4}(?:上|报|学)"
)


def asks_same_day(text: str | None) -> bool:
    """The message asks for courses on the days of the one in view ("那天还有啥课")."""
    value = text or ""
    return bool(_SAME_DAY.search(value) and _OTHER_COURSES_THEN.search(value))
