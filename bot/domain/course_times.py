"""Another time for the same course, asked ("他周六下午要上班 还有其他时间的没得"): a course
has one class a term here, so the answer says so and names the courses most like it, with
their times."""

from __future__ import annotations

import re

from bot.domain.courses import when_text
from bot.store.models import Course

_OTHER_TIMES = re.compile(
    r"(?:其他|别的|别个|另外的?|其它)(?:时间|时候|班|日子|天)|换个时间|换个班|改个时间|别的时段"
)


def asks_other_times(text: str) -> bool:
    return _OTHER_TIMES.search(text or "") is not None


def other_times_text(course: Course, alike: list[Course]) -> str:
    """The one time the course meets, and up to two courses like it with theirs."""
    said = f"「{course.name}」这一期只有{when_text(course)}这一个班，暂时没有其他时间的。"
    if alike:
        said += "相近的有：" + "；".join(f"「{c.name}」{when_text(c)}" for c in alike[:2]) + "。"
    return said
