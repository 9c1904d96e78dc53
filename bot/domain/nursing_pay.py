"""Pay docked for the nursing hour, worked out.

《女职工劳动保护特别规定》第九条: a mother of a child under one year has an hour a day for
nursing within working time; it is working time and may not be docked. "我一个月4350 这个月上了
22天班 每天都扣一个钟头 他总共扣了我好多钱": 4350 ÷ 21.75 ÷ 8 = 25 a hour, 22 hours, 550.
"""

from __future__ import annotations

import re

from bot.domain.severance import monthly_pay
from intents.numbers import NUM, format_number, parse_number

SOURCE = "《女职工劳动保护特别规定》第九条；《关于职工全年月平均工作时间和工资折算问题的通知》"
WORK_DAYS_A_MONTH = 21.75
HOURS_A_DAY = 8

# "每天都扣一个钟头", "每天扣1小时"
_DOCKED_HOURS = re.compile(
    rf"每天(?:都|还)?(?:要)?扣(?:了|掉|我)?\s*(?P<n>{NUM}|半)\s*(?:个)?(?:钟头|小时|钟)"
)
# "这个月上了22天班"
_DAYS = re.compile(rf"(?:上了?|干了?|做了?|出勤)\s*(?P<n>{NUM})\s*天")
MAX_DAYS = 31


def docked_nursing_text(text: str) -> str | None:
    """What the nursing hours docked come to, when the message tells the pay, the days worked
    and the hours docked a day; else None."""
    hours_m, days_m = _DOCKED_HOURS.search(text or ""), _DAYS.search(text or "")
    pay = monthly_pay(text)
    if hours_m is None or days_m is None or pay is None:
        return None
    hours = 0.5 if hours_m.group("n") == "半" else parse_number(hours_m.group("n"))
    days = parse_number(days_m.group("n"))
    if not hours or not days or days > MAX_DAYS or hours > HOURS_A_DAY:
        return None
    hourly = pay / WORK_DAYS_A_MONTH / HOURS_A_DAY
    total = hourly * hours * days
    return "\n".join(
        [
            "哺乳时间算劳动时间，不能扣工资。",
            f"按您说的：月工资{format_number(pay)}元，小时工资={format_number(pay)}÷21.75÷8≈"
            f"{format_number(round(hourly, 2))}元；每天{format_number(hours)}小时×{format_number(days)}天"
            f"={format_number(hours * days)}小时，被扣了约{format_number(round(total, 2))}元，可以要求单位补发；"
            "单位不补的，可以找工会或打12333投诉。",
            f"依据：{SOURCE}",
        ]
    )
