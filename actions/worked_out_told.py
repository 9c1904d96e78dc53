"""Sums of figures told after an answer, in the kinds of work the other calculators do not
read: a platform's commission taken from the takings, a dispatched worker's or a student's pay
against the staff's for the same work, days at a day's rate with nothing paid (and some of them
half days), a month and a half owed. bot/domain/ does the arithmetic (commission.py,
pay_gap.py, half_counted.py, wages_owed.py); this module decides when the conversation gives
what a sum needs, reading the last few messages too."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import recent_user_texts
from actions.worked_out_owed import owed_sum
from bot.domain.commission import share_told, take_home_text, takings_told
from bot.domain.half_counted import (
    half_days_text,
    half_days_told,
    month_and_half_told,
    months_owed_text,
)
from bot.domain.pay_gap import dispatch_gap_text, months_told, pays_told, placement_text
from bot.domain.sales_commission import commission_text, rate_told, sales_told
from bot.domain.severance import monthly_pay
from bot.domain.wages_owed import days_and_rate, site_owed_text
from bot.domain.year_end_bonus import bonus_told, months_this_year, prorated_bonus_text
from bot.knowledge.pointed_new_work import PENSION_TOLD
from intents.numbers import NUM, format_number

RIDER = "flex_platform_rider"  # the entry on platform work (its pay under management)
DISPATCH_PAY = "flex_dispatch_pay"  # equal pay for dispatched workers
PLACEMENT = "student_intern_rights"  # a student's placement (80 % of the post's pay)
SALES_COMMISSION = "quit_commission_withheld"  # a salesperson's commission, owed on leaving
YEAR_END_BONUS = "wage_year_end_bonus"  # the entry on a year-end bonus for one who left
SITE_WAGES = "wage_migrant_site"
WAGES_OWED = "wage_arrears_complain"
PAST_THE_AGE = "older_past_retirement"
OWED_SOURCE = "《劳动合同法》第三十条、第八十五条"
LOOKBACK = 4
# "他们正式工", "派遣", "同工同酬": the same work for less pay told in the conversation
_DISPATCH_TOLD = re.compile(r"派遣|劳务公司|人力公司|外包公司|同工同酬")
_PLACEMENT_TOLD = re.compile(r"实习|职校|学校安排|在校")
# "一共差好多", "总共少了多少"
_GAP_ASKED = re.compile(r"(?:一共|总共|加起来|合计)?(?:差|少)(?:了)?(?:我)?(?:好多|多少)")
# "一分钱没拿到", "一分都没给", "工钱都没给"
_NONE_PAID = re.compile(
    r"一分(?:钱)?(?:都|也)?(?:没|没有)(?:拿到|给|发|结)|(?:都|还)(?:没|没有)(?:给|发|结)(?:过)?(?:钱|工钱)?$"
)


def _told_before(tracker: Tracker, reader: Any) -> Any:
    return next(filter(None, map(reader, recent_user_texts(tracker, LOOKBACK))), None)


# platform work told ("平台抽了", "跑网约车"), not a fee an agency takes from wages
_PLATFORM_TOLD = re.compile(r"平台|网约车|滴滴|货拉拉|外卖|骑手|跑单|接单|流水|代驾|司机")


def commission_reply(tracker: Tracker, text: str) -> str | None:
    """ "上个月流水9000 平台抽了百分之20 我到手该好多"; the share corrected after it."""
    share = share_told(text)
    told = (text, *recent_user_texts(tracker, LOOKBACK))
    if share is None or not any(map(_PLATFORM_TOLD.search, told)):
        return None
    takings = takings_told(text)
    if takings is not None:
        return take_home_text(takings, share)
    before = _told_before(tracker, takings_told)
    return None if before is None else take_home_text(before, share, corrected=True)


def sales_commission_reply(tracker: Tracker, text: str) -> str | None:
    """ "我10月份卖了28万 提成3个点": the sales at the rate; "9月卖了20万" after it (the rate told
    before), that month's added to the months told before."""
    sales = sales_told(text)
    if not sales:
        return None
    rate = rate_told(text)
    if rate is not None:
        return commission_text(sales, rate)
    earlier = recent_user_texts(tracker, LOOKBACK)
    rate = next(filter(None, map(rate_told, earlier)), None)
    if rate is None:
        return None
    months = {month for month, _ in sales}
    before = [s for t in reversed(earlier) for s in sales_told(t) if s[0] not in months]
    return commission_text([*before, *sales], rate)


def pay_gap_reply(tracker: Tracker, text: str) -> tuple[str, str] | None:
    """ "我一个月4300 他们5100" (a dispatched worker), "实习工资一个月才2000 正式工拿4500" (a
    student); then "我干了7个月了 一共差好多嘛": the gap over those months."""
    told = (text, *recent_user_texts(tracker, LOOKBACK))
    slug = str(tracker.get_slot("last_faq") or "")
    pays = pays_told(text)
    placement = slug == PLACEMENT or any(map(_PLACEMENT_TOLD.search, told))
    dispatched = slug == DISPATCH_PAY or any(map(_DISPATCH_TOLD.search, told))
    if pays is not None and placement:
        return placement_text(*pays), PLACEMENT
    if pays is not None and dispatched:
        return dispatch_gap_text(*pays, months_told(text)), DISPATCH_PAY
    months = months_told(text)
    if months is None or not _GAP_ASKED.search(text) or not dispatched:
        return None
    before = _told_before(tracker, pays_told)
    return None if before is None else (dispatch_gap_text(*before, months), DISPATCH_PAY)


def unpaid_days_reply(tracker: Tracker, text: str) -> tuple[str, str] | None:
    """ "一天280 我做了45天 一分钱没拿到": the days at the rate, none paid; "等哈 有5天是半天
    算一半" after it: those days counted as half."""
    if days_and_rate(text) is not None and _NONE_PAID.search(text):
        said = site_owed_text(text, none_paid=True)
        return None if said is None else (said, SITE_WAGES)
    half = half_days_told(text)
    before = _told_before(tracker, days_and_rate) if half is not None else None
    if half is None or before is None:
        return None
    said = half_days_text(before[0], half, before[1])
    return None if said is None else (said, SITE_WAGES)


def month_and_half_reply(tracker: Tracker, text: str) -> tuple[str, str] | None:
    """ "一个月3200 上个月的还没发 这个月做了半个月 说好按一半算 他一共该给我好多"."""
    months = month_and_half_told(text)
    pay = monthly_pay(text) if months else None
    if months is None or pay is None:
        return None
    told = (text, *recent_user_texts(tracker, LOOKBACK))
    pensioner = any(map(PENSION_TOLD.search, told))
    return months_owed_text(months, pay, pensioner), PAST_THE_AGE if pensioner else WAGES_OWED


# "一个月3900": the pay alone, told after the months owed ("他欠我两个月工资没发")
_PAY_ALONE = re.compile(
    rf"^(?:我|我的)?(?:工资)?(?:一个月|每个?月|月薪|月工资)(?:是|有|就|才)?\s*{NUM}\s*(?:块|元)?(?:钱)?$"
)


def pay_after_months_reply(tracker: Tracker, text: str) -> tuple[str, str] | None:
    """ "一个月3900" right after "他欠我两个月工资没发 …": the months owed at that pay."""
    earlier = recent_user_texts(tracker, 1)
    pay = monthly_pay(text) if _PAY_ALONE.match(re.sub(r"\s", "", text)) else None
    total = owed_sum([f"{earlier[0]} {text}"]) if pay and earlier else None
    if total is None or pay is None or owed_sum(earlier):
        return None
    months = format_number(total / pay)
    return "\n".join(
        [
            f"按您说的：拖欠{months}个月工资，每月{format_number(pay)}元，一共{months}×"
            f"{format_number(pay)}={format_number(total)}元。",
            "欠的工资可以申请工会调解，也可以打12333向劳动保障监察投诉或申请劳动仲裁（不收费）；"
            "监察部门责令限期支付后还不付的，还要按应付金额50%到100%加付赔偿金。",
            f"依据：{OWED_SOURCE}",
        ]
    ), str(tracker.get_slot("last_faq") or WAGES_OWED)


def told_sums_reply(services: Any, tracker: Tracker, text: str) -> tuple[str, str] | None:
    """The first of these sums the message (with the ones before) gives, and its entry."""
    taken = commission_reply(tracker, text)
    if taken is not None:
        return taken, RIDER
    sold = sales_commission_reply(tracker, text)
    if sold is not None:
        return sold, SALES_COMMISSION
    bonus, months = bonus_told(text), months_this_year(text)
    if bonus and months and tracker.get_slot("last_faq") == YEAR_END_BONUS:
        # "去年年终奖发了18000 按今年干了11个月算 该好多" after the bonus: the months' share
        return prorated_bonus_text(bonus, months), YEAR_END_BONUS
    return (
        pay_gap_reply(tracker, text)
        or unpaid_days_reply(tracker, text)
        or month_and_half_reply(tracker, text)
        or pay_after_months_reply(tracker, text)
    )
