"""Whether all the union's courses are free, asked ("你们那些课都是免费的噻"): most are; the
ones that cost something are named with what the worker pays."""

from __future__ import annotations

import re

from bot.domain.courses import fee_text
from bot.store.models import Course

_ALL_FREE_ASKED = re.compile(
    r"(?:课|班|培训)[^，,。]{0,4}?(?:都|全部|全)(?:是)?(?:免费|不要钱|不收费|不收钱)(?:的)?"
    r"(?:噻|吗|嘛|哇|不|哦|么|呀|啊)?[？?]*$"
)


def asks_all_free(text: str) -> bool:
    return _ALL_FREE_ASKED.search((text or "").strip()) is not None


def all_free_text(courses: list[Course]) -> str:
    """How many of the open courses are free, and the others with their fee."""
    paid = [c for c in courses if c.fee]
    if not paid:
        return f"是的，现在开放报名的{len(courses)}门课程都免费。"
    named = "；".join(f"「{c.name}」{fee_text(c)}" for c in paid)
    return (
        f"不全是：现在开放报名的{len(courses)}门课程里{len(courses) - len(paid)}门免费，"
        f"要交钱的有{named}（工会已补贴一部分，这是个人交的）。"
    )
