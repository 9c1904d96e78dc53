"""Wages docked for damage the worker caused (《工资支付暂行规定》第十六条): at most 20 % of the
month's pay each month, and what is left not below the local minimum wage; and a daily
allowance owed over the days worked (a high-temperature allowance at the rate told)."""

from __future__ import annotations

import math
import re

from intents.numbers import NUM, format_number, parse_number

SHARE = 0.2
DEDUCTION_SOURCE = "《工资支付暂行规定》第十六条"
# "老板说要扣我3千块": the sum to be docked
# ("厂头一次扣了他1000": someone else's pay, docked at once; "主管说要赔1800 从工资头扣": the
# loss to be paid back from the wages)
_TO_DOCK = re.compile(
    rf"(?:扣|赔)(?:了)?(?:我们|他们|我|他|她)?(?:了)?\s*(?P<n>{NUM})(?!\s*(?:个|月|天|次|号|年|倍))\s*(?:块|元)?"
)
# docked already, at once ("一次扣了他1000", "这个月扣了我2000")
_DOCKED_AT_ONCE = re.compile(r"一次(?:性)?(?:就)?扣|一下(?:子)?(?:就)?扣|扣了")


def sum_to_dock(text: str) -> float | None:
    m = _TO_DOCK.search(text or "")
    value = parse_number(m.group("n")) if m else None
    return value if value and value >= 10 else None


def docked_at_once(text: str) -> bool:
    """The sum was docked already, in one go ("一次扣了他1000")."""
    return _DOCKED_AT_ONCE.search(text or "") is not None


def dock_limit_text(pay: float, owed: float | None, at_once: bool = False, lead: str = "") -> str:
    """The most that may be docked a month from `pay`, and the months `owed` then takes;
    `at_once`: `owed` was docked in one month already (what went over is to be paid back);
    `lead`: a line before the sums."""
    most = pay * SHARE
    lines = [lead] if lead else []
    lines += [
        f"按月工资{format_number(pay)}元算：每月最多扣20%，也就是{format_number(round(most, 2))}元，"
        f"扣完剩下{format_number(round(pay - most, 2))}元，而且剩下的不能低于重庆的最低工资标准"
        "（现行标准问12333）。"
    ]
    if owed and at_once and owed > most:
        lines.append(
            f"一个月扣了{format_number(owed)}元，超过了{format_number(round(most, 2))}元的上限，"
            f"多扣的{format_number(round(owed - most, 2))}元可以要求退还（剩下的下个月再扣）。"
        )
    elif owed and owed <= most:
        # ("扣200" of a 4000 pay: within one month's cap, no months to spread it over)
        lines.append(
            f"{format_number(owed)}元没有超过每月{format_number(round(most, 2))}元的上限。"
        )
    elif owed:
        months = math.ceil(owed / most)
        lines.append(
            f"{format_number(owed)}元按每月最多{format_number(round(most, 2))}元扣，要分{months}个月扣完，"
            "不能一个月扣完。"
        )
    lines.append(f"依据：{DEDUCTION_SOURCE}")
    return "\n".join(lines)


# "就当是一天12块嘛 7月8月我上了52天": a daily allowance, and the days worked
_A_DAY = re.compile(
    rf"(?:一天|每天)\s*(?P<n>{NUM})\s*(?:块|元)|(?P<n2>{NUM})\s*(?:块|元)\s*(?:一天|每天)"
)
_DAYS = re.compile(rf"(?:上了|干了|做了|出了)\s*(?P<n>{NUM})\s*天")


def allowance_owed_text(text: str) -> str | None:
    """The allowance a day times the days worked, when the message tells both."""
    rate, days = _A_DAY.search(text or ""), _DAYS.search(text or "")
    if not (rate and days):
        return None
    each = parse_number(rate.group("n") or rate.group("n2"))
    count = parse_number(days.group("n"))
    if not each or not count or count > 366:
        return None
    return (
        f"按您说的：{format_number(count)}天×每天{format_number(each)}元={format_number(each * count)}元。"
        "高温津贴要随工资发，没发的可以要求补发；单位不给的，可以向劳动保障监察投诉（12333）或申请劳动仲裁。"
    )
