"""How long unemployment benefit may be drawn, from the years of contributions the worker
tells (《失业保险条例》第十七条; 《社会保险法》第四十六条): one to five years, at most 12
months; five to ten, 18; ten or more, 24."""

from __future__ import annotations

import re

from intents.numbers import NUM, format_number, parse_number

SOURCE = "《社会保险法》第四十六条；《失业保险条例》第十七条"
# "社保交了6年多", "实际只交了4年", "失业保险缴了十一年"
_PAID_YEARS = re.compile(
    rf"(?:交|缴)(?:了|过)?(?:差不多|大概|快)?\s*(?P<n>{NUM}|半)\s*年(?P<more>多)?"
)


def contribution_years(text: str) -> float | None:
    """The years of contributions the message tells (the last said wins: a correction)."""
    found = list(_PAID_YEARS.finditer(text or ""))
    if not found:
        return None
    m = found[-1]
    value = 0.5 if m.group("n") == "半" else parse_number(m.group("n"))
    return value if value is not None and 0 < value <= 50 else None


def longest_months(years: float) -> int:
    if years < 1:
        return 0
    if years < 5:
        return 12
    if years < 10:
        return 18
    return 24


def benefit_months_text(years: float) -> str:
    months = longest_months(years)
    said = f"累计缴费{format_number(years)}年"
    if months == 0:
        head = f"按您说的{said}：失业保险要累计缴满1年才能领，还不够。"
    else:
        head = f"按您说的{said}：失业保险金最长可以领{months}个月。"
    return "\n".join(
        [
            head,
            "期限按失业保险累计缴费时间算：满1年不满5年最长12个月，满5年不满10年最长18个月，"
            "10年以上最长24个月；中间断缴的，前后缴费时间累计计算。",
            "还要是非本人意愿离职、办了失业登记并有求职要求；每月金额由重庆定，具体问12333。",
            f"依据：{SOURCE}",
        ]
    )
