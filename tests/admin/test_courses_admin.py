"""Courses in /admin: validation, the roster page, cancelling and capacity with notices."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from bot.core.messages import Incoming
from bot.store import courses as repo
from bot.store.models import CANCELLED, ENROLLED, WAITLISTED, Conversation, Course, Enrolment, Event
from bot.web.admin.courses import save_course

SENDERS = [f"worker-{i}-0123456789abcdef" for i in range(4)]
NAMES = ["张伟", "李娜", "王芳", "刘洋"]


def posted(client, form: dict) -> dict:
    """A form as the browser posts it from the page: with the session's CSRF token."""
    return {**form, "csrf_token": client.csrf}


def course_form(course: Course, **changes: object) -> dict[str, object]:
    """What the edit form posts for this course, with some fields changed."""
    values: dict[str, object] = {
        "code": course.code,
        "name": course.name,
        "category": course.category,
        "description": course.description,
        "start_date": course.start_date.isoformat() if course.start_date else "",
        "end_date": course.end_date.isoformat() if course.end_date else "",
        "time_of_day": course.time_of_day or "",
        "time": course.time or "",
        "sessions": str(course.sessions or ""),
        "venue": course.venue,
        "capacity": str(course.capacity),
        "fee": str(course.fee),
        "status": course.status,
        "keywords": ", ".join(course.keywords),
        "save": "Save",
    }
    values.update({k: str(v) for k, v in changes.items()})
    values["weekdays"] = list(course.weekdays)
    return values


def notices(bot, sender: str) -> list[str]:
    with bot.db.read() as s:
        cid = s.scalar(select(Conversation.id).where(Conversation.sender_id == sender))
        rows = s.scalars(
            select(Event).where(Event.conversation_id == cid, Event.type == "system")
        ).all()
        return [e.text for e in rows if (e.data or {}).get("notice")]


@pytest.fixture
def full(bot) -> tuple[int, list[int]]:
    """XF01 with one place: the first worker enrolled, three waiting (all on the web chat)."""
    for sender in SENDERS:
        asyncio.run(bot.handle(Incoming("web", sender, "你好", f"{sender}:m1")))
    ids = []
    with bot.db.write_lock(), bot.db.session() as s:
        course = s.scalar(select(Course).where(Course.code == "XF01"))
        course.capacity = 1
        s.flush()
        for sender, name in zip(SENDERS, NAMES, strict=True):
            r = repo.enrol(
                s, course, channel="web", sender_id=sender, name=name, phone="13800001234"
            )
            ids.append(r.enrolment.id)
        return course.id, ids


def statuses(bot, ids: list[int]) -> list[str]:
    with bot.db.read() as s:
        return [s.get(Enrolment, i).status for i in ids]


# -- the model level ------------------------------------------------------------------
def test_a_course_code_is_unique_and_capacity_is_never_negative(bot, full):
    course_id, ids = full
    with bot.db.read() as s:
        course = s.get(Course, course_id)
        other = s.scalar(select(Course).where(Course.code == "XF02"))
    data = {k: getattr(course, k) for k in ("name", "category", "weekdays", "keywords")}
    data.update(code="xf02", capacity=1, fee=0, status="open")
    with pytest.raises(repo.CourseError, match=f"已被「{other.name}」使用"):
        save_course(bot.db, course_id, data)
    with pytest.raises(repo.CourseError, match="容量不能小于 0"):
        save_course(bot.db, course_id, {**data, "code": "XF01", "capacity": -1})
    with bot.db.read() as s:
        assert s.get(Course, course_id).code == "XF01"


def repo_check(bot, course_id: int, capacity: int) -> None:
    with bot.db.read() as s:
        repo.check_capacity(s, s.get(Course, course_id), capacity)


def test_lowering_capacity_below_the_enrolled_is_refused(bot, full):
    course_id, ids = full
    with bot.db.write_lock(), bot.db.session() as s:
        s.get(Course, course_id).capacity = 3
        repo.fill_places(s, course_id)
    with pytest.raises(repo.CourseError, match="已有 3 人报名，容量不能少于 3"):
        repo_check(bot, course_id, 2)
    repo_check(bot, course_id, 3)
    repo_check(bot, course_id, 0)


# -- over HTTP, as an admin -------------------------------------------------------------
def test_the_course_page_shows_counts_the_roster_and_the_waiting_order(clients, full):
    root = clients["root"]
    course_id, _ = full
    page = root.get(f"/admin/course/details/{course_id}")
    assert page.status_code == 200
    text = page.text
    assert "已报名 1 / 容量 1，候补 3" in text
    assert text.index("第 1 位") < text.index("第 2 位") < text.index("第 3 位")
    assert text.index("李娜") < text.index("王芳") < text.index("刘洋")
    assert "138****1234" in text and "13800001234" not in text  # masked on screen
    assert f"/admin/transfer/roster/{course_id}?format=xlsx" in text
    assert f"/admin/transfer/roster/{course_id}?format=csv" in text
    listing = root.get("/admin/course/list?search=XF01")
    assert "1 / 1 · 候补 3" in listing.text


def test_an_admin_cancels_an_enrolment_and_the_first_waiting_worker_is_told(bot, clients, full):
    root = clients["root"]
    course_id, ids = full
    # without the page's token nothing happens
    r = root.http.post(f"/admin/course/enrolment/{ids[0]}/cancel", data={"csrf_token": "x"})
    assert r.status_code == 403 and statuses(bot, ids)[0] == ENROLLED

    r = root.http.post(f"/admin/course/enrolment/{ids[0]}/cancel", data={"csrf_token": root.csrf})
    assert r.status_code == 303 and r.headers["location"].endswith(f"/course/details/{course_id}")
    assert statuses(bot, ids) == [CANCELLED, ENROLLED, WAITLISTED, WAITLISTED]
    assert notices(bot, SENDERS[0]) == [
        "您报名的「中西式面点烘焙」已由工会工作人员取消。如有疑问，可以说“转人工”联系工作人员。"
    ]
    (promoted,) = notices(bot, SENDERS[1])
    assert promoted.startswith("好消息：您候补的「中西式面点烘焙」有空位了")
    assert notices(bot, SENDERS[2]) == []
    page = root.get(r.headers["location"]).text
    assert "已取消 张伟 的报名（已通知）。候补的 李娜（已通知） 已转为报名。" in page
    # cancelling it again is refused politely
    again = root.http.post(
        f"/admin/course/enrolment/{ids[0]}/cancel", data={"csrf_token": root.csrf}
    )
    assert "这条报名已经取消或不存在" in root.get(again.headers["location"]).text


def test_raising_capacity_promotes_as_many_as_fit_in_order(bot, clients, full):
    root = clients["root"]
    course_id, ids = full
    with bot.db.read() as s:
        course = s.get(Course, course_id)
    r = root.http.post(
        f"/admin/course/edit/{course_id}", data=posted(root, course_form(course, capacity=3))
    )
    assert r.status_code == 302, r.text
    assert statuses(bot, ids) == [ENROLLED, ENROLLED, ENROLLED, WAITLISTED]
    assert len(notices(bot, SENDERS[1])) == len(notices(bot, SENDERS[2])) == 1
    assert notices(bot, SENDERS[3]) == []
    # lowering it again below the three enrolled is refused with the reason, nothing changes
    r = root.http.post(
        f"/admin/course/edit/{course_id}", data=posted(root, course_form(course, capacity=2))
    )
    assert r.status_code == 400 and "已有 3 人报名，容量不能少于 3" in r.text
    with bot.db.read() as s:
        assert s.get(Course, course_id).capacity == 3


def test_the_form_explains_bad_input_in_chinese_and_saves_nothing(bot, clients, full):
    root = clients["root"]
    course_id, _ = full
    with bot.db.read() as s:
        course = s.get(Course, course_id)
    bad = course_form(course, start_date="2027-01-10", end_date="2027-01-01", code="坏 编号")
    r = root.http.post(f"/admin/course/edit/{course_id}", data=posted(root, bad))
    assert r.status_code == 400
    assert "结束日期不能早于开始日期" in r.text
    assert "课程编号只能用 1–16 个字母、数字、- 或 _" in r.text
    r = root.http.post(
        f"/admin/course/edit/{course_id}", data=posted(root, course_form(course, capacity="-2"))
    )
    assert r.status_code == 400 and "容量不能小于 0" in r.text
    with bot.db.read() as s:
        assert s.get(Course, course_id).end_date == course.end_date


def test_a_new_course_and_closing_it(bot, clients):
    root = clients["root"]
    with bot.db.read() as s:
        template = s.scalar(select(Course).where(Course.code == "XF01"))
    form = course_form(template, code="XF99", name="太极拳", capacity="12")
    r = root.http.post("/admin/course/create", data=posted(root, form))
    assert r.status_code == 302, r.text
    with bot.db.read() as s:
        made = s.scalar(select(Course).where(Course.code == "XF99"))
    assert (made.name, made.capacity, made.weekdays) == ("太极拳", 12, template.weekdays)
    dup = root.http.post(
        "/admin/course/create", data=posted(root, course_form(template, name="重复"))
    )
    assert dup.status_code == 400 and "课程编号 XF01 已被「中西式面点烘焙」使用" in dup.text
    r = root.http.post(
        f"/admin/course/status/{made.id}", data={"csrf_token": root.csrf, "status": "closed"}
    )
    assert r.status_code == 303
    with bot.db.read() as s:
        assert s.get(Course, made.id).status == "closed"


def test_staff_cannot_reach_the_course_pages(clients, full):
    alice = clients["alice"]
    course_id, ids = full
    assert alice.get("/admin/course/list").status_code == 403
    assert alice.get(f"/admin/course/details/{course_id}").status_code == 403
    r = alice.http.post(f"/admin/course/enrolment/{ids[0]}/cancel", data={"csrf_token": alice.csrf})
    assert r.status_code == 403
