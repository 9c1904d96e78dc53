"""Overtime of several kinds added up: "平时10个钟头 星期六一天 元旦一天 加起来好多" with a
monthly pay of 4350 is 375 + 400 + 600 = 1375元, each kind at its own rate, as a union
lawyer would add them for a worker's claim.

《劳动法》第四十四条, 《工资支付暂行规定》第十三条: beyond the working day at least 150 % of
the hourly pay; on a rest day without time off in lieu at least 200 %; on a public holiday at
least 300 %. Daily pay = monthly pay ÷ 21.75, hourly pay = daily pay ÷ 8.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.overtime_pay import STATUTORY_DATE
from bot.domain.overtime_said import rest_days_unpaid, without_today
from bot.domain.working_hours import each_day_said_as_hours
from intents.numbers import NUM, format_number, parse_number

SOURCE = (
    "《劳动法》第四十四条；《工资支付暂行规定》第十三条；"
    "《关于职工全年月平均工作时间和工资折算问题的通知》"
)
WORK_DAYS_A_MONTH = 21.75
HOURS_A_DAY = 8

_HOLIDAY = re.compile(
    r"节假日|法定假|法定节|国庆|春节|过年|除夕|五一|劳动节|元旦|清明|端午|中秋|" + STATUTORY_DATE
)
_REST = re.compile(r"周末|星期六|星期天|星期日|礼拜六|礼拜天|周六|周日|休息日|双休|休息天")
# ("每天还是12个钟头" tells the working day's length, not its overtime)
_WEEKDAY = re.compile(r"平时|平常|下班|晚上|工作日|延长")
# "2个星期天也去上了": rest days counted by the day of the week ("两个周六" is 2 days)
_COUNTED_DAYS = re.compile(rf"(?P<n>{NUM})\s*个\s*(?:星期|礼拜|周)(?P<day>[六天日末])?")
# "每天8个钟头", "那天干了10个钟头": the length of the days just told, not more overtime
_DAY_LENGTH = re.compile(r"每天|每次|一天|那天|当天|都是")
# a count not read into a weekday's name ("星期六一天" is one day, not 61)
_HOURS = re.compile(rf"(?<![期拜周])(?P<n>{NUM}|半)\s*个?\s*(?:小时|钟头|钟)")
_DAYS = re.compile(rf"(?<![期拜周])(?P<n>{NUM}|半)\s*个?\s*(?:天|日)(?!工资)")
_ONE_DAY = re.compile(r"一整天|整整一天|全天|整天|那天|当天")
_SPLIT = re.compile(
    r"[\s，,。；;、]+|还有|再加上|再加|加上|另外"
    # "礼拜六一天国庆一天": a new kind right after a day's count
    r"|(?<=[天头时])(?=国庆|春节|过年|元旦|五一|中秋|端午|清明|礼拜|星期|周[六日末]|平时|晚上)"
)
# the sum of them asked
TOTAL = re.compile(r"加起来|一共|总共|合计|全部|加在一起|总的|共计")
RATES = {"weekday": 1.5, "rest": 2.0, "holiday": 3.0}
_NAMES = {
    "weekday": "工作日下班后加班",
    "rest": "休息日加班（没补休）",
    "holiday": "法定节假日加班",
}


@dataclass(frozen=True)
class Part:
    kind: str
    hours: float  # the overtime in hours (a day is 8)
    days: float | None = None  # the days, when each was told longer than 8 hours


def _number(m: re.Match[str]) -> float | None:
    value = 0.5 if m.group("n") == "半" else parse_number(m.group("n"))
    return value if value is not None and 0 < value <= 400 else None


_DATED_DAY = re.compile(r"(?<![\d月])(\d{1,2})\s*[号日]")
_DATE_OF_MONTH = re.compile(r"(?:\d{1,2}\s*月\s*)?(?<!\d)(\d{1,2})\s*[号日]")


# "有一个星期六我屋头有事没去": a day not worked; "星期六只去了3个": the rest days, counted after
_NOT_WORKED = re.compile(r"没去|没上|没加|没有去|没有上|请假|请了假|休息了")
_REST_COUNTED_AFTER = re.compile(
    # (not "星期六加了48个钟头": hours)
    rf"(?:星期|礼拜|周)[六天日](?:只|就|一共)?(?:去|上|加)了?\s*(?P<n>{NUM})\s*"
    r"(?:个(?!\s*(?:钟头|小时|钟))|次|回|天)"
)


def part_of(clause: str) -> Part | None:
    """The kind of overtime a clause tells and how much of it ("星期六一天" is a rest day)."""
    if _NOT_WORKED.search(clause):
        return None
    after = _REST_COUNTED_AFTER.search(clause)
    if after and _number(after) is not None:
        return Part("rest", _number(after) * HOURS_A_DAY)
    counted = _COUNTED_DAYS.search(clause)
    if counted:
        days = _number(counted)
        if counted.group("day") and days is not None:
            return Part("rest", days * HOURS_A_DAY)
        return None
    kind = (
        "holiday"
        if _HOLIDAY.search(clause)
        else "rest"
        if _REST.search(clause)
        else "weekday"
        if _WEEKDAY.search(clause)
        else None
    )
    hours_m, days_m = _HOURS.search(clause), _DAYS.search(clause)
    hours = _number(hours_m) if hours_m else None
    days = _number(days_m) if days_m else None
    if hours is None and days is None and kind == "holiday":
        # "国庆1号2号3号我也在厂头上班": the days named by their dates
        # ("5月1号": the date with its month)
        dated = set(_DATED_DAY.findall(clause)) or set(_DATE_OF_MONTH.findall(clause))
        days = float(len(dated)) if dated else None
    if hours is None and days is None and kind == "rest":
        # "5月3号 是我的休息日": the rest days named by their dates
        dated = set(_DATE_OF_MONTH.findall(clause))
        days = float(len(dated)) if dated else None
    if hours is None and days is None and _ONE_DAY.search(clause):
        days = 1.0
    if kind is None and hours is not None and days is None:
        kind = "weekday"  # hours alone are the working day's overtime
    if kind is None or (hours is None and days is None):
        return None
    return Part(kind, hours if hours is not None else days * HOURS_A_DAY)  # type: ignore[operator]


# "每个都是10个钟头": the length of each of the days just counted
_EACH_OF_THEM = re.compile(r"每个|每天|每次|每回|都是|一天")
MAX_DAY_HOURS = 16


# "一次2个钟 上个月加了10次": hours each time, and how many times
_EACH_TIME = re.compile(rf"(?:一次|每次)\s*(?P<n>{NUM}|半)\s*个?\s*(?:小时|钟头|钟)")
_TIMES = re.compile(rf"(?:加了|加班|加过|上了)\s*(?P<n>{NUM})\s*(?:次|回|趟)")
TIMES_TOLD = _EACH_TIME


def _times_told(text: str) -> str:
    """The message with hours told per time and a number of times said as the hours in all
    ("一次2个钟 上个月加了10次" -> "平时加了20个钟头"; "每天多上4个钟头 一共22天" -> 88)."""
    text = each_day_said_as_hours(text, days_worked=True)
    each, times = _EACH_TIME.search(text or ""), _TIMES.search(text or "")
    if not (each and times):
        return text
    hours, count = _number(each), _number(times)
    if hours is None or count is None:
        return text
    told = f"平时加了{format_number(hours * count)}个钟头"
    return _TIMES.sub(" ", _EACH_TIME.sub(told, text, count=1), count=1)


def parts_of(text: str) -> list[Part]:
    """Each kind of overtime a message tells, in order (the first count of each kind)."""
    text = _times_told(without_today(rest_days_unpaid(text)))
    found: dict[str, Part] = {}
    clauses = [c for c in _SPLIT.split(text or "") if c]
    days_told: Part | None = None
    for clause in clauses:
        part = part_of(clause)
        if part is None:
            continue
        if (
            days_told
            and part.kind == "weekday"
            and not _WEEKDAY.search(clause)
            and (_DAY_LENGTH.search(clause) or not _DAYS.search(clause))
        ):
            # "国庆那天也上了一天班 8个钟头": how long that day was ("上了4个周六 每个都是10个
            # 钟头": each of the days, all of it at the days' rate)
            if (
                found.get(days_told.kind) is days_told
                and _EACH_OF_THEM.search(clause)
                and not days_told.hours % HOURS_A_DAY
                and HOURS_A_DAY < part.hours <= MAX_DAY_HOURS
            ):
                days = days_told.hours / HOURS_A_DAY
                days_told = Part(days_told.kind, days * part.hours, days)
                found[days_told.kind] = days_told
            continue
        days_told = part if part.kind != "weekday" else None
        if part.kind not in found:
            found[part.kind] = part
    return list(found.values())


# "星期六是40个钟头 不是48": one kind's figure put right ("星期六只去了3个 有一个星期六…没去"
# is read by the overtime's own sums)
# ("等哈 我说错了 周六是加了3天": the mistake owned, the kind's new figure alone)
KIND_PUT_RIGHT = re.compile(
    rf"是\s*(?:{NUM})\s*个?(?:钟头|小时|钟|天)[\s，,]*不是|说错|搞错|记错|弄错|看错"
)


def latest_parts(texts: list[str]) -> list[Part]:
    """The latest told part of each kind of overtime, in the messages given (newest first)."""
    found: dict[str, Part] = {}
    for told in texts:
        for part in parts_of(told):
            found.setdefault(part.kind, part)
    return list(found.values())


def put_right(told: list[Part], fixed: Part, shown: str) -> list[Part] | None:
    """The kinds of the sum just `shown` (its lines name them), `fixed` in place of its own
    kind and the others as `told` ("等哈 我说错了 周六是加了3天" after weekday hours and two
    Saturdays were summed: a holiday told before that sum stays out); None when the sum had
    fewer than two kinds or not this one."""
    summed = {kind for kind, name in _NAMES.items() if name in shown}
    kept = [p for p in told if not summed or p.kind in summed]
    if len(kept) < 2 or fixed.kind not in {p.kind for p in kept}:
        return None
    return [fixed if p.kind == fixed.kind else p for p in kept]


def mixed_overtime_text(parts: list[Part], monthly: float) -> str:
    """Each kind at its rate, and the total."""
    daily = monthly / WORK_DAYS_A_MONTH
    hourly = daily / HOURS_A_DAY
    lines = [
        f"按您说的，月工资{_money(monthly)}元：日工资={_money(monthly)}÷21.75≈{_money(daily)}元，"
        f"小时工资≈{_money(hourly)}元。"
    ]
    total = 0.0
    for part in parts:
        rate = RATES[part.kind]
        if part.kind == "weekday" or part.hours % HOURS_A_DAY or part.days:
            amount = hourly * rate * part.hours
            how = f"{_money(hourly)}×{int(rate * 100)}%×{format_number(part.hours)}小时"
            told = f"{format_number(part.hours)}小时"
            if part.days:
                each = format_number(part.hours / part.days)
                told = f"{format_number(part.days)}天、每天{each}小时共{told}"
        else:
            days = part.hours / HOURS_A_DAY
            amount = daily * rate * days
            how = f"{_money(daily)}×{int(rate * 100)}%×{format_number(days)}天"
            told = f"{format_number(days)}天"
        total += amount
        lines.append(f"{_NAMES[part.kind]}{told}：{how}={_money(amount)}元；")
    lines.append(f"合计{_money(total)}元，都在正常工资以外另给（都是最低标准）。")
    if any(part.kind == "holiday" for part in parts):
        # ("老板说元旦上班就给补休一天 不给钱": the holiday's pay cannot be swapped)
        lines.append("法定节假日加班不能用补休代替，必须按300%另外给钱。")
    lines.append(
        "工资基数按劳动合同约定的本人工资算；少给的可以找劳动保障监察投诉（12333）或申请仲裁。"
    )
    lines.append(f"依据：{SOURCE}")
    return "\n".join(lines)


def _money(value: float) -> str:
    return format_number(round(value, 2))
