"""What several places or several courses cost together: "那我们两个一共好多" (the course in
view, for each person), "两个加起来第一年要交好多" (the courses in view, added up)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from actions.course_context import FOCUS_SLOT
from bot.domain.course_questions import aspects
from bot.domain.courses import fee_text
from bot.store import courses as repo

_TOTAL = re.compile(r"一共|总共|加起来|合计|总的|加一起|together|in total", re.I)
# "一共上好多次", "how many classes in total": the sessions counted, no money asked
_SESSIONS = re.compile(
    r"(?:几|好多|多少)(?:次|节|堂|回|课时)|次课|节课|how many (?:classes|sessions|lessons|times)",
    re.I,
)
_MONEY = re.compile(r"钱|费|元|块|交|cost|pay|fee|price|how much", re.I)
_SAID = {2: "两", 3: "三", 4: "四", 5: "五"}
_NUMBER = {"两": 2, "俩": 2, "三": 3, "四": 4, "五": 5, "2": 2, "3": 3, "4": 4, "5": 5}
# the people counted: "我们两个", "两个人", "我们三姊妹", "我俩", "两口子"
_PEOPLE = re.compile(
    r"(?:我们|咱们|你们)(?P<n>[两俩三四五2345])(?:个|位|姊妹|姐妹|兄弟)?"
    r"|(?P<m>[两三四五2345])(?:个|位)人|(?P<pair>我俩|两口子|我们俩)"
)


def people_counted(text: str) -> int | None:
    m = _PEOPLE.search(text or "")
    if m is None:
        return None
    if m.group("pair"):
        return 2
    return _NUMBER[m.group("n") or m.group("m")]


def total_fee_text(s: Session, text: str, codes: list[str], focus: str | None) -> str | None:
    """The fee of the course in view times the people counted, or the fees of the two or
    three courses in view added up; None when the message asks no total."""
    if not _TOTAL.search(text or "") or "fee" not in aspects(text or ""):
        return None  # ("总共上几次课", "一共上好多次": the sessions, not the fee)
    if _SESSIONS.search(text) and not _MONEY.search(text):
        return None  # (the sessions in all, the courses' own answer)
    people = people_counted(text)
    if people and focus:
        course = repo.get_by_code(s, focus)
        if course is None:
            return None
        if not course.fee:
            return f"「{course.name}」免费，{_SAID[people]}个人都不用交钱。"
        return f"「{course.name}」每人{fee_text(course)}，{_SAID[people]}个人一共{course.fee * people}元。"
    found = [c for c in (repo.get_by_code(s, code) for code in codes) if c is not None]
    if people or not 2 <= len(found) <= 3:
        return None
    lines = [f"· {c.name}：{fee_text(c)}" for c in found]
    total = sum(c.fee for c in found)
    return "\n".join([*lines, f"加起来一共{total}元（按每门课写明的收费算）。"])


def total_told(
    services: Any, dispatcher: CollectingDispatcher, tracker: Tracker, text: str, codes: list[str]
) -> bool:
    """The total asked, said; False when the message asks none."""
    with services.db.session() as s:
        total = total_fee_text(s, text, codes, tracker.get_slot(FOCUS_SLOT))
    if total:
        dispatcher.utter_message(text=total)
    return bool(total)


def too_few_places(course: Any, left: int | None, text: str, earlier: list[str]) -> str | None:
    """ "插花还有位置没得 我们三姊妹想去" (2 left), or "那咋个办嘛" after it: fewer places than
    the people counted, and what can be done (the first enrolled, the rest on the waiting list)."""
    if left is None:
        return None
    people = next(filter(None, (people_counted(t) for t in [text, *earlier])), None)
    if not people or people <= left:
        return None
    if left == 0:
        return f"「{course.name}」已经报满了：{_SAID[people]}个人都可以先登记候补，有人退出会按顺序补上并通知。"
    return (
        f"你们{_SAID[people]}个人，「{course.name}」只剩{left}个名额："
        f"可以先报{_SAID.get(left, left)}位，"
        f"其余的登记候补，有人退出会按顺序补上并通知。"
    )
