"""N+1 named by the worker ("那N+1是啥子意思 我能拿好多", "公司说给N+1让她走"): the compensation
by the years worked and one month's pay in lieu of the 30 days' notice, worked out from the
length and the pay told earlier in the conversation (《劳动合同法》第四十条、第四十六条、
第四十七条). When the one let go is pregnant, ill or nursing, the law forbids letting her go
this way at all (第四十二条): she may refuse and keep the job, or claim the 2N if pushed out.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.leaving_told import PROTECTED
from actions.message import previous_action, recent_user_texts
from bot.domain.employment_dates import since_start_span
from bot.domain.notice_pay import notice_and_severance_text
from bot.domain.severance import Severance, asks_how_much, monthly_pay
from bot.domain.years_here import latest_length
from intents.numbers import format_number

_N_PLUS_ONE = re.compile(r"[nN]\s*\+\s*1")
# the +1 refused, the N alone given ("公司说只给N 不给那个+1 怎么办", "代通知金不给")
_PLUS_ONE_REFUSED = re.compile(
    r"只(?:给|付|赔|肯给)\s*[nN](?![\s+]*\+)|不(?:给|付|发|认)[^，,。\d]{0,4}(?:\+\s*1|加一|代通知金)"
    r"|(?:\+\s*1|加一|代通知金)[^，,。\d]{0,3}不(?:给|付|发|认)"
)
REFUSED_LEAD = (
    "那1个月工资（代通知金）不是单位想给才给：因为搬迁、岗位撤销这类客观情况变化解除合同，"
    "没提前30天书面通知你，就要另付1个月工资，不能只给N。"
)
# its meaning or its sum asked, or an offer of it told ("公司说给N+1让她走")
_ASKED = re.compile(
    r"啥子?意思|什么意思|是啥|是什么|咋个算|怎么算|给|赔|补|合理|对不对|行不行|划算"
    r"|怎么办|咋办|咋个办|咋整"
)
# how far back the length and the pay are looked for ("回到我老婆那个事 …" after courses)
LOOKBACK = 10
SOURCE = (
    "《劳动合同法》第四十条、第四十二条、第四十六条、第四十七条、第四十八条、第八十七条；"
    "《劳动合同法实施条例》第二十条"
)


NOTICE_DISMISSAL = "quit_notice_dismissal"  # the entry on a dismissal with 30 days' notice
RECENT_EVENTS = 60
# "那个多出来的一个月是啥子哦" after a dismissal without notice ("今天通知明天就不用来了")
_EXTRA_MONTH = re.compile(
    r"多出来的?(?:那|那个)?一个月|多(?:给|付|加)?的(?:那|那个)?一个月|额外的?一个月"
)
_WITHOUT_NOTICE = re.compile(
    r"明天就?(?:不用|莫|别)来|今天通知|当天(?:通知|就走)|马上(?:走人|就走)|没(?:有)?提前(?:30|三十)?天?通知"
)
EXTRA_MONTH_LEAD = (
    "多出来的那一个月是代通知金：单位因为客观情况发生重大变化（比如搬迁）、不能胜任或病后不能工作"
    "这些理由解除合同，要提前30天书面通知；没提前通知的，要额外多付1个月工资。"
)


def n_plus_one_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """N+1 worked out, or None when the message does not name it or no figures were told."""
    told = [text, *recent_user_texts(tracker, LOOKBACK)]
    # (the extra month asked of, after a dismissal without notice: the +1 of N+1)
    extra = _EXTRA_MONTH.search(text) is not None and any(map(_WITHOUT_NOTICE.search, told))
    # ("他没提前通知" right after the answer on a dismissal with notice: the month in lieu)
    # (or a little later: "我干了3年 月薪5000" worked out between)
    answered = [
        e.get("value")
        for e in tracker.events[-RECENT_EVENTS:]
        if e.get("event") == "slot" and e.get("name") == "last_faq"
    ]
    unnoticed = (
        NOTICE_DISMISSAL in answered[-2:]
        and previous_action(tracker) == "action_answer_policy"
        and _WITHOUT_NOTICE.search(text) is not None
    )
    extra = extra or unnoticed
    refused = _PLUS_ONE_REFUSED.search(text) is not None
    if _N_PLUS_ONE.search(text) is None and not extra and not refused:
        return None
    if not (asks_how_much(text) or _ASKED.search(text) or unnoticed):
        return None
    months = latest_length(told)
    if months is None:  # ("我14年10月进的厂": from the day started)
        span = next(filter(None, (since_start_span(t, services.today()) for t in told)), None)
        months = span[0] if span else None
    pay = next(filter(None, map(monthly_pay, told)), None)
    if months is None or pay is None:
        return EXTRA_MONTH_LEAD if extra else None
    said = notice_and_severance_text(months, pay)
    said = f"{EXTRA_MONTH_LEAD}\n{said}" if extra else said
    said = f"{REFUSED_LEAD}\n{said}" if refused else said
    if not any(PROTECTED.search(t) for t in told):
        return said
    double = 2 * Severance(months).months_pay * pay
    lines = said.split("\n")
    return "\n".join(
        [
            *lines[:-1],
            "但怀孕、哺乳期或医疗期内，单位不能这样（提前通知或多付1个月工资）解除合同：可以不同意，"
            f"要求继续上班；单位硬要辞退属于违法解除，可以要2倍的赔偿金（2N），约{format_number(double)}元。",
            f"依据：{SOURCE}",
        ]
    )
