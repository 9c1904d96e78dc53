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

from actions.message import previous_action, recent_user_texts, takes_up_again
from bot.domain.annual_leave import (
    annual_leave_text,
    days_a_year,
    jobs_added_up,
    months_since_work_began,
    newcomer_text,
    sick_leave_text,
    sick_months,
    total_months_worked,
)
from bot.domain.severance import months_worked
from bot.domain.sick_pay import minimum_told, sick_pay_text, sick_pay_told
from bot.domain.unused_leave import (
    SOURCE,
    days_in_year_of_leaving_text,
    last_day,
)

# a duration told alone right after an answer is this short ("我干了两年零三个月")
DURATION_ALONE = 12

ANNUAL_LEAVE = "leave_annual_days"  # the entry whose tiers the worked-out days apply
ABOUT_ANNUAL_LEAVE = re.compile(r"年假|年休假|带薪假|带薪年假|休年假")
_ASKS_DAYS = re.compile(
    r"几天|多少天|好多天|有没|有几|该休|能休|可以休|有吗|有不|有么|算几|咋个算|怎么算|咋算|如何算"
    # "今年有年假没得"
    r"|有(?:年假|年休假|带薪年假)(?:没得|没有|莫得|吗|不)"
    # "年假是咋个规定的 我在现在这个厂做了3年 之前…8年": the rule, for the years told
    r"|咋个规定|怎么规定|如何规定|啥子规定|什么规定"
    # "人事说我只有5天年假 对不对哦": a number of days checked
    r"|(?:只有|才|就|只给)[0-9一二两三四五六七八九十]+天[^，,。]{0,6}(?:对不对|对吗|是不是|合法|合理|对头)"
)
SOMEONE_ELSE = re.compile(
    r"老婆|老公|爱人|媳妇|我妈|我爸|老汉|老妈|同事|工友|朋友"
    # ("算下他该补我好多": 他 is the employer who pays)
    # ("能找他要好多": asked of the employer)
    r"|(?<![找跟问向])[她他](?!们?(?:该|要|应该|应当|得|会|能)?(?:补|给|赔|发|付|算))"
)
# a relative or workmate named ("那我老公呢 他上了12年班了"): their years are not the worker's
ANOTHER_PERSON = re.compile(
    r"老婆|老公|爱人|媳妇|丈夫|妻子|我妈|我爸|老汉|老妈|同事|工友|朋友|姐姐|妹妹|哥哥|弟弟"
)
_NEW_EMPLOYER = re.compile(
    r"刚换|新单位|新公司|新厂|刚进|刚来|跳槽|跳到|跳过来|换了个|换了工作|新入职|刚入职|换到|才换|才进|才来"
    # "我9月1号进的现在这个单位": a date this year the present job began
    r"|\d{1,2}\s*月\s*\d{1,2}\s*[号日](?:才)?(?:进的|进了|进来|入职|来的|到)(?:现在|这个|这家)"
    # ("9月1号入职的", "7月1号才进厂"): the day the present job began
    r"|\d{1,2}\s*月\s*\d{1,2}\s*[号日](?:才)?(?:入职|进厂|进的厂)"
    # ("今年7月份入职的"): the month it began, this year
    r"|今年\s*\d{1,2}\s*月份?(?:才)?(?:入职|进厂|进的厂)"
)


_NEXT_YEAR = re.compile(r"明年|下一年|下年")
# the days themselves asked ("该休几天"), not their pay ("没休的年假咋个算钱")
_DAYS_ASKED = re.compile(r"几天|多少天|好多天|该休|能休|可以休")


def next_year_text(months: int) -> str:
    return "\n".join(
        [
            f"按您说的工龄，明年起每年{days_a_year(months)}天带薪年假，按全年算，不再折算"
            "（累计工作满1年不满10年5天，满10年不满20年10天，满20年15天）。",
            "依据：《职工带薪年休假条例》第三条；《企业职工带薪年休假实施办法》第五条",
        ]
    )


NEXT_YEAR_ALONE = 6


# the years worked in all, said as such ("总共上班8年了", "参加工作12年")
_IN_ALL = re.compile(r"总共|一共|累计|加起来|前前后后|前后|参加工作|工龄")
# another topic named outright, whatever the answer before was about
_ANOTHER_TOPIC = re.compile(r"医疗期|病假工资|经济补偿|赔偿金|加班费|产假|试用期")


_LEAVE_NEXT = re.compile(r"^(?:那|还有)?(?:年休假|年假|带薪年假|带薪年休假)(?:呢|嘞|喃|的话)")


def annual_leave_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """How long the worker has worked in all, right after an annual-leave answer ("我以前在
    别的厂干了8年") or asked with it ("工作了15年 年假有几天"), or when the leave is taken up
    again after something else ("回到年假 那如果累计工作12年呢"): the days worked out."""
    if _ANOTHER_TOPIC.search(text) and not ABOUT_ANNUAL_LEAVE.search(text):
        return None  # "她在这个厂做了18年了 医疗期有好久" after the leave: the topic named
    slug = str(tracker.get_slot("last_faq") or "")
    after = slug.startswith("leave_annual") and (
        previous_action(tracker) == "action_answer_policy" or takes_up_again(text)
    )
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
    asked = ABOUT_ANNUAL_LEAVE.search(text) is not None and (
        _ASKS_DAYS.search(text) is not None
        # ("年休假呢 我前后上班加起来22年了 今年一天都没休": the leave named as the next topic,
        # the years in all told with it)
        or (_LEAVE_NEXT.match(text) is not None and total_months_worked(text) is not None)
    )
    short = len(re.sub(r"\s", "", text)) <= DURATION_ALONE + 4
    # "顺便问下 我老汉在同一个厂头做了二十一年了 他有好多天": the days asked of someone's years
    asks = _ASKS_DAYS.search(text) is not None and months_worked(text) is not None
    # "我老婆也是这种情况喃 她前后一共上了8年班": the same question for someone else's years
    other = SOMEONE_ELSE.search(text) is not None and months_worked(text) is not None
    told = [text, *recent_user_texts(tracker, 3)]
    # "那我今年到底有好多天年假嘛" after "我今年4月1号跳槽到现在这个公司的 之前干了12年" was
    # told: the new job's date and the years from the story
    # ("总共工作8年了" right after the answer on a new job's first year, its day told before)
    story = (
        _ASKS_DAYS.search(text) is not None or (after and total_months_worked(text) is not None)
    ) and any(map(_NEW_EMPLOYER.search, told[1:]))
    # ("我今年4月1号跳槽到现在这个物流公司 之前做了11年多 … 我今年到底有几天年假": all at once)
    if (after or asked) and (_NEW_EMPLOYER.search(text) or story):
        # "那我今年8月1号才跳槽到现在这个厂呢": this year's days prorated from that date
        today = services.today()
        worked = next((m for m in (in_all(t, today) for t in told) if m is not None), None)
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
    # "我总共上班8年了 在现在这个物流公司才3年": the years in all, said as such
    jobs = jobs or (after and _IN_ALL.search(text) is not None and total_months_worked(text))
    if not (asked or (after and (short or asks or other or jobs))):
        return None
    if asked and _DAYS_ASKED.search(text) and total_months_worked(text) is None and not other:
        # "那我今年年假该休几天" after "在这家干了2年9个月" and "我之前在电子厂干了9年":
        # the jobs told before, added up
        earlier = [t for t in recent_user_texts(tracker, 4) if not SOMEONE_ELSE.search(t)]
        added = jobs_added_up(earlier[::-1])
        if added is not None:
            return annual_leave_text(text, worked=added)
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
    if not (after or ABOUT_ANNUAL_LEAVE.search(text)):
        return None
    told = [text, *recent_user_texts(tracker, 3)]
    worked = next((m for m in map(total_months_worked, told) if m is not None), None)
    return sick_leave_text(worked, sick)


# "剩下的老板不批": the rest of the year's days, after those taken
UNUSED_LEAVE = "leave_annual_unused"  # the entry whose 300 % the worked-out sum applies


def in_all(text: str, today: date) -> int | None:
    """The months of work in all a message tells: the lengths, or the year work began."""
    # ("我2014年开始上班的 在这个酒店做了4年": the years in all are the longer)
    found = [m for m in (total_months_worked(text), months_since_work_began(text, today)) if m]
    return max(found) if found else None


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
