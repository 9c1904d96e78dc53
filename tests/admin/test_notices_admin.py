"""群发通知 in /admin: write, preview as the worker reads it, send once, see the counts."""

from __future__ import annotations

import re
import time
from datetime import timedelta

from sqlalchemy import select

from bot.store.models import Announcement, AnnouncementDelivery, Event
from tests.outreach.support import enrol, utc_now, weekly_course, workers

SUBSCRIBERS = [f"notice-web-{i}" for i in range(3)]


def test_write_preview_send_once_and_see_the_counts(bot, clients):
    root = clients["root"]
    config = bot.settings.config
    config.reminders.quiet_start = config.reminders.quiet_end  # whatever the hour of the run
    workers(bot.db, "web", SUBSCRIBERS, utc_now() - timedelta(hours=1), "courses")
    page = root.get("/admin/notices")
    assert page.status_code == 200 and "写一条通知" in page.text
    # neither a topic nor a course: refused
    r = root.http.post("/admin/notices/new", data={"text": "你好", "csrf_token": root.csrf})
    assert "二选一" in root.get(r.headers["location"]).text
    r = root.http.post(
        "/admin/notices/new",
        data={"topic": "courses", "text": "第二期烘焙班开始报名", "csrf_token": root.csrf},
    )
    assert r.status_code == 303
    detail = root.get(r.headers["location"])
    assert "【工会通知·新课程】" in detail.text and "收件人共 3 人" in detail.text
    notice_id = int(re.search(r"/admin/notices/(\d+)/send", detail.text).group(1))
    # without the CSRF token nothing is sent
    root.http.post(f"/admin/notices/{notice_id}/send", data={"csrf_token": "x"})
    with bot.db.read() as s:
        assert s.get(Announcement, notice_id).status == "draft"
    sent = root.http.post(f"/admin/notices/{notice_id}/send", data={"csrf_token": root.csrf})
    again = root.http.post(f"/admin/notices/{notice_id}/send", data={"csrf_token": root.csrf})
    assert "已经发送过" in root.get(again.headers["location"]).text
    with bot.db.read() as s:
        assert len(s.scalars(select(AnnouncementDelivery)).all()) == 3
    # the server's own background sender (its lifespan) delivers them; the web chat
    # streams pushes from the log
    # (the last delivery is counted a moment before the notice is marked 已发完: wait for both)
    deadline = time.monotonic() + 20
    while not all(
        done in (progress := root.get(sent.headers["location"]).text)
        for done in ("发送进度 100%", "已发完")
    ):
        assert time.monotonic() < deadline, "the background sender did not finish"
        time.sleep(0.2)
    assert "发送进度 100%" in progress and "已发完" in progress
    assert re.search(r'data-count="delivered">.*?<div class="datagrid-content">3<', progress, re.S)
    with bot.db.read() as s:
        texts = [e.text for e in s.scalars(select(Event).where(Event.type == "system"))]
    assert sum("第二期烘焙班" in t for t in texts) == 3


def test_a_notice_to_a_courses_enrolees(bot, clients):
    root = clients["root"]
    course_id = weekly_course(bot.db, bot.clock.today() + timedelta(days=3), code="NTC1")
    workers(bot.db, "web", ["enrolee-1"], utc_now(), "events")
    enrol(bot.db, course_id, "web", "enrolee-1")
    r = root.http.post(
        "/admin/notices/new",
        data={"course_id": str(course_id), "text": "本周教室改到三楼", "csrf_token": root.csrf},
    )
    detail = root.get(r.headers["location"]).text
    assert "【课程通知·测试课程NTC1】" in detail and "收件人共 1 人" in detail
