"""Finding courses: filters from the worker's words, a short list, one 报名 button per course."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import button, buttons
from actions.message import typed_text
from actions.services import ServiceAction
from bot.domain.courses import (
    COURSE_CATEGORIES,
    course_block,
    is_specific,
    rank_by_text,
    residual,
)
from bot.store import courses as repo
from bot.store.models import Course

MAX_LISTED = 5
SEARCH_SLOTS = ("course_name", "course_category", "time_of_day", "weekday", "fee")


def enrol_button(course: Course) -> dict[str, str] | None:
    return button(f"报名 {course.name}", "course_enroll", course_id=course.code)


def category_buttons(available: list[Course] | None = None) -> list[dict[str, str]]:
    """One button per category that has open courses (all of them if none is known)."""
    present = {c.category for c in available or []}
    names = [c for c in COURSE_CATEGORIES if c in present] or list(COURSE_CATEGORIES)
    return buttons(*(button(n, "course_search", course_category=n) for n in names))


def filter_from(tracker: Tracker) -> repo.CourseFilter:
    """The worker's conditions, from this message's entities (mapped to slots)."""
    fee = tracker.get_slot("fee")
    return repo.CourseFilter(
        category=tracker.get_slot("course_category") or None,
        time_of_day=tracker.get_slot("time_of_day") or None,
        weekdays=repo.expand_weekday(tracker.get_slot("weekday")),
        free=True if fee == "免费" else None,
        name=tracker.get_slot("course_name") or None,
    )


def describe(f: repo.CourseFilter) -> str:
    """The conditions in the worker's words, for "没有找到…" messages."""
    parts = [
        "、".join(f.weekdays) if f.weekdays else "",
        f.time_of_day or "",
        "免费" if f.free else "",
        f.category or "",
        f"“{f.name}”" if f.name else "",
    ]
    return "".join(p for p in parts if p)


class ActionSearchCourses(ServiceAction, Action):
    """Shows open courses matching what the worker asked for."""

    def name(self) -> str:
        return "action_search_courses"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        f = filter_from(tracker)
        text = typed_text(tracker)
        has_filter = f != repo.CourseFilter()
        with self.services.db.session() as s:
            available = repo.open_courses(s, self.services.today())
            found = [c for c in available if repo.matches(c, f)]
            words = residual(text)
            words = words if is_specific(words) else ""
            ranked = rank_by_text(found, text) if words else []
            if ranked:
                found = ranked
            elif words and not has_filter:
                found = []
            if not found:
                stopped = repo.get_by_name(s, f.name) if f.name else None
                self._nothing_found(dispatcher, f, words, available, stopped)
            else:
                self._show(dispatcher, s, found)
        return [SlotSet(slot, None) for slot in SEARCH_SLOTS]

    def _show(self, dispatcher: CollectingDispatcher, s: Any, found: list[Course]) -> None:
        shown = found[:MAX_LISTED]
        seats = repo.seats_left_many(s, shown)
        blocks = [course_block(i, c, seats[c.id]) for i, c in enumerate(shown, 1)]
        if len(found) > len(shown):
            head = (
                f"找到 {len(found)} 门课程，先列出最近开课的 {len(shown)} 门"
                "（可以加上类别、时间或“免费”缩小范围）："
            )
        else:
            head = f"为您找到 {len(found)} 门课程："
        text = head + "\n" + "\n".join(blocks) + "\n点下面的按钮就可以报名。"
        dispatcher.utter_message(text=text, buttons=buttons(*(enrol_button(c) for c in shown)))

    def _nothing_found(
        self,
        dispatcher: CollectingDispatcher,
        f: repo.CourseFilter,
        words: str,
        available: list[Course],
        stopped: Course | None = None,
    ) -> None:
        if stopped is not None:
            text = f"「{stopped.name}」这一期已经停止报名了。您可以按类别看看现在开放报名的课程："
            dispatcher.utter_message(text=text, buttons=category_buttons(available))
            return
        if not available:
            text = "现在暂时没有开放报名的课程，新一期课程开放后欢迎再来看看。"
            dispatcher.utter_message(text=text)
            return
        what = describe(f) or (f"“{words}”相关" if words else "")
        text = f"抱歉，暂时没有找到{what}的课程。您可以换个说法，或者按类别看看现在开放报名的课程："
        dispatcher.utter_message(text=text, buttons=category_buttons(available))
