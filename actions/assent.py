"""Words of assent where the form asks something else ("对的 没问题 提交", "对头 交了嘛"): a
yes, never taken as the worker's demand."""

from __future__ import annotations

import re

from actions.validators import DEMAND_MAX, DEMAND_MIN, EDGE_PUNCT, clean_text, normalise

# a button's words typed where the form asks what the worker wants: no demand
_NOT_A_DEMAND = frozenset(
    "确认提交 确认 提交 好的 好 是的 对 对的 行 可以 修改 取消 不知道 没有 无 随便".split()
)


_WORDS_OF_ASSENT = re.compile(r"[\s，,。.!！~～]+")
_ASSENT = _NOT_A_DEMAND | frozenset(
    "没问题 都对 对头 要得 嗯 嗯嗯 ok OK 好嘞 提交吧 确认无误 交 交了 就这样 没得问题 莫得问题".split()
    # ("yes" at the demand question is no demand; in English or pinyin)
    + "yes Yes YES yeah yep sure okay Okay correct right confirm submit dui duide haode queren".split()
)
_PARTICLES = re.compile(r"[嘛吧了啊哦呀呢哈啦噻]+$")


def is_assent(text: str | None) -> bool:
    """Only words of assent or of handing in ("对的 没问题 提交", "对头 交了嘛")."""
    words = [w for w in _WORDS_OF_ASSENT.split(normalise(text).strip(EDGE_PUNCT)) if w]
    # particles off, a yes or "hand it in" is still a yes
    bare = [_PARTICLES.sub("", w) or w for w in words]
    return bool(words) and all(
        w in _ASSENT or b in _ASSENT for w, b in zip(words, bare, strict=True)
    )


def clean_demand(text: str | None) -> str | None:
    value = clean_text(text, DEMAND_MIN, DEMAND_MAX)
    if value is None or is_assent(value):
        return None  # "对的 没问题 提交": a yes, not what the worker wants
    return value
