"""At an enrolment's summary: another course taken instead ("下午那个炒菜的班可以不" answered,
then "要得 就换这个"), a course that was to follow dropped ("那合唱算了 只报书法"), or a part
of the course asked in words the classifier did not understand ("好久上完")."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.course_context import FOCUS_SLOT, enrolling_course_reply
from actions.enrolment_cues import CHANGE_COURSE, SET_ASIDE_IN_VIEW, SEVERAL
from actions.enrolment_party import companion_fix_in_message
from actions.message import last_reply, latest_entity, latest_intent, typed_text
from bot.domain.people import enrolled_for
from bot.store import courses as repo

NEXT_SLOT = "next_courses"
# what a message was read as when the classifier understood nothing of it
UNREAD = {"nlu_fallback", "out_of_scope"}

# the course shown at the summary taken instead ("要得 就换这个", "那就报这个")
TAKES_THE_SHOWN = re.compile(
    r"(?:就|那就|那)?(?:换|改|报|要)(?:成|为)?(?:这个|这门|这一个|它|这个班)|(?:换|改)(?:成)?那个"
)
# a course that was to follow, set aside ("合唱算了", "书法不报了", "不要书法了")
_SET_ASIDE = re.compile(r"算了|不报了?|不要了?|不学了?|先不|下回|以后再")
_QUOTED = re.compile(r"「([^」]+)」")


def shown_instead(tracker: Tracker, names: dict[str, str]) -> str | None:
    """The code of the one other course just shown, when the message takes it instead.
    `names` maps the catalogue's course names to codes."""
    current = tracker.get_slot("course_id")
    if not TAKES_THE_SHOWN.search(typed_text(tracker)):
        return None
    focus = tracker.get_slot(FOCUS_SLOT)
    if focus and focus != current:
        return str(focus)
    # "周六上午上课的同类课程有「中西式面点烘焙」": the one course offered beside it
    said = " ".join(str(e.get("text") or "") for e in last_reply(tracker))
    others = {names[n] for n in _QUOTED.findall(said) if n in names} - {current}
    return others.pop() if len(others) == 1 else None


def drop_pending(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[EventType] | None:
    """ "那合唱算了 只报书法" at the summary of 书法 with 合唱 to follow: 合唱 is taken off
    what comes next (it is no enrolment to cancel)."""
    wanted: Any = tracker.get_slot(NEXT_SLOT) or {}
    later = list(wanted.get("next") or []) if isinstance(wanted, dict) else []
    text = typed_text(tracker)
    gone = [n for n in later if n in text and _SET_ASIDE.search(text)]
    named = tracker.get_slot("course_name")
    if not gone and named in later and _SET_ASIDE.search(text):
        gone = [named]
    if tracker.active_loop_name != "enrolment_form" or not gone:
        return None
    rest = [n for n in later if n not in gone]
    now = wanted.get("after")
    dispatcher.utter_message(
        text=f"好的，{'、'.join(f'「{n}」' for n in gone)}不报了"
        + (f"，只报「{now}」。" if now and not rest else "。")
    )
    return [SlotSet(NEXT_SLOT, {"after": now, "next": rest} if rest else None)]


def also_wanted(tracker: Tracker, first: str) -> list[str]:
    """The other courses the opening message names to enrol in along with `first`."""
    text = typed_text(tracker)
    if not SEVERAL.search(text) or CHANGE_COURSE.search(text) or SET_ASIDE_IN_VIEW.search(text):
        return []
    names: list[str] = []
    for e in (tracker.latest_message or {}).get("entities") or []:
        value = str(e.get("value") or "")
        if e.get("entity") == "course_name" and value and value != first and value not in names:
            names.append(value)
    return names


def at_the_summary(
    form: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
) -> list[EventType] | None:
    """At the summary: a course to follow dropped ("书法算了 只报插花"), or the course just
    shown taken instead ("要得 就换这个"); the summary is shown again. `form` is the enrolment
    form's validation (its services and its course check)."""
    fixed = companion_fix_in_message(tracker)
    if fixed is not None:  # "我儿子电话说错了 是185…": his number, the summary again
        dispatcher.utter_message(text=f"好的，{fixed[0].name}的手机号已改为{fixed[1]}。")
        return [SlotSet("enrolment_confirm", None)]
    dropped = drop_pending(dispatcher, tracker)
    if dropped is not None:
        return [*dropped, SlotSet("enrolment_confirm", None)]
    with form.services.db.session() as s:
        names = {c.name: c.code for c in repo.all_courses(s)}
    shown = shown_instead(tracker, names)
    if shown:
        switched = form.validate_course_id(shown, dispatcher, tracker, domain)
        if switched.get("course_id") == shown:
            return [SlotSet(k, v) for k, v in switched.items()] + [
                SlotSet("enrolment_confirm", None)
            ]
    if _same_course_again(form, tracker):
        # "要得 就报瑜伽" at the summary of 瑜伽: the course confirmed, not chosen anew
        return [SlotSet("enrolment_confirm", True)]
    if latest_intent(tracker) in UNREAD and not latest_entity(tracker, "course_name"):
        # "好久上完", understood as nothing and naming no course ("插花是星期几" asks of
        # another): a part of the course asked, answered from the catalogue; the summary again
        reply = enrolling_course_reply(form.services, tracker, typed_text(tracker))
        if reply:
            dispatcher.utter_message(text=reply)
            return [SlotSet("enrolment_confirm", None)]
    return None


_NOT = re.compile(r"不|别|算了|先不")


# "对 就报这个": the course of the summary pointed at, not named
_THIS_ONE = re.compile(
    r"(?:报|要|选|就)(?:这个|这一个|这个班|这个课|这个营|它)(?:了|嘛|吧|哈|噻)?[。!！\s]*$"
)


def _same_course_again(form: Any, tracker: Tracker) -> bool:
    """At the summary, the course being enrolled in asked for again by name or pointed at, for
    the worker themself and with no word against it ("要得 就报瑜伽", "对 就报这个")."""
    name = latest_entity(tracker, "course_name")
    text = typed_text(tracker)
    if latest_intent(tracker) != "course_enroll" or _NOT.search(text):
        return False
    if enrolled_for(text) is not None or SEVERAL.search(text):
        return False
    if not name:
        return bool(_THIS_ONE.search(text))
    with form.services.db.session() as s:
        course = repo.get_by_name(s, name)
        return course is not None and course.code == tracker.get_slot("course_id")
