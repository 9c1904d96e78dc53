"""Text normalisation that keeps character offsets aligned with the original message.

`fold` maps every input character to exactly one output character (NFKC full-width to
half-width, traditional to simplified, lowercase, any whitespace to a space), so an
offset into `fold(text)` is an offset into `text` (OpenCC's phrase-level conversion is
used only when it keeps the length; otherwise each character is converted on its own). `normalise` is `fold` plus collapsing
whitespace runs and stripping the ends; that is the one step that can change the length
(only when the message has leading/trailing whitespace or runs of whitespace). Entity
extraction therefore works on `fold`, classification on `normalise` / `match_form`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from intents.emoji import emoji_words
from intents.foreign import read_foreign

_converter = None
_WHITESPACE_RUN = re.compile(r"\s+")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])")

# Chongqing / south-western Mandarin words mapped to standard forms, for matching only.
_DIALECT = {
    "啷个": "怎么",
    "咋个": "怎么",
    "哪门": "怎么",
    "莫得": "没有",
    "没得": "没有",
    "晓得": "知道",
    "要得": "好的",
    "娃儿": "孩子",
    "老汉儿": "父亲",
    "耍": "玩",
    "撒子": "什么",
    "啥子": "什么",
    "爪子": "干什么",
    "咋": "怎么",
    # "帮我抱个书法班": 报 typed by sound
    "抱个": "报个",
    "抱名": "报名",
    "啥": "什么",
    # "你们调节得不" (调解 typed by sound), "想找你们评理": mediation asked for
    "调节": "调解",
    "评理": "调解",
    # ("那礼拜六呢": a day of the week, not 拜拜)
    "礼拜": "星期",
}
_DIALECT_RE = re.compile("|".join(sorted(map(re.escape, _DIALECT), key=len, reverse=True)))


def _t2s():
    """Create the OpenCC converter once, on first use (it loads dictionaries)."""
    global _converter
    if _converter is None:
        from opencc import OpenCC

        _converter = OpenCC("t2s")
    return _converter


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    """Map one character to one character: NFKC width folding, t2s, lowercase."""
    if ch.isspace():
        return " "
    out = unicodedata.normalize("NFKC", ch)
    if len(out) != 1:
        out = ch
    simp = _t2s().convert(out)
    if len(simp) == 1:
        out = simp
    low = out.lower()
    return low if len(low) == 1 else out


# the texts up to this length are folded once per process (`fold` is a pure function): a turn
# folds the worker's earlier messages again for each action that reads them, dozens of times
_KEPT_CHARS = 300


def fold(text: str) -> str:
    """Return a same-length normalised copy so entity offsets stay valid in the original."""
    if not text:
        return ""
    return _fold_kept(text) if len(text) <= _KEPT_CHARS else _fold(text)


@lru_cache(maxsize=4096)
def _fold_kept(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    if text.isascii():
        out = text.lower()
        return "".join(" " if c.isspace() else c for c in out) if _has_space(out) else out
    width = "".join(map(_fold_char, text)) if not _is_nfkc_simple(text) else text
    # Whole-string OpenCC uses phrase context (e.g. 乾隆 stays 乾); keep it when 1:1.
    simp = _t2s().convert(width)
    if len(simp) != len(width):
        simp = "".join(map(_fold_char, width))
    out = simp.lower()
    if len(out) != len(simp):
        out = "".join(c.lower() if len(c.lower()) == 1 else c for c in simp)
    return "".join(" " if c.isspace() else c for c in out) if _has_space(out) else out


def _is_nfkc_simple(text: str) -> bool:
    """True when NFKC leaves the text unchanged, so per-character folding can be skipped."""
    return unicodedata.is_normalized("NFKC", text)


# (`\s` of a str pattern is exactly what str.isspace() calls whitespace)
_OTHER_SPACE = re.compile(r"[^\S ]")


def _has_space(text: str) -> bool:
    """True when the text contains any whitespace other than plain spaces."""
    return _OTHER_SPACE.search(text) is not None


def normalise(text: str) -> str:
    """Canonical form for classification: `fold` plus collapsed/stripped whitespace.

    Same length as the input unless the input has leading/trailing whitespace or
    whitespace runs; callers that need offsets use `fold` instead.
    """
    return collapse_spaces(fold(text))


def collapse_spaces(folded: str) -> str:
    """Collapse space runs and strip the ends of an already folded text (normalise = this∘fold)."""
    if "  " in folded or folded[:1] == " " or folded[-1:] == " ":
        return _WHITESPACE_RUN.sub(" ", folded).strip()
    return folded


def match_form(text: str) -> str:
    """Form used by the classifier and FAQ search: normalised, emoji read as words, English
    and pinyin read as Chinese (intents/foreign.py), dialect words standardised, spaces between Chinese characters removed (length may change; never
    used for offsets)."""
    norm = read_foreign(emoji_words(normalise(text)))
    norm = _SPACE_BETWEEN_CJK.sub("", norm)
    return _DIALECT_RE.sub(lambda m: _DIALECT[m.group(0)], norm)
