"""Searches answered before the filters are read: several courses named together ("书法跟
合唱"), the courses like the one in view ("那有没得差不多的" after 太极拳) and those held where
it is ("同一个地方还有啥子课" after 插花) (split from actions/courses.py)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.course_context import FOCUS_SLOT
from actions.course_list import category_buttons, show_page
from actions.message import understood_text
from bot.domain.course_ages import is_child_word
from bot.domain.course_places import (
    asks_same_day,
    asks_same_place,
    place_in,
    places,
    short_place,
)
from bot.domain.course_questions import about_me, ordinal
from bot.domain.courses import (
    asks_like_this,
    similar_courses,
)
from bot.store import courses as repo
from bot.store.models import Course

# courses named in one message that are listed together ("蛋糕…电工证…")
SEVERAL = 2


def several_named(
    services: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[EventType] | None:
    """The open courses a message names, two or more (not to compare them: that is the
    follow-up's), listed together; None for any other message."""
    message = tracker.latest_message or {}
    text = message.get("text") or ""
    names: list[str] = []
    for e in message.get("entities") or []:
        start, end = e.get("start"), e.get("end")
        if e.get("entity") != "course_name" or not e.get("value"):
            continue
        words = text[start:end] if isinstance(start, int) and isinstance(end, int) else ""
        if words and (is_child_word(words) or about_me(text, words)):
            continue
        names.append(str(e["value"]))
    names = list(dict.fromkeys(names))
    if len(names) < SEVERAL or ordinal(text) is not None:
        # ("烘焙 乒乓球 还有电工 第三个要啥子条件": one of them asked about, the follow-up's)
        return None
    with services.db.session() as s:
        available = repo.open_courses(s, services.today())
        found = [c for name in names for c in available if c.name == name]
        if len(found) < SEVERAL:
            return None
        return show_page(dispatcher, s, found)


def like_this(
    services: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[EventType] | None:
    """ "那有没得差不多的" after 太极拳 (closed): the open courses most like the one in view,
    not every course. None when the message asks no such thing or no course is in view."""
    focus = tracker.get_slot(FOCUS_SLOT)
    if not focus or not asks_like_this(understood_text(tracker)):
        return None
    with services.db.session() as s:
        course = repo.get_by_code(s, str(focus))
        if course is None:
            return None
        available = repo.open_courses(s, services.today())
        return _page_or_kinds(
            dispatcher,
            s,
            similar_courses(course, available),
            available,
            intro=f"和“{course.name}”相近的课程：\n",
            none=f"暂时没有和“{course.name}”相近的课程。您可以按类别看看现在开放报名的课程：",
        )


def same_place(
    services: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[EventType] | None:
    """ "同一个地方还有啥子课没得" after 插花: the other open courses held where it is. None when
    the message asks no such thing, names a place itself, or no course is in view."""
    focus = tracker.get_slot(FOCUS_SLOT)
    text = understood_text(tracker)
    if not focus or not asks_same_place(text):
        return None
    with services.db.session() as s:
        course = repo.get_by_code(s, str(focus))
        available = repo.open_courses(s, services.today())
        if course is None or place_in(text, available) or not places(course.venue):
            return None
        where = places(course.venue)
        there = [c for c in available if c.id != course.id and set(places(c.venue)) & set(where)]
        return _held_alike(dispatcher, s, course, there, available, short_place(course.venue))


# "那我自己呢": the worker asks for themself after a child's course
_FOR_MYSELF = re.compile(r"我自己|大人|我能上|我可以上|我能报|我可以报|我上的")
FAMILY = "亲子活动"  # the category of courses a parent takes a child to (data/courses.yml)


def same_day(
    services: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[EventType] | None:
    """ "那我自己呢 同一天有没得我能上的" after 亲子绘本阅读: the other open courses held on
    its days (for the worker: not the children's ones). None when the message asks no such
    thing or no course is in view."""
    focus = tracker.get_slot(FOCUS_SLOT)
    text = understood_text(tracker)
    if not focus or not asks_same_day(text):
        return None
    with services.db.session() as s:
        course = repo.get_by_code(s, str(focus))
        if course is None or not course.weekdays:
            return None
        available = repo.open_courses(s, services.today())
        days = set(course.weekdays)
        myself = _FOR_MYSELF.search(text) is not None
        then = [
            c
            for c in available
            if c.id != course.id
            and days & set(c.weekdays or [])
            and not (myself and c.category == FAMILY)
        ]
        return _held_alike(dispatcher, s, course, then, available, "、".join(course.weekdays))


def _held_alike(
    dispatcher: CollectingDispatcher,
    s: Any,
    course: Course,
    found: list[Course],
    available: list[Course],
    where: str,
) -> list[EventType]:
    """The other courses held `where` the one in view is (its place or its days)."""
    return _page_or_kinds(
        dispatcher,
        s,
        found,
        available,
        intro=f"和「{course.name}」一样在{where}上课的还有：\n",
        none=f"在{where}上课的只有「{course.name}」。您可以按类别看看其他开放报名的课程：",
    )


def _page_or_kinds(
    dispatcher: CollectingDispatcher,
    s: Any,
    found: list[Course],
    available: list[Course],
    intro: str,
    none: str,
) -> list[EventType]:
    """A page of the courses found under `intro`, or `none` and the categories to look at."""
    if not found:
        dispatcher.utter_message(text=none, buttons=category_buttons(available))
        return []
    return show_page(dispatcher, s, found, intro=intro)
