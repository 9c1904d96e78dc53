"""Showing courses: a page of the list or one course's card, and the buttons under it."""

from __future__ import annotations

from typing import Any

from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import button, buttons
from actions.course_context import FOCUS_SLOT, LIST_SLOT, SHOWN_SLOT
from bot.domain.course_cards import answer
from bot.domain.course_places import short_place
from bot.domain.courses import COURSE_CATEGORIES, course_line, fee_text, when_text
from bot.store import courses as repo
from bot.store.models import Course

MAX_LISTED = 5
MORE_BUTTON = button("还有吗", "course_followup", course_page="next")


def listed(found: list[Course], shown: int) -> list[EventType]:
    """The context slots after showing `shown` of `found`."""
    focus = found[0].code if len(found) == 1 else None
    return [
        SlotSet(LIST_SLOT, [c.code for c in found]),
        SlotSet(SHOWN_SLOT, shown),
        SlotSet(FOCUS_SLOT, focus),
    ]


def show_page(
    dispatcher: CollectingDispatcher,
    s: Any,
    found: list[Course],
    start: int = 0,
    intro: str = "",
    ranked: bool = False,
    note: str = "",
) -> list[EventType]:
    """Courses start+1 … start+5 of `found`, numbered as in the whole list; `intro` goes
    before the list's first line; `ranked` when the worker's words put them in order; `note`
    goes under one course's card (a clash with the worker's own enrolment)."""
    shown = found[start : start + MAX_LISTED]
    seats = repo.seats_left_many(s, shown)
    end = start + len(shown)
    more = end < len(found)
    if len(found) == 1:  # one course: its whole card at once
        (course,) = shown
        dispatcher.utter_message(
            text=intro
            + "为您找到 1 门课程：\n"
            + answer(course, [], seats[course.id])
            + (f"\n{note}" if note else "")
            + "\n点下面的按钮就可以报名；想了解更多，可以问“有啥要求”“讲些什么”。",
            buttons=buttons(enrol_button(course), button("看看其他课程", "course_search")),
        )
        return listed(found, end)
    lines = [course_line(start + i, c, seats[c.id]) for i, c in enumerate(shown, 1)]
    if start:
        head = f"第 {start + 1}-{end} 门（共 {len(found)} 门）："
    elif more:
        head = (
            f"找到 {len(found)} 门课程，先列出{'最相关' if ranked else '最近开课'}的 {len(shown)} 门"
            "（可以加上类别、时间或“免费”缩小范围）："
        )
    else:
        head = f"为您找到 {len(found)} 门课程："
    tail = "点“详情”看时间地点和介绍，点“报名”直接报名；也可以问“第二个在哪里上课”。"
    if more:
        tail += "说“还有吗”看后面的课程。"
    items = [b for c in shown for b in (detail_button(c), enrol_button(c))]
    dispatcher.utter_message(
        text=intro + head + "\n" + "\n".join(lines) + "\n" + tail,
        buttons=buttons(*items, MORE_BUTTON if more else None, SUBSCRIBE_BUTTON),
    )
    return listed(found, end)


# offered under every course list (docs/notices.md)
SUBSCRIBE_BUTTON = button("订阅新课程通知", "subscribe", topic="courses")


def detail_button(course: Course) -> dict[str, str]:
    return button(f"{course.name}详情", "course_followup", course_id=course.code)


def enrol_button(course: Course) -> dict[str, str] | None:
    return button(f"报名 {course.name}", "course_enroll", course_id=course.code)


def category_buttons(available: list[Course] | None = None) -> list[dict[str, str]]:
    """One button per category that has open courses (all of them if none is known)."""
    present = {c.category for c in available or []}
    names = [c for c in COURSE_CATEGORIES if c in present] or list(COURSE_CATEGORIES)
    return buttons(*(button(n, "course_search", course_category=n) for n in names))


def compare(
    dispatcher: CollectingDispatcher, s: Any, courses: list[Course], lead: str = ""
) -> list[EventType]:
    """Two or more courses named together ("育婴员跟家政服务员 哪个适合我") or in view ("哪个
    便宜"): which one, when asked by what (`lead`, bot/domain/course_compare.py), then what
    each is, when and what it costs, side by side, with their buttons; both stay in view
    ("两个都啥时候上课")."""
    seats = repo.seats_left_many(s, courses)
    lines = [lead] if lead else []
    lines.append(f"这{len(courses)}门课程对比一下：")
    for c in courses:
        lines.append(f"· {c.name}（{c.category}）：{c.description or '暂无介绍'}")
        lines.append(f"  {when_text(c)} · {short_place(c.venue)} · {fee_text(c)}")
        left = seats[c.id]
        if left is not None and left <= 0:
            lines.append("  已满，可候补")
    lines.append("看看哪门更合您的打算和时间；点“报名”直接报名，也可以接着问“哪个要交钱”。")
    items = [b for c in courses for b in (detail_button(c), enrol_button(c))]
    dispatcher.utter_message(text="\n".join(lines), buttons=buttons(*items))
    return listed(courses, len(courses))
