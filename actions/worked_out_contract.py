"""The double wage for months without a written contract (《劳动合同法》第八十二条), and a
non-compete's compensation (第二十三条, 第二十四条), worked out
from the dates or the months and the pay the worker tells, right after an answer about a
contract never signed or asked outright (split from actions/worked_out.py)."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.leaving_told import DISMISSED
from actions.message import previous_action, recent_user_texts
from actions.worked_out_bond import TRAINING_BOND
from actions.worked_out_severance import OTHER_SUBJECT
from bot.domain.double_wage import (
    asks_by_when,
    counted_months_text,
    double_wage_text,
    months_counted,
    sign_by_text,
    start_day_told,
)
from bot.domain.employment_dates import months_employed, months_since_start, told_until
from bot.domain.noncompete import noncompete_pay_text
from bot.domain.severance import asks_how_much, length_corrected, monthly_pay, months_worked
from bot.knowledge.pointed import asks_where_to_turn
from intents.numbers import NUM, parse_number

# the entries on a contract not signed, after which "我一个月3500 能补好多钱" asks the double wage
NO_CONTRACT_TOPICS = frozenset({"contract_sign_deadline", "contract_over_1year"})
NO_CONTRACT = "contract_sign_deadline"
_WHAT_IF = re.compile(r"要是|如果|假如|万一|假设")
# ("我不签呢": the worker refusing a renewal, not a contract never signed)
_NO_CONTRACT = re.compile(
    r"(?:没|没有|未)(?:跟我|和我|给我|同我|与我)?签|不(?:跟我|和我|给我|同我|与我)签"
    r"|没得合同|莫得合同|没有合同|没合同"
)
_DOUBLE = re.compile(r"双倍|二倍|两倍|2倍")
_BARE_LENGTH = 10  # "合同也没签过", "也没签合同": told alone
_MORE_MONEY = re.compile(r"多(?:要|拿|得|赔|补|给)(?:点|些|一点|一些)?(?:钱)?")
_WAGE_DOUBLED = re.compile(r"(?:双倍|二倍|两倍|2倍)工资")
NAMED_LOOKBACK = 6
# a contract there was, that ran out ("合同到期了厂里不跟她续"): no double wage, the compensation
_CONTRACT_RAN_OUT = re.compile(r"合同(?:已经|都|也)?(?:到期|期满|满了)")
_COMPENSATION = re.compile(r"补偿|赔偿")


_CLAUSE_BREAK = re.compile(r"[\s，,。；;！!？?]+")
_ASIDE_CLAUSES = 3
_ASIDE_OPENER = re.compile(r"^(?:对了|还有|另外|哦|噢|而且)")


def _bare_clause(text: str) -> str | None:
    """The clause that tells a contract never signed bare ("合同也没签过", or "对了合同也没签过"
    beside a clause on who pays the wages), or None."""
    whole = text.strip()
    if _NO_CONTRACT.search(whole) and len(whole) <= _BARE_LENGTH:
        return whole
    # (the message's first clause, one or two more beside it: an aside, not a story told with
    # "合同一直没签" among its clauses, which asks the relation)
    clauses = [c for c in _CLAUSE_BREAK.split(whole) if c]
    first = clauses[0] if clauses else ""
    if len(clauses) <= _ASIDE_CLAUSES and _NO_CONTRACT.search(first):
        return first if len(_ASIDE_OPENER.sub("", first)) <= _BARE_LENGTH else None
    return None


def _told_no_contract(tracker: Tracker, text: str) -> bool:
    """A contract never signed told a message or two before ("我4月1号进的厂 11月30号辞职走了
    老板一直没跟我签合同"), no dismissal among it, and now the sum asked or the pay given."""
    told = recent_user_texts(tracker, 2)
    return (
        any(_NO_CONTRACT.search(t) for t in told)
        and not any(DISMISSED.search(t) for t in [text, *told])
        and (asks_how_much(text) or monthly_pay(text) is not None)
    )


# what contract the worker now has, asked ("现在算啥子合同", "是不是就是无固定期限了")
_KIND_ASKED = re.compile(r"(?:算|是)(?:个|一种)?(?:啥子|什么|哪种|哪样)(?:样的?)?合同|无固定期限")


# quitting over the employer's wrongs, and the compensation for it asked
_QUITS_FOR_COMPENSATION = re.compile(r"(?:辞职|不干了|走人|离职|解除)[^。？?]{0,8}(?:补偿|赔偿)")


def double_wage_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """Right after an answer about a contract never signed, the time worked and the pay told
    in the last few messages, asked what it comes to: the double wage worked out."""
    slug = str(tracker.get_slot("last_faq") or "")
    after = slug in NO_CONTRACT_TOPICS and previous_action(tracker) == "action_answer_policy"
    # "没签合同是不是要赔双倍工资 我今年3月1号进去的 11月30号走的 一个月4千8": asked outright
    asked = _NO_CONTRACT.search(text) and (
        _DOUBLE.search(text)
        # "没签合同的话 还能多要点钱不 我干了5个月 每个月6200" after an injury: the more money
        # a contract never signed brings, asked with the months and the pay
        or (_MORE_MONEY.search(text) and months_worked(text) and monthly_pay(text))
        # "我进厂8个月了 老板一直没跟我签合同 每个月5千 能找他要好多": all told at once
        or (
            asks_how_much(text)
            # ("我师傅2024年6月1号进去的 到现在也没签 工资5000 他能要好多": a start day)
            and (months_worked(text) or months_since_start(text, services.today()) is not None)
            and monthly_pay(text)
            and not DISMISSED.search(text)
        )
    )
    # "等哈 我记错了 是干了7个月 那双倍工资是好多" after a dismissal was asked of: the double
    # wage named, the contract never signed told earlier in the conversation
    named = _WAGE_DOUBLED.search(text) is not None and any(
        _NO_CONTRACT.search(t) for t in recent_user_texts(tracker, NAMED_LOOKBACK)
    )
    # "合同也没签过" said bare after a dismissal's sums: the double wage besides, from the
    # length and the pay told before
    # ("对了合同也没签过 工资都是项目经理代公司发的" after the compensation for 8 months: told
    # in a clause of its own, the length told before, the pay not yet: the months alone)
    clause = _bare_clause(text)
    besides = (
        clause is not None
        and not _WHAT_IF.search(text)
        and previous_action(tracker) == "action_answer_policy"
    )
    if besides:
        told = [text, *recent_user_texts(tracker, 3)]
        months = next((m for m in map(months_worked, told) if m is not None), None)
        pay = next(filter(None, map(monthly_pay, told)), None)
        if months is not None and (pay is not None or clause != text.strip()):
            return double_wage_text(months, pay)
    if not (after or asked or named or _told_no_contract(tracker, text)):
        return None
    if _CONTRACT_RAN_OUT.search(text) and not _NO_CONTRACT.search(text):
        return None  # "我姐 … 合同到期了厂里不跟她续 她做了6年": a contract signed, ended
    # "等哈 我算了下 是7个月了" right after the sum: the months without a contract put right
    corrected = length_corrected(text) if after else None
    today = services.today()
    if not (
        asks_how_much(text)
        or monthly_pay(text)
        # ("要是干满一年了他还是不签呢" asks what a year without a contract means)
        or (months_worked(text) and not _WHAT_IF.search(text))
        or corrected is not None
        # "我是今年3月1号去的 10月31号走的": the first and last day
        or months_employed(text, today) is not None
        # ("要是他一直拖到明年8月都不签呢": the months up to then)
        or (_WHAT_IF.search(text) and told_until(text))
        # ("哎呀不对 合同是7月1号签的 不是8月" right after the sum: the day it ended, corrected)
        or (after and told_until(text))
    ):
        return None
    if _QUITS_FOR_COMPENSATION.search(text):
        # "要是我因为这个辞职 补偿好多": the compensation for quitting, not the double wage
        return None
    if asks_where_to_turn(text) or OTHER_SUBJECT.search(text) or _KIND_ASKED.search(text):
        return None  # ("那满了一年还没签 现在算啥子合同": the contract it now is, its entry)
    told = [text, *recent_user_texts(tracker, 3)]
    counted = months_counted(text)
    if counted is not None:  # "就按9月10月两个月算嘛 能多拿好多": those months
        return counted_months_text(*counted, next(filter(None, map(monthly_pay, told)), None))
    if (
        _COMPENSATION.search(text)
        and not _DOUBLE.search(text)
        and any(DISMISSED.search(t) for t in told)
    ):
        return None  # "他喊我走的时候啥子理由都没说 这个还有补偿没得": the dismissal's sum
    # the first day and the last, told in one message or apart, before a rough length told
    # earlier ("干了快一年", then "今年2月1号进去的 11月30号不干了")
    months = months_worked(text)
    if months is None:
        months = corrected
    if months is None:
        months = months_employed(" ".join(reversed(told)), today)
    if months is None:
        months = next((m for m in map(months_worked, told[1:]) if m is not None), None)
    if months is None:
        return None
    start = start_day_told(text, today)
    if months < 1 and start is not None and asks_by_when(text):
        return sign_by_text(start)  # "我12月1号入职 最迟哪天必须签": the last day to sign
    pay = next(filter(None, map(monthly_pay, told)), None)
    return double_wage_text(months, pay)


NONCOMPETE = "noncomp_compensation"  # the entry on a non-compete's compensation
# the sum asked ("那我能拿好多"), not "也算吗"
_NONCOMPETE_SUM = re.compile(r"好多|多少|能拿|能要|几千|几百")


def noncompete_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """After an answer on a non-compete, the average pay told (here or in the last few
    messages) and the sum asked: 30 % of it a month ("离职前一年平均工资9千" then "那我能拿好多")."""
    slug = str(tracker.get_slot("last_faq") or "")
    # ("离职前一年平均工资1万2" right after: the pay told is what it is asked with)
    if not slug.startswith("noncomp") or not (_NONCOMPETE_SUM.search(text) or monthly_pay(text)):
        return None
    if slug == TRAINING_BOND and "竞业" not in text:
        return None  # "如果是公司叫我走的呢 我工资6800 …" after a service period: not a non-compete
    told = [text, *recent_user_texts(tracker, 3)]
    pay = next(filter(None, map(monthly_pay, told)), None)
    if not pay:
        return None
    # "竞业限制写的是3年" (the term), "公司一直没给过钱 都4个月了" (the months gone unpaid)
    term = next(filter(None, map(_NONCOMPETE_TERM.search, told)), None)
    unpaid = _UNPAID_MONTHS.search(text)
    return noncompete_pay_text(
        pay,
        years=parse_number(term.group("n")) if term else None,
        unpaid_months=int(parse_number(unpaid.group("n")) or 0) if unpaid else None,
    )


_NONCOMPETE_TERM = re.compile(
    rf"(?:竞业限制|竞业|限制)(?:期)?[^，,。\d]{{0,6}}?(?P<n>{NUM}|半)\s*年"
)
_UNPAID_MONTHS = re.compile(rf"(?:没给|没发|没付|没打|一分)[^，,。]{{0,8}}?(?P<n>{NUM})\s*个月")
