"""Typed-by-sound mistakes in a question, corrected to the labour-law terms they sound like.

Workers type with pinyin keyboards and voice input, so a wrong character usually sounds like
the right one: 劳动中裁 for 劳动仲裁, 工上认定 for 工伤认定, 加版费 for 加班费. A pair of characters
that never occurs in the FAQ's phrasings, but sounds exactly like one of the domain's terms
below (toneless pinyin), is read as that term, where that makes more of the pairs around it
FAQ pairs and the term with a neighbouring character is three characters the FAQ uses. Only these terms are targets: everyday pairs (上了, 不需) sound like other everyday
pairs far too often to be corrected without a dictionary of the whole language.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from pypinyin import lazy_pinyin

_CJK_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
_CJK_TRIPLE = re.compile(r"(?=([\u4e00-\u9fff]{3}))")
# the terms a mistyped pair may be read as
TERMS = (
    "仲裁 调解 工伤 加班 社保 辞退 解雇 开除 合同 年假 病假 产假 婚假 丧假 试用 补偿 赔偿 工资 欠薪"
    " 拖欠 认定 鉴定 伤残 离职 辞职 裁员 工时 休假 调休 补休 派遣 竞业 违约 公积 养老 医保 失业"
    " 生育 工龄 押金 维权 投诉 监察 劳动 社会 保险 退休 旷工 绩效 加薪 降薪 扣薪 工会 职工 劳务"
    # the papers of leaving (离职正明 for 离职证明, 挡案 for 档案)
    " 证明 档案"
    # the last two characters of 加班费, its 费 typed by sound (加班废, 加班肺), and of 试用期
    # (试用其)
    " 班费 用期"
).split()
# characters whose mistyping would change what is asked (不休 is not 补休)
_FUNCTION_CHARS = frozenset("不没别无非了的得地是在有我你他她这那就都也还要会能可给被把和与跟")
# everyday words a term's sound overlaps (使用 / 试用, 回复 in 人工回复 / 工会): never broken
EVERYDAY = ("使用", "实用", "回复", "同事", "工商", "公式", "事实", "时事", "商会", "公事")


# terms mistyped by sound whose wrong pair is an everyday one the FAQ uses (用其 in 使用其他):
# read whole, never pair by pair
MISTYPED = {"试用其": "试用期", "实用期": "试用期"}
_MISTYPED_RE = re.compile("|".join(map(re.escape, MISTYPED)))


@lru_cache(maxsize=65536)
def _sound(pair: str) -> str:
    return " ".join(lazy_pinyin(pair))


def _one_char_off(pair: str, term: str) -> bool:
    """A typo of one character, not of a function word: 中裁 for 仲裁, not 不休 for 补休."""
    same = [a == b for a, b in zip(pair, term, strict=True)]
    wrong = pair[same.index(False)] if same.count(False) == 1 else ""
    return bool(wrong) and wrong not in _FUNCTION_CHARS


def _pairs(text: str) -> list[str]:
    return _CJK_PAIR.findall(text)


class Homophones:
    """Built from the FAQ's phrasings; `correct` rewrites a question's unknown pairs."""

    def __init__(self, texts: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        triples: set[str] = set()
        for text in texts:
            counts.update(_pairs(text))
            triples.update(_CJK_TRIPLE.findall(text))
        self.known = frozenset(counts)
        self.triples = frozenset(triples)
        by_sound: dict[str, list[str]] = {}
        for term in TERMS:
            by_sound.setdefault(_sound(term), []).append(term)
        # a sound two terms share (none today) corrects to neither
        self.target = {sound: terms[0] for sound, terms in by_sound.items() if len(terms) == 1}

    def correct(self, text: str) -> str:
        """`text` with each unknown pair that sounds like one FAQ pair replaced by it, where
        that makes more of the pairs around it known (可以只发 is not read as 可一直发)."""
        text = _MISTYPED_RE.sub(lambda m: MISTYPED[m.group(0)], text)
        chars = list(text)
        kept = [False] * len(chars)
        for word in EVERYDAY:
            for m in re.finditer(word, text):
                kept[m.start() : m.end()] = [True] * len(word)
        for i in range(len(chars) - 1):
            if kept[i] or kept[i + 1]:
                continue
            pair = chars[i] + chars[i + 1]
            if pair in self.known or not _CJK_PAIR.match(pair):
                continue
            target = self.target.get(_sound(pair))
            if target is None or target == pair or not _one_char_off(pair, target):
                continue
            if self._known_around(chars, i, target) > self._known_around(chars, i, pair) and (
                self._in_faq_words(chars, i, target)
            ):
                chars[i], chars[i + 1] = target[0], target[1]
        return "".join(chars)

    def _in_faq_words(self, chars: list[str], i: int, term: str) -> bool:
        """The term with a neighbour is three characters the FAQ uses (劳动仲裁 has 动仲裁;
        使用说明 read as 试用说明 has none)."""
        left = chars[i - 1] + term if i > 0 else ""
        right = term + chars[i + 2] if i + 2 < len(chars) else ""
        return left in self.triples or right in self.triples

    def _known_around(self, chars: list[str], i: int, pair: str) -> int:
        """How many of the pairs at i-1, i and i+1 are FAQ pairs, with `pair` at i."""
        left = chars[i - 1] + pair[0] if i > 0 else None
        right = pair[1] + chars[i + 2] if i + 2 < len(chars) else None
        return sum(1 for p in (left, pair, right) if p is not None and p in self.known)
