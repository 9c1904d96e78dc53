"""The time limit to apply for arbitration, interrupted by asking the employer to pay.

《劳动争议调解仲裁法》第二十七条: one year from the day the worker knew of the harm; it is
interrupted when the worker claims the right from the other side, asks a body for help, or the
other side agrees to perform, and runs anew from the interruption. "我今年3月份还打电话找老板
要过的 他当时说过段时间给我" after the answer on the time limit: the year runs from March.
"""

from __future__ import annotations

import re
from datetime import date

SOURCE = "《劳动争议调解仲裁法》第二十七条"

# the worker asked for the money, or the employer said it would pay
_DEMANDED = re.compile(
    r"(?:找|跟|向|问|打电话找|打电话给)(?:老板|公司|厂里|厂头|单位|他|他们|工头|包工头)"
    r"[^，,。]{0,6}(?:要过|讨过|要了|催过|催了|讨要|要钱|要工资)"
    r"|(?:要|讨|催)过(?:工资|钱|几回|几次|好几回|好几次)?|讨薪"
    r"|(?:老板|公司|厂里|厂头|他|他们)[^，,。]{0,8}(?:答应|说过段时间给|说过几天给|说下个月给|认了|承认)"
    r"|投诉过|举报过|告过"
)
# "今年3月份", "去年12月", "3月份": the month it happened
_MONTH = re.compile(r"(?P<year>今年|去年)?\s*(?P<m>1[0-2]|[1-9])\s*月份?")


_AGREED = re.compile(r"答应|说过段时间给|说过几天给|说下个月给|认了|承认")
_COMPLAINED = re.compile(r"投诉过|举报过|告过")


def _what_happened(text: str) -> str:
    if _COMPLAINED.search(text):
        return "投诉过"
    if _AGREED.search(text):
        return "找单位讨要过、单位也答应过给"
    return "向单位讨要过"


def asked_for_payment(text: str) -> bool:
    return _DEMANDED.search(text or "") is not None


def interrupted_text(text: str, today: date) -> str | None:
    """The time limit from the demand told, or None when the message tells none."""
    if not asked_for_payment(text):
        return None
    m = _MONTH.search(text or "")
    if m is None:
        since = "从您最后一次讨要（或单位答应给）的那天起，重新计算1年"
        when = "您"
    else:
        month = int(m.group("m"))
        year = today.year - 1 if m.group("year") == "去年" else today.year
        if m.group("year") is None and month > today.month:
            year -= 1  # a month later than this one, told without a year: last year's
        since = f"从{year}年{month}月起重新计算1年，也就是到{year + 1}年{month}月前申请都不晚"
        if (year + 1, month) <= (today.year, today.month):
            # (a year already run, or running out this month: said plainly)
            since = (
                f"从{year}年{month}月起重新计算1年，到{year + 1}年{month}月就满了，时间很紧："
                "之后又讨要过的，从最后一次算起；请马上申请"
            )
        when = f"您{year}年{month}月"
    return "\n".join(
        [
            f"按您说的，{when}{_what_happened(text)}，仲裁时效就此中断，{since}。",
            "把当时的通话记录、微信聊天截图保存好，它们能证明您讨要过；越早申请越好。",
            f"依据：{SOURCE}",
        ]
    )


# "我是2025年10月15号走的", "是去年12月20号走的": the day the job ended
_LEFT_ON = re.compile(
    r"(?:(?P<y>20\d{2})\s*年|(?P<rel>今年|去年|前年))?\s*(?P<m>1[0-2]|0?[1-9])\s*月\s*(?P<d>[1-3]?\d)\s*[号日]"
    r"[^，,。\d]{0,4}?(?:走的|走了|离职|离开|辞职|不干|不做|出来)"
)
_YEARS_BACK = {"今年": 0, "去年": 1, "前年": 2}


def left_on(text: str, today: date) -> date | None:
    """The last day of the job the message tells (the latest said wins)."""
    found = list(_LEFT_ON.finditer(text or ""))
    if not found:
        return None
    m = found[-1]
    year = (
        int(m.group("y"))
        if m.group("y")
        else today.year - _YEARS_BACK.get(m.group("rel") or "今年", 0)
    )
    try:
        day = date(year, int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None
    return day if day <= today else None


def deadline_text(left: date, today: date) -> str:
    """The year to apply for arbitration from the day the job ended: the last day, and what is
    left of it (or that it has passed, and what may still count)."""
    try:
        last = date(left.year + 1, left.month, left.day)
    except ValueError:  # 2月29日
        last = date(left.year + 1, 3, 1)
    said = f"按您说的{left.year}年{left.month}月{left.day}日离职算，申请仲裁的1年时效到{last.year}年{last.month}月{last.day}日"
    days = (last - today).days
    if days >= 0:
        return "\n".join(
            [
                f"{said}，还剩{days}天，来得及，抓紧申请（也可以先申请工会调解，调解会让时效中断）。",
                f"依据：{SOURCE}",
            ]
        )
    return "\n".join(
        [
            f"{said}，已经过了。",
            "但这期间你找单位要过钱、向有关部门投诉过，或者单位答应过给的，时效从那时起重新算1年；"
            "有这些情况的，把聊天记录、录音等证据找出来，还可以申请。",
            f"依据：{SOURCE}",
        ]
    )
