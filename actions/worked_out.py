"""Answers worked out from what the worker says, right after a policy answer or with the
question: the retirement age, the double wage without a contract, the longest probation, the
disability grant and whether a commuting accident is 工伤; the annual-leave calculators are in
actions/worked_out_leave.py, the medical period's in actions/worked_out_sick.py, the overtime
pay's in actions/worked_out_overtime.py, the compensation's in actions/worked_out_severance.py,
the injury's in actions/worked_out_injury.py (bot/domain/ does the arithmetic; these modules
decide when a message gives what a calculation needs, reading the last few messages too)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.group_claims import GROUP_CLAIM, group_sum_asked
from actions.message import last_reply, previous_action, recent_bot_texts, recent_user_texts
from actions.n_plus_one import n_plus_one_reply
from actions.worked_out_bond import TRAINING_BOND, bond_reply
from actions.worked_out_by_day import by_day_reply
from actions.worked_out_commute import COMMUTE, commute_reply
from actions.worked_out_contract import NO_CONTRACT, NONCOMPETE, double_wage_reply, noncompete_reply
from actions.worked_out_deductions import deduction_reply, heat_allowance_reply
from actions.worked_out_docked import paid_time_docked_reply
from actions.worked_out_earlier_job import earlier_job_reply
from actions.worked_out_final_pay import FINAL_PAY, final_pay_reply
from actions.worked_out_hours import hours_reply
from actions.worked_out_injury import DISABILITY, INJURY_REST, disability_reply, injury_leave_reply
from actions.worked_out_insurance import UNEMPLOYMENT, unemployment_reply
from actions.worked_out_last_wages import last_wages_reply
from actions.worked_out_leave import (
    ANNUAL_LEAVE,
    SICK_PAY,
    UNUSED_LEAVE,
    annual_leave_reply,
    resigned_leave_reply,
    sick_leave_reply,
    sick_pay_reply,
    waived_leave_reply,
)
from actions.worked_out_maternity import (
    BIRTH_ALLOWANCE,
    MATERNITY,
    birth_allowance_reply,
    maternity_reply,
)
from actions.worked_out_minimum import minimum_wage_reply
from actions.worked_out_notice import NOTICE_DISMISSAL, notice_total_reply
from actions.worked_out_offer import offer_reply
from actions.worked_out_overtime import OVERTIME, overtime_reply
from actions.worked_out_owed import (
    SITE_TOLD,
    owed_and_severance_reply,
    owed_sum,
    owed_wages_reply,
)
from actions.worked_out_pay_cut import CHANGE_OF_TERMS, pay_cut_reply
from actions.worked_out_pensioner import PAST_THE_AGE, pensioner_reply
from actions.worked_out_piece_rate import piece_rate_reply
from actions.worked_out_pretext import unlawful_reply
from actions.worked_out_probation import probation_reply
from actions.worked_out_refund import owed_on_leaving_reply
from actions.worked_out_renewal import CONTRACT_EXPIRY, renewal_reply
from actions.worked_out_retirement import RETIREMENT, retirement_reply
from actions.worked_out_severance import (
    FORCED_TO_LEAVE,
    SEVERANCE,
    forced_to_leave,
    severance_reply,
)
from actions.worked_out_shutdown import SHUTDOWN, shutdown_pay_reply
from actions.worked_out_sick import (
    AFTER_THE_PERIOD,
    MEDICAL_PERIOD,
    NO_DISMISSAL,
    after_period_reply,
    medical_period_reply,
    threatened_dismissal_reply,
)
from actions.worked_out_story import story_for_sum
from actions.worked_out_together import severances_added
from actions.worked_out_told import told_sums_reply
from actions.worked_out_unused_leave import unused_leave_reply
from bot.domain.contribution_years import contribution_years_text, short_of_minimum_text
from bot.domain.count_corrected import count_put_right, sum_put_right
from bot.domain.leave_deduction import personal_leave_text
from bot.domain.nursing_pay import docked_nursing_text
from bot.domain.paid_short import shortfall_text
from bot.domain.severance import (
    FORCED_LINE,
    asks_how_much,
    monthly_pay,
)
from bot.domain.time_limit import deadline_text, interrupted_text, left_on
from bot.domain.wages_owed import (
    asks_the_extra,
    days_corrected,
    days_pay_text,
    days_worked,
    extra_text,
    extra_told,
    months_at_pays,
    owed_by_pays_text,
    site_owed_text,
)
from bot.knowledge.pointed_leave import not_worked_docked

UNLAWFUL = "sev_unlawful_2x"  # the entry on an unlawful dismissal's damages
PERSONAL_LEAVE = "leave_marriage_funeral"  # the entry the docked personal leave follows


# the last wages held back from a worker who leaves
_WITHHELD_ON_LEAVING = re.compile(
    r"工资(?:就|也)?(?:不发|不给|不结|扣了?|押)|(?:不发|扣|押)(?:着|住)?(?:我)?(?:的)?工资"
)
WITHHELD_LEAD = "不合法：干了活的工资，离职时单位要一次付清，不能扣着不发，也不能拿来抵违约金。"

# the entries on wages held back, after which the days worked and the pay ask the sum
WAGES_OWED = "quit_wage_withheld"
ONE_MONTH = "一个月工资"
_MONTHS_HELD = re.compile(r"[两二三四五六七八九十几\d]+个月")
WAGE_TOPICS = frozenset({WAGES_OWED, "wage_arrears_complain", "wage_monthly_payslip"})
EXTRA_OWED = "wage_arrears_complain"  # the entry that tells the 50 % to 100 % extra
SITE_WAGES = "wage_migrant_site"  # the entry on a building site's wages
# "做了52天 说好的一天350": days worked at a day's rate
_WORK_DAYS_TOLD = re.compile(
    r"(?:做了|干了|上了|一共)\s*\S{1,4}?\s*(?:个工|个工日|天工|天)[^，,。]{0,8}?(?:一天|每天|一个工)"
    # ("一天350 我做了26天": the rate first)
    r"|(?:一天|每天|一个工)[^，,。]{0,8}?(?:做了|干了|上了|一共)\s*\S{1,4}?\s*(?:个工|个工日|天工|天)"
)
_STILL_OWED = re.compile(r"还欠|欠我好多|欠好多|欠多少|还差|差我好多|该给我好多|还该给")


# the wages owed as the bot worked them out ("还欠：3×4800-2000=12400元", "一共2×6500=13000元")
_OWED_SHOWN = re.compile(r"(?:还欠|拖欠)[^\n]*?=(?P<n>\d+(?:\.\d+)?)元")


def _owed_shown(said: str) -> float | None:
    m = _OWED_SHOWN.search(said or "")
    return float(m.group("n")) if m else None


def wages_owed_reply(services: Any, tracker: Tracker, text: str) -> tuple[str, str] | None:
    """After an answer on wages held back, the days worked and the monthly pay told, asked
    what they come to ("我11月份上了15天班 一个月是4千3百5 他该给我好多"); or the extra for
    holding them back, with the sum ("加付赔偿金 按3000算是好多到好多")."""
    owed = extra_told(text)
    if owed is not None and asks_how_much(text):
        return extra_text(owed), EXTRA_OWED
    pairs = months_at_pays(text)
    if pairs:  # "搞错了 有一个月是4千8 另外两个月才是5千2": each month at its pay
        return owed_by_pays_text(pairs), EXTRA_OWED
    if asks_the_extra(text):
        # "听说还要加付赔偿金 最少好多最多好多": on the sum owed worked out before
        earlier = recent_user_texts(tracker, 3)
        before = next(filter(None, map(months_at_pays, earlier)), None)
        if before and asks_how_much(text):
            return extra_text(sum(c * p for c, p in before)), EXTRA_OWED
        # ("听说还可以要加付赔偿金 是好多" after the sum owed was worked out and corrected:
        # the latest sum shown, "还欠：3×4800-2000=12400元")
        shown = next(filter(None, map(_owed_shown, recent_bot_texts(tracker, 4))), None)
        if shown and asks_how_much(text):
            return extra_text(shown), EXTRA_OWED
        # ("听别个说拖欠工资还能多要一笔钱 真的假的" after "欠了我两个月工资 每个月6000")
        owed_before = owed_sum(earlier)
        if owed_before:
            return extra_text(owed_before), EXTRA_OWED
        # ("jia fu pei chang jin neng you duo shao" after "我一个月3800 他要是一直拖着不给": the
        # month's pay held back, the only sum told)
        # (only after an answer on wages held back: "能多要好多" after the double wage's is
        # that sum's)
        pay = next(filter(None, map(monthly_pay, [text, *earlier])), None)
        held_back = str(tracker.get_slot("last_faq") or "") in WAGE_TOPICS or "加付" in text
        months_told = _MONTHS_HELD.search(" ".join([text, *earlier]))
        if pay and held_back and not months_told and asks_how_much(text):
            return extra_text(pay, ONE_MONTH), EXTRA_OWED
    days, pay = days_worked(text), monthly_pay(text)
    if days is not None and pay and _WITHHELD_ON_LEAVING.search(text):
        # "老板说我要走的话这个月工资就不发了 我这个月上了15天班 工资4350": unlawful, and the sum
        return WITHHELD_LEAD + "\n" + days_pay_text(days, pay), WAGES_OWED
    if _STILL_OWED.search(text):
        # "他还欠我好多" after "做了78个工 说好一天350 只给了1万块生活费"
        site = site_owed_text(" ".join([text, *recent_user_texts(tracker, 3)]))
        if site is not None:
            return site, SITE_WAGES
    slug = str(tracker.get_slot("last_faq") or "")
    earlier = recent_user_texts(tracker, 4)
    # ("一天350 我做了26天" right after that answer: the figures told, the sum not asked)
    told_after = previous_action(tracker) == "action_answer_policy"
    if slug == SITE_WAGES and (asks_how_much(text) or told_after) and _WORK_DAYS_TOLD.search(text):
        # "我做了52天 说好的一天350 一共该好多" after where a site's wages are claimed
        site = site_owed_text(" ".join([text, *earlier]), none_paid=True)
        if site is not None:
            return site, SITE_WAGES
    fixed = days_corrected(text)
    if fixed is not None and any(map(_WORK_DAYS_TOLD.search, earlier)):
        # "是58天不是52天" a few messages after the site's sum: that sum again
        site = site_owed_text(" ".join([text, *earlier]), none_paid=True, days=fixed)
        if site is not None:
            return site, SITE_WAGES
    if slug not in WAGE_TOPICS or previous_action(tracker) != "action_answer_policy":
        return None
    days = days_worked(text)
    # ("我工资4350 这个月上了10天班" right after such an answer: the figures, the sum asked)
    if days is None or not (asks_how_much(text) or monthly_pay(text)):
        return None
    pay = monthly_pay(text) or next(
        filter(None, map(monthly_pay, recent_user_texts(tracker, 3))), None
    )
    return (days_pay_text(days, pay), WAGES_OWED) if pay else None


PENSION_YEARS = "si_pension_medical"  # the entry on the years a pension needs
TIME_LIMIT = "dispute_time_limit"
NURSING = "women_breastfeeding"


def interrupted_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """Right after the answer on the time limit, a demand made on the employer told ("我今年3
    月份还打电话找老板要过的"): the year runs anew from then."""
    if tracker.get_slot("last_faq") != TIME_LIMIT or previous_action(tracker) != (
        "action_answer_policy"
    ):
        return None
    left = left_on(text, services.today())
    if left is not None:  # "我是2025年10月15号走的": the year from that day
        return deadline_text(left, services.today())
    return interrupted_text(text, services.today())


def _paid_short(tracker: Tracker, text: str) -> tuple[str, str] | None:
    """What is still owed of the sum the last reply worked out, under the same entry."""
    slug = tracker.get_slot("last_faq")
    if not slug or previous_action(tracker) != "action_answer_policy":
        return None
    said = " ".join(str(e.get("text") or "") for e in last_reply(tracker))
    short = shortfall_text(said, text)
    return None if short is None else (short, str(slug))


# the slips of a pinyin keyboard the classifier already reads through (intents/colloquial.py)
_BY_SOUND = {"加斑": "加班", "加版": "加班", "公资": "工资"}
_TYPED_BY_SOUND = re.compile("|".join(_BY_SOUND))


def worked_out_reply(services: Any, tracker: Tracker, text: str) -> tuple[str, str] | None:
    """A calculator's answer (the retirement age, the compensation, the annual leave days,
    whether a commuting accident is 工伤, the medical period, the overtime pay, the unused
    annual leave of someone leaving, the longest probation) and
    the FAQ entry whose rule it applies, when the message gives what it needs; in a mediation
    request, a sum asked with no dispute of its own ("那应该给好多 我工资一个月5220") is read with
    the request's story (actions/worked_out_story.py)."""
    if not_worked_docked(text):
        return None  # "要是她那两天没上班 工资会少发不": whether pay is docked, no sum
    before = recent_user_texts(tracker, 1)
    # ("等哈 我说错了 是7800" after "我一个月7500": the same sum on the pay put right)
    fixed = (count_put_right(text, before[0]) or sum_put_right(text, before[0])) if before else None
    if fixed is not None:  # "等哈 我说错了 是3天": the sum just asked, for that count
        again = _worked_out(services, tracker, fixed)
        if again is not None:
            return again
    said = _worked_out(services, tracker, text)
    story = story_for_sum(tracker, text) if said is None else None
    return _worked_out(services, tracker, f"{text} {story}") if story else said


def _worked_out(services: Any, tracker: Tracker, text: str) -> tuple[str, str] | None:
    text = _TYPED_BY_SOUND.sub(lambda m: _BY_SOUND[m.group(0)], text)  # "加斑费" is 加班费
    group = group_sum_asked(tracker)
    if group is not None:  # "一共好多钱哦" after "9个人 … 每个人都是4500" or each one's sum
        return group, GROUP_CLAIM
    owed = told_sums_reply(services, tracker, text) or wages_owed_reply(services, tracker, text)
    if owed is not None:
        return owed
    by_day = by_day_reply(services, tracker, text)
    if by_day is not None:  # "一个人一天300 做了70天 一个人该拿好多"
        return by_day, EXTRA_OWED
    pieces = piece_rate_reply(services, tracker, text)
    if pieces is not None:  # "礼拜六加班 我做了80件 该拿好多" after "一件3块钱"
        return pieces, OVERTIME
    refund = owed_on_leaving_reply(services, tracker, text)
    if refund is not None:  # "还有最后半个月工资2100也没给 总共该退我好多" after a deposit
        return refund
    final = final_pay_reply(services, tracker, text)
    if final is not None:  # "这个月的工资 公司说下个月15号才发" from one leaving this month
        return final, FINAL_PAY
    # ("那N+1是啥子意思 我能拿好多": the compensation and a month more, named)
    in_lieu = n_plus_one_reply(services, tracker, text) or notice_total_reply(
        services, tracker, text
    )
    if in_lieu is not None:  # "那加起来一共该拿好多" after the notice or a month's pay
        return in_lieu, NOTICE_DISMISSAL
    unlawful = unlawful_reply(services, tracker, text)
    if unlawful is not None:  # "就是找个借口开我呢"; "要是他硬要辞退我呢" from one ill
        return unlawful, UNLAWFUL
    docked = deduction_reply(services, tracker, text) or heat_allowance_reply(
        services, tracker, text
    )
    if docked is not None:  # "我一个月4千5" after what may be docked; a day's allowance
        return docked
    together = severances_added(tracker, text)
    if together is not None:  # "那我们两口子加起来好多" after each one's compensation
        return together, SEVERANCE
    both = owed_and_severance_reply(services, tracker, text)
    if both is not None:  # "那欠的两个月工资加上补偿 一共好多"
        return both, FORCED_TO_LEAVE
    owed_months = owed_wages_reply(services, tracker, text)
    if owed_months is not None:  # "三个月没发工资了 每个月4800 一共欠我好多"
        # (on a building site the entry on who pays when the labour boss has gone follows)
        return owed_months, SITE_WAGES if SITE_TOLD in owed_months else EXTRA_OWED
    offer = offer_reply(services, tracker, text)
    if offer is not None:  # "说协商解除 给我5万块 划不划算", "那他给5万 差好多"
        return offer, SEVERANCE
    cut = pay_cut_reply(services, tracker, text)
    if cut is not None:  # "降了3个月了 我少拿了好多" after the pay cut without agreement
        return cut, CHANGE_OF_TERMS
    stopped = shutdown_pay_reply(services, tracker, text)
    if stopped is not None:  # "我合同上工资4500 第一个月该拿好多" after a stoppage's pay
        return stopped, SHUTDOWN
    short = _paid_short(tracker, text)
    if short is not None:  # "他只给了我800块 还差好多" right after a sum worked out
        return short
    if tracker.get_slot("last_faq") == NURSING and (docked := docked_nursing_text(text)):
        return docked, NURSING  # "每天都扣一个钟头 他总共扣了我好多钱" after the nursing hour
    docked = personal_leave_text(text, " ".join(recent_user_texts(tracker, 3)))
    if docked is not None:  # "我一个月4350 扣两天事假的话 最多该扣好多"
        return docked, PERSONAL_LEAVE
    refund = paid_time_docked_reply(tracker, text)
    if refund is not None:  # "已经扣了我3天了 … 该退我好多" after check-ups are paid time
        return refund
    anew = interrupted_reply(services, tracker, text)
    if anew is not None:  # "我今年3月份还找老板要过的" after the time limit
        return anew, TIME_LIMIT
    minimum = minimum_wage_reply(services, tracker, text)
    if minimum is not None:  # "老板说这1800里头还有加班费" after the minimum wage asked
        return minimum
    hours = hours_reply(tracker, text)
    if hours is not None:  # a working week or month, hours paid by the hour, a month's overtime
        return hours
    bond = bond_reply(tracker, text)
    if bond is not None:  # "培训费是12000 服务期3年 她已经干满2年了 最多赔好多"
        return bond, TRAINING_BOND
    years = contribution_years_text(text) or short_of_minimum_text(
        text, " ".join(recent_user_texts(tracker, 1))
    )
    if years is not None:  # "在成都交了6年零4个月 重庆交过2年零9个月 加起来算好多年"
        return years, PENSION_YEARS
    for reply, entry in (
        (pensioner_reply, PAST_THE_AGE),  # "那我晚上多守几个钟头 有没得加班费" from a pensioner
        (unemployment_reply, UNEMPLOYMENT),
        (maternity_reply, MATERNITY),
        (birth_allowance_reply, BIRTH_ALLOWANCE),
        (noncompete_reply, NONCOMPETE),
        (double_wage_reply, NO_CONTRACT),
        (retirement_reply, RETIREMENT),
        (disability_reply, DISABILITY),
        (after_period_reply, AFTER_THE_PERIOD),  # before the compensation: the years here
        (earlier_job_reply, SEVERANCE),  # "之前那家的9年算不算进去" after the sum
        (renewal_reply, CONTRACT_EXPIRY),  # "那工资不变 是我自己不想续呢": no compensation
        (severance_reply, SEVERANCE),
        (waived_leave_reply, UNUSED_LEAVE),
        (resigned_leave_reply, UNUSED_LEAVE),
        (unused_leave_reply, UNUSED_LEAVE),
        (sick_pay_reply, SICK_PAY),
        (sick_leave_reply, ANNUAL_LEAVE),
        (annual_leave_reply, ANNUAL_LEAVE),
        (commute_reply, COMMUTE),
        (injury_leave_reply, INJURY_REST),
        (threatened_dismissal_reply, NO_DISMISSAL),  # "歇超过两个月就要辞退我"
        (medical_period_reply, MEDICAL_PERIOD),
        (overtime_reply, OVERTIME),
    ):
        said = reply(services, tracker, text)
        if said and reply is severance_reply and (forced_to_leave(tracker) or FORCED_LINE in said):
            # the conversation stays on leaving over unpaid wages ("要不要提前30天跟他说" next;
            # "工资一个月3千6 那补偿是好多" after the story of quitting over insurance)
            return said, FORCED_TO_LEAVE
        if said:
            return said, entry
    last = last_wages_reply(services, tracker, text)
    if last is not None:  # "10月份的也还没给我" after the last month's days and the pay
        return last, WAGES_OWED
    return probation_reply(services, tracker, text)
