"""A course's answer card: the parts asked about (time, place, fee, requirements, places,
what the description says to the point), labelled, or the whole card."""

from __future__ import annotations

import re
from datetime import date

from bot.domain.courses import fee_text, period_text, seats_text, when_text
from bot.store.models import Course

# few enough seats left that the waiting list is worth saying
FEW_SEATS = 5
# requirements are the clauses of the description that say what a learner must have
_CLAUSE = re.compile(r"[^，,。；;！!]+")
_REQUIREMENT = re.compile(
    r"要求|要有|须|年满|以上文化|以上学历|持有|限.{0,6}报名|\d+到\d+岁|\d+岁以[上下]|会员"
)


# what the description says that answers a question about the fee or what to bring
# ("考证费600元，工会补贴一半", "球拍可以借用", "材料由工会提供")
_NOTES = {
    "fee": re.compile(r"\d+元|费|补贴|报销|免费"),
    "requirements": re.compile(
        r"提供|借用|可以借|自带|自己的|带上|穿|准备|免试|考试|入学|适合|高考|成考|考上"
    ),
    "time": re.compile(r"面授|网上|线上|远程|停课|放假|暂停|下一期|开班"),
    # "一个家庭算一个名额": how places are counted
    "seats": re.compile(r"名额|家庭|每户|每家|小班|只收|\d+人"),
    "certificate": re.compile(r"证|承认|文凭"),
    "length": re.compile(r"毕业|学制|\d+年|年半"),
    "level": re.compile(r"基础|初学|教起|简单|跟上|跟得上|分组|分班|小组|入门|新手"),
    "job": re.compile(r"推荐|就业|上岗|工作|找活"),
}
# aspects answered only by what the description says (the whole description when it says
# nothing to the point, so the worker can judge)
_FROM_DESCRIPTION = ("certificate", "level", "length", "job")


def notes(course: Course, aspect: str) -> str:
    """The description's clauses that bear on `aspect` ("" when none does)."""
    pattern = _NOTES.get(aspect)
    if pattern is None:
        return ""
    clauses = [c.strip() for c in _CLAUSE.findall(course.description or "")]
    return "，".join(c for c in clauses if pattern.search(c) and not _REQUIREMENT.search(c))


def requirements_text(course: Course) -> str:
    """What a learner needs, from the course's description; "" when it says nothing."""
    clauses = [c.strip() for c in _CLAUSE.findall(course.description or "")]
    return "，".join(c for c in clauses if _REQUIREMENT.search(c))


def _parts(course: Course, seats_left: int | None) -> dict[str, str]:
    """Each aspect's answer, without its label."""
    period = period_text(course)
    parts = {
        "time": when_text(course) + (f"（{period}）" if period else ""),
        "venue": course.venue or "待通知",
        "fee": fee_text(course),
        "requirements": requirements_text(course) or "没有特别要求，职工都可以报。",
        "seats": (f"每期{course.capacity}人，" if course.capacity else "")
        + seats_text(seats_left)
        + (
            "（报满了也可以报名排候补，有人退出会按顺序补上并通知您）"
            if seats_left is not None and 0 < seats_left <= FEW_SEATS
            else ""
        ),
        "description": course.description or "暂无介绍",
    }
    for aspect in _FROM_DESCRIPTION:
        said = notes(course, aspect)
        parts[aspect] = f"{said}。" if said else course.description or "暂无介绍"
    return parts


# each aspect's label on a card; an aspect answered from the description has none when the
# description speaks to it, else the whole description stands as 介绍
LABELS = {
    "time": "时间",
    "venue": "地点",
    "fee": "费用",
    "requirements": "报名要求",
    "seats": "名额",
    "description": "介绍",
}


def _labelled(course: Course, aspect: str, value: str) -> str:
    if aspect in _FROM_DESCRIPTION:
        return value if notes(course, aspect) else f"介绍：{value}"
    return f"{LABELS[aspect]}：{value}"


def part(course: Course, aspect: str, seats_left: int | None) -> str:
    """One aspect of one course on a line, with what the description says to it: the answer
    for each course of a short list ("要考试不" with two courses in view); "" for an aspect
    only the description could answer when it says nothing to it."""
    if aspect in _FROM_DESCRIPTION and not notes(course, aspect):
        return ""  # the description says nothing to it: the caller shows the description
    value = _parts(course, seats_left)[aspect]
    said = notes(course, aspect) if aspect not in _FROM_DESCRIPTION else ""
    if aspect == "requirements" and said and not requirements_text(course):
        value = said + "。"  # "免试入学" says more than "没有特别要求"
    elif said:
        value += f"（{said}）"
    return value


def _lines(course: Course, wanted: list[str], parts: dict, with_notes: bool) -> list[str]:
    lines = []
    for a in wanted:
        lines.append(_labelled(course, a, parts[a]))
        said = notes(course, a) if with_notes and a not in _FROM_DESCRIPTION else ""
        if said:  # "费用：300元" and why: "考证费600元，工会补贴一半，个人交300元"
            lines.append(f"（{said}。）")
    return lines


def asked_lines(course: Course, asked: list[str], seats_left: int | None) -> list[str]:
    """Only the parts asked about, each with its label ("发证不 要得的话我报 …" answered
    above the enrolment's summary)."""
    wanted = [a for a in asked if a != "description"]
    return _lines(course, wanted, _parts(course, seats_left), with_notes=True)


def answer(course: Course, asked: list[str], seats_left: int | None) -> str:
    """The parts asked about, or the whole card when nothing in particular was asked."""
    parts = _parts(course, seats_left)
    card = ["description", "time", "venue", "fee", "seats"]
    # nothing in particular, or "介绍一下": the whole card
    wanted = card if not asked or asked == ["description"] else asked
    lines = [f"「{course.name}」（{course.category}）"]
    lines += _lines(course, wanted, parts, with_notes=wanted != card)
    if "requirements" not in wanted and requirements_text(course):
        lines.append("报名要求：" + requirements_text(course))
    return "\n".join(lines)


# "已经开了课的还可以报不", "中途能不能插班": joining a course that has begun
_JOINS_LATE = re.compile(
    r"(?:已经|都)?开(?:了|始了)?课(?:的|了)?[^，,。]{0,4}(?:还)?(?:可以|能|能不能|可不可以)(?:报|插班|进)"
    r"|插班|插进来|插进去|插得进|中途(?:进|加入|报)|现在报还来得及|还来得及报|晚了(?:还)?(?:能|可以)报"
)


def joining_late_text(course: Course, text: str, today: date) -> str | None:
    """Whether one may still join a course that has begun, when asked."""
    if not _JOINS_LATE.search(text or "") or course.start_date is None:
        return None
    begun = f"{course.start_date.month}月{course.start_date.day}日"
    if course.start_date > today:
        return f"「{course.name}」还没开课（{begun}开课），现在报正好。"
    if course.status != "open" or (course.end_date is not None and course.end_date < today):
        return f"「{course.name}」已经结束报名了。"
    return f"「{course.name}」{begun}已经开课，还可以报名，报上后从下一次课跟着上。"


# "那300块钱退不退", "取消了钱能退不": whether a course's fee comes back
_REFUND = re.compile(r"退不退|能退|可以退|退得到|退得了|退钱|退费|退款|退回|退给|退不")


def asks_refund(text: str | None) -> bool:
    """The message asks whether a course's fee is refunded ("取消了钱能退不")."""
    return _REFUND.search(text or "") is not None


def refund_text(course: Course, text: str) -> str | None:
    """Whether the fee of a course is refunded, when asked: the bot takes no money, so an
    enrolment cancelled costs nothing; money paid elsewhere goes back through the staff."""
    if not _REFUND.search(text or ""):
        return None
    if not course.fee:
        return f"「{course.name}」是免费的，不收钱，也就不用退。"
    return (
        f"「{course.name}」费用{course.fee}元。在这里报名和取消都不用付钱，取消了报名就不用交；"
        "如果您已经交过钱，退费请找工会工作人员办理（说“转人工”）。"
    )


# "要是满了咋个办 可以排起等不", "报满了能候补不": the waiting list asked of
_WAITLIST_ASKED = re.compile(
    r"候补|排(?:起|个|着)?(?:队|等|号)|排起等|等位|满了(?:咋个?办|怎么办|咋整|还能|还可以|能不能|可以)"
)


def waitlist_text(course: Course, text: str) -> str | None:
    """How the waiting list works, when asked of a course."""
    if not _WAITLIST_ASKED.search(text or ""):
        return None
    return f"「{course.name}」报满了也可以报名登记候补，有人退出会按登记顺序补上，并通知您。"
