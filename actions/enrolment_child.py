"""The courses a child may be enrolled in when the enrolment names no course ("想给我女儿报个班
她9岁"): the open courses for children that suit the age told."""

from __future__ import annotations

from datetime import date
from typing import Any

from rasa_sdk import Tracker

from actions.course_context import LIST_SLOT
from actions.message import recent_user_texts
from bot.domain.course_ages import age_told_before, child_age, child_named, for_children, suits
from bot.domain.people import enrolled_for
from bot.store import courses as repo
from bot.store.models import Course

# how far back a child's age told by who they are is looked for ("弟弟7岁 姐姐11岁")
RECENT_FOR_AGES = 6
# whom enrolled_for() names when the message enrols a child
_CHILD_WORDS = frozenset({"孩子", "您孩子", "您女儿", "您儿子", "您娃儿", "您小孩"})


def for_the_child(s: Any, text: str, tracker: Tracker, today: date) -> list[Course]:
    """The open courses for children that suit the child's age told (all of them when
    no age is told), when the message enrols a child; a child named by who they are
    ("给姐姐报一个" after "弟弟7岁 姐姐11岁") has the age told before, and the courses of
    the list in view come first."""
    age = child_age(text)
    who = child_named(text)
    if age is None and who:
        age = age_told_before(who, recent_user_texts(tracker, RECENT_FOR_AGES))
    if age is None and enrolled_for(text) not in _CHILD_WORDS:
        return []
    courses = for_children(repo.open_courses(s, today))
    fitting = [c for c in courses if age is None or suits(c, age)]
    if who:
        in_view = {str(code) for code in tracker.get_slot(LIST_SLOT) or []}
        fitting = [c for c in fitting if c.code in in_view] or fitting
    return fitting
