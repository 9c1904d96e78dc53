"""A worker who says they are in a course ("我报的厨师那个班", "我是打太极拳那个班的",
"I signed up for the yoga class") while this chat holds no enrolment in it: enrolled at the
union's desk or from another account. The question is answered all the same; this is said
first, so the worker knows the bot cannot see that enrolment (for leave, reminders, cancelling)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.identity import worker_from
from actions.message import typed_text, understood_text
from bot.store import courses as repo
from bot.store.models import Course

_CLAIMS = re.compile(
    r"我(?:已经)?报(?:了|的|过)|我(?:是|在)[^，,。？?]{1,10}?(?:班|课|团)的|我在(?:上|学|打|练)"
    r"|i(?: have|'ve)? (?:signed up|registered|enrolled)|i'm (?:registered|enrolled|signed up)"
    r"|i am (?:registered|enrolled|signed up)",
    re.I,
)
NOT_ON_RECORD = (
    "我这里没查到您在小助手上报「{course}」的记录（在工会窗口或用别的微信、账号报的，这里查不到），"
    "课程安排如下；需要核对报名的话可以说“转人工”。"
)


def claimed_not_held(services: Any, s: Any, tracker: Tracker, course: Course) -> str | None:
    """The note to put first when the message claims an enrolment in `course` this chat does
    not hold; None otherwise."""
    said = (typed_text(tracker), understood_text(tracker))
    if not any(_CLAIMS.search(t or "") for t in said):
        return None
    worker = worker_from(tracker)
    own = repo.list_for_worker(s, worker.channel, worker.sender_id)
    if any(e.course.code == course.code for e in own):
        return None
    return NOT_ON_RECORD.format(course=course.name)
