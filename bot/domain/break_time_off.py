"""Time off given back for the rest days of a long break worked: "月工资4785 1号到7号一天都没
休" then "公司说4号到7号给我补休 那还有好多钱" leaves the 3 days of 国庆 itself at 300 %
(1980元), the 4 moved rest days paid in time off; "要是补休一直没安排呢" puts them back at 200 %
(1760元, 3740元 in all).

《劳动法》第四十四条, 《工资支付暂行规定》第十三条: a rest day worked is paid at 200 % unless
time off is given back for it; a public holiday's own days are paid at 300 % and time off
cannot replace that pay; 《全国年节及纪念日放假办法》第二条: which days are the holiday's own.
"""

from __future__ import annotations

import re

from bot.domain.long_breaks import (
    HOLIDAYS_SOURCE,
    MONTHLY_SOURCE,
    SOURCE,
    dated_days,
    dated_set,
    money,
    named_holiday,
    own_dates,
)
from intents.numbers import NUM, parse_number

WORK_DAYS_A_MONTH = 21.75
# "后面4天也上了", "剩下的3天也去了": more days of the break worked, after those told (not
# "后头4天给我补休")
# the rest days' sum in the answer just given ("…没安排补休的不低于200%：260×200%×3=1560元")
_REST_DAYS_SUMMED = re.compile(r"[^\n]*200%[：:][^\n]*?=\s*[\d,.]+\s*元")


def never_given_text(shown: str) -> str:
    """Time off promised for rest days and never given: paid at 200 %, with the sum of the
    rest days worked out in the answer just shown ("结果到现在都没让我补休 那咋算")."""
    summed = _REST_DAYS_SUMMED.search(shown or "")
    if summed is None:
        return TIME_OFF_NEVER_GIVEN
    first, rest = TIME_OFF_NEVER_GIVEN.split("\n", 1)
    line = summed.group(0).strip().rstrip("；;。")
    return f"{first}\n按刚才算的：{line}。\n{rest}"


_LATER_DAYS = re.compile(
    rf"(?:后面|后头|后边|剩下|其余|其他)的?\s*(?P<n>{NUM})\s*天(?:班)?\s*(?:也|都|还|我)?\s*"
    r"(?:上了|去了|加了|做了|干了|上班|加班|没休|没放)"
)
TIME_OFF = re.compile(r"补休|调休|倒休")
# "如果他不给我补休呢", "要是补休一直没安排呢", "也莫得补休": none given
NO_TIME_OFF = re.compile(
    r"(?:不|没|莫)(?:得|有)?(?:给我?|安排|让我?)?(?:补休|调休|倒休)"
    r"|(?:补休|调休|倒休)[^，,。？?]{0,6}(?:没|莫|不)(?:得|有)?(?:安排|兑现|给|休成|落实)"
)
# "给我补休两天", "调休了2天", "后头4天给我补休": how many days are given off
_DAYS_OFF_COUNTED = re.compile(
    rf"(?:补休|调休|倒休)了?\s*(?P<n>{NUM})\s*天|(?P<m>{NUM})\s*天[^，,。\d]{{0,4}}(?:补休|调休|倒休)"
)
Break = tuple[tuple[str, int, str], int, int]


def _later(text: str) -> int:
    m = _LATER_DAYS.search(text or "")
    value = parse_number(m.group("n")) if m else None
    return int(value) if value and 0 < value <= 10 else 0


def break_told(text: str, earlier: list[str]) -> Break | None:
    """(the holiday, its own days worked, the moved rest days worked) told in the messages
    before (newest first) by their dates ("1号2号3号" then "4号5号也上了", all of them), with
    more days said after them ("后面4天也上了", in this message or a later one); None unless
    some are rest days."""
    named = next(filter(None, map(named_holiday, [text, *earlier])), None)
    if named is None:
        return None
    later = _later(text)
    worked: set[int] = set()
    for said in earlier:
        dated = dated_set(named, said)
        if dated is not None and TIME_OFF.search(said):
            continue  # ("4号到7号给我补休": days given off, not more days worked)
        if dated is not None:
            worked |= dated
        elif not worked:
            later += _later(said)
    if not worked:
        return None
    own = len(worked & own_dates(named))
    moved = len(worked) - own + later
    return (named, own, moved) if moved and own + moved <= 15 else None


def days_off(named: tuple[str, int, str], moved: int, text: str) -> tuple[int, int]:
    """(the holiday's own days, the moved rest days) the message says are given back as time
    off: its dates ("4号到7号给我补休"), all the rest days when it names none ("厂头说给我补
    休"), none when it says none are given ("如果他不给我补休呢")."""
    if NO_TIME_OFF.search(text):
        return 0, 0
    dated = dated_days(named, text)
    if dated is None:
        counted = _DAYS_OFF_COUNTED.search(text)
        value = parse_number(counted.group("n") or counted.group("m")) if counted else None
        # ("老板说给我补休两天": so many of them)
        return 0, min(int(value), moved) if value and value >= 1 else moved
    return dated[0], min(dated[1], moved)


def break_time_off_text(told: Break, off: int, monthly: float) -> str:
    """The holiday's own days at 300 %, the rest days given time off unpaid, the others at 200
    %, and what the time off is worth should it never come."""
    (name, _, when), own, moved = told
    daily = monthly / WORK_DAYS_A_MONTH
    paid_rest = moved - off
    holiday_sum, rest_sum = daily * 3 * own, daily * 2 * paid_rest
    lines = [
        f"按您说的：{name}期间上了{own + moved}天班，月工资{money(monthly)}元，日工资="
        f"{money(monthly)}÷21.75≈{money(daily)}元。"
    ]
    if own:
        lines.append(
            f"法定节假日（{when}）{own}天，不低于日工资的300%：{money(daily)}×300%×{own}"
            f"={money(holiday_sum)}元，这几天不能用补休抵，必须给钱；"
        )
    if off:
        lines.append(
            f"长假里调休出来的休息日有{off}天安排了补休，补休了的这{off}天可以不再给加班费；"
        )
    if paid_rest:
        lines.append(
            f"{'其余' if off else '调休出来的休息日'}{paid_rest}天没安排补休，不低于日工资的200%："
            f"{money(daily)}×200%×{paid_rest}={money(rest_sum)}元；"
        )
    lines.append(f"现在应该拿的加班费合计{money(holiday_sum + rest_sum)}元，在正常工资以外另给。")
    if off:
        owed = daily * 2 * off
        lines.append(
            f"要是补休最后没安排、没休成，这{off}天仍按200%给钱：{money(daily)}×200%×{off}"
            f"={money(owed)}元，那样一共{money(holiday_sum + rest_sum + owed)}元。"
        )
    lines.append(
        "单位不给的，可以向劳动保障监察投诉（12333）或申请劳动仲裁；考勤、排班和补休的记录要留好。"
    )
    lines.append(f"依据：{SOURCE}{MONTHLY_SOURCE}{HOLIDAYS_SOURCE}")
    return "\n".join(lines)


# the rules of time off for rest days and holidays, said without a sum (《劳动法》第四十四条；
# 《工资支付暂行规定》第十三条)
TIME_OFF_INSTEAD = (
    "安排了补休，休息日那几天就可以不给加班费。\n"
    "休息日加班，单位安排了同等时间补休的，可以不再支付加班费；补休不足的天数，仍按不低于日工资的"
    "200%支付。法定节假日加班不能用补休代替，必须按不低于300%支付。\n"
    "依据：《劳动法》第四十四条；《工资支付暂行规定》第十三条"
)
HOLIDAY_NOT_TIME_OFF = (
    "不可以，法定节假日加班不能用补休抵，钱照样要给。\n"
    "法定节假日那几天加班，单位必须另外支付不低于日工资300%的加班费，安排补休也不能代替；"
    "只有休息日（周末和长假里调休出来的日子）加班才可以用补休抵。单位不给的，可以向劳动保障监察投诉"
    "（12333）或申请劳动仲裁。\n"
    "依据：《劳动法》第四十四条；《工资支付暂行规定》第十三条"
)
TIME_OFF_NEVER_GIVEN = (
    "补休一直不安排的，休息日那几天就要给钱：按不低于日工资的200%支付加班费。\n"
    "休息日加班，单位可以先安排同等时间的补休；补休安排不了、一直拖着不安排的，就要按不低于日工资的"
    "200%支付，补休不能一拖了之。法定节假日加班本来就不能用补休代替，要按300%支付。"
    "留好排班、打卡记录和单位答应补休的聊天记录；单位不给的，可以向劳动保障监察投诉（12333）"
    "或申请劳动仲裁。\n"
    "依据：《劳动法》第四十四条；《工资支付暂行规定》第十三条"
)
