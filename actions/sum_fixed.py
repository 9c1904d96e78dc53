"""A sum of what happened put right while a request is filled in ("等一下 算错了 是三万六",
"钱说错了 是28万6千"): kept with the story as a correction, so the summary shows it."""

from __future__ import annotations

import re

from intents.patterns import find_money

# the worker says a figure was wrong ("算错了", "钱说错了", "金额不对")
_MISTAKE = re.compile(r"算错|算漏|说错|搞错|写错|打错|弄错|记错|更正|不对")
# the new sum said after it ("是三万六", "应该是36000", "一共是3万6")
_NEW_SUM = re.compile(r"(?:是|应该是|其实是|改成|改为|一共是?|总共是?|合计)\s*$")
# a field of its own corrected, not a sum ("电话打错了 是…", "人数说错了 是31个"; not "算错了
# 是三万六 有几个人加班多些", why the sum was wrong)
_OTHER_FIELD = re.compile(
    r"(?:电话|手机|号码|名字|姓名|单位|公司|人数|几个人|多少人)[^\s，,。]{0,3}"
    r"(?:算错|算漏|说错|搞错|写错|打错|弄错|记错|不对)"
)


def sum_corrected(story: str, text: str) -> str | None:
    """The sum as the worker now says it ("三万六"), when the message puts right a sum of a story
    that holds one; else None."""
    if not story or not _MISTAKE.search(text) or _OTHER_FIELD.search(text):
        return None
    before = {c.value for c in find_money(story)}
    if not before:
        return None
    for c in find_money(text):
        said = text[c.start : c.end]
        after_label = _NEW_SUM.search(text[: c.start])
        if after_label and c.value not in before and not text[c.end :].startswith(("个", "人")):
            return said
    return None


def story_with_sum_corrected(story: str, text: str) -> str | None:
    """What happened with the corrected sum noted after it, for the mediator and the summary."""
    said = sum_corrected(story, text)
    if said is None:
        return None
    note = f"更正：金额是{said}"
    return story if story.endswith(note) else f"{story}；{note}"
