"""Sick pay against its floor: "我问了说是2100 老板说病假每个月只给我1500 对不对哦" after the
answer on sick pay is 2100 × 80 % = 1680元 a month at least, so 1500 is 180 short.

《关于贯彻执行〈中华人民共和国劳动法〉若干问题的意见》第五十九条: sick pay (or the relief paid
instead) may be below the local minimum wage but not below 80 % of it. A local rule or the
contract may give more; the answer says so and never states the local figure itself."""

from __future__ import annotations

import re

from intents.numbers import NUM, format_number, parse_number

SOURCE = "《关于贯彻执行〈中华人民共和国劳动法〉若干问题的意见》第五十九条"
FLOOR = 0.8
MIN_SUM, MAX_SUM = 300, 20_000
# "病假每个月只给我1500", "只发1200": what the employer pays while off sick
_PAID = re.compile(
    rf"(?:病假|只给|才给|给我|发我|只发|就给|就发)[^\d，,。？?]{{0,8}}?(?P<sum>{NUM})\s*(?:块|元)?"
)
# "我问了说是2100", "最低工资2100": the local minimum wage the worker found out
_MINIMUM = re.compile(
    rf"(?:最低工资|最低|说是|问了是|查了是|听说是|好像是|标准是)[^\d，,。？?]{{0,6}}?(?P<sum>{NUM})"
    # "就按2100算嘛 最少拿好多": a figure to work with, right after the minimum wage answer
    rf"|(?:就|先)?按\s*(?P<as>{NUM})\s*(?:块|元)?\s*(?:算|来算)"
)


def _sum(pattern: re.Pattern[str], text: str) -> float | None:
    for m in pattern.finditer(text or ""):
        value = parse_number(m.group("sum") or m.groupdict().get("as") or "")
        if value is not None and MIN_SUM <= value <= MAX_SUM:
            return value
    return None


def sick_pay_told(text: str) -> float | None:
    """The sick pay a message says the employer pays a month, or None."""
    return _sum(_PAID, text)


def minimum_told(text: str) -> float | None:
    """The local monthly minimum wage a message tells, or None."""
    return _sum(_MINIMUM, text)


def sick_pay_text(minimum: float, paid: float | None) -> str:
    floor = round(minimum * FLOOR, 2)
    lines = [
        f"按您说的当地最低工资{format_number(minimum)}元算：病假工资每月不能低于它的80%，"
        f"即{format_number(minimum)}×80%={format_number(floor)}元。"
    ]
    if paid is not None and paid < floor:
        lines.append(
            f"单位每月只给{format_number(paid)}元，比{format_number(floor)}元少"
            f"{format_number(round(floor - paid, 2))}元，不够；可以要求单位补足差额，"
            "不补的向劳动保障监察投诉（12333）或申请劳动仲裁。"
        )
    elif paid is not None:
        lines.append(f"单位每月给{format_number(paid)}元，不低于这条全国底线。")
    lines.append(
        "劳动合同或单位制度约定更高的，按约定发；重庆另有地方规定的，以现行规定为准，"
        "可以打12333或问工会核实。"
    )
    lines.append(f"依据：{SOURCE}")
    return "\n".join(lines)
