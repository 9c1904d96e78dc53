"""Two courses asked about together: named side by side ("瑜伽跟合唱都是好久上课"), or one
named against the one talked about before ("跟瑜伽时间冲不冲"); courses set against each other
("哪个便宜" with a list in view)."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import buttons
from actions.course_context import FOCUS_SLOT, LIST_SLOT
from actions.course_filters import compared_courses
from actions.course_list import compare, enrol_button
from actions.message import typed_text
from bot.domain.course_compare import compare_lead, compared
from bot.domain.courses import clash_text
from bot.store import courses as repo
from bot.store.models import Course

_JOINED = re.compile(r"^\s*(?:跟|和|与|还有|、|，|,|\s)\s*$")


# a holiday named in a question about a course ("元旦那天刚好周五 要去不")
HOLIDAY = re.compile(r"元旦|春节|过年|国庆|五一|清明|端午|中秋|放假|节假日")
# whether two courses' times clash, asked of one named against another ("跟瑜伽时间冲不冲")
_CLASH_ASKED = re.compile(
    r"(?:跟|和|与)[^，,。？?]{1,10}(?:冲不冲|冲突|撞不撞|撞车|重不重|重叠|错得开|错不错得开)"
)


# "两个时间冲不冲": whether the two courses talked about clash
BOTH_CLASH = re.compile(r"(?:两个|两门|这两)[^，,。？?]{0,4}(?:冲|撞|重叠|错得开|错不错得开)")


def all_named(tracker: Tracker) -> list[str]:
    """The courses this message names side by side ("瑜伽跟合唱"), in order, each once; none
    when they are not joined (a word of one course in the story of another)."""
    text = str((tracker.latest_message or {}).get("text") or "")
    entities = [
        e
        for e in (tracker.latest_message or {}).get("entities") or []
        if e.get("entity") == "course_name" and isinstance(e.get("start"), int)
    ]
    entities.sort(key=lambda e: e["start"])
    for first, second in pairwise(entities):
        if not _JOINED.match(text[first["end"] : second["start"]]):
            return []
    return list(dict.fromkeys(str(e.get("value")) for e in entities))


def clash_pair(services: Any, tracker: Tracker) -> list[Course]:
    """The two courses a clash question is about: those it names, else the one it names
    and the one talked about just before; [] when it asks no clash."""
    text = typed_text(tracker)
    if not _CLASH_ASKED.search(text) and not BOTH_CLASH.search(text):
        return []  # ("上午那个做面包的也想学 两个时间冲不冲": the one named and the one before)
    entities = (tracker.latest_message or {}).get("entities") or []
    names = [str(e.get("value")) for e in entities if e.get("entity") == "course_name"]
    with services.db.session() as s:
        found = [c for c in (repo.get_by_name(s, n) for n in dict.fromkeys(names)) if c]
        focus = repo.get_by_code(s, str(tracker.get_slot(FOCUS_SLOT) or ""))
        if focus is not None and all(c.id != focus.id for c in found):
            found = [focus, *found]
        return found[:2] if len(found) >= 2 else []


# "两个都想报 时间冲不冲突哦" after two courses asked about one after the other
_BOTH = re.compile(r"两个|两门|都|一起")
_CLASH = re.compile(r"冲突|冲不冲突|撞|重叠|重合|对得上|错得开|错开|时间")


def both_talked_about(tracker: Tracker) -> list[str]:
    """The codes of the last two courses talked about one after the other (older first),
    when the message asks whether both can be taken; else []."""
    text = typed_text(tracker)
    if not (_BOTH.search(text) and _CLASH.search(text)):
        return []
    return last_two_focused(tracker)


def last_two_focused(tracker: Tracker) -> list[str]:
    """The codes of the last two courses talked about one after the other (older first), or
    []."""
    seen: list[str] = []
    for event in reversed(tracker.events):
        if event.get("event") == "slot" and event.get("name") == FOCUS_SLOT and event.get("value"):
            code = str(event["value"])
            if code not in seen:
                seen.append(code)
            if len(seen) == 2:
                return list(reversed(seen))
    return []


# the most courses in view set side by side (a list shows five, "还有吗" three more)
MAX_COMPARED = 8
SIDE_BY_SIDE = 4  # more than this: the answer to which one alone


def compared_reply(
    dispatcher: CollectingDispatcher, s: Any, tracker: Tracker, codes: list[str], text: str
) -> list[EventType] | None:
    """Courses set side by side: those the message names ("育婴员跟家政服务员 哪个适合我"), or
    those in view when it compares them by something ("哪个便宜", "哪个近点 我住城南",
    "这两个有啥子区别"), the answer to which one first; None when nothing is compared."""
    names, by = compared_courses(tracker), compared(text)
    if names:
        found = [c for c in (repo.get_by_name(s, n) for n in names) if c is not None]
    elif 1 < len(codes) <= MAX_COMPARED and by:
        found = [c for c in (repo.get_by_code(s, code) for code in codes) if c is not None]
    else:
        return None
    if len(found) < 2:
        return None
    lead = compare_lead(found, by, text)
    if lead and len(found) > SIDE_BY_SIDE:
        # "哪个最便宜" of a long list: which ones, without six descriptions on a phone
        dispatcher.utter_message(text=lead, buttons=buttons(*(enrol_button(c) for c in found)))
        return []
    return compare(dispatcher, s, found, lead)


def clash_reply(
    services: Any, dispatcher: CollectingDispatcher, tracker: Tracker, codes: list[str]
) -> list[EventType] | None:
    """Whether two courses' times clash, asked of the two named (or the one named and the one
    talked about just before), of both talked about one after the other, or of the two in
    view (`codes`); None when no clash is asked."""
    text = typed_text(tracker)
    both = both_talked_about(tracker)
    if len(codes) > 1 and not set(both) <= set(codes):
        # (a list in view: the two talked about one after the other only if both are in it,
        # "两个时间冲不冲" after 叉车 then 电工 of the certificate list)
        both = []
    if len(codes) == 2 and BOTH_CLASH.search(text):
        both = [str(c) for c in codes]  # "两个时间冲不冲" with two courses in view
    pair = clash_pair(services, tracker) if not both else []
    if len(pair) == 2:
        # "书法也是周二周四晚上吧 跟瑜伽时间冲不冲", "还有个学炒川菜的 跟做面点的时间撞不撞":
        # the course named and the other one (named too, or talked about just before)
        dispatcher.utter_message(
            text=clash_text(*pair), buttons=buttons(*(enrol_button(c) for c in pair))
        )
        return [SlotSet(LIST_SLOT, [c.code for c in pair])]
    if both:
        # "两个都想报 时间冲不冲突哦" after 叉车, then 电工: whether they clash
        with services.db.session() as s:
            pair = [c for c in (repo.get_by_code(s, code) for code in both) if c is not None]
            if len(pair) == 2:
                dispatcher.utter_message(
                    text=clash_text(*pair), buttons=buttons(*(enrol_button(c) for c in pair))
                )
                return []
    return None
