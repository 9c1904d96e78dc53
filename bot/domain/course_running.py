"""A course that has stopped taking enrolments but is still meeting: its learners ask when and
where the next class is ("我是打太极拳那个班的 这个礼拜六早上还是八点半在广场打吗", "这期好久完
还剩几次"); they get the answer, and the closed enrolment only as a note after it."""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.domain.course_cards import answer
from bot.domain.courses import closed_text, next_term_text
from bot.store.models import Course

_WEEK = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
# days no class meets (the catalogue skips 元旦)
_NO_CLASS = {(1, 1)}
# what only one who wants to join asks: a place, enrolling, joining late
_JOINING = re.compile(
    r"报名|报得|能报|想报|想学|插班|插进|加入|进得来|名额|还招|收不收|下一期|下期|下一批|再开"
    # ("那晚上还有啥子练身体的 不要钱的": other courses asked for)
    r"|还有啥|还有什么|还有没得|还有没有|别的|其他|其它"
)
_LEFT_ASKED = re.compile(r"还剩|剩下|剩几|还有几次|还有好多次|还要上几|还上几")


def meets_on(course: Course, day: date) -> bool:
    return _WEEK[day.weekday()] in (course.weekdays or []) and (day.month, day.day) not in _NO_CLASS


def classes_after(course: Course, today: date) -> list[date]:
    """The class days still to come, after today, to the course's last day."""
    if course.end_date is None:
        return []
    first = today + timedelta(days=1)
    days, day = [], max(first, course.start_date) if course.start_date else first
    while day <= course.end_date:
        if meets_on(course, day):
            days.append(day)
        day += timedelta(days=1)
    return days


def running_answer(course: Course, asked: list[str], text: str, today: date) -> str | None:
    """The answer about a closed course still meeting, when its learner asks of it; None
    when the course is not meeting now or the question is about joining it."""
    if (
        not asked
        or "seats" in asked
        or _JOINING.search(text or "")
        or course.start_date is None
        or course.end_date is None
        or not course.start_date <= today <= course.end_date
    ):
        return None
    lines = [answer(course, asked, None)]
    if _LEFT_ASKED.search(text or ""):
        left = classes_after(course, today)
        lines.append(
            f"今天以后还有{len(left)}次课，最后一次是{left[-1].month}月{left[-1].day}日。"
            if left
            else "这一期的课已经上完了。"
        )
    closed = closed_text(course)
    # (the time's note may have said the next term already)
    lines.append(
        "（这一期已经停止报名了。）" if next_term_text(course) in lines[0] else f"（{closed}）"
    )
    return "\n".join(lines)


# a class the worker cannot come to: "那节课去不到咋个办", "这周六来不了 要紧不"
MISSED_CLASS = re.compile(
    r"(?:课|那节|那次|那天|这周|这礼拜|这个礼拜|这星期|下周|下个礼拜)[^。？?]{0,10}"
    r"(?:去不到|去不了|来不了|来不到|赶不到|赶不上|走不脱|请假|缺课|缺一次)"
)
_WORK_LEAVE = re.compile(r"老板|单位|公司|厂里|领导|主管|扣钱|扣工资|不批|批假|旷工")
_DAY_NAMED = re.compile(r"(?P<next>下个?)?(?:周|礼拜|星期)(?P<d>[一二三四五六天日])")
_DAY_INDEX = {c: i for i, c in enumerate("一二三四五六")} | {"天": 6, "日": 6}


def missed_class_text(course: Course, text: str, today: date) -> str | None:
    """A class the worker cannot make: the next one after it, and how to ask for leave or a
    make-up class; None when no class missed is told."""
    if not MISSED_CLASS.search(text or ""):
        return None
    if "课" not in text and _WORK_LEAVE.search(text):
        return None  # "这周请假老板不批 扣工资咋办": leave from work, not from the class
    missed = None
    m = _DAY_NAMED.search(text)
    if m is not None:
        ahead = (_DAY_INDEX[m.group("d")] - today.weekday()) % 7 + (7 if m.group("next") else 0)
        missed = today + timedelta(days=ahead)
    after = classes_after(course, missed or today)
    lead = f"{missed.month}月{missed.day}日那次课来不了的话，" if missed else "有一次课来不了的话，"
    lines = [
        f"「{course.name}」{lead}下一次课是"
        + (
            f"{after[0].month}月{after[0].day}日（{_WEEK[after[0].weekday()]}）{course.time or ''}。"
            if after
            else "这一期已经没有了。"
        ),
        "在小助手上报名的，课前会收到上课提醒，回复“请假”就能请假；缺的内容能不能补课，"
        "可以说“转人工”问问工作人员和老师。",
    ]
    return "\n".join(lines)
