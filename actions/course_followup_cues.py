"""What a follow-up about the courses in view says: more asked with conditions of its own,
a new search, other courses asked for, a course named outside the list (split from
actions/course_followups.py)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.course_context import FOCUS_SLOT
from actions.course_filters import wanted_course
from actions.message import latest_entity
from bot.store import courses as repo
from bot.store.models import Course


def more_with_conditions(tracker: Tracker, text: str) -> bool:
    """ "还有没得其他晚上学的技术 能拿证的": more asked, with conditions of its own."""
    timed = any(latest_entity(tracker, e) for e in ("time_of_day", "weekday", "course_category"))
    return timed or re.search(r"拿证|考证|发证|证书|技术|手艺", text) is not None


OTHERS_ASKED = re.compile(r"有啥|有些啥|有哪些|有没得|有没有|还有|别的|其他|其它|哪几")


WHICH_TEXT = "您问的是哪一门课程？点一下课程名，或者说“第二个”这样的序号："
NO_LIST_TEXT = "您想了解哪门课程？可以说课程名（比如“书法班在哪里上课”），或者先看看有哪些课程："


# "有没得免费的考证培训", "有没有晚上的班": asks for courses, not about the one in view
NEW_SEARCH = re.compile(
    r"(?:有没得|有没有|有莫得|有不有|有木有)[^，,。？?]{0,10}(?:课|班|培训)"
    # "那有没得别的养生锻炼的" after one course: others of that kind
    r"|(?:有没得|有没有|有莫得|有不有|有木有)(?:别的|其他|其它)"
    # "300还是有点贵 有没得免费的可以拿证的" after one course: the free ones, searched
    r"|(?:有没得|有没有|有莫得|有不有|有木有)(?:免费|不要钱|不收费|便宜)"
    # "帮我换个周末的课嘛 有没有学做吃的": another kind of course, by its days or what is learnt
    r"|(?:换|改)(?:个|一个)[^，,。？?]{0,8}的(?:课|班)|(?:有没得|有没有|有莫得)学"
)


# a word of courses, which a question about them says
COURSE_WORD = re.compile(r"课|班|培训|报名|学")


def courses_of(s: Any, codes: list[str]) -> list[Course]:
    found = [repo.get_by_code(s, code) for code in codes]
    return [c for c in found if c is not None]


# aspects a worker asks before knowing when and where a course is
# "你们那有没有学叉车的 … 要钱不": whether there is one, then a part of it asked
IS_THERE = re.compile(r"有没有|有没得|有莫得|有不有")
NOT_THE_BASICS = frozenset({"seats", "requirements", "certificate", "level", "length", "job"})


def shown_count(listed: list[Course]) -> int:
    return min(len(listed), 8)


def named_outside(tracker: Tracker, listed: list[Course]) -> bool:
    """The message names a course that is not one of those in view."""
    named = wanted_course(tracker)
    return bool(named) and all(c.name != named for c in listed)


def closed_focus(services: Any, tracker: Tracker) -> bool:
    """The one course in view has stopped enrolling (or there is none)."""
    focus = tracker.get_slot(FOCUS_SLOT)
    if not focus:
        return True
    with services.db.session() as s:
        course = repo.get_by_code(s, str(focus))
        open_now = {c.code for c in repo.open_courses(s, services.today())}
        return course is None or course.code not in open_now


# "那算了 屋头老大9岁 给老大报嘛": another child enrolled, in the course that suits them
ENROLS_A_CHILD = re.compile(
    r"(?:给|帮|替)(?:老大|老二|老三|老幺|幺儿|大的|小的|娃儿|孩子|儿子|女儿|姐姐|哥哥|弟弟|妹妹|他|她)"
    r"(?:报|报名|报一个|报个)(?:嘛|吧|哈|噻|了)?(?=$|[\s，,。!！])"
)
