"""What a day of personal leave (事假) may cost: "我一个月4350 扣两天事假的话 最多该扣好多" is
the daily pay (monthly ÷ 21.75, 《关于职工全年月平均工作时间和工资折算问题的通知》) times the
days; personal leave is unpaid unless the employer's rules say otherwise."""

from __future__ import annotations

import re

from bot.domain.severance import monthly_pay
from intents.numbers import NUM, format_number, parse_number

WORK_DAYS_A_MONTH = 21.75
_PERSONAL_LEAVE = re.compile(rf"(?P<n>{NUM})\s*天\s*事假|事假\s*(?P<m>{NUM})\s*天")
_DEDUCTED = re.compile(r"扣")


def personal_leave_text(text: str, pay_text: str = "") -> str | None:
    """The most the days of personal leave told may be docked, with the monthly pay told here
    or before; None unless the message asks about docking them."""
    m = _PERSONAL_LEAVE.search(text or "")
    if m is None or _DEDUCTED.search(text) is None:
        return None
    days = parse_number(m.group("n") or m.group("m"))
    pay = monthly_pay(text) or monthly_pay(pay_text)
    if not days or not pay or not 0 < days <= 31:
        return None
    daily = pay / WORK_DAYS_A_MONTH
    return "\n".join(
        [
            f"按您说的：月工资{format_number(pay)}元，日工资={format_number(pay)}÷21.75≈"
            f"{format_number(round(daily, 2))}元；{format_number(days)}天事假最多扣"
            f"{format_number(round(daily * days, 2))}元。",
            "事假是没有工资的假，单位按日工资扣就到头了，不能多扣、罚款；单位规定里事假照发的，"
            "按规定来。婚假、丧假、年假这些有薪假不能按事假扣。",
            "依据：《关于职工全年月平均工作时间和工资折算问题的通知》；《职工带薪年休假条例》第二条",
        ]
    )


# "已经扣了我3天了 我一个月4785 该退我好多": days docked that the law says are paid
_DOCKED_DAYS = re.compile(rf"扣(?:了|掉了?)(?:我|她|他)?\s*(?P<n>{NUM})\s*天")
_REFUND_ASKED = re.compile(r"退|还我|还给|补我|补给|补回|要回|该给|好多|多少")


def docked_days_text(text: str, pay_text: str = "") -> str | None:
    """What days of paid time docked come to (the daily pay times the days), with the monthly
    pay told here or before; None unless the message tells days docked and asks what is owed."""
    m = _DOCKED_DAYS.search(text or "")
    if m is None or _REFUND_ASKED.search(text) is None:
        return None
    days = parse_number(m.group("n"))
    pay = monthly_pay(text) or monthly_pay(pay_text)
    if not days or not pay or not 0 < days <= 31:
        return None
    daily = round(pay / WORK_DAYS_A_MONTH, 2)
    return "\n".join(
        [
            f"按您说的：月工资{format_number(pay)}元，日工资={format_number(pay)}÷21.75≈"
            f"{format_number(daily)}元；被扣的{format_number(days)}天应当退还"
            f"{format_number(daily)}×{format_number(days)}={format_number(round(daily * days, 2))}元。",
            "这些时间依法算作劳动时间（或是带薪的假），不能按事假扣工资；可以先找单位要回，"
            "单位不退的，可以打12333向劳动保障监察投诉，或找工会帮忙。",
            "依据：《关于职工全年月平均工作时间和工资折算问题的通知》",
        ]
    )
