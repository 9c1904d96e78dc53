"""Pay said to hold the overtime, against the minimum wage: "一个月才发1800 这个低于最低工资没
得" then "老板说这1800里头还有加班费 我每个月平时加班差不多30个钟头". The overtime pay is no part
of the minimum wage, so what the normal hours are paid must reach it by itself: of 1800 with 30
hours at 150 % in it, the normal hours' pay is 1800 ÷ (1 + 30 × 150 % ÷ 174) ≈ 1430.

《最低工资规定》第十二条: the minimum wage leaves out the pay for hours beyond the standard,
the allowances for night, high-temperature and other special conditions, and statutory
benefits; 《劳动法》第四十四条 (overtime at no less than 150 %), 第四十八条 (the minimum wage).
"""

from __future__ import annotations

import re

from intents.numbers import NUM, format_number, parse_number

SOURCE = "《劳动法》第四十四条、第四十八条；《最低工资规定》第十二条"
MONTH_HOURS = 174  # the standard month: 21.75 days of 8 hours
# "这1800里头还有加班费", "工资包括了加班费", "加班费也算在里面"
OVERTIME_INSIDE = re.compile(
    r"(?:里头|里面|里边|当中|中间|其中)(?:还|也|都)?(?:有|包括|包含|含|算了)(?:了)?(?:我的)?加班"
    r"|(?:包括|包含|含|算上|算进|算了)了?(?:我的)?加班(?:费|工资)"
    # "公司说加上加班费就超过最低工资了": the overtime added to reach the minimum
    r"|(?:加上|连上|带上|凑上)(?:我的)?加班(?:费|工资)"
    r"|加班(?:费|工资)[^，,。]{0,4}(?:在里头|在里面|算进去了|算在里面|算进来|包在里)"
)
# "这1800里头": the sum said to hold the overtime
_SUM_INSIDE = re.compile(rf"(?P<pay>{NUM})\s*(?:块钱|块|元)?\s*(?:里头|里面|里边|当中|中间|其中)")
# "每个月平时加班差不多30个钟头": the month's overtime hours
_OVERTIME_HOURS = re.compile(
    rf"加班[^，,。\d]{{0,6}}?(?P<n>{NUM})\s*个?(?:钟头|小时|钟)"
    rf"|(?P<m>{NUM})\s*个?(?:钟头|小时|钟)的?加班"
)
MIN_PAY, MAX_PAY = 500, 200_000


def sum_inside(text: str) -> float | None:
    """The pay said to hold the overtime ("这1800里头": 1800), or None."""
    m = _SUM_INSIDE.search(text or "")
    value = parse_number(m.group("pay")) if m else None
    return value if value is not None and MIN_PAY <= value <= MAX_PAY else None


def overtime_hours(text: str) -> float | None:
    """The overtime hours a month told ("平时加班差不多30个钟头": 30), or None."""
    m = _OVERTIME_HOURS.search(text or "")
    value = parse_number(m.group("n") or m.group("m")) if m else None
    return value if value is not None and 0 < value <= 200 else None


def overtime_inside_text(pay: float | None, hours: float | None) -> str:
    """The overtime left out of the minimum wage, and the normal hours' pay left of `pay`
    once `hours` of weekday overtime at 150 % are taken out of it."""
    lines = [
        "加班费不能算进最低工资里。最低工资不包括加班工资，也不包括中班、夜班、高温等特殊条件下的"
        "津贴和法定的福利待遇；正常上满班的，扣掉这些以后的工资不能低于当地最低工资标准，"
        "不能靠加班费凑够。"
    ]
    if pay is not None and hours is not None:
        normal = pay / (1 + hours * 1.5 / MONTH_HOURS)
        lines.append(
            f"按您说的，{format_number(pay)}元里包括每月平时加班约{format_number(hours)}小时的加班费："
            f"加班按不低于150%算，倒推回去，正常工时的工资只有约{format_number(pay)}÷"
            f"(1+{format_number(hours)}×150%÷174)≈{format_number(round(normal))}元，"
            f"加班费约{format_number(round(pay - normal))}元。正常工时这部分要和重庆现行的月最低工资标准比"
            "（标准以市人社局公布的为准，可以问12333），低了的，单位要补足差额，加班费还要另外按标准给。"
        )
    elif pay is not None:
        lines.append(
            f"{format_number(pay)}元里要先扣掉加班费，剩下正常工时的工资再和重庆现行的月最低工资标准比"
            "（可以问12333）；低了的，单位要补足差额。"
        )
    lines.append("可以向劳动保障监察投诉（12333）或申请劳动仲裁，工资条、考勤和加班记录要留好。")
    lines.append(f"依据：{SOURCE}")
    return "\n".join(lines)
