"""Docked wages and a daily allowance worked out from what the worker says, right after the
answer on each: the most a month's pay may be docked ("我一个月4千5", "那3千块要扣好几个月"),
and a high-temperature allowance owed for the days worked (bot/domain/deductions.py)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import previous_action, recent_user_texts
from actions.severance_cues import SOMEONE_ELSE
from bot.domain.deductions import (
    allowance_owed_text,
    dock_limit_text,
    docked_at_once,
    sum_to_dock,
)
from bot.domain.severance import monthly_pay
from intents.numbers import NUM, parse_number

DEDUCTION = "wage_deduction_fine"  # the entry on what may be docked
HEAT = "wage_high_temp"  # the entry on the high-temperature allowance
# "扣了以后剩的钱 会不会比重庆最低工资还低哦": what is left, asked of the pay told before
_LEFT_ASKED = re.compile(r"剩的|剩下|还剩|剩多少|剩好多|最低工资")
_HOW_LONG = re.compile(r"几个月|好久|多久|多少个月|好多个月")
# "那一个月最多扣好多嘛": the month's most, asked again of the pay told before
_MOST_ASKED = re.compile(r"最多(?:能|可以|可|只能)?扣(?:好多|多少|几百|几个)|扣好多(?:算|是)?合法")
# "老板说是店头规矩 摔烂东西照价赔 我签了字的": a house rule signed, which the cap still binds
_RULE_SIGNED = re.compile(r"规矩|规章|制度|签了字|签过字|签了的|签字|同意了|同意过")
SIGNED_LEAD = (
    "店里的规矩、您签了字的也一样，不能突破法律的上限：因您的过错造成损失，单位可以要求赔，"
    "但从工资里扣，每月最多扣当月工资的20%。"
)

# "公司说不签字同意扣钱就不发工资": the wages held back to make the worker sign
# ("我不签字认这个扣款 这个月工资就不发": the wages named first)
_PAY_HELD_TO_SIGN = re.compile(
    r"不签[^，,。]{0,12}?(?:(?:就|便)?(?:不发|不给|扣着|押着|停发)(?:我的?|我们的?)?工资"
    r"|工资(?:就|也|便)?(?:不发|不给|停发|扣着|押着))"
)
HELD_TO_SIGN_LEAD = (
    "不签字就不发工资是违法的：工资要按月足额发，单位不能拿扣着工资逼你签字同意扣钱。"
    "你可以不签；单位真的不发的，留好聊天记录、工资条，向劳动保障监察投诉（12333）或申请劳动仲裁，"
    "拖欠不发的还可以要求加付赔偿金。就算是你的过错造成了损失，从工资里扣也有上限："
)
# a fine for lateness or absence told before ("迟到一次扣200"): no loss caused, no sum to dock
_A_FINE = re.compile(r"迟到|早退|旷工|罚款|罚钱|罚了")

# "机器坏了 老板扣了我1500 合法吗 我工资5000": a loss docked, told with the question
# ("杯子打烂了": broken, said the Sichuan way)
# ("把电动扳手整烂了": 整 for 弄)
_DAMAGE = re.compile(r"弄坏|搞坏|打坏|摔坏|整坏|坏了|损坏|弄丢|搞丢|损失|[打摔弄搞整]烂|[打摔]碎")
# who bears the loss: only a loss the worker caused may be docked (工资支付暂行规定第十六条)
FAULT_FIRST = (
    "只有因为你本人的原因给单位造成经济损失，单位才可以按劳动合同的约定要你赔；"
    "机器正常损耗、老化或者不是你的过错弄坏的，不该由你赔。"
)


_OVER_ASKED = re.compile(r"(?<!最)多扣了?(?:我|他|她)?(?:好多|多少|几百)")
# "老板说要赔1500 直接从我4000的工资头扣了": the pay it was docked from, and the sum
_PAY_DOCKED_FROM = re.compile(rf"从(?:我|他|她)?的?\s*(?P<pay>{NUM})\s*(?:块|元)?的?工资")
_TO_PAY_BACK = re.compile(rf"(?:要|叫我|喊我|让我)?赔\s*(?P<n>{NUM})\s*(?:块|元)?")


def _pay_of(text: str) -> float | None:
    """The monthly pay told, or the pay a sum was docked from ("从我4000的工资头扣了")."""
    m = _PAY_DOCKED_FROM.search(text)
    return monthly_pay(text) or (parse_number(m.group("pay")) if m else None)


def _owed_of(text: str) -> float | None:
    m = _TO_PAY_BACK.search(text)
    return sum_to_dock(text) or (parse_number(m.group("n")) if m else None)


def deduction_reply(services: Any, tracker: Tracker, text: str) -> tuple[str, str] | None:
    """The most a month's pay may be docked, after the answer on deductions or told with a
    loss docked ("机器坏了 老板扣了我1500 合法吗 我工资5000": the fault first, then the 20 %)."""
    pay, owed = monthly_pay(text), sum_to_dock(text)
    if _DAMAGE.search(text) and pay and owed and owed != pay:
        return f"{FAULT_FIRST}\n{dock_limit_text(pay, owed)}", DEDUCTION
    if tracker.get_slot("last_faq") != DEDUCTION or previous_action(tracker) != (
        "action_answer_policy"
    ):
        return None
    earlier = recent_user_texts(tracker, 4)
    pay = monthly_pay(text)
    asked = (
        _HOW_LONG.search(text)
        or _LEFT_ASKED.search(text)
        or _RULE_SIGNED.search(text)
        or _MOST_ASKED.search(text)
        or _OVER_ASKED.search(text)
    )
    if pay is None and not asked:
        return None
    pay = pay or next(filter(None, map(_pay_of, earlier)), None)
    if pay is None:
        return None
    # ("我老公 … 工资3500 … 厂头一次扣了他1000": his own sum, not the worker's told before)
    own = sum_to_dock(text)
    others = SOMEONE_ELSE.search(text) is not None
    losses = [t for t in earlier if not _A_FINE.search(t)]
    owed = own or (None if others else next(filter(None, map(_owed_of, losses)), None))
    lead = SIGNED_LEAD if _RULE_SIGNED.search(text) else ""
    if _PAY_HELD_TO_SIGN.search(text):
        lead = HELD_TO_SIGN_LEAD
    # ("那这个月多扣了我好多" after a sum docked at once, told before: what went over)
    at_once = (own is not None and docked_at_once(text)) or (
        owed is not None and _OVER_ASKED.search(text) is not None
    )
    return dock_limit_text(pay, owed, at_once=at_once, lead=lead), DEDUCTION


def heat_allowance_reply(services: Any, tracker: Tracker, text: str) -> tuple[str, str] | None:
    if tracker.get_slot("last_faq") != HEAT:
        return None
    said = allowance_owed_text(text)
    return (said + "\n依据：《防暑降温措施管理办法》第十七条", HEAT) if said else None
