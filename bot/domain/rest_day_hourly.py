"""A rest day's or a public holiday's hours paid by the hour: "一个钟头18块" and "一天做8个钟头 一个
礼拜做6天" then "那一个礼拜第6天那8个钟头 不补休的话该好多钱" is 18×8×200%=288元; "按钟头算 一个
钟头25 国庆1号上了8个钟头" is 25×8×300%=600元.

《劳动法》第四十四条; 《工资支付暂行规定》第十三条: work on a rest day without time off in lieu
is paid at least 200 % of the hour's pay, on a public holiday at least 300 % and never made up by
time off (a worker paid by the hour full time is no part-timer, 《劳动合同法》第六十八条).
"""

from __future__ import annotations

import re

from bot.domain.overtime_pay import STATUTORY_DATE
from intents.numbers import NUM, format_number, parse_number

SOURCE = "《劳动法》第四十四条；《工资支付暂行规定》第十三条"
MARK = "休息日按小时算"  # the reply's own words, for what follows it
# the sixth or seventh day of a week worked, or a rest day named
REST_DAY = re.compile(r"第\s*(?:6|7|六|七)\s*天|礼拜[六天日]|星期[六天日]|周[六日末]|休息日|休息天")
# a public holiday named or dated ("国庆1号上了8个钟头")
HOLIDAY = re.compile(
    rf"(?:国庆|春节|元旦|五一|劳动节|清明|端午|中秋)[^，,。]{{0,4}}(?:\d{{1,2}}\s*[号日]|那天|当天|上了|上班)"
    rf"|节假日|法定假|{STATUTORY_DATE}"
)
# "涨到20一个钟头", "一个钟头22", "时薪20"
_RATE = re.compile(
    rf"(?P<a>{NUM})\s*(?:块钱?|元)?\s*(?:一个钟头|一个小时|一小时|每小时)"
    rf"|(?:一个钟头|一个小时|一小时|每小时|时薪)\s*(?:是|给|涨到)?\s*(?P<b>{NUM})"
)
# "那8个钟头", "上8个小时"
_HOURS = re.compile(rf"(?<![一每])(?P<n>{NUM})\s*个?(?:钟头|小时)")


def rate_told(text: str) -> float | None:
    """The hour's pay told ("涨到20一个钟头"), or None."""
    m = _RATE.search(text or "")
    value = parse_number(m.group("a") or m.group("b")) if m else None
    return value if value and 5 <= value <= 500 else None


def hours_told(text: str) -> float | None:
    """The hours told ("那8个钟头"), or None."""
    m = _HOURS.search(_RATE.sub("", text or ""))
    value = parse_number(m.group("n")) if m else None
    return value if value and 0 < value <= 16 else None


def rest_day_hourly_text(rate: float, hours: float, holiday: bool = False) -> str:
    """A rest day's hours at 200 % of the hour's pay, a public holiday's at 300 %."""
    if holiday:
        total = round(rate * hours * 3, 2)
        return (
            f"按您说的：法定节假日按小时算，{format_number(hours)}个小时，一个小时{format_number(rate)}元。\n"
            f"法定节假日上班的，加班费不低于小时工资的300%：{format_number(rate)}×"
            f"{format_number(hours)}×300%={format_number(total)}元，不能用补休抵。\n"
            f"依据：{SOURCE}"
        )
    total = round(rate * hours * 2, 2)
    return (
        f"按您说的：休息日按小时算，{format_number(hours)}个小时，一个小时{format_number(rate)}元。\n"
        f"休息日上班、没安排补休的，加班费不低于小时工资的200%：{format_number(rate)}×"
        f"{format_number(hours)}×200%={format_number(total)}元；安排了同等时间补休的可以不付。\n"
        f"依据：{SOURCE}"
    )
