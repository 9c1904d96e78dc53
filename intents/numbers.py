"""Arabic / Chinese numeral parsing shared by the money, duration and date extractors."""

from __future__ import annotations

import logging
import re
import warnings

CN_DIGITS = "零〇一二两三四五六七八九"
CN_UNITS = "十百千万亿"
# an Arabic amount, optionally followed by Chinese magnitudes (1.5万, 3千5, 1万5)
# ("4千35" is 4350 as said, 四千三五: see _SHORTHAND)
# ("4千3百5": units and digits in turn, as said)
NUM_AR = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    r"(?:[十百千万亿]+(?:\d{1,4}|[一二三四五六七八九])?){0,3}"
)
# a Chinese numeral that starts with a digit or 十 (so 万一 / 千万 are not numbers)
NUM_CN = r"(?:[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*(?:点[零〇一二三四五六七八九]+)?)"
NUM = rf"(?:{NUM_AR}|{NUM_CN})"

# two neighbouring digits with no unit between them: a rough count ("三四年", "七八个月")
_APPROX = re.compile(r"^[一二两三四五六七八九]{2}$")
_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}

# "4千35", "1万25": digits after 千 or 万 go on from the next unit down, as said (四千三五 is
# 4350, 一万二五 is 12500); a leading 0 is read as written ("4千05" is 4005)
_SHORTHAND = re.compile(r"^(?P<head>\d+(?:\.\d+)?)(?P<unit>[千万])(?P<tail>[1-9]\d*)$")
_UNIT_DIGITS = {"千": 3, "万": 4}

_cn2an = None


def _convert(text: str) -> float:
    """Call cn2an's smart mode, quietly (it warns and logs on input it cannot convert)."""
    global _cn2an
    if _cn2an is None:
        logging.getLogger("cn2an").setLevel(logging.ERROR)
        import cn2an

        _cn2an = cn2an
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(_cn2an.cn2an(text, "smart"))


def parse_number(text: str) -> float | None:
    """Value of an Arabic, Chinese or mixed numeral (两万五, 1.5万, 3千5, 2k); None if not one."""
    text = text.replace(",", "").strip()
    if not text:
        return None
    scale = 1.0
    if text[-1] in "kw":
        scale = 1000.0 if text[-1] == "k" else 10000.0
        text = text[:-1]
    try:
        return float(text) * scale
    except ValueError:
        pass
    if text.isdigit():  # non-ASCII digits that float() rejected
        return None
    shorthand = _SHORTHAND.match(text)
    if shorthand is not None:
        digits = _UNIT_DIGITS[shorthand.group("unit")]
        tail = shorthand.group("tail")
        if len(tail) <= digits:
            head = float(shorthand.group("head")) * 10**digits
            return (head + int(tail) * 10 ** (digits - len(tail))) * scale
        return None
    approx = _APPROX.match(text)
    if approx is not None:
        # "三四年", "两三个月": a rough count, N or N+1, never 34 or 23 (the higher is taken)
        low, high = (_DIGIT[c] for c in approx.group(0))
        if high == low + 1:
            return float(high) * scale
    try:
        return _convert(text.replace("〇", "零")) * scale
    except Exception:  # cn2an raises bare ValueError / its own errors on odd input
        return None


def format_number(value: float) -> str:
    """Plain number string: 25000 not 25000.0, 1500.5 kept."""
    if value == int(value):
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")
