"""Course words heard by sound: 书发 for 书法, 乒乓求 for 乒乓球, 瑜珈 for 瑜伽 — toneless,
dialect-folded pinyin (zh/z, ch/c, sh/s, n/l, -ng/-n alike)."""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import lazy_pinyin

# the words of a course's name: 手机摄影与短视频 is 手机摄影 and 短视频
_NAME_PARTS = re.compile(r"[与和及、·\s]+")


def _sound(syllable: str) -> str:
    """A syllable as a Chongqing ear hears it: zh/z, ch/c, sh/s, n/l and -ng/-n alike."""
    for retroflex in ("zh", "ch", "sh"):
        if syllable.startswith(retroflex):
            syllable = syllable[0] + syllable[2:]
    if syllable.startswith("l"):
        syllable = "n" + syllable[1:]
    return syllable[:-1] if syllable.endswith("ng") else syllable


@lru_cache(maxsize=8192)
def sounds(text: str) -> tuple[str, ...]:
    """Toneless, dialect-folded pinyin of each character: 书发 and 书法 sound alike."""
    return tuple(_sound(p) for p in lazy_pinyin(text))


@lru_cache(maxsize=2048)
def _sound_pairs(text: str) -> frozenset[tuple[str, ...]]:
    heard = sounds(text)
    return frozenset(heard[i : i + 2] for i in range(len(heard) - 1))


def misheard(gram: str, name: str, keywords: list[str]) -> bool:
    """Two characters that sound like two of a course's word and share one of them (书发 for
    书法, 乒乓求 for 乒乓球): a typo. Two sounds alike with no character in common (英语 and
    the 影与 of 摄影与短视频) are another word."""
    heard = sounds(gram)
    for word in (*_NAME_PARTS.split(name), *keywords):
        if len(word) < 2 or not set(gram) & set(word):
            continue
        if heard in _sound_pairs(word):
            return True
    return False
