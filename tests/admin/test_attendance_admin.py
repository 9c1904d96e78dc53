"""Attendance in /admin: the course page lists the sessions and each worker's 请假, the
per-session checklist saves marks, and the roster export carries them."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.store import attendance
from bot.store.models import ATTEND_EXCUSED, ATTEND_PRESENT, Attendance, Enrolment
from tests.outreach.support import enrol, weekly_course


def _course(bot) -> tuple[int, object, list[int]]:
    first = bot.clock.today() - timedelta(days=7)
    course_id = weekly_course(bot.db, first, code="ATT1", sessions=4)
    ids = [
        enrol(bot.db, course_id, "web", f"att-worker-{i}", name)
        for i, name in enumerate(["张伟", "李娜", "王芳"])
    ]
    return course_id, first, ids


def test_the_course_page_shows_sessions_and_a_workers_leave(bot, clients):
    course_id, first, ids = _course(bot)
    with bot.db.write_lock(), bot.db.session() as s:
        attendance.mark(s, s.get(Enrolment, ids[1]), first, ATTEND_EXCUSED, "worker", "孩子生病")
    page = clients["root"].get(f"/admin/course/details/{course_id}")
    assert page.status_code == 200
    text = page.text
    assert "上课与点名（4 次）" in text
    assert f"/admin/course/attendance/{course_id}/{first.isoformat()}" in text
    assert "请假 1（请假：" in text and "孩子生病" in text


def test_the_checklist_marks_a_session_and_the_export_has_it(bot, clients):
    course_id, first, ids = _course(bot)
    root = clients["root"]
    url = f"/admin/course/attendance/{course_id}/{first.isoformat()}"
    page = root.get(url)
    assert page.status_code == 200 and "点名" in page.text and "张伟" in page.text
    form = {f"m{ids[0]}": ATTEND_PRESENT, f"m{ids[1]}": ATTEND_EXCUSED, "csrf_token": root.csrf}
    saved = root.http.post(url, data=form)
    assert saved.status_code == 303
    with bot.db.read() as s:
        rows = {a.enrolment_id: a.status for a in s.scalars(select(Attendance))}
    assert rows == {ids[0]: ATTEND_PRESENT, ids[1]: ATTEND_EXCUSED}
    # without the session's CSRF token nothing is saved
    root.http.post(url, data={f"m{ids[2]}": ATTEND_PRESENT, "csrf_token": "x"})
    with bot.db.read() as s:
        assert len(s.scalars(select(Attendance)).all()) == 2
    # a day the course does not meet has no checklist
    wrong = root.get(f"{url[:-10]}{(first + timedelta(days=1)).isoformat()}")
    assert wrong.status_code == 404
    export = root.get(f"/admin/transfer/roster/{course_id}?format=csv")
    lines = export.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("序号,姓名,手机号,状态,报名时间,渠道,出勤次数,请假次数,请假说明")
    zhang = next(line for line in lines if ",张伟," in line)
    assert ",1,0,," in zhang and "出勤" in zhang
