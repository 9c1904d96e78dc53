"""One enrolment changed for another: "哎呀 忘了周二晚上我要值班 改成合唱嘛" after enrolling in
书法. The new course is enrolled through the usual form (its summary confirmed), with the name
and phone of the enrolment it replaces; the summary says which one is cancelled, and the old
one is cancelled only once the new one is made."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from rasa_sdk import Tracker
from sqlalchemy.orm import Session

from actions.course_context import FOCUS_SLOT, LIST_SLOT
from actions.identity import Worker
from actions.message import opening_text, typed_text
from bot.domain.courses import promotion_text
from bot.domain.people import person_named
from bot.staff import notices as notify
from bot.store import courses as repo
from intents.course_rules import switch_point, switches_course

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Replaced:
    enrolment_id: int
    course: str
    name: str
    phone: str


def replaced(s: Session, tracker: Tracker, worker: Worker, new_code: str) -> Replaced | None:
    """The worker's latest enrolment in another course, when the message that opened the
    enrolment asked for a change."""
    message = _opening_message(tracker)
    if message is None or not switches_course(message["text"], message["entities"]):
        return None
    own = [
        e
        for e in repo.list_for_worker(s, worker.channel, worker.sender_id)
        if e.course.code != new_code
    ]
    if not own:
        return None
    text = message["text"]
    # "等哈 他说他不想做瑜伽 把他换成八段锦": the companion's place, not the worker's
    named = [e for e in own if person_named(e.name, text)]
    if not named and _HE_OR_SHE.search(text):
        named = [e for e in own if e.name != name_before(tracker)]
    last = max(named or own, key=lambda e: e.id)
    return Replaced(last.id, last.course.name, last.name, last.phone)


_HE_OR_SHE = re.compile(r"[他她](?!们)")


def name_before(tracker: Tracker) -> Any:
    """The name slot as it was before the message that opened the enrolment (the worker's
    own, from their enrolment; not the one this change sets)."""
    text = opening_text(tracker, "enrolment_form")
    events = list(tracker.events)
    opened = max(
        (i for i, e in enumerate(events) if e.get("event") == "user" and e.get("text") == text),
        default=len(events),
    )
    for event in reversed(events[:opened]):
        if event.get("event") == "slot" and event.get("name") == "name":
            return event.get("value")
    return None


def _opening_message(tracker: Tracker) -> dict[str, Any] | None:
    text = opening_text(tracker, "enrolment_form")
    if not text:
        return None
    for e in reversed(tracker.events):
        if e.get("event") == "user" and e.get("text") == text:
            entities = (e.get("parse_data") or {}).get("entities") or []
            return {"text": text, "entities": entities}
    return None


def summary_line(old: Replaced) -> str:
    return f"确认后会取消「{old.course}」的报名，改报这门课。"


def cancel_replaced(s: Session, old: Replaced, worker: Worker) -> str:
    """Cancels the replaced enrolment (its freed place goes to the waiting list, each
    promoted worker told after the turn); what to tell the worker."""
    result = repo.cancel(s, old.enrolment_id, worker.channel, worker.sender_id)
    if result is None:
        return ""
    for p in result.promoted:
        if notify.record(s, p.channel, p.sender_id, promotion_text(p.course)) is None:
            log.info("enrolment %s promoted; the worker has no conversation to notify", p.id)
    return f"「{old.course}」的报名已为您取消。"


def course_at_the_days(s: Session, tracker: Tracker, worker: Worker, today: Any) -> str | None:
    """ "换成周一周三晚上那个嘛" after an enrolment: the one open course that meets on the days
    (and at the time of day) said after the word for a change, not one already enrolled in."""
    message = tracker.latest_message or {}
    text = str(message.get("text") or "")
    at = switch_point(text)
    if at is None:
        return None
    after = [e for e in message.get("entities") or [] if (e.get("start") or 0) >= at]
    days = {str(e["value"]) for e in after if e.get("entity") == "weekday"}
    times = {str(e["value"]) for e in after if e.get("entity") == "time_of_day"}
    if not days:
        return None
    mine = {e.course.code for e in repo.list_for_worker(s, worker.channel, worker.sender_id)}
    fits = [
        c
        for c in repo.open_courses(s, today)
        if days <= set(c.weekdays or [])
        and (not times or c.time_of_day in times)
        and c.code not in mine
    ]
    if len(fits) > 1:
        # ("我周二周四晚上要值班 … 换成周一周三那个" with 八段锦 and 家政 both then): the one of
        # the list in view, or at the time of day the message says anywhere
        in_view = {str(c) for c in tracker.get_slot(LIST_SLOT) or []}
        said = {
            str(e["value"])
            for e in message.get("entities") or []
            if e.get("entity") == "time_of_day"
        }
        fits = [c for c in fits if c.code in in_view] or [c for c in fits if c.time_of_day in said]
    return fits[0].code if len(fits) == 1 else None


# "把瑜伽换成": the course left, named between 把 and 换成
_LEFT = re.compile(r"把[^，,。？?\s]{1,10}?(?:换成|改成|换为|改为)")


def switched_to_in_view(services: Any, tracker: Tracker) -> dict[str, Any]:
    """ "那把瑜伽换成这个": the one course in view switched to (the one named before 换成 is
    the one left); with several in view, none yet (the form asks which, with their buttons)."""
    focus = tracker.get_slot(FOCUS_SLOT)
    named = {str(e.get("value")) for e in (tracker.latest_message or {}).get("entities") or []}
    left_part = _LEFT.search(typed_text(tracker))
    chosen = [n for n in named if not (left_part and n in left_part.group(0))]
    if len(chosen) == 1:
        # "就八段锦 把瑜伽换成这个": the course named outside 把…换成 is "这个"
        with services.db.session() as s:
            course = repo.get_by_name(s, chosen[0])
            if course is not None:
                return {"course_id": course.code}
    codes = [str(c) for c in tracker.get_slot(LIST_SLOT) or []]
    if focus:
        with services.db.session() as s:
            course = repo.get_by_code(s, str(focus))
            left = course is not None and course.name in named
        if not left:
            return {"course_id": str(focus)}
        # (the course in view is the one left, "把合唱换成这个" after 合唱 was asked of: the list)
        codes = [c for c in codes if c != str(focus)]
    return {"course_id": codes[0]} if len(codes) == 1 else {}
