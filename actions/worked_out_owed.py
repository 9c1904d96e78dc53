"""Wages owed, worked out from what the worker says: the months owed times the pay (with
another sum owed besides), the wages owed and the compensation added up (a dismissal's notice
pay and compensation together: actions/worked_out_notice.py)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import faq_of_last_turn, previous_action, recent_user_texts
from actions.severance_cues import SEVERANCE_TOPICS
from actions.worked_out_leave import DURATION_ALONE
from bot.domain.employment_dates import months_since_start
from bot.domain.groups import group_size
from bot.domain.severance import (
    Severance,
    asks_how_much,
    monthly_pay,
    months_worked,
)
from bot.domain.told import told_not_asked
from bot.domain.wages_owed import (
    WORK_DAYS_A_MONTH,
    asks_the_extra,
    days_worked,
    extra_text,
    half_paid_months,
    half_paid_text,
    held_sum,
    partner_pay,
    two_owed_text,
)
from intents.numbers import NUM, format_number, parse_number

# "那欠的两个月工资加上补偿 一共好多": the wages owed and the compensation added up
# ("老板三个月没发工资了": the months owed told as wages not paid)
_OWED_MONTHS = re.compile(
    rf"欠(?:的|了|我)?\s*(?:那|这)?(?P<n>{NUM})\s*个月\s*(?:的)?工资"
    rf"|(?P<m>{NUM})\s*个月(?:的)?(?:工资)?(?:都|也|一直)?(?:没发|没有发|没给|不发|没拿到)"
    # "老板拖了我两个月工资" ("包工头跑了 欠了我4个月工钱": a site's wages are 工钱)
    # ("那拖的那3个月工资呢": the months told before, named again)
    rf"|(?:拖|欠|压)(?:了|的)?(?:那|这)?(?:我|我们)?(?P<k>{NUM})\s*个月(?:的)?(?:工资|工钱)"
    # ("欠了我3个月 每个月4千2": the pay said next)
    rf"|(?:拖|欠|压)(?:了|的)?(?:我|我们)?(?P<j>{NUM})\s*个月(?=[\s，,]*(?:每个?月|一个月))"
    # ("哦还有11月的也莫发 一共4个月了": the months owed counted again)
    rf"|(?:也莫发|也没发|也没给)[^。]{{0,6}}一共\s*(?P<i>{NUM})\s*个月"
    # ("欠了我9月和10月两个月工资": the months of the year named, then counted)
    rf"|(?:拖|欠|压)(?:了|的)?(?:我|我们)?\s*(?:\d{{1,2}}\s*月份?\s*(?:和|跟|、|，|,)?\s*){{1,4}}"
    rf"(?:的|这|那)?\s*(?P<h>{NUM})\s*个月(?:的)?工资"
    # ("我的工资被老板拖了两个月了", "工资拖欠了3个月": the wages named first)
    rf"|工资(?:被(?:老板|公司|厂里|厂头|单位|老板娘|包工头)?)?(?:拖|欠|压)(?:欠)?(?:了)?\s*"
    rf"(?P<g>{NUM})\s*个月"
    # ("老板拖欠工资 3个月了", pinyin "laoban tuoqian gongzi 3 ge yue le": the wages, then the months)
    rf"|(?:拖欠|欠|拖)(?:了)?(?:我|我们)?(?:的)?工资\s*(?:都|已经)?\s*(?:有)?(?P<f>{NUM})\s*个月"
)
# the entry a worked-out overtime sum answers (actions/worked_out_overtime.py's OVERTIME)
_OVERTIME_SUM_BEFORE = "ot_pay_rates"
_WAGES_NAMED = re.compile(r"工资|薪|底薪")
ADDED_UP = re.compile(r"加上|加起|一共|总共|合计|全部")
_MONTHS_COUNTED = re.compile(rf"(?P<n>{NUM})\s*个月(?!工资)")
OWED_SOURCE = "《劳动合同法》第三十八条、第四十六条、第四十七条；《工资支付暂行规定》第九条"
WAGES_SOURCE = "《劳动合同法》第三十条、第八十五条；《工资支付暂行规定》第九条"


def _months_owed(text: str) -> float | None:
    m = _OWED_MONTHS.search(text or "")
    said = m and next(filter(None, m.group("n", "m", "k", "j", "i", "h", "g", "f")), None)
    value = parse_number(said) if said else None
    return value if value and 0 < value <= 36 else None


def owed_sum(texts: list[str]) -> float | None:
    """The wages owed a message of `texts` tells as months at a monthly pay ("欠了我两个月工资
    没发 每个月6000": 12000), the first that tells both; None when none does."""
    for text in texts:
        months, pay = _months_owed(text), monthly_pay(text)
        if months and pay:
            return months * pay
    return None


# another sum owed with the wages ("还有6百块加班费也没给")
_ALSO_OWED = re.compile(
    rf"还有\s*(?P<sum>{NUM})\s*(?:块|元)钱?的?\s*(?P<what>加班费|奖金|提成|绩效|补贴|押金|报销)"
    # ("还有一个月加班费800没给")
    rf"|还有(?:一个月|个月)?的?(?P<what2>加班费|奖金|提成|绩效|补贴|押金|报销)\s*(?P<sum2>{NUM})\s*(?:块|元)?"
)


# "还要得回来不": whether the wages owed can still be had
_BACK_AT_ALL = re.compile(r"要得?回来|要得到|拿得?回来|拿得到|能要回|能拿回|追得回|讨回来")


# (and the time limit: "欠了我3个月 每个月4千2 还有一个月加班费800没给" after it)
ARREARS_TOPICS = frozenset(
    {"quit_wage_withheld", "wage_arrears_complain", "wage_monthly_payslip", "dispute_time_limit"}
)
# "他发了2000的": part of a month's pay paid
_PAID_SOME = re.compile(rf"(?:发了|给了|付了)\s*(?P<n>{NUM})(?!\s*半)\s*(?:块|元)?(?:钱)?(?:的)?")
MIN_PAID = 100  # a sum paid, not "发了一半" read as one yuan
_HALF_PAID = re.compile(r"(?:发|给)了一半|只(?:发|给)了?一半|发了半个月")
HALF = 0.5


def _owed_text(n: float, pay: float, lead: str) -> str:
    return "\n".join(
        [
            f"{lead}一共{format_number(n)}×{format_number(pay)}={format_number(n * pay)}元。",
            "欠的工资可以打12333向劳动保障监察投诉，也可以申请劳动仲裁（不收费）；监察部门责令限期"
            "支付后还不付的，单位还要按应付金额50%到100%加付赔偿金。",
            "依据：《劳动合同法》第三十条、第八十五条；《工资支付暂行规定》第九条",
        ]
    )


def owed_wages_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """ "老板三个月没发工资了 每个月4800 一共欠我好多": the months owed times the pay."""
    said = str((tracker.latest_message or {}).get("text") or text)
    # "他要是一直拖 我可以要他多赔点不" after a request for the 9600 held back: the extra on it
    held = (
        next(filter(None, map(held_sum, recent_user_texts(tracker, 6))), None)
        if asks_the_extra(text) and _months_owed(text) is None and monthly_pay(text) is None
        else None
    )
    if held:
        return extra_text(held)
    if _OVERTIME_SUM_BEFORE == faq_of_last_turn(tracker) and not _WAGES_NAMED.search(said):
        # "我们做了4个月都没给 4个月就是好多嘛" right after a month's overtime pay worked
        # out: those months of overtime, not wages owed
        return None
    n = _months_owed(text)
    pay = monthly_pay(text)
    halves = half_paid_months(text) if n is None else None
    if halves and pay and (told_not_asked(text) or asks_how_much(text)):
        # "连到三个月每个月只发一半 … 我工资6000": half of each month's pay held back
        return half_paid_text(halves, pay)
    # "公司欠我两个月工资没发了 9月10月的 月薪4350": the months and the pay told, nothing asked
    told_here = n is not None and pay is not None and told_not_asked(text)
    # right after an answer on wages held back, the months and the pay told are the sum asked
    after = (
        tracker.get_slot("last_faq") in ARREARS_TOPICS
        and previous_action(tracker) == "action_answer_policy"
    )
    paid = _PAID_SOME.search(text) if n is None and pay is None and after else None
    if paid is not None:
        # "等哈 9月那个月他发了2000的" after the sum: that much paid, the rest still owed
        earlier = recent_user_texts(tracker, 3)
        told = next(filter(None, map(_months_owed, earlier)), None)
        monthly = next(filter(None, map(monthly_pay, earlier)), None)
        some = parse_number(paid.group("n"))
        if told and monthly and some and MIN_PAID <= some < monthly:
            owed_now = told * monthly - some
            return (
                f"其中一个月发了{format_number(some)}元，还欠："
                f"{format_number(told)}×{format_number(monthly)}-{format_number(some)}"
                f"={format_number(owed_now)}元。\n"
                + _owed_text(told, monthly, "").split("\n", 1)[1]
            )
    if n is None and pay is None and after and _HALF_PAID.search(text):
        # "哦不对 10月份那个月他其实发了一半的" after the sum: half a month less
        earlier = recent_user_texts(tracker, 3)
        told = next(filter(None, map(_months_owed, earlier)), None)
        pay = next(filter(None, map(monthly_pay, earlier)), None)
        if told and pay and told > HALF:
            return _owed_text(told - HALF, pay, "其中一个月发了一半，按少半个月算：")
    if n is None and pay is not None and months_worked(text) is not None and "补偿" in text:
        return None  # "干了3年零2个月 每个月5500 走的话补偿好多": the compensation asked
    if n is None and pay is not None:
        # "我一个月4千5 两个月加起来好多" after "老板拖了我两个月工资": the months told before
        # (or further back when this message counts them again: "三个月一共该有好多" after
        # two messages about when the worker left)
        counted = {parse_number(m.group("n")) for m in _MONTHS_COUNTED.finditer(text)} - {1.0}
        back = 5 if counted else 2
        told = next(filter(None, map(_months_owed, recent_user_texts(tracker, back))), None)
        # (its own count of months, if any, is that one: "一个月" is the pay's month)
        if told and (not counted or told in counted):
            n = told
    # (not a length worked: "干了1年3个月 … 有补偿没得")
    alone = months_worked(text) is None and not re.search(r"补偿|赔", text)
    counted = {parse_number(m.group("n")) for m in _MONTHS_COUNTED.finditer(text)} if alone else {}
    if n is None and pay is None and asks_how_much(text) and (ADDED_UP.search(text) or counted):
        # "那一共该要好多" after the months owed and the pay were told (with a question between);
        # "两个月是好多钱嘛" after "欠我两个月工资" and "一个月3800" (the same months counted)
        earlier = recent_user_texts(tracker, 4 if ADDED_UP.search(text) else 5)
        n = next(filter(None, map(_months_owed, earlier)), None)
        n = n if ADDED_UP.search(text) or n in counted else None
        pay = next(filter(None, map(monthly_pay, earlier)), None) if n else None
    if n is not None and pay is None:
        # "那拖的那3个月工资呢 还要得回来不": the pay told before
        pay = next(filter(None, map(monthly_pay, recent_user_texts(tracker, 3))), None)
    if (
        n is None
        or pay is None
        or not (
            asks_how_much(text)
            or ADDED_UP.search(text)
            or _BACK_AT_ALL.search(text)
            or after
            or told_here
        )
    ):
        return None
    partner = partner_pay(text)  # "我一个月6000 她4500": both owed, each and together
    if partner is not None and partner[1] != pay:
        return two_owed_text(n, pay, *partner)
    owed = f"一共{format_number(n)}×{format_number(pay)}={format_number(n * pay)}元。"
    besides = _ALSO_OWED.search(text)
    extra = parse_number(besides.group("sum") or besides.group("sum2")) if besides else None
    if besides and extra and extra != pay:
        # "还有6百块加班费也没给 一共好多": that sum owed as well, added
        what = besides.group("what") or besides.group("what2")
        owed = (
            f"工资{format_number(n)}×{format_number(pay)}={format_number(n * pay)}元，"
            f"加上{what}{format_number(extra)}元，一共{format_number(n * pay + extra)}元。"
        )
    # ("一共欠好多钱嘛 帮我算下" after "六个人 … 每个人每个月3800": each one's told before)
    each_told = any(map(_EACH_ONE.search, [text, *recent_user_texts(tracker, 3)]))
    size = group_told(tracker, text) if each_told else None
    if size:
        # "每个人欠了2个月 一个月6500 总共好多钱" in a group of 15: each one's, then all of it
        each = n * pay + (extra if besides and extra and extra != pay else 0)
        owed += f"{size}个人一共{format_number(each)}×{size}={format_number(each * size)}元。"
    # a building site's wages: the general contractor pays first when the labour boss does not
    on_site = any(map(_ON_SITE.search, [text, *recent_user_texts(tracker, 3)]))
    return "\n".join(
        [
            f"按您说的：拖欠{format_number(n)}个月工资，每月{format_number(pay)}元，{owed}",
            *([SITE_TOLD] if on_site else []),
            "工资要按月足额发，拖欠的可以打12333向劳动保障监察投诉，也可以申请劳动仲裁（不收费）；"
            "监察部门责令限期支付后还不付的，单位还要按应付金额50%到100%加付赔偿金。"
            "因欠薪辞职的，可以随时书面通知解除合同，还能要经济补偿。",
            f"依据：{WAGES_SOURCE}",
        ]
    )


# a building site told ("工地上做钢筋", "包工头跑了")
_ON_SITE = re.compile(r"工地|包工头|工头|施工|项目部|工程队|分包")
SITE_TOLD = (
    "工地上包工头、分包单位欠工资的，由施工总承包单位先行清偿；工程包给个人（包工头）的，"
    "由建设单位或总包清偿（《保障农民工工资支付条例》第三十条、第三十六条）。"
)


# each worker of a group ("每个人欠了2个月", "人人都欠")
_EACH_ONE = re.compile(r"每个人|每人|每一个人|每个兄弟|每个工友|人人|一人")


def group_told(tracker: Tracker, text: str) -> int | None:
    """How many workers this conversation's group is, told now or shortly before."""
    story = str(tracker.get_slot("description") or "")
    for told in [text, *recent_user_texts(tracker, 5), story]:
        size = group_size(told)
        if size and size >= 2:
            return size
    return None


# the days worked told of this month ("我这个月上了15天班就不想干了")
_THIS_MONTH = re.compile(r"这个月|这月|本月|当月")


# the wages owed named as such ("拖的工资", "欠的工资", "没发的工资")
_OWED_NAMED = re.compile(r"(?:拖|欠|没发|差)的?(?:那?几个月的?|那两个月的?)?(?:工资|工钱)")


def owed_and_severance_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """The months of wages owed and the compensation, added up, with the time worked and
    the pay told in the last few messages ("加起来好多" right after the compensation was
    worked out, the months owed told before)."""
    if not ADDED_UP.search(text):
        return None
    earlier = [text, *recent_user_texts(tracker, 4)]
    after = (
        tracker.get_slot("last_faq") in SEVERANCE_TOPICS
        and previous_action(tracker) == "action_answer_policy"
    )
    if "补偿" in text and _months_owed(text) is not None:
        n = _months_owed(text)
    elif (after and len(re.sub(r"\s", "", text)) <= DURATION_ALONE) or (
        # ("我一个月6千 … 拖的工资和补偿总共能要好多": the months owed told a message before)
        "补偿" in text and _OWED_NAMED.search(text)
    ):
        n = next(filter(None, map(_months_owed, earlier[1:])), None)
    else:
        return None
    months = next((m for m in map(months_worked, earlier) if m is not None), None)
    if months is None:  # "我是2024年9月10号进厂的": from the day the job began
        today = services.today()
        months = next((m for t in earlier if (m := months_since_start(t, today)) is not None), None)
    pay = next(filter(None, map(monthly_pay, earlier)), None)
    if not n or months is None or pay is None:
        return None
    months_pay = Severance(months).months_pay
    compensation, wages = months_pay * pay, n * pay
    # "我这个月上了15天班就不想干了" told before: those days' pay is owed too
    days = next((d for t in earlier if _THIS_MONTH.search(t) and (d := days_worked(t))), None)
    this_month = round(pay / WORK_DAYS_A_MONTH * days, 2) if days else 0
    days_line = (
        [f"这个月上的{days}天工资{format_number(pay)}÷21.75×{days}≈{format_number(this_month)}元；"]
        if days
        else []
    )
    return "\n".join(
        [
            f"按您说的（干了{Severance(months).worked_text()}，月工资{format_number(pay)}元）：",
            f"经济补偿{format_number(months_pay)}个月×{format_number(pay)}={format_number(compensation)}元；",
            f"拖欠的{format_number(n)}个月工资{format_number(n)}×{format_number(pay)}"
            f"={format_number(wages)}元；",
            *days_line,
            f"一共{format_number(compensation + wages + this_month)}元。",
            "欠的工资本来就该发，离职时要一次结清；因欠薪辞职的，经济补偿另外给。单位不给的，"
            "可以申请劳动仲裁（不收费），也可以打12333向劳动保障监察投诉。",
            f"依据：{OWED_SOURCE}",
        ]
    )
