"""The enrolment form's refusals: a course closed, a requirement unmet, a course unknown."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import button, buttons
from actions.course_list import category_buttons, enrol_button
from actions.message import TOLD_BEFORE, recent_user_texts, typed_text
from bot.domain.course_requirements import instead_of
from bot.domain.courses import next_term_text
from bot.store.models import Course


def _short(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def not_open(dispatcher: CollectingDispatcher, course: Course, available: list[Course]) -> None:
    """The course stopped enrolling or has ended: say so, and offer open ones of its kind."""
    similar = [c for c in available if c.category == course.category][:3] or available[:3]
    if course.status != "open":
        text = f"「{course.name}」这一期已经停止报名，暂时报不了名。{next_term_text(course)}"
    else:
        text = f"「{course.name}」这一期已经结束，暂时报不了名。"
    if similar:
        text += "现在还可以报名这些课程："
    dispatcher.utter_message(text=text, buttons=buttons(*(enrol_button(c) for c in similar)))


def requirement_unmet(
    dispatcher: CollectingDispatcher,
    course: Course,
    reason: str,
    available: list[Course],
    tracker: Tracker,
) -> list[Course]:
    """The requirement the worker's own words show unmet, and what they can take instead."""
    earlier = recent_user_texts(tracker, TOLD_BEFORE)
    instead = instead_of(course, available, typed_text(tracker), earlier)
    text = f"{reason}。"
    if instead:
        names = "、".join(f"「{c.name}」" for c in instead)
        text += f"可以先看看同类的{names}："
        dispatcher.utter_message(text=text, buttons=buttons(*(enrol_button(c) for c in instead)))
        return instead
    # nothing of its kind fits: the other kinds, and a person to ask, not a dead end
    others = [c for c in available if c.category != course.category]
    text += f"{OTHER_KINDS_TEXT}"
    dispatcher.utter_message(
        text=text,
        buttons=category_buttons(others) + buttons(button("转人工", "human_handoff")),
    )
    return instead


OTHER_KINDS_TEXT = "可以看看其他类别的课程，或者转人工问问工作人员有什么办法："


def unknown_course(dispatcher: CollectingDispatcher, value: str, available: list[Course]) -> None:
    """No course is called that: offer the open ones and the whole list."""
    shown = available[:4]
    text = f"没有找到“{_short(value)}”这门课程。"
    if shown:
        text += "您可以点下面的课程报名，或者点“查看全部课程”："
    items = [enrol_button(c) for c in shown] + [button("查看全部课程", "course_search")]
    dispatcher.utter_message(text=text, buttons=buttons(*items))
