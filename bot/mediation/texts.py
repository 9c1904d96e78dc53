"""What the worker is told about their case, and the answer buttons the notices carry.

Button payloads use Rasa's syntax but name no intent of the domain: the desk's turn hook
(bot/mediation/replies.py) reads them before the rules run. Each stays under Telegram's
64-byte callback limit.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime

SESSION_PAYLOAD = "/case_session"
CONFIRM, RESCHEDULE, CANNOT = "confirm", "reschedule", "cannot"
ANSWER_TITLES = {CONFIRM: "确认", RESCHEDULE: "改时间", CANNOT: "去不了"}
_PAYLOAD = re.compile(r'^/case_session\{"s":"(\d{1,10})","a":"(confirm|reschedule|cannot)"\}$')
_WEEKDAYS = "一二三四五六日"


def session_button(session_id: int, answer: str, title: str | None = None) -> dict[str, str]:
    """One answer button for a session; the payload names the session and the answer."""
    payload = SESSION_PAYLOAD + json.dumps(
        {"s": str(session_id), "a": answer}, separators=(",", ":")
    )
    return {"title": title or ANSWER_TITLES[answer], "payload": payload}


def read_session_payload(text: str) -> tuple[int, str] | None:
    """(session id, answer) from a button payload, else None."""
    m = _PAYLOAD.match(text.strip())
    return (int(m.group(1)), m.group(2)) if m else None


def when_text(local: datetime) -> str:
    """12月10日（周四）14:30"""
    return f"{local.month}月{local.day}日（周{_WEEKDAYS[local.weekday()]}）{local:%H:%M}"


def where_text(place: str, by_phone: bool) -> str:
    return f"电话调解，调解员将拨打：{place}" if by_phone else f"地点：{place}"


def accepted(case_no: str, mediator: str, due: date) -> str:
    return (
        f"您的调解申请 {case_no} 已由调解员 {mediator} 受理。按照《劳动争议调解仲裁法》第十四条，"
        f"调解应在 15 日内（{due.month}月{due.day}日前）结束，调解员会通过这里和您联系。"
    )


def question(case_no: str, text: str) -> str:
    return (
        f"调解员就您的调解申请 {case_no} 想了解：\n{text}\n"
        "请直接回复文字，您发的下一条消息会转给调解员。"
    )


def scheduled(case_no: str, when: str, where: str) -> str:
    return (
        f"您的调解申请 {case_no} 已安排调解：{when}，{where}。\n"
        "能参加请回复“确认”；时间不合适请回复“改时间”。"
    )


def reminder(case_no: str, when: str, where: str) -> str:
    return (
        f"提醒：您的调解申请 {case_no} 明天调解，{when}，{where}。\n"
        "请按时参加，带上劳动合同、工资条、聊天记录等材料。想改时间请回复“改时间”，去不了请回复“去不了”。"
    )


def succeeded(case_no: str, terms: str) -> str:
    return (
        f"您的调解申请 {case_no} 调解成功。达成的协议：{terms}\n"
        "请按协议办理。对方在协议约定的期限内不履行的，您可以依法申请劳动仲裁（《劳动争议调解仲裁法》第十五条）。"
    )


def agreement_filed(case_no: str) -> str:
    return (
        f"您的调解申请 {case_no}：双方签字的调解协议书已由调解员存档。协议书经双方签名或盖章、"
        "调解员签名并加盖调解组织印章后生效，对双方都有约束力（《劳动争议调解仲裁法》第十四条）。"
        "需要协议书复印件，可以联系调解员或说“转人工”。"
    )


def failed(case_no: str, reason: str, apply_by: date) -> str:
    return (
        f"您的调解申请 {case_no} 没有调解成功：{reason}\n"
        f"下一步可以向劳动人事争议仲裁委员会申请劳动仲裁，请在 {apply_by.year}年{apply_by.month}月"
        f"{apply_by.day}日前申请（仲裁时效一年，《劳动争议调解仲裁法》第二十七条）。需要帮助可以说“转人工”。"
    )


def closed(case_no: str, note: str) -> str:
    return f"您的调解申请 {case_no} 已结案。{note}"


# what the bot says when the worker's answer reached the case
FORWARDED = "已转给调解员（案件 {case_no}），调解员看到后会处理。"
CONFIRMED = "好的，已告诉调解员您会参加 {when} 的调解。"
RESCHEDULE_ASKED = "好的，已告诉调解员您想改时间。请直接回复您哪天、什么时间方便，我会转给调解员。"
CANNOT_TOLD = "好的，已告诉调解员您去不了。请直接回复原因或您方便的时间，我会转给调解员。"
SESSION_GONE = "这次调解已经重新安排或结束了，请以最新的通知为准。"
# the system's own follow-up question after 改时间 / 去不了 (its answer is forwarded too)
FOLLOW_UP = {
    RESCHEDULE: "职工要求改时间：请问哪天、什么时间方便？",
    CANNOT: "职工去不了：原因或方便的时间？",
}
