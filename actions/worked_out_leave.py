"""Annual leave worked out from what the worker says, right after an annual-leave answer or
with the question: the days by the years worked in all, a newcomer's days this year, whether
sick leave takes this year's leave, the unused leave of someone leaving and the pay for days
not taken (bot/domain/annual_leave.py and unused_leave.py do the arithmetic; actions/
worked_out.py asks each calculator in turn)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rasa_sdk import Tracker

from actions.message import previous_action, recent_user_texts
from bot.domain.annual_leave import (
    annual_leave_text,
    days_a_year,
    months_in_all,
    months_since_work_began,
    newcomer_days,
    newcomer_text,
    sick_leave_text,
    sick_months,
    total_months_worked,
)
from bot.domain.severance import asks_how_much, monthly_pay, months_worked
from bot.domain.sick_pay import minimum_told, sick_pay_text, sick_pay_told
from bot.domain.unused_leave import (
    SOURCE,
    days_in_year_of_leaving_text,
    days_left_text,
    days_not_taken,
    days_taken,
    last_day,
    unpaid_days_only_text,
    unpaid_days_text,
    unused_days_text,
    unused_leave_text,
)
from intents.numbers import parse_number

# a duration told alone right after an answer is this short ("我干了两年零三个月")
DURATION_ALONE = 12

ANNUAL_LEAVE = "leave_annual_days"  # the entry whose tiers the worked-out days apply
_ABOUT_ANNUAL_LEAVE = re.compile(r"年假|年休假|带薪假|带薪年假|休年假")
_ASKS_DAYS = re.compile(
    r"几天|多少天|好多天|有没|有几|该休|能休|可以休|有吗|有不|有么|算几|咋个算|怎么算|咋算|如何算"
    # "今年有年假没得"
    r"|有(?:年假|年休假|带薪年假)(?:没得|没有|莫得|吗|不)"
    # "年假是咋个规定的 我在现在这个厂做了3年 之前…8年": the rule, for the years told
    r"|咋个规定|怎么规定|如何规定|啥子规定|什么规定"
    # "人事说我只有5天年假 对不对哦": a number of days checked
    r"|(?:只有|才|就|只给)[0-9一二两三四五六七八九十]+天[^，,。]{0,6}(?:对不对|对吗|是不是|合法|合理|对头)"
)
_SOMEONE_ELSE = re.compile(
    r"老婆|老公|爱人|媳妇|我妈|我爸|老汉|老妈|同事|工友"
    # ("算下他该补我好多": 他 is the employer who pays)
    # ("能找他要好多": asked of the employer)
    r"|(?<![找跟问向])[她他](?!们?(?:该|要|应该|应当|得|会|能)?(?:补|给|赔|发|付|算))"
)
_NEW_EMPLOYER = re.compile(
    r"刚换|新单位|刚进|刚来|跳槽|跳到|跳过来|换了个|换了工作|新入职|刚入职|换到|才换|才进|才来"
    # "我9月1号进的现在这个单位": a date this year the present job began
    r"|\d{1,2}\s*月\s*\d{1,2}\s*[号日](?:才)?(?:进的|进了|进来|入职|来的|到)(?:现在|这个|这家)"
    # ("9月1号入职的", "7月1号才进厂"): the day the present job began
    r"|\d{1,2}\s*月\s*\d{1,2}\s*[号日](?:才)?(?:入职|进厂|进的厂)"
)


_NEXT_YEAR = re.compile(r"明年|下一年|下年")


def next_year_text(months: int) -> str:
    return "\n".join(
        [
            f"按您说的工龄，明年起每年{days_a_year(months)}天带薪年假，按全年算，不再折算"
            "（累计工作满1年不满10年5天，满10年不满20年10天，满20年15天）。",
            "依据：《职工带薪年休假条例》第三条；《企业职工带薪年休假实施办法》第五条",
        ]
    )


NEXT_YEAR_ALONE = 6


def annual_leave_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """How long the worker has worked in all, right after an annual-leave answer ("我以前在
    别的厂干了8年") or asked with it ("工作了15年 年假有几天"): the days worked out."""
    slug = str(tracker.get_slot("last_faq") or "")
    after = slug.startswith("leave_annual") and previous_action(tracker) == "action_answer_policy"
    if (
        after
        and _NEXT_YEAR.search(text)
        # ("那明年呢": the days, asked by leaning on this year's)
        and (_ASKS_DAYS.search(text) or len(re.sub(r"\s", "", text)) <= NEXT_YEAR_ALONE)
        and not _NEW_EMPLOYER.search(text)
    ):
        # "明年呢 明年有好多天" after this year's days: a year more, worked out
        told = recent_user_texts(tracker, 6)
        worked = next((m for m in map(total_months_worked, told) if m is not None), None)
        leaving = last_day(text, services.today())
        if worked is not None and leaving is not None:
            # "那如果我明年3月底就不做了 明年的年假有几天": that year's days prorated
            return days_in_year_of_leaving_text(worked + 12, leaving)
        if worked is not None:
            return next_year_text(worked + 12)
    # "工作了15年 年假有几天" asks the days; "干了3年 年假被取消了" asks something else
    asked = _ABOUT_ANNUAL_LEAVE.search(text) is not None and _ASKS_DAYS.search(text) is not None
    short = len(re.sub(r"\s", "", text)) <= DURATION_ALONE + 4
    # "顺便问下 我老汉在同一个厂头做了二十一年了 他有好多天": the days asked of someone's years
    asks = _ASKS_DAYS.search(text) is not None and months_worked(text) is not None
    # "我老婆也是这种情况喃 她前后一共上了8年班": the same question for someone else's years
    other = _SOMEONE_ELSE.search(text) is not None and months_worked(text) is not None
    told = [text, *recent_user_texts(tracker, 3)]
    # "那我今年到底有好多天年假嘛" after "我今年4月1号跳槽到现在这个公司的 之前干了12年" was
    # told: the new job's date and the years from the story
    story = _ASKS_DAYS.search(text) is not None and any(map(_NEW_EMPLOYER.search, told[1:]))
    # ("我今年4月1号跳槽到现在这个物流公司 之前做了11年多 … 我今年到底有几天年假": all at once)
    if (after or asked) and (_NEW_EMPLOYER.search(text) or story):
        # "那我今年8月1号才跳槽到现在这个厂呢": this year's days prorated from that date
        today = services.today()
        worked = next((m for m in (_in_all(t, today) for t in told) if m is not None), None)
        dated = [text] if _NEW_EMPLOYER.search(text) else told
        joined = (
            next(filter(None, (newcomer_text(t, worked, today) for t in dated)), None)
            if worked is not None
            else None
        )
        if joined:
            return joined
    # "我在现在这个厂做了3年 之前在别个厂还做了8年": the jobs told, added up
    jobs = after and total_months_worked(text) not in (None, months_worked(text))
    if not (asked or (after and (short or asks or other or jobs))):
        return None
    # the new employer's proration: said, or the answer just given was about it and the
    # message only adds the years ("我老婆上班快23年了 她年假有几天" asks afresh)
    new = _NEW_EMPLOYER.search(text) is not None or (slug == "leave_annual_newhire" and not asked)
    return annual_leave_text(text, new_employer=new)


def sick_leave_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """Sick leave this year told after an annual-leave answer or with the question ("我今年
    病假请了一个月 今年还有年假没得"): whether it takes this year's leave away, by the years
    worked in all told in the last few messages."""
    sick = sick_months(text)
    if sick is None:
        return None
    slug = str(tracker.get_slot("last_faq") or "")
    after = slug.startswith("leave_annual") and previous_action(tracker) == "action_answer_policy"
    if not (after or _ABOUT_ANNUAL_LEAVE.search(text)):
        return None
    told = [text, *recent_user_texts(tracker, 3)]
    worked = next((m for m in map(total_months_worked, told) if m is not None), None)
    return sick_leave_text(worked, sick)


# "剩下的老板不批": the rest of the year's days, after those taken
_THE_REST = re.compile(r"剩下|剩余|其余")
# "还剩好多", "还有几天": the days left asked
_LEFT_ASKED = re.compile(r"还剩|剩(?:下)?(?:好多|多少|几天)|还有(?:好多|多少|几)天")
UNUSED_LEAVE = "leave_annual_unused"  # the entry whose 300 % the worked-out sum applies
_NOT_TAKEN = re.compile(
    r"没休|没有休|休不了|休不完|休不到|休不成|没法休|不能休|不准休|不让休|不给休|没让休|没得休|不安排|没安排|没给安排|不批"
    r"|不休的话|不休(?:要|就|了)|(?:莫得|没得|没有|没)(?:空|时间)休"
    r"|(?:没|不)(?:让|准|给|安排|喊)我休|都不喊我休|不得休"
)
_LEAVING = re.compile(r"离职|辞职|辞工|走人|不干了|不做了|要走|被辞|被开|解除|做到\d|[号日]就?走")
# the job before ("前面那家做到6月底"): no leaving of this one
_EARLIER_JOB = re.compile(r"(?:前面|之前|以前|上一?家|原来)[^，,。]{0,8}?(?:做到|干到|上到)\S*")


def _leaves(text: str) -> bool:
    return _LEAVING.search(_EARLIER_JOB.sub(" ", text)) is not None


def _in_all(text: str, today: date) -> int | None:
    """The months of work in all a message tells: the lengths, or the year work began."""
    # ("我2014年开始上班的 在这个酒店做了4年": the years in all are the longer)
    found = [m for m in (total_months_worked(text), months_since_work_began(text, today)) if m]
    return max(found) if found else None


def _someone_elses_days(told: list[str], text: str) -> int | None:
    """The year's days of someone else the worker asks about (this message, or the one before
    when this one tells the pay), with none of them taken."""
    said = text if _SOMEONE_ELSE.search(text) and months_worked(text) else None
    if said is None and len(told) > 1 and _SOMEONE_ELSE.search(told[1]) and monthly_pay(text):
        said = told[1]
    if said is None or not _NOT_TAKEN.search(said + " " + text):
        return None
    months = months_worked(said)
    return (days_a_year(months) or None) if months else None


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
    ("我前前后后都上了12年班了 今年9月1号才跳槽过来的": 3 days), or a whole year's."""
    worked = next((m for m in (_in_all(t, today) for t in earlier) if m is not None), None)
    if worked is None:
        return None
    found = next(filter(None, (newcomer_days(t, worked, today) for t in earlier)), None)
    if found is None:  # a whole year at this employer: the year's days
        return days_a_year(worked) or None
    return found[0] if found[0] > 0 else None


# a figure told before, corrected ("不对 记错了 我2018年才出来上班")
_CORRECTED = re.compile(r"不对|记错|说错|搞错|弄错")

# the days a year the worker says they have ("一年是5天"), and years in all that give them
_DAYS_A_YEAR = re.compile(r"(?:一年|每年)(?:是|有|就|只有)?\s*(?P<n>5|10|15|五|十|十五)\s*天")
_YEARS_FOR_DAYS = {5.0: 12, 10.0: 120, 15.0: 240}


def unused_leave_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """Leaving this year with annual leave not taken, the years worked in all and the monthly
    pay told in the last few messages, right after an annual-leave answer: the days due so
    far this year and what they are worth."""
    slug = str(tracker.get_slot("last_faq") or "")
    after = slug.startswith("leave_annual") and previous_action(tracker) == "action_answer_policy"
    told = [text, *recent_user_texts(tracker, 3)]
    # ("…这个月20号走 …" then "还有今年的年假我一天都没休 一年是5天": leaving told before, the
    # leave not taken told now)
    leaving_told = (
        _ABOUT_ANNUAL_LEAVE.search(text) is not None
        and _NOT_TAKEN.search(text) is not None
        and any(map(_leaves, told[1:]))
    )
    # "今年一天年假都没休 … 我2014年开始上班的 … 一个月4350 能要好多": all told at once
    told_here = (
        _ABOUT_ANNUAL_LEAVE.search(text) is not None
        and _NOT_TAKEN.search(text) is not None
        and monthly_pay(text) is not None
        and asks_how_much(text)
    )
    if not (after or leaving_told or told_here):
        return None
    other = _someone_elses_days(told, text)
    if other is not None:
        # "那我老婆呢 她在一个厂干了8年 今年一天年假都没休" then "她一个月5655 能拿好多": her
        # year's days, not the worker's own told before
        pay = monthly_pay(text)
        return unpaid_days_text(other, pay) if pay else unpaid_days_only_text(other)
    if not any(map(_leaves, told)):
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
        taken_before = next(filter(None, map(days_taken, told[1:])), None)
        if days is None and taken is None and taken_before and _THE_REST.search(text):
            # "老板说剩下的不休就作废了" after the days taken were told: the days left
            due = _days_due_told(told[1:], services.today())
            days = due - taken_before if due is not None and due > taken_before else None
        # ("我一个月6千2 算一哈好多钱" after the days not taken were worked out and the pay
        # asked for: those days)
        pay_for_them = left_used or (slug == UNUSED_LEAVE and monthly_pay(text) is not None)
        if (
            days is None
            and (_NOT_TAKEN.search(text) or pay_for_them)
            and not _SOMEONE_ELSE.search(text)
        ):
            # "要是到年底一天都没休到": the days worked out before, or the year's
            days = _days_due_told(told if told_here else told[1:], services.today())
        in_all = _in_all(text, services.today())
        if (
            days is None
            and slug == UNUSED_LEAVE
            and in_all is not None
            and (asks_how_much(text) or _CORRECTED.search(text))
        ):
            # "我是2017年7月才开始上班的 才9年多 那是好多天 钱又是好多" after the sum: the
            # years corrected, the year's days again (none taken)
            days = days_a_year(in_all) or None
            # (a new job this year told before: its share of the year, "9月1号才跳槽过来")
            newer = next(
                filter(None, (newcomer_days(t, in_all, services.today()) for t in told[1:])), None
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
        if days is None or pay is None or not (not_taken or pay_for_them):
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
    if months is not None and pay is None and leaving_told:
        # the days due to the last day told before, the pay still to come
        last = next(filter(None, (last_day(t, today) for t in told)), None)
        return unused_days_text(months, today, last, days_taken(text))
    if months is not None and pay is None and (last_day(text, today) or days_taken(text)):
        # "我上个月30号走的 今年只休了3天": the days left, the pay still to come (the last day
        # told a message before: "我准备做到这个月31号就辞职了" then "今年只休了5天")
        last = next(filter(None, (last_day(t, today) for t in told)), None)
        return unused_days_text(months, today, last, days_taken(text))
    if months is None or pay is None or (monthly_pay(text) is None and months_worked(text) is None):
        return None  # (this message must bring one of them: else it asks something else)
    leaving = next(filter(None, (last_day(t, today) for t in told)), None)
    taken = next(filter(None, map(days_taken, told)), None)
    return unused_leave_text(months, pay, today, leaving=leaving, taken=taken)


# the entries after which a minimum wage and what is paid while off sick ask the floor
SICK_PAY = "sick_pay"
SICK_PAY_TOPICS = frozenset({SICK_PAY, "wage_minimum"})
_SICK = re.compile(r"病假|病休|生病|住院|医疗期")


def sick_pay_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """Right after the sick-pay answer (or the minimum wage asked after it), the local
    minimum wage and what the employer pays told: 80 % of the minimum, and whether it is
    short ("我问了说是2100 老板说病假每个月只给我1500 对不对哦")."""
    slug = str(tracker.get_slot("last_faq") or "")
    if slug not in SICK_PAY_TOPICS or previous_action(tracker) != "action_answer_policy":
        return None
    told = [text, *recent_user_texts(tracker, 3)]
    if slug != SICK_PAY and not any(_SICK.search(t) for t in told):
        return None  # the minimum wage asked for its own sake
    minimum = next(filter(None, map(minimum_told, told)), None)
    if minimum is None:
        return None
    paid = sick_pay_told(text)
    if paid is None and minimum_told(text) is None:
        return None  # this message tells neither: it asks something else
    return sick_pay_text(minimum, paid)


# "那要是我自己写了申请说不休呢": leave waived in writing by the worker
_WAIVED = re.compile(
    r"(?:自己|本人|我)[^，,。]{0,6}(?:写了?|打了?|交了?|签了?|书面)[^，,。]{0,6}(?:申请|报告|字)?"
    r"[^，,。]{0,6}(?:不休|不要休|放弃)"
    # "那要是我自己不想休呢": the worker's own wish (which counts only in writing)
    r"|(?:我)?自己(?:不想|不愿意|不要|不)休"
)


def waived_leave_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """After an answer on annual leave, leave the worker waived in writing: normal pay only."""
    if not str(tracker.get_slot("last_faq") or "").startswith("leave_annual"):
        return None
    if not _WAIVED.search(text):
        return None
    return "\n".join(
        [
            "您自己因个人原因书面提出不休年假的，单位只支付正常工作期间的工资，不用另外补那2倍。",
            "要注意：是单位安排了你休、你自己书面说不休才算；单位不安排、让你写“自愿不休”的，"
            "照样要按300%补。写之前想清楚，已经被要求写的，可以找工会或打12333咨询。",
            "依据：《企业职工带薪年休假实施办法》第十条",
        ]
    )


# "老板说我是自己辞职的 一分都不给 有没得这个道理" after the leave's sum: leaving of one's own
# accord takes nothing from it
_RESIGNED = re.compile(r"(?:自己|主动)(?:要)?辞(?:职|工)|是我辞的|我辞职的|自己走的")


def resigned_leave_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    if tracker.get_slot("last_faq") != UNUSED_LEAVE or not _RESIGNED.search(text):
        return None
    return "\n".join(
        [
            "没有这个道理，自己辞职的照样要给。",
            "离职时当年没休完的年假，单位应当按当年已工作的时间折算，没休的每天按日工资的300%补"
            "（正常工资已经发了的，每天再补2倍）；只有单位安排了、你自己书面提出不休的才不用补。"
            "单位不给的，可以向劳动保障监察投诉（12333）或申请劳动仲裁。",
            f"依据：{SOURCE}",
        ]
    )
