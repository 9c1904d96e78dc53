"""The latest message read against the ones before it, for the overtime's sums (split from
bot/domain/overtime_pay.py): a day told as not worked after all, hours corrected, a message that
tells the pay only (the days were told before), rest days given back as time off.

《工资支付暂行规定》第十三条: a rest day worked and given back as time off is not paid; the
others at 200 %.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from intents.numbers import NUM, parse_number

# "5号我请了假的", "5号没去": a day not worked after all
_ON_LEAVE = re.compile(
    r"(?<!\d)(\d{1,2})\s*[号日](?:那天)?(?:我)?(?:请了?假|没上班?|没去|在休息|休息了)"
)
_HOURS_CORRECTED = re.compile(rf"是\s*(?P<n>{NUM})\s*个?(?:钟头|小时|钟)[\s，,]*不是")
# a message that tells when or how much overtime ("4号5号", "3天", "周六", "国庆", "2个钟头")
_TELLS_WHEN = re.compile(
    r"\d{1,2}\s*[号日]|天|星期|礼拜|周[一二三四五六日末]|钟头|小时|个钟|[初除]"
    r"|国庆|春节|过年|元旦|五一|劳动节|清明|端午|中秋|节"
)


# "工资是按8个钟头算的": the hours the pay covers, no overtime
_PAID_DAY = re.compile(rf"(?:工资)?(?:只)?按\s*{NUM}\s*个?(?:小时|钟头|钟)(?:算|给|发)(?:的)?")
# "多出来那4个钟头", "多出来的3个小时": the hours over the paid day
_OVER_THE_PAID_DAY = re.compile(rf"多出来?(?:的|那|这)?\s*(?P<n>{NUM})\s*个?(?:小时|钟头|钟)")


def reread(text: str, dates_text: str | None) -> tuple[str, str | None, float | None]:
    """(the messages joined, where to read the days, the hours corrected) once the latest
    message (`dates_text`) has been read against the others."""
    # "按8个钟头算的 多出来那4个钟头": the day paid counts no overtime; what is over it does
    text = _OVER_THE_PAID_DAY.sub(r"多上了\g<n>个钟头", _PAID_DAY.sub(" ", text))
    if dates_text is not None:
        dates_text = _OVER_THE_PAID_DAY.sub(r"多上了\g<n>个钟头", _PAID_DAY.sub(" ", dates_text))
    off = _ON_LEAVE.findall(dates_text or "")
    if off:
        # "5号我请了假的 只上了4号" after "4号5号也上了": that day out of the days told
        for day in off:
            text = re.sub(rf"(?<!\d){day}\s*[号日]", " ", text)
        dates_text = None
    fixed = _HOURS_CORRECTED.search(dates_text or "")
    corrected_hours = None
    if fixed:
        # "哦打错了 是36个钟头 不是30": the hours corrected, read as the overtime told
        text = f"平时加了{fixed.group('n')}个钟头 " + text
        corrected_hours = parse_number(fixed.group("n"))
        dates_text = None
    if dates_text is not None and not _TELLS_WHEN.search(dates_text):
        # "我一个月工资5220 帮我算下总共该给好多加班费": the pay only, the days told before
        dates_text = None
    return text, dates_text, corrected_hours


# "搞了半年了", "一直加了3个月了", "这半年都是": how many months the same overtime has run
_MONTHS_RUNNING = re.compile(
    rf"(?:搞了|加了|持续了?|已经|一直)(?P<n>{NUM}|半)\s*(?:个)?(?:月|年)了?"
    rf"|(?:这|近|快)(?P<m>{NUM}|半)\s*(?:个)?(?:月|年)(?:都|一直)"
    # "半年就是好多嘛", "3个月一共好多": the months' total asked
    rf"|(?<![\d年])(?P<k>{NUM}|半)\s*(?:个)?(?:月|年)(?:的)?(?:就是|一共|总共|加起来|算下来|下来)?"
    r"(?:有|该|要)?(?:好多|多少)"
)


def months_running(text: str) -> float | None:
    """The months a monthly overtime has run, when the message says so (半年 is 6)."""
    m = _MONTHS_RUNNING.search(text or "")
    if m is None:
        return None
    group = next(g for g in ("n", "m", "k") if m.group(g))
    raw = m.group(group)
    # (the unit right after the number: "半年就是好多" is 6 months)
    unit_year = re.match(r"\s*(?:个)?年", text[m.end(group) :]) is not None
    value = 0.5 if raw == "半" else parse_number(raw)
    if value is None:
        return None
    months = value * 12 if unit_year else value
    return months if 1 < months <= 36 else None


# "一个月大概4个周六", "每个月2个星期天": rest days counted for each month
_REST_DAYS_A_MONTH = re.compile(
    rf"(?:一个月|每个?月)[^，,。\d]{{0,4}}?{NUM}\s*个\s*(?:星期六|星期天|星期日|礼拜六|礼拜天|周六|周日|休息日)"
)
# "3个月了", "这3个月", "last 3 个月" (English read): how many months of it
_MONTHS_OF_IT = re.compile(
    rf"(?:这|近|最近|过去|last)\s*(?P<n>{NUM})\s*个\s*月|(?P<m>{NUM})\s*个\s*月(?:了|来|以来|都是)"
)


def rest_day_months(text: str) -> float | None:
    """The months of rest days counted for each month ("一个月大概4个周六 3个月了"), when the
    message says how many months; None otherwise."""
    if _REST_DAYS_A_MONTH.search(text or "") is None:
        return None
    running = months_running(text)
    m = _MONTHS_OF_IT.search(text or "")
    told = parse_number(m.group("n") or m.group("m")) if m else None
    months = running or told
    return months if months and 1 < months <= 36 else None


def every_month(text: str, month_sum: float, money: Callable[[float], str]) -> str:
    """ "3个月一共1600×3=4800元。" when the message counts the rest days of each month over
    several months, else ""."""
    months = rest_day_months(text)
    if months is None:
        return ""
    n = f"{months:g}"
    return f"{n}个月一共{money(month_sum)}×{n}={money(month_sum * months)}元。"


# "加了4个星期六的班 有2个厂头安排了补休 另外2个没补": rest days counted, some given back
_RESTS_COUNTED = re.compile(
    rf"(?P<n>{NUM})\s*个\s*(?P<day>星期六|星期天|星期日|礼拜六|礼拜天|周六|周日|周末|休息日)"
)
_GIVEN_BACK = re.compile(
    rf"(?:有|其中|其中有)\s*(?P<m>{NUM})\s*(?:个|天)[^，,。\s没不莫]{{0,8}}?(?:补休|调休|倒休)了?"
    rf"|(?P<k>{NUM})\s*(?:个|天)(?:已经)?(?:补休|调休|倒休)了"
)
# "另外2个没补", "剩下两个没补休": the rest, said as not given back
_NOT_GIVEN_BACK = re.compile(
    rf"(?:另外|剩下|其余|其他)的?\s*(?:{NUM})\s*(?:个|天)[^，,。\s]{{0,4}}?(?:没|莫|不)(?:得|有)?(?:补|调休|倒休)休?"
)


def rest_days_given_back(text: str) -> tuple[str, float] | None:
    """(the message with only the rest days not given back counted, the days given back) when
    it counts rest days worked and says some were given back as time off; else None."""
    counted, back = _RESTS_COUNTED.search(text or ""), _GIVEN_BACK.search(text or "")
    if counted is None or back is None or back.start() < counted.end():
        return None
    n = parse_number(counted.group("n"))
    m = parse_number(back.group("m") or back.group("k"))
    if not n or not m or not 0 < m < n:
        return None
    rest = f"{n - m:g}个{counted.group('day')}"
    said = text[: counted.start()] + rest + text[counted.end() : back.start()]
    return _NOT_GIVEN_BACK.sub(" ", said + " " + text[back.end() :]), m


def rest_days_unpaid(text: str) -> str:
    """The message with the rest days given back as time off left out of its count."""
    given = rest_days_given_back(text)
    return text if given is None else given[0]


# "2个星期六也喊我去上了夜班 12个钟头": the hours of each of the rest days counted, when they
# are the length of the shift told before (not a total: "两个周六一共加了12个钟头")
_BARE_HOURS = re.compile(rf"(?<![天共计])\s(?P<n>{NUM})\s*个?(?:钟头|小时)")


def each_rest_day_hours(text: str, day: float | None) -> str:
    """The message with the hours of its rest days said for each day ("每天12个钟头") when
    they equal `day`, the length of a shift told before (longer than 8 hours)."""
    if day is None or day <= 8 or _RESTS_COUNTED.search(text or "") is None:
        return text
    m = _BARE_HOURS.search(text or "")
    if m is None or parse_number(m.group("n")) != day:
        return text
    return text[: m.start()] + f" 每天{m.group('n')}个钟头" + text[m.end() :]


_TODAY_IS = re.compile(r"今天(?:是|又是)?(?:礼拜|星期|周)[六天日](?:哇|哦|嘛|噻|啊|呀)?")


def without_today(text: str) -> str:
    """The message without the day of the week it says today is."""
    return _TODAY_IS.sub(" ", text or "")


# "那普通的礼拜六呢", "那周日喃" right after one kind's days were summed: the same question
# asked of another kind of day, one such day at its own rate
_ANOTHER_DAY = re.compile(
    r"^(?:那|那么|要是)?(?:普通|平常|一般|正常)?的?"
    r"(?:周六|周日|周末|星期[六天日]|礼拜[六天日]|休息日|双休日?)(?:呢|喃|嘞|咧)?[？?。.！!\s]*$"
)


def another_day_asked(text: str, last_answer: str) -> str | None:
    """`text` with "加班一天" told, when it asks a rest day right after a sum of one kind's
    days (the answer opens "按您说的：" and names the day's pay); else None."""
    if not (_ANOTHER_DAY.search(text.strip()) and last_answer.startswith("按您说的：")):
        return None
    return f"{text.strip()} 加班一天" if "日工资" in last_answer else None
