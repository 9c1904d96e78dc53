"""Piece-rate overtime worked out from the pieces and the piece's price: "一件3块钱" then
"上个礼拜六厂头喊加班 没补休 我做了80件 这80件该拿好多" is 80×3×200%=480元, as a union lawyer
would answer, instead of the rates alone.

《劳动法》第四十四条; 《工资支付暂行规定》第十三条第二款: a piece-rate worker who, having
finished the quota in the legal working time, is made to work on is paid at least 150 % of the
piece price beyond the working day, 200 % on a rest day and 300 % on a public holiday.
"""

from __future__ import annotations

import re

from bot.domain.overtime_pay import STATUTORY_DATE
from intents.numbers import NUM, format_number, parse_number

# the piece's price: "一件3块钱", "一件1块5", "3块钱一件", "每件2元", "单价3块"
_PRICE = re.compile(
    rf"(?:一件|每件|单价|一个)\s*(?P<a>{NUM})\s*(?:块|元)(?P<dimes>[1-9一二两三四五六七八九](?![\d件]))?"
    rf"|(?P<b>{NUM})\s*(?:块钱?|元)\s*(?:一件|每件)"
)
# pieces made: "做了80件", "是90件", "这12件"; not the price's "一件" nor the quota "做满100件"
_PIECES = re.compile(rf"(?<![满额每一])(?P<n>{NUM})\s*件(?!\s*(?:{NUM})\s*(?:块|元))")
# which overtime: a public holiday, a rest day, or on after the quota on a working day
_HOLIDAY = re.compile(
    rf"国庆|春节|过年|元旦|五一|劳动节|清明|端午|中秋|节假日|法定假|{STATUTORY_DATE}"
)
_REST_DAY = re.compile(r"周末|周六|周日|星期[六天日]|礼拜[六天日]|休息日|休息天")
_AFTER_QUOTA = re.compile(r"做满|定额以外|超过定额|多做|多干|下班后|下班以后|延长|又喊")
KINDS = {"holiday": (300, "法定节假日"), "rest": (200, "休息日"), "weekday": (150, "工作日")}


def piece_price(text: str) -> float | None:
    """The piece's price told ("一件3块钱"), or None."""
    m = _PRICE.search(text or "")
    if m is None:
        return None
    value = parse_number(m.group("a") or m.group("b"))
    if value and m.group("dimes"):
        value += (parse_number(m.group("dimes")) or 0) / 10
    return value if value and 0 < value < 1000 else None


def pieces_made(text: str) -> float | None:
    """The last count of pieces made told ("我做了80件 这80件该拿好多": 80), or None."""
    counts = [parse_number(m.group("n")) for m in _PIECES.finditer(text or "")]
    counts = [c for c in counts if c and 0 < c < 100000]
    return counts[-1] if counts else None


def overtime_kind(text: str) -> str | None:
    """The kind of overtime the message names: "holiday", "rest" or "weekday", or None."""
    if _HOLIDAY.search(text or ""):
        return "holiday"
    if _REST_DAY.search(text or ""):
        return "rest"
    if _AFTER_QUOTA.search(text or ""):
        return "weekday"
    return None


def piece_rate_overtime_text(pieces: float, price: float, kind: str) -> str:
    """The pay for pieces made on overtime of that kind at that piece price."""
    rate, name = KINDS[kind]
    total = pieces * price * rate / 100
    line = (
        f"按您说的：{name}加班做了{format_number(pieces)}件，计件单价{format_number(price)}元。\n"
        f"{name}加班的计件单价不低于平时的{rate}%：{format_number(pieces)}×{format_number(price)}"
        f"×{rate}%={format_number(round(total, 2))}元"
    )
    if kind == "rest":
        line += "（单位安排了同等时间补休的，可以不付这笔加班费）"
    elif kind == "holiday":
        line += "，不能用补休抵"
    return (
        f"{line}。\n"
        "计件的在法定工作时间内完成定额以后，单位再安排做的才是加班；定额定得太高、8小时做不完的，"
        "属于变相加班，可以找工会协商或打12333投诉。\n"
        "依据：《劳动法》第四十四条；《工资支付暂行规定》第十三条"
    )
