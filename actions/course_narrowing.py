"""Narrowing and paging a course list in view: "只要免费的", "城南的是哪几个", "还有吗", and the
courses a message names among them."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import button, buttons
from actions.course_context import FOCUS_SLOT, LIST_SLOT, SHOWN_SLOT
from actions.course_filters import describe, filter_from
from actions.course_list import category_buttons, enrol_button, show_page
from bot.domain.course_places import place_in
from bot.domain.course_questions import CHEAPER, aspects, narrowing
from bot.domain.courses import (
    gives_certificate,
    is_specific,
    rank_by_text,
    residual,
    when_text,
)
from bot.store import courses as repo
from bot.store.models import Course

# a course's word said as the class meant: "家政那个班", "插花的课", "瑜伽那个"
AS_A_CLASS = re.compile(r"^(?:那个|这个|那门|的那个|的)?(?:班|课|培训)|^(?:那个|这个|那门)")
NO_MORE_TEXT = "上面就是全部 {n} 门了。想换个方向，可以按类别看看："


_CLAUSE = re.compile(r"[\s，,。；;！!？?]+")
SKILLS = "技能培训"  # the certificate courses' category, which 考证 names (data/courses.yml)
# "不要考证那种", "不考证的": the certificate courses ruled out
# ("考不考试" asks whether there is an exam)
NO_CERTIFICATE = re.compile(
    r"(?<![考拿要])不(?:要|想|用)?(?:考证|拿证|考试|要证)|不要[^，,。]{0,3}(?:考证|证书)"
)


def narrowed_first(tracker: Tracker, listed: list[Course], text: str) -> list[Course]:
    """The courses of the list that meet a condition said before a question in the same
    message ("只要星期天下午的 拍子要自己带不"), or [] when the message starts with none."""
    first, *rest = _CLAUSE.split(text.strip(), maxsplit=1)
    if not rest or not listed or not aspects(" ".join(rest)) or not narrowing(first):
        return []
    f = filter_from(tracker)
    if f == repo.CourseFilter():
        return []
    return [c for c in listed if repo.matches(c, f)]


# keywords that speak of the learner, not the course: with a course in focus, "一家可以去两个
# 娃儿不" is about that course, not the one whose keywords hold 娃儿
ABOUT_THE_LEARNER = frozenset(
    {"孩子", "娃儿", "小孩", "娃娃", "带娃", "带娃儿", "带孩子", "读书", "考证", "证书"}
)


def named_in(courses: list[Course], text: str, focus_held: bool = False) -> list[Course]:
    """Courses the message names (the name, or one of its keywords), not merely shares a
    character with: "书法班在哪里" names 书法, "在哪里上课" names none. While a course is in focus
    (`focus_held`), words about the learner (孩子, 考证) name no other course."""
    found = [c for c in courses if c.name in text]
    if not found:
        found = [
            c
            for c in courses
            if any(
                len(k) >= 2
                and k in text
                and (
                    not focus_held
                    or k not in ABOUT_THE_LEARNER
                    # "娃儿那个几岁能去": the learner's word said as the class meant
                    or AS_A_CLASS.match(text[text.find(k) + len(k) :]) is not None
                )
                for k in c.keywords or []
            )
        ]
    return found


def more(
    dispatcher: CollectingDispatcher, s: Any, listed: list[Course], tracker: Tracker, today: date
) -> list[EventType]:
    """ "还有吗": the next page of the list in view, or where to look once it is all shown."""
    shown = int(tracker.get_slot(SHOWN_SLOT) or 0)
    if listed and shown < len(listed):
        return show_page(dispatcher, s, listed, shown)
    available = repo.open_courses(s, today)
    if not listed:
        return show_page(dispatcher, s, available) if available else []
    dispatcher.utter_message(
        text=NO_MORE_TEXT.format(n=len(listed)), buttons=category_buttons(available)
    )
    return []


# "是不是星期天上课哦": whether the course in view meets then, asked (not a wish to narrow)
_ASKED_IF = re.compile(r"是不是|[吗嘛哦不噻][？?]?$")


def _filter_entities(f: repo.CourseFilter) -> dict[str, str]:
    """The search's conditions as a button's entities."""
    found = {"weekday": f.weekdays[0]} if f.weekdays else {}
    if f.time_of_day:
        found["time_of_day"] = f.time_of_day
    return found


def narrow(
    dispatcher: CollectingDispatcher,
    s: Any,
    listed: list[Course],
    tracker: Tracker,
    wanted: str,
    today: date,
) -> list[EventType]:
    """ "只要免费的": the same list with the new condition (from entities or words)."""
    if wanted == CHEAPER:
        return _cheaper(dispatcher, s, listed, tracker, today)
    f = filter_from(tracker)
    no_certificate = NO_CERTIFICATE.search(tracker.latest_message.get("text") or "")
    if no_certificate:
        # "只要免费的 不要考证那种": 考证 names no course here, it rules some out
        f = replace(f, name=None, category=None if f.category == SKILLS else f.category)
        listed = [c for c in listed if not gives_certificate(c)]
    place = place_in(wanted, listed)
    if place:  # "城南的是哪几个"
        f = replace(f, place=place)
    if f == repo.CourseFilter():
        f = repo.CourseFilter(free=True) if "免费" in wanted or "不要钱" in wanted else f
    if f == repo.CourseFilter():
        kept = named_in(listed, wanted)
    else:
        kept = [c for c in listed if repo.matches(c, f)]
    if kept == listed and len(listed) == 1 and _ASKED_IF.search(wanted):
        # "直播那个周五也要上噻" of the one course in view: yes, when it is
        (course,) = listed
        dispatcher.utter_message(
            text=f"是的，「{course.name}」是{when_text(course)}上课。",
            buttons=buttons(enrol_button(course), button("看看其他课程", "course_search")),
        )
        return [SlotSet(FOCUS_SLOT, course.code)]
    if kept:
        return show_page(dispatcher, s, kept)
    available = repo.open_courses(s, today)
    others = [c for c in available if repo.matches(c, f)] if f != repo.CourseFilter() else []
    if len(listed) == 1 and others and _ASKED_IF.search(wanted):
        # "是不是星期天上课哦" of the one course in view: no, when it is, the others a tap
        # away (the course stays in view: "在哪里 要钱不" next is about it)
        (course,) = listed
        dispatcher.utter_message(
            text=f"不是，「{course.name}」是{when_text(course)}上课。",
            buttons=buttons(
                enrol_button(course),
                button(f"看看{describe(f)}的课", "course_search", **_filter_entities(f)),
            ),
        )
        return [SlotSet(FOCUS_SLOT, course.code), SlotSet(LIST_SLOT, [course.code])]
    if len(listed) == 1:  # "只有晚上才有空" after one course: when it is, then what fits
        (course,) = listed
        note = f"「{course.name}」是{when_text(course)}上课。"
    else:
        note = f"刚才那些课程里没有{describe(f) or wanted}的。"
    if not others:
        dispatcher.utter_message(
            text=note + "可以按类别看看其他课程：", buttons=category_buttons(available)
        )
        return []
    # ("周末锻炼身体的呢" after 八段锦: those then, of the kind asked first)
    others = rank_by_text(others, wanted) if is_specific(residual(wanted)) else others
    dispatcher.utter_message(text=note + f"符合“{describe(f)}”的其他课程有：")
    return show_page(dispatcher, s, others)


def _cheaper(
    dispatcher: CollectingDispatcher, s: Any, listed: list[Course], tracker: Tracker, today: date
) -> list[EventType]:
    """ "便宜点的呢" after a course's fee: the courses of the list that cost less than the one
    in view (or than the dearest of the list), free ones first; outside the list when none."""
    focus = repo.get_by_code(s, str(tracker.get_slot(FOCUS_SLOT) or ""))
    dearest = max((c.fee or 0 for c in listed), default=0)
    limit = focus.fee if focus is not None and focus.fee else dearest
    if not limit:
        dispatcher.utter_message(text="刚才这些课程都是免费的，不用交钱。")
        return []
    kept = sorted((c for c in listed if (c.fee or 0) < limit), key=lambda c: c.fee or 0)
    if kept:
        return show_page(dispatcher, s, kept)
    f = filter_from(tracker)
    others = [c for c in repo.open_courses(s, today) if (c.fee or 0) < limit and repo.matches(c, f)]
    if not others:
        dispatcher.utter_message(
            text=f"没有比{limit}元更便宜的同类课程了。可以按类别看看其他课程：",
            buttons=category_buttons(repo.open_courses(s, today)),
        )
        return []
    dispatcher.utter_message(text=f"比{limit}元便宜的课程有：")
    return show_page(dispatcher, s, sorted(others, key=lambda c: c.fee or 0))
