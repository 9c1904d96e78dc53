"""The overtime pay worked out from what the worker says (split from actions/worked_out.py):
one kind told with the pay, several kinds told in one message or over several and added up, a
rest day given back as time off, hours told each time and times, a long break's holiday days
and moved rest days, the hour's rates (bot/domain/overtime_pay.py, overtime_mix.py: sums)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import last_bot_text, previous_action, recent_user_texts, takes_up_again
from actions.worked_out_break_total import break_and_rest_days_total
from actions.worked_out_probation import ABOUT_PROBATION
from bot.domain.break_time_off import (
    HOLIDAY_NOT_TIME_OFF,
    NO_TIME_OFF,
    TIME_OFF,
    TIME_OFF_INSTEAD,
    break_time_off_text,
    break_told,
    days_off,
    never_given_text,
)
from bot.domain.long_breaks import dated_days
from bot.domain.overtime_mix import (
    KIND_PUT_RIGHT,
    TIMES_TOLD,
    TOTAL,
    Part,
    latest_parts,
    mixed_overtime_text,
    parts_of,
    put_right,
)
from bot.domain.overtime_pay import long_break_text, overtime_pay_text
from bot.domain.overtime_rates import hourly_rates_text, rate_checked_text, rate_given
from bot.domain.overtime_said import another_day_asked, each_rest_day_hours, rest_days_given_back
from bot.domain.severance import asks_how_much, monthly_pay
from bot.domain.working_hours import day_hours
from intents.numbers import NUM, format_number, parse_number

OVERTIME = "ot_pay_rates"  # the entry whose rates the worked-out overtime pay applies
# the worker's messages before this one that may hold the pay or the days ("月工资4350" three
# messages before "平时每天晚上还要加两个钟头 一个钟头好多钱")
OVERTIME_LOOKBACK = 4
# ("刚才说的加班 …" back after a course was enrolled in: the pay told seven messages before)
PAY_LOOKBACK = 10
# ("过年除夕那天馆子照样营业 我上班算三倍不": a holiday worked; "上个月周六上了4天班 没补休":
# rest days worked)
_ABOUT_OVERTIME = re.compile(
    r"加班|加了"
    r"|(?:除夕|初[一二三四五六七]|国庆|春节|过年|元旦|五一|劳动节|节假日)[^，,。]{0,12}"
    r"(?:上班|上了班|去上|要上|上了\s*(?:\d+|[一二两三四五六七八九十]+)\s*天)"  # ("国庆上了一天班")
    r"|(?:周六|周日|周末|星期[六天日]|礼拜[六天日]|休息日)[^，,。]{0,4}上了\s*(?:\d+|[一二两三四五六七八九十]+)\s*(?:天|个)班"
)
_A_FIGURE = re.compile(
    r"\d|[一二两三四五六七八九十半几]\s*整?\s*(?:天|个?小时|个?钟头|号)|整天|全天"
    # ("元旦那天要是喊我上班呢": one named day)
    r"|(?:那天|当天|那一天)[^，,。]{0,6}(?:上班|上了班|加班|去了)"
    # ("那初五初六呢": the Spring Festival's days by name)
    r"|初[一二三四五六七八]|除夕"
)
# another subject asked after the overtime sums ("我们重庆最低工资标准是好多"): not overtime
_NOT_OVERTIME = re.compile(r"最低工资|年假|社保|公积金|产假|病假|工伤|试用期|合同|补偿|辞退|开除")
_PER_HOUR = re.compile(
    r"(?:一个钟头|一个小时|一小时|每小时|每个钟头)[^，,。]{0,4}(?:好多|多少|几块)"
)
_AN_HOUR = re.compile(r"一个(?:小时|钟头)|一小时|每小时|每个钟头")
_ASKS_THE_RATE = re.compile(r"倍|%|几成|工资|怎么算|咋个算|咋算|好多钱|多少钱")


_OWN_DAYS_ADDED = re.compile(
    r"(?:\d+|[一二两三四五六七八九十]+)\s*(?:天|个小时|个钟头|小时)\s*(?:加起来|一共|总共)"
)


# the last answer summed a long break's days (bot/domain/long_breaks.py)
# ("按您说的：法定节假日加班3天": one kind's days summed, the pay then corrected)
_BREAK_SUMMED = re.compile(r"期间上了\S*天班|长假里调休|^按您说的：法定节假日加班\d+天")


# a rest day given back as time off ("补休了一天", "给我调休了两天")
# ("周六那两天有一天后头补休了的": the day named before)
_TIME_OFF_GIVEN = re.compile(
    rf"(?:补休|调休)了?\s*(?P<n>{NUM})?\s*天|有\s*(?P<before>{NUM})\s*天[^，,。]{{0,6}}(?:补休|调休)了"
)


# a day's length said, not a count of overtime ("星期六都是上的全天8个钟头")
_DAY_LENGTH_ONLY = re.compile(r"(?:全天|整天|每天|一天)(?:都是)?\s*\d+\s*个?(?:钟头|小时|钟)")


def _mixed_overtime(tracker: Tracker, text: str, after: bool) -> str | None:
    """Overtime of two or three kinds told in one message ("平时10个钟头 星期六一天 元旦一天"),
    or their sum asked right after they were worked out one by one ("三样加起来好多")."""
    parts = parts_of(text)
    earlier = recent_user_texts(tracker, OVERTIME_LOOKBACK)
    off = _TIME_OFF_GIVEN.search(text) if after else None
    if off:
        # "那要是其中一个星期六后头给我补休了一天喃": the rest days told, less those taken off
        named = off.group("n") or off.group("before")
        days = parse_number(named) if named else 1.0
        told = latest_parts(earlier)
        rest = next((p for p in told if p.kind == "rest"), None)
        pay = next(filter(None, map(monthly_pay, [text, *earlier])), None)
        if rest is not None and days and pay:
            left = rest.hours - days * 8
            kept = [p for p in told if p.kind != "rest"]
            if left > 0:
                kept.append(Part("rest", left))
            if kept:
                return mixed_overtime_text(kept, pay)
    if after and len(parts) == 1 and KIND_PUT_RIGHT.search(text):
        # "等哈 我说错了 星期六是40个钟头 不是48" after the kinds were summed: that kind put
        # right, the others of that sum as told
        parts = put_right(latest_parts(earlier), parts[0], last_bot_text(tracker)) or parts
    # ("那我国庆7天加起来该拿好多": its own days added up, not the kinds told before)
    own_days_added = _OWN_DAYS_ADDED.search(text) is not None
    if len(parts) < 2 and not own_days_added and after and TOTAL.search(text):
        kinds = {p.kind for p in parts}
        for told in earlier:  # the latest message of each kind
            for part in parts_of(told):
                if part.kind not in kinds:
                    parts.append(part)
                    kinds.add(part.kind)
    if len(parts) < 2 and monthly_pay(text) and earlier and _DAY_LENGTH_ONLY.search(text):
        # "我月工资4350 星期六都是上的全天8个钟头 帮我算下" after "平时晚上加了20个钟头 还有
        # 两个星期六": the kinds told just before, the pay (and a day's length) now
        # (a message read in two parts is two messages: "…加了20个钟头 还有两个星期六…")
        told = latest_parts(earlier[:2])
        if len(told) >= 2 and {p.kind for p in parts} <= {p.kind for p in told}:
            parts = told
    if len(parts) < 2:
        return None
    pay = next(filter(None, map(monthly_pay, [text, *earlier])), None)
    return mixed_overtime_text(parts, pay) if pay else None


# the most overtime allowed asked ("一个月最多能加好多班", "加班有没有上限")
# time off given for the rest days worked, no number of days ("要是老板后头给我安排补休了呢")
_TIME_OFF_ASKED = re.compile(
    # (not "也莫得安排补休": no time off given, the days to be paid)
    r"(?<![没莫不])(?<!没得|莫得|没有)(?:安排|给我|给了|让我|喊我)[^，,。？?]{0,4}(?:补休|调休|倒休)"
    r"|(?<![没莫不])补休了|调休了|倒休了|补了休"
)
_PAY_CORRECTED = re.compile(r"不是|说错|看错|搞错|记错|重新算|再算")
_HOLIDAY_NAMED = re.compile(r"国庆|春节|过年|元旦|五一|劳动节|清明|端午|中秋|节假日|法定假")
# overtime refused ("不想加那么多班 可以不去不 会不会算旷工")
_REFUSES = re.compile(r"不想加|不愿意加|可以不加|能不能不加|拒绝加班|不去加班|算旷工|可以不去不")
_LAWFUL_ASKED = re.compile(
    r"合法不|合不合法|合法吗|违法不|违不违法|犯法|算违法|这样对吗|是不是这样"
    # ("一个月加班60个小时允许吗", "is 60 hours a month even allowed?")
    r"|允许(?:吗|不|[?？])|允不允许|准不准"
)
_ASKS_THE_LIMIT = re.compile(
    r"最多(?:能|可以|只能)?加|上限|封顶|最多.{0,4}(?:小时|钟头)|不能超过|最长"
    # ("一个月加44个钟头 超了没得": whether the hours told pass the limit)
    r"|超了没|超没超|超过了没|超标|超出了没"
)


def _summed(services: Any, tracker: Tracker, text: str) -> str | None:
    """The overtime told in the last few messages, summed (the rate told now left out)."""
    joined = " ".join([text, *recent_user_texts(tracker, OVERTIME_LOOKBACK)])
    return overtime_pay_text(joined, dates_text=text)


def _rest_days_off(tracker: Tracker, text: str) -> str | None:
    """Time off given for all the rest days told, no count of them ("要是星期六那几天后头给我补
    休了呢"), after other kinds of overtime were told too: those kinds alone are paid."""
    if not _TIME_OFF_ASKED.search(text) or NO_TIME_OFF.search(text) or parts_of(text):
        return None
    if _TIME_OFF_GIVEN.search(text):
        return None  # ("补休了一天": so many days, in _mixed_overtime)
    earlier = recent_user_texts(tracker, OVERTIME_LOOKBACK)
    told = latest_parts(earlier)
    kept = [p for p in told if p.kind != "rest"]
    pay = next(filter(None, map(monthly_pay, [text, *earlier])), None)
    if not kept or len(kept) == len(told) or not pay:
        return None
    return REST_DAYS_OFF + mixed_overtime_text(kept, pay)


REST_DAYS_OFF = "休息日那几天安排了同等时间补休的，单位可以不支付那几天的加班费；剩下的照样要给：\n"


# the rest days of a break named without dates ("国庆后面几天给我补休")
_REST_OF_BREAK = re.compile(r"后面|后头|后边|剩下|其余|其他|调休出来")


def _break_time_off(tracker: Tracker, text: str) -> str | None:
    """Time off given back, or not, for the rest days of a long break told before ("4号到7号
    给我补休", "如果他不给我补休呢"): the holiday's own days at 300 %, the rest days left at
    200 % (bot/domain/break_time_off.py)."""
    if not TIME_OFF.search(text):
        return None
    earlier = recent_user_texts(tracker, OVERTIME_LOOKBACK)
    told = break_told(text, earlier)
    if told is None:
        return None
    if (
        _HOLIDAY_NAMED.search(text)
        and dated_days(told[0], text) is None
        and not _REST_OF_BREAK.search(text)
    ):
        return None  # "老板说国庆那三天不给加班费 给我们补休": the holiday's own days
    own_off, off = days_off(told[0], told[2], text)
    if own_off and not off:
        return HOLIDAY_NOT_TIME_OFF  # "那1号到3号那几天可不可以也拿补休抵": never in time off
    pay = next(filter(None, map(monthly_pay, [text, *earlier])), None)
    return break_time_off_text(told, off, pay) if pay else None


PUBLIC_HOLIDAYS = "leave_public_holiday"
_DATES_ALONE = re.compile(r"\d{1,2}\s*[号日]")
_WHAT_IF_WORKED = re.compile(
    r"(?:要是|如果|假如)[^，,。不没放]{0,8}(?<![不没])(?:上班|加班)"
    # ("那国庆节那天也加了的呢" after a rest day's sum: that day too, at the pay told)
    r"|(?:那天|当天)(?:也|还)(?:加了|上了|干了|做了)"
)


# another working-time scheme named (综合计算工时, 不定时工作制): approved or not, not a sum
_OTHER_SCHEME = re.compile(r"综合(?:计算)?工时|综合计算|不定时")
_THOSE_DAYS = re.compile(
    r"(?:那|这)(?:\s*(?:\d+|[一二两三四五六七八九十几]))?\s*(?:几)?(?:天|个小时|个钟头)"
)


def overtime_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """The overtime's sum (_overtime_sum), said to leave out the rest days told as given back
    as time off ("4个星期六 有2个厂头安排了补休"); rest days as long as the shift told before
    ("2个星期六也喊我去上了夜班 12个钟头" after "晚上8点到早上8点") paid for all their hours."""
    if _OTHER_SCHEME.search(text):
        return None  # ("公司说我们是综合工时 不算加班": whether it was approved, its entry)
    text = another_day_asked(text, last_bot_text(tracker)) or text  # ("那普通的礼拜六呢")
    shift = next(filter(None, map(day_hours, recent_user_texts(tracker, OVERTIME_LOOKBACK))), None)
    said = _overtime_sum(services, tracker, each_rest_day_hours(text, shift))
    given = rest_days_given_back(text)
    if said is None or given is None or "休息日" not in said:
        return said
    return f"有{format_number(given[1])}个休息日已经补休了，那几天可以不再给加班费；没补休的照算：\n{said}"


def _overtime_sum(services: Any, tracker: Tracker, text: str) -> str | None:
    """When the overtime was, how much and the pay, told with an overtime question or right
    after an overtime answer (the overtime told a message before the pay: "国庆节加了三天班"
    then "我日工资200"): the sum worked out."""
    slug = str(tracker.get_slot("last_faq") or "")
    after = (
        # (or the hours: "工资4350 这个月工作日加班有60个钟头" after a working week checked)
        # (or the public holidays: "1号2号3号都去了" after which days are 五一's)
        (
            slug.startswith("ot_")
            or slug == PUBLIC_HOLIDAYS
            or (slug.startswith("hours_") and _A_FIGURE.search(text))
        )
        and previous_action(tracker) == "action_answer_policy"
        # ("合同签的2年 试用期写的6个月" after the overtime worked out: the probation's)
        and not (ABOUT_PROBATION.search(text) and not _ABOUT_OVERTIME.search(text))
    ) or (slug.startswith("ot_") and takes_up_again(text))  # ("回到刚才 如果…" after courses)
    # ("how much should they pay me for those 3 days?" right after the overtime was told, added
    # to a request: those days, asked)
    after = after or (
        asks_how_much(text)
        and _THOSE_DAYS.search(text) is not None
        and any(_ABOUT_OVERTIME.search(t) for t in recent_user_texts(tracker, 1))
    )
    hours_topic = slug.startswith(("ot_", "hours_")) and previous_action(tracker) == (
        "action_answer_policy"
    )
    given = rate_given(text)
    if given and (hours_topic or _ABOUT_OVERTIME.search(text)):
        # "加班费一个钟头就给15块 这个合法不 我一个月工资4千5": that rate against the law's
        # (the month's sum asked instead, "按规定我上个月加班费应该是好多": that sum first)
        pay = next(filter(None, map(monthly_pay, [text, *recent_user_texts(tracker, 3)])), None)
        summed = _summed(services, tracker, text) if asks_how_much(text) else None
        if summed is not None:
            return summed
        if pay and pay != given:
            return rate_checked_text(pay, given)
    # ("那一个钟头好多钱" right after the answer, the pay told with the question before)
    pay = monthly_pay(text) or (
        hours_topic
        # ("还要多干3个钟头 一个钟头该给好多": those hours' sum, not the rates)
        and not _A_FIGURE.search(_AN_HOUR.sub("", text))
        and next(filter(None, map(monthly_pay, recent_user_texts(tracker, 2))), None)
    )
    if _PER_HOUR.search(text) and pay and (hours_topic or _ABOUT_OVERTIME.search(text)):
        # "我工资一个月4350 多上的那几个钟头算加班不 一个钟头该好多钱": the hour's rates
        return hourly_rates_text(pay)
    if after and _NOT_OVERTIME.search(text) and not _ABOUT_OVERTIME.search(text):
        return None
    if _REFUSES.search(text):
        return None  # "那我不想加那么多班 可以不去不": whether overtime may be refused
    off = _break_time_off(tracker, text) if after else None
    if off is not None:
        # "公司说4号到7号给我补休 那还有好多钱" after a long break's days were summed
        return off
    if after and _TIME_OFF_ASKED.search(text) and _HOLIDAY_NAMED.search(text):
        # "老板说国庆加的班给我补休几天就算了 钱就不给了": a holiday is never paid in time off
        return HOLIDAY_NOT_TIME_OFF
    kept = _rest_days_off(tracker, text) if after else None
    if kept is not None:
        # "要是星期六那几天后头给我补休了呢" after the weekday hours and rest days were added
        # up: the weekday hours' pay is left
        return kept
    if after and _TIME_OFF_ASKED.search(text) and not _A_FIGURE.search(text):
        # "要是老板后头给我安排补休了呢" right after the rest days' sum: no pay then
        return TIME_OFF_INSTEAD
    if after and NO_TIME_OFF.search(text) and not (_A_FIGURE.search(text) or parts_of(text)):
        # "那要是调休一直不给我安排呢" after the rates: the rest days are paid at 200 % then
        return None if _HOLIDAY_NAMED.search(text) else never_given_text(last_bot_text(tracker))
    if (_ASKS_THE_LIMIT.search(text) or _LAWFUL_ASKED.search(text)) and monthly_pay(text) is None:
        # "一个月最多能加好多班", "一天要开十几个钟头 … 合法不": the legal limit asked, no sum
        # (劳动法第四十一条)
        if not _ASKS_THE_RATE.search(text):
            return None
    if not (after or _ABOUT_OVERTIME.search(text)):
        # "春节放了8天 我天天都在上班 这8天都按三倍算吗": a long break worked, its pay asked
        return long_break_text(text) if _ASKS_THE_RATE.search(text) else None
    if (
        after
        and monthly_pay(text)
        and _PAY_CORRECTED.search(text)
        and not parts_of(text)
        and _BREAK_SUMMED.search(last_bot_text(tracker))
    ):
        # "我说错了 月工资是6090 重新算一下" after a long break's days were summed: the same
        # days at the pay corrected (this message first: its pay wins), with the rest days told
        # apart from the break
        together = break_and_rest_days_total(tracker, text, asked=True)
        if together is not None:
            return together
        told = " ".join([text, *recent_user_texts(tracker, OVERTIME_LOOKBACK)])
        # ("工资说错了 是5220": the pay corrected, put first as the pay)
        again = overtime_pay_text(f"月工资{format_number(monthly_pay(text))} {told}")
        if again is not None:
            return again
    together = break_and_rest_days_total(tracker, text) if after else None
    if together is not None:  # "那这些加起一共该补我好多": the break and the other rest days
        return together
    mixed = _mixed_overtime(tracker, text, after)
    if mixed is not None:
        return mixed
    if after and monthly_pay(text) and _PAY_CORRECTED.search(text) and not parts_of(text):
        # "底薪是5千4 不是4千5 麻烦重新算一哈": every kind told before, at the pay corrected
        told = latest_parts(recent_user_texts(tracker, OVERTIME_LOOKBACK))
        if told:
            return mixed_overtime_text(told, monthly_pay(text))
    said = overtime_pay_text(text)
    if said is None and after and TIMES_TOLD.search(text):
        # "还有平时下班后加的 一次2个钟 上个月加了10次": hours each time, times in the month
        own = parts_of(text)
        pay = next(filter(None, map(monthly_pay, [text, *recent_user_texts(tracker, 4)])), None)
        if len(own) == 1 and pay:
            return mixed_overtime_text(own, pay)
    own = parts_of(text) if said is None and after else []
    if len(own) == 1 and monthly_pay(text) and asks_how_much(text):
        # "底薪是5220不是4350 那平时那30个钟头该好多嘛" after the sums: that kind again, at the
        # pay told now (not the last kind told before)
        return mixed_overtime_text(own, monthly_pay(text))
    # ("按规定我上个月加班费应该是好多" after the month's overtime was told: that story)
    if (
        said is None
        and (after or asks_how_much(text))
        # ("元旦要是也喊我去上班呢" after the sums: that day, at the pay told before)
        and (
            asks_how_much(text)
            or _A_FIGURE.search(text)
            or (after and _WHAT_IF_WORKED.search(text))
        )
    ):
        # (a message with a figure of its own or asking the sum: not "打卡记录都在厂头手头
        # 我拿不到咋办" after the figures were told)
        # (this message first: what it tells wins)
        said = overtime_pay_text(
            " ".join([text, *recent_user_texts(tracker, OVERTIME_LOOKBACK)]), dates_text=text
        )
    if said is None and _ABOUT_OVERTIME.search(text) and asks_how_much(text):
        # "刚才说的加班 上个月有个星期六也喊我去上了8个钟头 … 这个又该好多" with a course
        # enrolled in between: this overtime at the pay told further back
        pay = next(filter(None, map(monthly_pay, recent_user_texts(tracker, PAY_LOOKBACK))), None)
        if pay is not None:
            said = overtime_pay_text(f"月工资{format_number(pay)} {text}", dates_text=text)
    if said is None and (after or _ABOUT_OVERTIME.search(text)):
        # "国庆放七天 七天都按这个算吗": which days of the break are the holiday's, no pay told
        said = long_break_text(text)
    if said is None and after and _DATES_ALONE.search(text):
        # "1号2号3号都上了 4号5号也上了" after the holiday named: those days of its break
        said = long_break_text(" ".join([text, *recent_user_texts(tracker, 2)]))
    return said
