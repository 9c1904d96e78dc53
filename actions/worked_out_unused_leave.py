"""The pay for annual leave not taken, worked out from what the worker says (split from
actions/worked_out_leave.py): staying with days not taken, leaving this year with the days due
so far, a relative's days, the years corrected."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rasa_sdk import Tracker

from actions.message import last_bot_text, previous_action, recent_user_texts
from actions.severance_cues import WHAT_IF
from actions.worked_out_leave import (
    ABOUT_ANNUAL_LEAVE,
    ANOTHER_PERSON,
    SOMEONE_ELSE,
    UNUSED_LEAVE,
    in_all,
)
from bot.domain.annual_leave import (
    days_a_year,
    months_in_all,
    newcomer_days,
)
from bot.domain.severance import asks_how_much, monthly_pay, months_worked
from bot.domain.unused_leave import (
    days_left_text,
    days_not_taken,
    days_taken,
    last_day,
    unpaid_days_only_text,
    unpaid_days_text,
    unused_days_text,
    unused_leave_text,
)
from intents.numbers import NUM, parse_number

_THE_REST = re.compile(r"剩下|剩余|其余")
# why the days worked out are so many ("为啥子是3天嘛 不是4天啊", "咋个只有3天")
_WHY_SO_MANY = re.compile(
    r"(?:为啥子?|为什么|咋个|怎么|凭啥)(?:只有|才|是|就)?\s*\S{0,2}天|咋个算的|怎么算的|咋算的"
)
_DAYS_ASKED = re.compile(r"(?:好多|多少|几)天")
_SHARE_SHOWN = (
    "已过的天数折算（"  # (the sum shows the share of the year: bot/domain/unused_leave.py)
)
WHY_PRORATED = (
    "离职那年的年假要按当年已经过去的日历天数折算：已过天数÷全年天数×全年应休天数，"
    "折算后不足1天的部分不算，再减去今年已经休了的天数。"
)
# "还剩好多", "还有几天": the days left asked
_LEFT_ASKED = re.compile(r"还剩|剩(?:下)?(?:好多|多少|几天)|还有(?:好多|多少|几)天")
_NOT_TAKEN = re.compile(
    r"没休|没有休|休不了|休不完|休不到|休不成|没法休|不能休|不准休|不让休|不给休|没让休|没得休|不安排|没安排|没给安排|不批"
    r"|不休的话|不休(?:要|就|了)|(?:莫得|没得|没有|没)(?:空|时间)休"
    r"|(?:没|不)(?:让|准|给|安排|喊)我休|都不喊我休|不得休"
    # ("去年厂头只让我休了5天 剩下的也没给钱": the rest not taken, nor paid)
    r"|只(?:让|准|给|批)我?休了?|剩下的?(?:也|都)?(?:没|不)(?:给钱|折钱|补钱|给|补|发)"
)
# "那些年假折成钱有好多" after the leave not taken was told: those days, in money
_AS_MONEY = re.compile(r"折成钱|折现|折钱|换成钱|折算成钱|算成钱")
_LEAVING = re.compile(
    r"离职|辞职|辞工|走人|不干了|不做了|要走|被辞|被开|解除|做到\d|[号日]就?走"
    # ("11月30号就没做了", "那我走那天工资咋个算")
    r"|[号日就]没(?:做|干)了|走(?:的)?那天|现在走"
)
# the job before ("前面那家做到6月底"): no leaving of this one
_EARLIER_JOB = re.compile(r"(?:前面|之前|以前|上一?家|原来)[^，,。]{0,8}?(?:做到|干到|上到)\S*")


def leaves_the_job(text: str) -> bool:
    """The message tells of leaving this job ("我这个月30号就离职了"), not an earlier one."""
    return _LEAVING.search(_EARLIER_JOB.sub(" ", text)) is not None


# the worker's own case again, after someone else's ("我自己今年一天都没休")
_OWN_AGAIN = re.compile(r"\s*(?:那|那么)?我(?:自己|本人)")


def _someone_elses_days(told: list[str], text: str, today: date) -> int | None:
    """The year's days of someone else the worker asks about (this message, or the one before
    when this one tells the pay), with none of them taken; their share of the year when they
    joined a new employer this year ("她…今年7月1号才换到新单位": 5 of 10)."""
    said = text if SOMEONE_ELSE.search(text) and months_worked(text) else None
    # ("我去年5天一天都没休 … 我工资一个月6090" after a colleague's days: the worker's own)
    # ("我自己今年一天都没休 … 工资6525" after a husband's days: the worker's own again)
    own = text.lstrip().startswith("我") and days_not_taken(text) is not None
    own = own or _OWN_AGAIN.match(text) is not None
    if said is None and len(told) > 1 and SOMEONE_ELSE.search(told[1]) and monthly_pay(text):
        said = None if own else told[1]
    if said is None or not _NOT_TAKEN.search(said + " " + text):
        return None
    months = months_worked(said)
    if not months:
        return None
    if leaves_the_job(said):
        return None  # ("she also quit on 9月30号": the share up to her leaving, worked out below)
    newer = newcomer_days(said, months, today)
    if newer is not None and newer[0] > 0:
        return newer[0]
    return days_a_year(months) or None


def _year_days_said(told: list[str]) -> int | None:
    """The days a year the worker said they have ("我一年有5天年假"), newest first."""
    said = next(filter(None, map(_DAYS_A_YEAR.search, told)), None)
    value = parse_number(said.group("n")) if said else None
    return int(value) if value else None


def _days_left_said(told: list[str]) -> int | None:
    """The days a year said less the days taken said last ("只休了1天" correcting 2)."""
    year = _year_days_said(told)
    taken = next(filter(None, map(days_taken, told)), None)
    return year - taken if year is not None and taken is not None and year > taken else None


def _days_due_told(earlier: list[str], today: date) -> int | None:
    """This year's days, from the years worked told before and the day a new job began
    ("我前前后后都上了12年班了 今年9月1号才跳槽过来的": 3 days), or a whole year's; not from
    a relative's years asked about between ("那我老公呢 他上了12年班了")."""
    earlier = [t for t in earlier if not ANOTHER_PERSON.search(t)]
    worked = next((m for m in (in_all(t, today) for t in earlier) if m is not None), None)
    if worked is None:
        return None
    found = next(filter(None, (newcomer_days(t, worked, today) for t in earlier)), None)
    if found is None:  # a whole year at this employer: the year's days
        return days_a_year(worked) or None
    return found[0] if found[0] > 0 else None


_BACK_TO_LEAVE = re.compile(
    r"(?:回到|说回|还是说|再说|接着说)(?:刚才|之前|前面)?(?:的|那个)?(?:年假|年休假|休假)"
)
BACK_LOOKBACK = 6


# a figure told before, corrected ("不对 记错了 我2018年才出来上班")
_CORRECTED = re.compile(r"不对|记错|说错|搞错|弄错")

# the days a year the worker says they have ("一年是5天"), and years in all that give them
# ("今年年假5天 我只休了1天": this year's days, said of the leave)
_DAYS_A_YEAR = re.compile(
    r"(?:一年|每年|(?:今年|我)的?(?:年假|年休假))(?:是|有|就|只有|一共)?\s*(?P<n>5|10|15|五|十|十五)\s*天"
)
# "去年还有4天没休": a count of days left untaken, told before the pay
_DAYS_LEFT_TOLD = re.compile(
    rf"(?:还有|还剩|剩了?|剩下)\s*(?P<n>{NUM})\s*天(?:年假)?(?:都|也)?(?:没休|没有休|休不了|没得休)"
)
_YEARS_FOR_DAYS = {5.0: 12, 10.0: 120, 15.0: 240}
# the sum asked again, as a figure ("具体是多少钱", "到底该拿好多")
_SUM_AGAIN = re.compile(r"具体|到底|准确|确切|究竟|精确|实际")
# a figure told (a sum, days, years): not the same sum asked again
_FIGURE = re.compile(r"\d|[一二两三四五六七八九十半]\s*(?:天|年|个月)")


def unused_leave_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """Leaving this year with annual leave not taken, the years worked in all and the monthly
    pay told in the last few messages, right after an annual-leave answer: the days due so
    far this year and what they are worth."""
    slug = str(tracker.get_slot("last_faq") or "")
    after = slug.startswith("leave_annual") and previous_action(tracker) == "action_answer_policy"
    shown = last_bot_text(tracker)
    if after and _WHY_SO_MANY.search(text) and _SHARE_SHOWN in shown:
        # "为啥子是3天嘛 不是4天啊" right after the sum: how the days were prorated, again
        return WHY_PRORATED + "\n" + shown
    # "回到年假那个 要是我今年休了4天 剩下的咋个算" after a question on something else: the
    # leave talked of before, with what was told of it then
    back = slug.startswith("leave_annual") and _BACK_TO_LEAVE.search(text) is not None
    after = after or back
    told = [text, *recent_user_texts(tracker, BACK_LOOKBACK if back else 3)]
    # ("…这个月20号走 …" then "还有今年的年假我一天都没休 一年是5天": leaving told before, the
    # leave not taken told now)
    leaving_told = (
        ABOUT_ANNUAL_LEAVE.search(text) is not None
        and _NOT_TAKEN.search(text) is not None
        and any(map(leaves_the_job, told[1:]))
    )
    # "今年一天年假都没休 … 我2014年开始上班的 … 一个月4350 能要好多": all told at once
    told_here = (
        ABOUT_ANNUAL_LEAVE.search(text) is not None
        and _NOT_TAKEN.search(text) is not None
        and monthly_pay(text) is not None
        and asks_how_much(text)
    )
    if SOMEONE_ELSE.search(text) and _DAYS_ASKED.search(text) and monthly_pay(text) is None:
        # "我老公也准备辞职 他工作20多年了 他年假该好多天": his days a year, not the worker's
        # pay and days taken (actions/worked_out_leave.py's calculator)
        return None
    colleague = _colleague_leaving(services, tracker, text)
    if colleague is not None:
        return colleague
    if not (after or leaving_told or told_here):
        return None
    other = _someone_elses_days(told, text, services.today())
    if other is not None:
        # "那我老婆呢 她在一个厂干了8年 今年一天年假都没休" then "她一个月5655 能拿好多": her
        # year's days, not the worker's own told before
        pay = monthly_pay(text)
        return unpaid_days_text(other, pay) if pay else unpaid_days_only_text(other)
    if not any(map(leaves_the_job, told)):
        # "我月工资4350 这10天都没休的话 他还该补我好多钱": staying, the days not taken told
        days = days_not_taken(text)
        taken = days_taken(text)
        if taken is not None and days == taken and _THE_REST.search(text):
            # "我休了2天 剩下的老板不批": the days due this year less those taken
            due = _days_due_told(told[1:], services.today())
            days = due - taken if due is not None and due > taken else None
        if taken is not None and days in (None, taken) and _LEFT_ASKED.search(text):
            # "今年已经休了3天了 还剩好多" after this year's days: those less the days taken
            due = _days_due_told(told[1:], services.today())
            if due is not None and due >= taken:
                return days_left_text(due, taken)
        year_said = _year_days_said(told)
        left_used = False
        # ("我一年有5天年假" reads as 5 days not taken: the year's days, said)
        if days is None or days == taken or (year_said is not None and days == year_said):
            left = _days_left_said(told) if year_said else None
            if left is not None and taken is not None and monthly_pay(text) is None:
                if slug != UNUSED_LEAVE or not any(map(monthly_pay, told[1:])):
                    # "我一年有5天年假 上半年休了2天": the days left, the pay still to come
                    return days_left_text(year_said, taken)
            if left is not None:
                # the pay told (or a day taken corrected) after the days: those left
                days = left
                left_used = slug == UNUSED_LEAVE
        if (days is None or days == taken) and taken is not None and _CORRECTED.search(text):
            # "等哈 说错了 今年休了4天" after the sum: the days due less those taken, again
            due = _days_due_told(told[1:], services.today())
            days = due - taken if due is not None and due > taken else None
        recounted = days is not None and taken is not None and _CORRECTED.search(text) is not None
        taken_before = next(filter(None, map(days_taken, told[1:])), None)
        if days is None and taken is None and taken_before and _THE_REST.search(text):
            # "老板说剩下的不休就作废了" after the days taken were told: the days left
            due = _days_due_told(told[1:], services.today())
            days = due - taken_before if due is not None and due > taken_before else None
        # ("我一个月6千2 算一哈好多钱" after the days not taken were worked out and the pay
        # asked for: those days)
        pay_for_them = left_used or (slug == UNUSED_LEAVE and monthly_pay(text) is not None)
        in_money = _AS_MONEY.search(text) is not None and any(
            _NOT_TAKEN.search(t) for t in told[1:]
        )
        # ("去年一天年假都没休" right before, then "我月工资4350 该补我多少": those days, in money)
        pay_asked = (
            after
            and monthly_pay(text) is not None
            and asks_how_much(text)
            and any(_NOT_TAKEN.search(t) for t in told[1:])
        )
        # ("so whats the exact number i should get", "那具体该拿好多" right after the sum: the
        # days and the pay told before, again)
        again = slug == UNUSED_LEAVE and after and _SUM_AGAIN.search(text) is not None
        again = again and asks_how_much(text) and _FIGURE.search(text) is None
        pay_for_them = pay_for_them or in_money or pay_asked or again
        if days is None and pay_for_them and taken is None:
            # "去年还有4天没休 … 可以折成钱不" then "我月工资6525": the days told before, not
            # the year's
            said = next(filter(None, map(_DAYS_LEFT_TOLD.search, told[1:])), None)
            days = int(parse_number(said.group("n")) or 0) or None if said else None
        if (
            days is None
            and (_NOT_TAKEN.search(text) or pay_for_them)
            and not SOMEONE_ELSE.search(text)
        ):
            # "要是到年底一天都没休到": the days worked out before, or the year's
            earlier = told if told_here else told[1:]
            if _OWN_AGAIN.match(text):  # (the worker's own years, not one supposed: "如果是12年呢")
                earlier = [t for t in earlier if not WHAT_IF.search(t)]
            days = _days_due_told(earlier, services.today())
        years = in_all(text, services.today())
        if (
            days is None
            and slug == UNUSED_LEAVE
            and years is not None
            and (
                asks_how_much(text)
                or _CORRECTED.search(text)
                # ("今年年假一天都没休" then "我工作了6年 一个月6525": the figures for that sum)
                or (monthly_pay(text) is not None and any(_NOT_TAKEN.search(t) for t in told[1:]))
            )
        ):
            # "我是2017年7月才开始上班的 才9年多 那是好多天 钱又是好多" after the sum: the
            # years corrected, the year's days again (none taken)
            days = days_a_year(years) or None
            # (a new job this year told before: its share of the year, "9月1号才跳槽过来")
            newer = next(
                filter(None, (newcomer_days(t, years, services.today()) for t in told[1:])), None
            )
            if newer is not None and newer[0] > 0:
                days = newer[0]
            pay_for_them = days is not None
        pay = next(filter(None, map(monthly_pay, told)), None)
        # ("那10天该补好多" right after the answer on leave not taken: the days are those)
        not_taken = _NOT_TAKEN.search(text) or (slug == UNUSED_LEAVE and asks_how_much(text))
        if days is not None and pay is None and not_taken and _NOT_TAKEN.search(text):
            # "要是公司不准休呢 有没得钱补": the days, and the pay still to come
            return unpaid_days_only_text(days)
        if days is None or pay is None or not (not_taken or pay_for_them or recounted):
            return None
        return unpaid_days_text(days, pay)
    # (the years of all the jobs told: "这个厂做了3年 之前在别个厂还做了8年")
    # ("我参加工作25年了" then "我在这个公司干了6年": the 25 years in all)
    months = months_in_all(told)
    if months is None:
        # "一年是5天": the days a year told instead of the years worked (the years they need)
        said = next(filter(None, map(_DAYS_A_YEAR.search, told)), None)
        months = _YEARS_FOR_DAYS.get(parse_number(said.group("n")) or 0) if said else None
    pay = next(filter(None, map(monthly_pay, told)), None)
    today = services.today()
    # ("我参加工作有12年了 在这个厂干了4年" right after the answer, the last day told before)
    years_now = after and months_in_all([text]) is not None
    if months is not None and pay is None and (leaving_told or years_now):
        # the days due to the last day told before, the pay still to come
        last = next(filter(None, (last_day(t, today) for t in told)), None)
        return unused_days_text(months, today, last, days_taken(text))
    if months is not None and pay is None and (last_day(text, today) or days_taken(text)):
        # "我上个月30号走的 今年只休了3天": the days left, the pay still to come (the last day
        # told a message before: "我准备做到这个月31号就辞职了" then "今年只休了5天")
        last = next(filter(None, (last_day(t, today) for t in told)), None)
        return unused_days_text(months, today, last, days_taken(text))
    if (
        months is None
        or pay is None
        or (
            monthly_pay(text) is None
            and months_worked(text) is None
            # ("我是6月30号离职的 能要钱不": the day of leaving, told now)
            and not (last_day(text, today) and _NOT_TAKEN.search(text))
            # ("要是我干到12月31号再走呢" right after the sum: another last day)
            and not (after and last_day(text, today))
            # ("今年年假5天 我只休了1天 没休的能要钱不" after leaving and the pay were told)
            and not (leaving_told and (_DAYS_A_YEAR.search(text) or days_taken(text)))
        )
    ):
        return None  # (this message must bring one of them: else it asks something else)
    leaving = next(filter(None, (last_day(t, today) for t in told)), None)
    taken = next(filter(None, map(days_taken, told)), None)
    # ("今年年假5天": the year's days told, not the years that give them)
    years = months_in_all(told) is not None
    # ("5天都没休的话 该补好多钱" with no last day told: the whole year's days asked too)
    return unused_leave_text(
        months,
        pay,
        today,
        leaving=leaving,
        taken=taken,
        years_told=years,
        days_named=days_not_taken(text),
    )


# "30号走": the day of the month alone
_DAY_ALONE = re.compile(r"(?<![月\d])(?P<d>[1-9]|[12]\d|3[01])\s*[号日]")


def _colleague_leaving(services: Any, tracker: Tracker, text: str) -> str | None:
    """ "我同事工龄8年 今年一天都没休 月薪4350 也是30号走" while leave on leaving is talked of:
    the colleague's own days to their last day (the worker's, when said with 也), and their pay."""
    pay, months = monthly_pay(text), months_in_all([text])
    if not (SOMEONE_ELSE.search(text) and leaves_the_job(text) and pay and months):
        return None
    earlier = recent_user_texts(tracker, BACK_LOOKBACK)
    if not any(ABOUT_ANNUAL_LEAVE.search(t) for t in earlier):
        return None
    today = services.today()
    leaving = last_day(text, today)
    told_days = [d for d in (last_day(t, today) for t in earlier) if d is not None]
    day = _DAY_ALONE.search(text)
    if leaving is None and day is not None:
        # "也是30号走": the day of the month the worker told of leaving on ("这个月30号")
        same = [d for d in told_days if d.day == int(day.group("d"))]
        leaving = same[0] if same else None
    if leaving is None and "也" in text and told_days:
        leaving = told_days[0]
    return unused_leave_text(months, pay, today, leaving=leaving, taken=days_taken(text))
