"""A dismissal's notice pay and compensation together (《劳动合同法》第四十条): let go for
a plant's move, a post cut or fewer orders, the employer gives 30 days' written notice or a
month's pay more, and the compensation by the years worked."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.message import previous_action, recent_user_texts
from actions.severance_cues import SEVERANCE_TOPICS, SOMEONE_ELSE
from actions.worked_out_owed import ADDED_UP
from bot.domain.employment_dates import months_since_start
from bot.domain.notice_pay import notice_and_severance_text, pays_told
from bot.domain.severance import (
    Severance,
    asks_how_much,
    monthly_pay,
    months_worked,
)
from bot.domain.years_here import latest_length
from intents.numbers import format_number

NOTICE_DISMISSAL = "quit_notice_dismissal"  # the entry on 第四十条: notice or a month's pay
_NO_NOTICE = re.compile(
    r"(?:没有?|莫得|没得|不)提前|没打招呼|不打招呼|没通知|明天就(?:莫|不|别|不用)来|(?:今天|马上)就(?:喊|叫|让)我走"
)
_FULL_NOTICE_IF = re.compile(r"(?:要是|如果|假如)[^，,。]{0,6}提前(?:一个月|1个月|30天|三十天)")
# notice given, but less than 30 days ("只提前3天跟我说", "提前一个星期才说"; the employer's,
# not the worker's own: "我只提前了一个礼拜说的")
_SHORT_NOTICE = re.compile(
    r"(?<!我)只提前了?\s*(?:\d{1,2}|[一二两三四五六七八九十]+)\s*(?:天|个?星期|周)|提前(?:\d|[一二两三四五六七])\s*天"
    # "他们上个礼拜才口头跟我说的": told a week or two before, by word of mouth
    r"|(?:上个?|这个?)(?:礼拜|星期|周)才[^，,。]{0,6}(?:说|通知|讲)|口头(?:跟我|给我|和我)?(?:说|讲|通知)"
    r"|(?<!我)(?:才|只)提前了?(?:一|两|1|2)\s*个?(?:礼拜|星期|周)"
)
# the entries after which a notice too short is worked out: 第四十条 itself, a plant's move
NOTICE_TOPICS = frozenset({"quit_notice_dismissal", "contract_relocation"})
# the circumstances of 第四十条 told before: the plant moved away
# ("厂里要搬家 把我辞了": the plant's move, not the worker's)
_MOVED_AWAY = re.compile(r"搬到|搬去|搬走|搬迁|搬厂|(?:厂|公司|单位|店)[^，,。\s]{0,3}搬家")
# or the post done away with ("厂头说我那个岗位撤了", "没得别的岗位给我调"): 第四十条(三)
_POST_CUT = re.compile(
    r"岗位[^，,。\s]{0,2}(?:撤|取消|砍|没了|没得了|没有了|不要了)|撤(?:销|掉)?了?[^，,。\s]{0,4}岗位|(?:部门|车间|[\u4e00-\u9fff][科组])[^，,。\s]{0,2}撤"
    r"|(?:没得|没有|莫得)(?:别的|其他|其它)岗位"
)


# or the work fallen away ("订单少了要裁人"): the circumstances changed, 第四十条(三)
_WORK_FELL_AWAY = re.compile(
    r"订单少|订单不够|没得订单|没有订单|没订单|效益不好|裁人|减员|没得活|没活干"
)


_SAID_WRONG = re.compile(r"不对|说错|记错|搞错|看错")
# what counts in the pay asked ("绩效算不算进去"), not the sum again
_COUNTS_ASKED = re.compile(r"算不算|算进去|算在内|包不包括|包括不包括|计不计入")


def _months_from(told: list[str], today: Any) -> int | None:
    """The time worked the latest message of `told` says, by its length or its start day."""
    for t in told:
        months = latest_length([t])  # ("等哈 我说错了 是4年零4个月": the length put right)
        if months is None:
            months = months_since_start(t, today)
        if months is not None:
            return months
    return None


def _full_notice_text(months: int, pay: float) -> str:
    n = Severance(months).months_pay
    return "\n".join(
        [
            "提前30天书面通知了的，就不用另付那1个月工资，只给经济补偿："
            f"{format_number(n)}个月×{format_number(pay)}={format_number(n * pay)}元。",
            "依据：《劳动合同法》第四十条、第四十六条、第四十七条",
        ]
    )


def notice_total_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """ "那加起来一共该拿好多" right after the answer on a dismissal with notice or a month's pay
    (第四十条), the time worked and the pay told before: both, added up."""
    after = (
        tracker.get_slot("last_faq") == NOTICE_DISMISSAL
        and previous_action(tracker) == "action_answer_policy"
    )
    told = [text, *recent_user_texts(tracker, 4)]
    today = services.today()
    topic = tracker.get_slot("last_faq")
    moved = previous_action(tracker) == "action_answer_policy" and (
        topic in NOTICE_TOPICS
        # (the compensation worked out since, the move told before)
        or (topic in SEVERANCE_TOPICS and any(_MOVED_AWAY.search(t) for t in told))
    )
    if moved and not _COUNTS_ASKED.search(text):
        # after the answer on a plant's move (第四十条), the start day and the pay told: a
        # notice too short is a month's pay more; a full one asked of, the compensation alone
        months = _months_from(told, today)
        pay = next(filter(None, map(monthly_pay, told)), None)
        pays = pays_told(text)
        if months is not None and pays is not None:
            # "上个月工资是6500哦 前面平均才6000 那个代通知金按好多算": each at its own pay
            return notice_and_severance_text(months, pays[1], last_month=pays[0])
        # "我同事小刘才来了5个月 工资5000 跟我一样被辞了": another let go the same way
        likewise = "一样" in text and SOMEONE_ELSE.search(text) and monthly_pay(text)
        if likewise and months is not None and any(_NO_NOTICE.search(t) for t in told[1:]):
            return notice_and_severance_text(months, monthly_pay(text))
        if months is not None and pay is not None:
            if _FULL_NOTICE_IF.search(text) and not _NO_NOTICE.search(text):
                return _full_notice_text(months, pay)
            if _NO_NOTICE.search(text) and _FULL_NOTICE_IF.search(text):
                # "要是老板没有提前一个月通知我们呢": no notice, a month's pay more
                return notice_and_severance_text(months, pay)
            # (no notice at all told before, "他没有提前通知我哦", and the length put right)
            unnoticed_before = any(_NO_NOTICE.search(t) for t in told[1:])
            if (
                any(_SHORT_NOTICE.search(t) for t in told)
                and (asks_how_much(text) or monthly_pay(text) or _SAID_WRONG.search(text))
                or (unnoticed_before and _SAID_WRONG.search(text))
            ):
                return notice_and_severance_text(months, pay)
    # "他今天跟我说明天就莫来了 一点都没提前打招呼" after the compensation for a factory's
    # move (第四十条): let go without the 30 days' notice, a month's pay more
    # ("明天就不要我来了 也没提前一个月通知我" after the compensation for a post cut)
    unnoticed = (
        previous_action(tracker) == "action_answer_policy"
        # ("他只提前了一个星期跟我说的 不是要提前30天噻": a notice too short, told now)
        and (_NO_NOTICE.search(text) is not None or _SHORT_NOTICE.search(text) is not None)
        and not _FULL_NOTICE_IF.search(text)
        and any(
            _MOVED_AWAY.search(t) or _POST_CUT.search(t) or _WORK_FELL_AWAY.search(t) for t in told
        )
    )
    # "公司说我的岗位撤了 … 只提前3天跟我说" then "我在这做了2年8个月 一个月7千": too short a
    # notice told before, the figures now (a month's pay in lieu, and the compensation)
    short = (
        after
        and any(_SHORT_NOTICE.search(t) for t in told[1:])
        and months_worked(text) is not None
        and monthly_pay(text) is not None
    )
    if after and _FULL_NOTICE_IF.search(text) and not _NO_NOTICE.search(text):
        # "那要是公司提前一个月书面通知我了呢": the compensation alone, no month in lieu
        months = next((m for m in map(months_worked, told) if m is not None), None)
        pay = next(filter(None, map(monthly_pay, told)), None)
        if months is not None and pay is not None:
            return _full_notice_text(months, pay)
    # (the total asked: "该赔我好多" after a dismissal without notice or reason is the 2N's)
    if not unnoticed and not short and (not after or not ADDED_UP.search(text)):
        return None
    # (the length put right since: "等哈 我翻了下合同 是3年5个月")
    months = latest_length(told)
    pay = next(filter(None, map(monthly_pay, told)), None)
    if months is None or pay is None:
        return None
    return notice_and_severance_text(months, pay)
