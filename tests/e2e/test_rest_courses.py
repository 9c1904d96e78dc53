"""Course search and enrolment over HTTP, including the full -> waiting-list path."""

from sqlalchemy import select

from bot.store.models import Enrolment
from tests.e2e.chat import Worker


def test_search_then_enrol_by_button(bot, http):
    w = Worker(http, "worker-course-1")
    w.say("周末有没得免费的课")
    assert w.buttons, w.last
    w.say("我想学八段锦")
    assert "八段锦" in w.text
    w.press("八段锦")
    assert "姓名" in w.text
    w.say("陈大明")
    w.say("13512345678")
    assert "请确认报名信息" in w.text and "八段锦" in w.text and "费用：免费" in w.text
    w.press("确认报名")
    assert "八段锦" in w.text and "报名成功" in w.text
    with bot.db.read() as s:
        (e,) = s.scalars(select(Enrolment)).all()
    assert (e.name, e.phone, e.status) == ("陈大明", "13512345678", "enrolled")
    # name and phone are remembered for the next enrolment
    w.say("我要报名书法")
    assert "姓名" not in w.text and "报名人：陈大明" in w.text
    w.press("确认报名")
    with bot.db.read() as s:
        assert len(s.scalars(select(Enrolment)).all()) == 2
    w.say("我报了哪些课")
    assert "八段锦" in w.text and "书法" in w.text


def test_full_course_puts_the_third_worker_on_the_waiting_list(bot, http):
    # 插花 (XF05) has two places
    for i, phone in enumerate(["13000000001", "13000000002", "13000000003"], start=1):
        w = Worker(http, f"worker-flower-{i}")
        w.say('/course_enroll{"course_id":"XF05"}')
        w.say(["张一", "王二", "李三"][i - 1])
        w.say(phone)
        w.press("确认报名")
    assert "候补" in w.text and "1" in w.text
    with bot.db.read() as s:
        statuses = [e.status for e in s.scalars(select(Enrolment).order_by(Enrolment.id))]
    assert statuses == ["enrolled", "enrolled", "waitlisted"]


def test_enrolling_twice_makes_one_enrolment(bot, http):
    w = Worker(http, "worker-course-2")
    for _ in range(2):
        w.say('/course_enroll{"course_id":"XF02"}')
        if "姓名" in w.text:
            w.say("周晓")
            w.say("13812340000")
            w.press("确认报名")
    assert "已" in w.text
    with bot.db.read() as s:
        assert len(s.scalars(select(Enrolment)).all()) == 1
