"""Courses that do not clash with one the worker takes or names ("我还想学个别的 晚上的 跟直播
不撞的有哪些" after enrolling in 电商直播), and the course the worker's own job points at
among several found ("我在敬老院做护理 有没得考证的课": 养老护理员)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions.course_context import FOCUS_SLOT
from actions.identity import worker_from
from bot.domain.course_questions import NO_CLASH as _NO_CLASH
from bot.domain.course_questions import asks_no_clash
from bot.domain.courses import clashes, clear_lead, resolve, when_text
from bot.store import courses as repo
from bot.store.models import Course

# "跟直播不撞的", "和书法时间不冲突的": the course named before it
_AGAINST = re.compile(
    r"(?:跟|和|与)(?P<what>[^，,。？?\s跟和与]{1,10}?)(?:的|那个|那门|这个|这门|课)?(?:时间|上课时间)?"
    rf"(?:{_NO_CLASH.pattern})"
)


def kept_clear_of(s: Any, tracker: Tracker, text: str, available: list[Course]) -> list[Course]:
    """The courses the message wants no clash with: the one it names, else the worker's own
    enrolments ([] when it asks no such thing or none is known)."""
    if not asks_no_clash(text):
        return []
    m = _AGAINST.search(text)
    named = resolve(repo.all_courses(s), m.group("what")) if m else []
    if len(named) == 1:
        return named
    return enrolled_courses(s, tracker)


def no_clash_search(
    s: Any, tracker: Tracker, text: str, available: list[Course]
) -> tuple[list[Course], str, str] | None:
    """For "跟直播不撞的有哪些": the open courses clear of the ones named or taken, the text
    without those words, and the intro saying so; None when the message asks no such thing."""
    taken = kept_clear_of(s, tracker, text, available)
    if not taken:
        return None
    return clear_of(available, taken), _AGAINST.sub(" ", text), clear_of_intro(taken)


def enrolled_courses(s: Any, tracker: Tracker) -> list[Course]:
    """The courses the worker is enrolled in (or waitlisted for)."""
    worker = worker_from(tracker)
    return [e.course for e in repo.list_for_worker(s, worker.channel, worker.sender_id)]


def clash_with_enrolled(s: Any, tracker: Tracker, course: Course) -> str:
    """ "合唱呢" after enrolling in 电商直播: the worker's enrolments it clashes with, said
    ("" when none)."""
    hit = [c for c in enrolled_courses(s, tracker) if c.id != course.id and clashes(course, c)]
    if not hit:
        return ""
    names = "」「".join(c.name for c in hit)
    return f"注意：它和您已报名的「{names}」上课时间冲突（{when_text(hit[0])}）。"


def clear_of(found: list[Course], taken: list[Course]) -> list[Course]:
    """`found` without the courses `taken` and those that meet at the same time as one."""
    return [c for c in found if c not in taken and not any(clashes(c, t) for t in taken)]


def clear_of_intro(taken: list[Course]) -> str:
    said = "、".join(f"「{c.name}」（{when_text(c)}）" for c in taken)
    return f"和{said}时间不冲突的：\n"


def lead_said(found: list[Course], text: str) -> tuple[str, list[EventType]]:
    """The intro and focus for the one course the words point at beyond the rest of a list
    ("", [] when none does)."""
    lead = clear_lead(found, text) if len(found) > 1 else None
    if lead is None:
        return "", []
    intro = f"按您说的，「{lead.name}」最对口（列在下面第{found.index(lead) + 1}个）。\n"
    return intro, [SlotSet(FOCUS_SLOT, lead.code)]
