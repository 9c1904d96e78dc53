"""Enrolment repository: capacity, waiting list, no duplicates, promotion on cancel."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from bot.store import courses as repo
from bot.store.db import Database
from bot.store.models import CANCELLED, ENROLLED, WAITLISTED, Course, Enrolment

TODAY = date(2026, 11, 22)


def add_course(db: Database, **kw) -> int:
    values = {
        "code": "XF05",
        "name": "插花",
        "category": "幸福学堂",
        "weekdays": ["周六"],
        "time_of_day": "下午",
        "time": "14:30-16:30",
        "venue": "区职工服务中心二楼活动室",
        "capacity": 2,
        "fee": 0,
        "status": "open",
        "start_date": date(2026, 12, 12),
        "end_date": date(2027, 1, 9),
        "keywords": ["插花", "花艺"],
    }
    values.update(kw)
    with db.session() as s:
        course = Course(**values)
        s.add(course)
        s.flush()
        return course.id


def enrol(db: Database, course_id: int, sender: str, name: str, phone: str) -> repo.EnrolResult:
    with db.session() as s:
        course = s.get(Course, course_id)
        result = repo.enrol(s, course, channel="wechat", sender_id=sender, name=name, phone=phone)
        s.flush()
        return result


def test_third_worker_is_waitlisted_and_promoted_when_a_place_frees(db: Database) -> None:
    cid = add_course(db)
    a = enrol(db, cid, "o-wang", "王芳", "13800000001")
    b = enrol(db, cid, "o-li", "李强", "13800000002")
    c = enrol(db, cid, "o-zhao", "赵敏", "13800000003")
    d = enrol(db, cid, "o-chen", "陈静", "13800000004")
    assert (a.enrolment.status, b.enrolment.status) == (ENROLLED, ENROLLED)
    assert c.enrolment.status == WAITLISTED and c.position == 1
    assert d.enrolment.status == WAITLISTED and d.position == 2

    with db.session() as s:
        result = repo.cancel(s, a.enrolment.id, "wechat", "o-wang")
        assert result is not None
        assert result.cancelled.status == CANCELLED
        assert [p.id for p in result.promoted] == [c.enrolment.id]
        assert s.get(Enrolment, c.enrolment.id).status == ENROLLED
        still = s.get(Enrolment, d.enrolment.id)
        assert still.status == WAITLISTED and repo.waitlist_position(s, still) == 1
        assert repo.enrolled_count(s, cid) == 2


def test_cancelling_a_waitlisted_place_promotes_nobody(db: Database) -> None:
    cid = add_course(db, capacity=1)
    enrol(db, cid, "o-1", "王芳", "13800000001")
    waiting = enrol(db, cid, "o-2", "李强", "13800000002")
    with db.session() as s:
        result = repo.cancel(s, waiting.enrolment.id, "wechat", "o-2")
        assert result is not None and result.promoted == []
        assert repo.enrolled_count(s, cid) == 1


def test_no_duplicate_enrolment_same_account_or_same_person(db: Database) -> None:
    cid = add_course(db, capacity=5)
    first = enrol(db, cid, "o-wang", "王芳", "13800000001")
    again = enrol(db, cid, "o-wang", "王芳", "13800000001")
    # the same person writing from another account (e.g. Telegram after WeChat)
    other_account = enrol(db, cid, "o-wang-2", "王芳", "13800000001")
    assert not first.already
    assert again.already and again.enrolment.id == first.enrolment.id
    assert other_account.already and other_account.enrolment.id == first.enrolment.id
    with db.session() as s:
        assert s.scalar(select(func.count(Enrolment.id))) == 1


def test_a_relative_enrolled_from_the_same_account_is_another_person(db: Database) -> None:
    cid = add_course(db, capacity=5)
    own = enrol(db, cid, "o-zhang", "张丽", "13800000003")
    with db.session() as s:
        course = s.get(Course, cid)
        mother = repo.enrol(
            s, course, channel="wechat", sender_id="o-zhang", name="刘秀英",
            phone="13800000003", someone_else=True,
        )  # fmt: skip
        again = repo.enrol(
            s, course, channel="wechat", sender_id="o-zhang", name="刘秀英",
            phone="13800000003", someone_else=True,
        )  # fmt: skip
        assert not own.already and not mother.already
        assert again.already and again.enrolment.id == mother.enrolment.id
        assert s.scalar(select(func.count(Enrolment.id))) == 2


def test_after_cancelling_a_worker_can_enrol_again(db: Database) -> None:
    cid = add_course(db, capacity=5)
    first = enrol(db, cid, "o-wang", "王芳", "13800000001")
    with db.session() as s:
        assert repo.cancel(s, first.enrolment.id, "wechat", "o-wang") is not None
    again = enrol(db, cid, "o-wang", "王芳", "13800000001")
    assert not again.already and again.enrolment.status == ENROLLED


def test_a_worker_cannot_cancel_someone_elses_enrolment(db: Database) -> None:
    cid = add_course(db)
    theirs = enrol(db, cid, "o-wang", "王芳", "13800000001")
    with db.session() as s:
        assert repo.cancel(s, theirs.enrolment.id, "wechat", "o-intruder") is None
        assert repo.cancel(s, theirs.enrolment.id, "telegram", "o-wang") is None
        assert s.get(Enrolment, theirs.enrolment.id).status == ENROLLED


def test_list_for_worker_shows_only_live_own_enrolments(db: Database) -> None:
    a = add_course(db, code="XF05")
    b = add_course(db, code="XF02", name="书法", capacity=30)
    e1 = enrol(db, a, "o-wang", "王芳", "13800000001")
    enrol(db, b, "o-wang", "王芳", "13800000001")
    enrol(db, b, "o-li", "李强", "13800000002")
    with db.session() as s:
        repo.cancel(s, e1.enrolment.id, "wechat", "o-wang")
        rows = repo.list_for_worker(s, "wechat", "o-wang")
        assert [r.course.name for r in rows] == ["书法"]


def test_search_filters_and_hides_closed_or_finished_courses(db: Database) -> None:
    add_course(db, code="XF05")
    add_course(
        db,
        code="JN05",
        name="叉车操作",
        category="技能培训",
        weekdays=["周日"],
        time_of_day="上午",
        fee=300,
        capacity=12,
    )
    add_course(db, code="XF09", name="太极拳", status="closed", weekdays=["周日"])
    add_course(db, code="XL99", name="去年的大专班", end_date=date(2026, 6, 30))
    with db.session() as s:
        weekend = repo.search(s, repo.CourseFilter(weekdays=repo.expand_weekday("周末")), TODAY)
        assert [c.code for c in weekend] == ["JN05", "XF05"]
        free = repo.search(s, repo.CourseFilter(free=True), TODAY)
        assert [c.code for c in free] == ["XF05"]
        skills = repo.search(s, repo.CourseFilter(category="技能培训", time_of_day="上午"), TODAY)
        assert [c.code for c in skills] == ["JN05"]
        assert repo.get_by_code(s, "jn05").name == "叉车操作"
        # "晚上或者周末的": either the evening or the weekend will do
        either = repo.CourseFilter(
            weekdays=repo.expand_weekday("周末"), time_of_day="晚上", either=True
        )
        assert [c.code for c in repo.search(s, either, TODAY)] == ["JN05", "XF05"]
        both = repo.CourseFilter(weekdays=repo.expand_weekday("周末"), time_of_day="晚上")
        assert repo.search(s, both, TODAY) == []


def test_capacity_zero_means_unlimited(db: Database) -> None:
    cid = add_course(db, capacity=0)
    results = [enrol(db, cid, f"o-{i}", "王芳", f"1380000000{i}") for i in range(3)]
    assert all(r.enrolment.status == ENROLLED for r in results)


def test_concurrent_enrolments_never_overfill_a_course(db: Database) -> None:
    import threading

    cid = add_course(db, capacity=2)
    results: list[repo.EnrolResult] = []
    errors: list[BaseException] = []

    def worker(i: int) -> None:
        try:
            results.append(enrol(db, cid, f"o-{i}", f"工人{'甲乙丙丁戊'[i]}", f"1390000000{i}"))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    statuses = sorted(r.enrolment.status for r in results)
    assert statuses == [ENROLLED, ENROLLED, WAITLISTED, WAITLISTED, WAITLISTED]
    assert sorted(r.position for r in results if r.position) == [1, 2, 3]
