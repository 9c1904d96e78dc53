"""A working week the worker tells, against the law's limits: "我们厂每天要做11个钟头 一个星期做
6天" is 66 hours, 26 over the standard 40, about 113 hours of overtime a month against the cap
of 36.

《劳动法》第三十六条 (and 《国务院关于职工工作时间的规定》第三条): at most 8 hours a day and 40
a week; 第四十一条: overtime at most 1 hour a day, 3 for a special reason, and 36 a month;
第三十八条: at least one day of rest a week; 第四十四条: overtime pay.
"""

from __future__ import annotations

import re

from intents.numbers import NUM, format_number, parse_number

SOURCE = "《劳动法》第三十六条、第三十八条、第四十一条、第四十四条"
STANDARD_DAY, STANDARD_WEEK, MONTH_CAP, DAY_CAP = 8, 40, 36, 3
# weeks in a month: 21.75 working days a month over 5 a week
WEEKS_A_MONTH = 21.75 / 5

# "每天要做11个钟头", "一天上12个小时", "天天干10个钟头"
_DAY_HOURS = re.compile(
    rf"(?:每天|一天|天天|每日)(?:都)?(?:要|得)?(?:做|上|干|上班|工作|站|开)?(?:满)?\s*(?P<n>{NUM})\s*个?(?:钟头|小时|钟)"
)
# "一个星期做6天", "每周上六天", "一个月只休两天" (30 less the rest days, over 4.35 weeks)
_WEEK_DAYS = re.compile(
    rf"(?:一个?|每)(?:星期|周|礼拜)(?:都)?(?:要|得)?(?:做|上|干|上班|工作)\s*(?P<n>{NUM})\s*天"
)
_NO_REST = re.compile(
    r"(?:一个?|每)(?:星期|周|礼拜)(?:都)?(?:没得|没有|莫得|不)(?:休息|休)|天天都上|一天都不休"
)


def week_told(text: str) -> tuple[float, int] | None:
    """(hours a day, days a week) the message tells, or None."""
    hours = _DAY_HOURS.search(text or "")
    if hours is None:
        return None
    day = parse_number(hours.group("n"))
    if day is None or not STANDARD_DAY < day <= 24:
        return None
    days_m = _WEEK_DAYS.search(text or "")
    days = parse_number(days_m.group("n")) if days_m else (7 if _NO_REST.search(text) else None)
    if days is None or not 1 <= days <= 7:
        return None
    return day, int(days)


def week_text(day: float, days: int) -> str:
    """The week against the limits, the overtime a month it comes to, and what follows."""
    week = day * days
    over_week = max(0.0, week - STANDARD_WEEK)
    over_month = round(over_week * WEEKS_A_MONTH)
    lines = [
        f"按您说的，每天{format_number(day)}小时、每周{days}天：一周{format_number(week)}小时，"
        f"比法定的每周40小时多{format_number(over_week)}小时，一个月大约多{over_month}小时。",
        f"法定标准是每天不超过8小时、每周不超过40小时；加班每天一般不超过1小时、最多3小时，"
        f"每月合计不超过{MONTH_CAP}小时。",
    ]
    verdict = []
    if day - STANDARD_DAY > DAY_CAP:
        verdict.append(f"每天加班{format_number(day - STANDARD_DAY)}小时，超过了每天3小时的上限")
    if over_month > MONTH_CAP:
        verdict.append(f"每月约{over_month}小时，超过了36小时的上限")
    if days == 7:
        verdict.append("每周至少要休息1天，天天上班也违法")
    if verdict:
        lines.append("；".join(verdict) + "，属于违法超时加班。")
    lines.append(
        "超出标准的部分都是加班，要付加班费：工作日不低于150%，休息日200%（或补休），"
        "法定节假日300%。可以向劳动保障监察投诉（12333），也可以找工会。"
    )
    lines.append(f"依据：{SOURCE}")
    return "\n".join(lines)
