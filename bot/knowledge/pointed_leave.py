"""Days off asked of in the worker's words (split from pointed_fresh.py): a public holiday not
worked and its pay, this year's annual leave put off to the next, leave to look after a sick
child (育儿假)."""

from __future__ import annotations

import re

from bot.knowledge.index import Answer, Knowledge

HOLIDAY_PAID = "leave_holiday_paid"
# "如果她没上班 工资会扣吗" after a holiday's overtime: the holiday itself is paid
_OFF = re.compile(r"(?:没|不|没有)(?:去)?上班|没去|没做|休息(?:了)?|放假")
_DOCKED_ASKED = re.compile(r"扣|少发|照发|发不发|给不给|算不算工资|有没有工资|有工资|少给")
_HOLIDAY = re.compile(r"节|五一|国庆|春节|元旦|端午|中秋|清明|假日|节假日")


_DID_NOT_WORK = re.compile(r"(?:没|不|没有)(?:去)?上班")
_SUM = re.compile(r"好多|多少|几多|咋个?算|怎么算")


def not_worked_docked(text: str) -> bool:
    """Days not worked, asked whether the pay is docked for them ("要是她那两天没上班 工资会
    少发不"): a question of the rule, not a sum for those days."""
    return bool(_DID_NOT_WORK.search(text) and _DOCKED_ASKED.search(text) and not _SUM.search(text))


def holiday_off_docked_asked(
    knowledge: Knowledge, previous: Answer | None, text: str
) -> Answer | None:
    """A holiday not worked, asked whether the pay is docked (said of the holiday, or right
    after an answer on holiday overtime): the entry that holidays are paid."""
    if not (_OFF.search(text) and _DOCKED_ASKED.search(text)):
        return None
    about_holidays = _HOLIDAY.search(text) or (
        previous is not None and bool(_HOLIDAY.search(previous.question + previous.answer))
    )
    return knowledge.get(HOLIDAY_PAID) if about_holidays else None


# "公司又说今年太忙了 年假明年再补 这样要得不": this year's leave put off to the next, which
# needs the worker's consent and may cross one year only (条例第五条: leave_annual_cancel says so)
LEAVE_PUT_OFF = "leave_annual_cancel"
_NEXT_YEAR = re.compile(
    r"(?:明年|下一年|下年|来年)(?:再|才|又)?(?:补|休|放|安排|给)|(?:推|挪|拖|留|延)(?:到|去|至)(?:明年|下一年|下年|来年)"
    r"|跨年(?:度)?(?:休|补)"
)


def leave_put_off_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    """The entry on leave not lost and crossing one year at most, when this year's annual
    leave is put off to the next (after an answer on annual leave, or naming it)."""
    about_leave = previous.slug.startswith("leave_annual") or "年假" in text or "年休假" in text
    if not about_leave or not _NEXT_YEAR.search(text) or previous.slug == LEAVE_PUT_OFF:
        return None
    return knowledge.get(LEAVE_PUT_OFF)


PARENTAL = "leave_parental"
# "我儿子发高烧住院了 要请假照顾他", "娃儿满月以后我还想请几天带娃 有没得假": leave to look
# after a child, the parents' own leave (育儿假), not the father's leave at the birth
_CHILD_CARED_FOR = re.compile(
    r"带娃|带孩子|带小孩|带娃娃|陪娃|陪孩子|看娃|照顾(?:娃|孩子|小孩|儿子|女儿|他|她)"
    r"|(?:娃|孩子|小孩|儿子|女儿)[^，,。]{0,6}(?:生病|病了|发烧|发高烧|住院|不舒服)"
)
_LEAVE_WANTED = re.compile(r"假|请几天|休几天|歇几天")
_AT_THE_BIRTH = re.compile(r"陪产|护理假|生孩子|生娃|坐月子|产假|要生了|下个?(?:礼拜|星期|月)生")


def child_care_leave_asked(knowledge: Knowledge, text: str) -> Answer | None:
    """Leave asked to look after a child (ill, or to be minded): the parental leave's entry."""
    if not (_CHILD_CARED_FOR.search(text) and _LEAVE_WANTED.search(text)):
        return None
    return None if _AT_THE_BIRTH.search(text) else knowledge.get(PARENTAL)
