"""我上了几次课 / 我请了几次假: the worker gets their own counts per course, nobody else's."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.core.messages import Incoming
from bot.store import attendance
from bot.store.models import ATTEND_ABSENT, ATTEND_EXCUSED, ATTEND_PRESENT, Enrolment
from tests.outreach.support import enrol, weekly_course

ME, OTHER = "attendance-me-0001", "attendance-other-0002"


def ask(bot, sender: str, text: str, n: int) -> str:
    replies = asyncio.run(bot.handle(Incoming("web", sender, text, f"{sender}:{n}")))
    return "\n".join(r.get("text", "") for r in replies)


def test_a_worker_asks_how_often_they_came_and_excused_themselves(bot):
    first = bot.clock.today() - timedelta(days=21)
    course_id = weekly_course(bot.db, first, code="CNT1", sessions=4)
    mine = enrol(bot.db, course_id, "web", ME)
    theirs = enrol(bot.db, course_id, "web", OTHER, "王芳")
    with bot.db.write_lock(), bot.db.session() as s:
        me, other = s.get(Enrolment, mine), s.get(Enrolment, theirs)
        attendance.mark(s, me, first, ATTEND_PRESENT, "root")
        attendance.mark(s, me, first + timedelta(days=7), ATTEND_PRESENT, "root")
        attendance.mark(s, me, first + timedelta(days=14), ATTEND_EXCUSED, "worker", "加班")
        attendance.mark(s, other, first, ATTEND_ABSENT, "root")
    answer = ask(bot, ME, "我上了几次课", 1)
    assert "测试课程CNT1：上课 2 次，请假 1 次" in answer
    assert "请假 1 次" in ask(bot, ME, "我一共请了几次假", 2)
    # the other worker sees only their own (an absence is neither)
    assert "测试课程CNT1：上课 0 次，请假 0 次" in ask(bot, OTHER, "我的出勤记录", 1)


def test_a_worker_without_courses_is_offered_the_catalogue(bot):
    assert "还没有报名课程" in ask(bot, "attendance-nobody-3", "我上了几次课", 1)
