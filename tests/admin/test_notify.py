"""Telling a worker something outside their turn: recorded always, delivered on their channel."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import select

from bot.channels.shell import run_shell
from bot.channels.telegram import TelegramChannel
from bot.channels.web import read_messages
from bot.core.messages import Incoming
from bot.staff import notices as notify
from bot.store import courses as repo
from bot.store.models import ENROLLED, WAITLISTED, Conversation, Course, Enrolment, Event
from tests.telegram.conftest import build_app, tg_settings
from tests.telegram.fake_api import FakeBotApi, OfflineRequest

WEB_A = "worker-a-0123456789abcdef"
WEB_B = "worker-b-0123456789abcdef"
TG_CHAT = 4242


def say(app, channel: str, sender: str, text: str, mid: str) -> list[dict]:
    return asyncio.run(app.handle(Incoming(channel, sender, text, f"{sender}:{mid}")))


def notices(app, channel: str, sender: str) -> list[str]:
    """The notices recorded in one worker's conversation, oldest first."""
    with app.db.read() as s:
        cid = s.scalar(
            select(Conversation.id).where(
                Conversation.channel == channel, Conversation.sender_id == sender
            )
        )
        rows = s.scalars(
            select(Event).where(Event.conversation_id == cid, Event.type == "system")
        ).all()
        return [e.text for e in rows if (e.data or {}).get("notice")]


def full_course(app, capacity: int = 1) -> int:
    """XF01 with room for `capacity` workers."""
    with app.db.write_lock(), app.db.session() as s:
        course = s.scalar(select(Course).where(Course.code == "XF01"))
        course.capacity = capacity
        return course.id


def enrol(app, course_id: int, channel: str, sender: str, name: str, phone: str) -> Enrolment:
    with app.db.write_lock(), app.db.session() as s:
        course = s.get(Course, course_id)
        return repo.enrol(
            s, course, channel=channel, sender_id=sender, name=name, phone=phone
        ).enrolment


def test_a_notice_is_recorded_and_the_open_web_chat_gets_it(bot):
    say(bot, "web", WEB_A, "你好", "m1")
    with bot.db.write_lock(), bot.db.session() as s:
        push = notify.record(s, "web", WEB_A, "测试通知：课程改到三楼")
    outcome = asyncio.run(notify.deliver(bot.channels, push))
    assert outcome == notify.Outcome(recorded=True, delivered=True)
    assert outcome.label == "已通知"
    # the page's live stream reads pushes from the log
    items, _ = read_messages(bot.db, WEB_A, 0, pushed_only=True)
    assert [(m["kind"], m["text"]) for m in items] == [("notice", "测试通知：课程改到三楼")]


def test_a_worker_without_a_conversation_is_not_notified_and_nothing_is_written(bot):
    with bot.db.write_lock(), bot.db.session() as s:
        before = s.scalar(select(Event.id).order_by(Event.id.desc()).limit(1))
        push = notify.record(s, "web", "nobody-0123456789abcdef", "不会记录")
        after = s.scalar(select(Event.id).order_by(Event.id.desc()).limit(1))
    assert push is None and before == after
    outcome = asyncio.run(notify.deliver(bot.channels, push))
    assert not outcome.recorded and not outcome.delivered
    assert outcome.label.startswith("未通知")


def _telegram_app(tmp_path: Path, model_dir: Path, api: FakeBotApi):
    app = build_app(tg_settings(tmp_path, model_dir))
    app.channels.register(
        TelegramChannel(
            app.handle, app.db, app.settings, request_factory=lambda: OfflineRequest(api)
        )
    )
    return app


def test_a_failed_delivery_keeps_the_notice_recorded(tmp_path, model_dir):
    api = FakeBotApi()
    app = _telegram_app(tmp_path, model_dir, api)
    try:
        say(app, "telegram", str(TG_CHAT), "你好", "m1")
        api.blocked.add(TG_CHAT)  # the worker blocked the bot: Telegram answers 403
        with app.db.write_lock(), app.db.session() as s:
            push = notify.record(s, "telegram", str(TG_CHAT), "您的调解申请有新进展")
        outcome = asyncio.run(notify.deliver(app.channels, push))
        assert outcome == notify.Outcome(recorded=True, delivered=False)
        assert outcome.label == "已记录，暂未送达"
        assert notices(app, "telegram", str(TG_CHAT)) == ["您的调解申请有新进展"]
        assert api.sent(TG_CHAT) == []
    finally:
        app.db.dispose()


def test_cancelling_in_chat_promotes_the_next_worker_and_tells_them_on_their_channel(
    tmp_path, model_dir
):
    api = FakeBotApi()
    app = _telegram_app(tmp_path, model_dir, api)
    try:
        say(app, "web", WEB_A, "你好", "m1")
        say(app, "telegram", str(TG_CHAT), "你好", "m1")
        course_id = full_course(app, capacity=1)
        mine = enrol(app, course_id, "web", WEB_A, "张伟", "13800001111")
        waiting = enrol(app, course_id, "telegram", str(TG_CHAT), "李娜", "13800002222")
        assert (mine.status, waiting.status) == (ENROLLED, WAITLISTED)
        sent_before = len(api.sent(TG_CHAT))

        replies = say(app, "web", WEB_A, f'/cancel_enrolment{{"enrolment_id":"{mine.id}"}}', "m2")

        assert "已为您取消「中西式面点烘焙」" in replies[0]["text"]
        with app.db.read() as s:
            assert s.get(Enrolment, waiting.id).status == ENROLLED
        (notice,) = notices(app, "telegram", str(TG_CHAT))
        assert notice.startswith("好消息：您候补的「中西式面点烘焙」有空位了，已为您报名成功。")
        # delivered on Telegram after the turn, once
        sent = api.sent(TG_CHAT)[sent_before:]
        assert [m["text"] for m in sent] == [notice]
        # the canceller is not told anything about the other worker
        assert notices(app, "web", WEB_A) == []
    finally:
        app.db.dispose()


def test_a_cancellation_typed_in_the_terminal_shell_also_tells_the_promoted_worker(
    tmp_path, model_dir
):
    api = FakeBotApi()
    app = _telegram_app(tmp_path, model_dir, api)
    try:
        say(app, "shell", "shell-a", "你好", "m1")
        say(app, "telegram", str(TG_CHAT), "你好", "m1")
        course_id = full_course(app, capacity=1)
        mine = enrol(app, course_id, "shell", "shell-a", "张伟", "13800001111")
        waiting = enrol(app, course_id, "telegram", str(TG_CHAT), "李娜", "13800002222")
        sent_before = len(api.sent(TG_CHAT))
        typed = iter([f'/cancel_enrolment{{"enrolment_id":"{mine.id}"}}', "/stop"])
        out: list[str] = []

        run_shell(app.handle, "shell-a", read=lambda _: next(typed), write=out.append)

        assert "已为您取消「中西式面点烘焙」" in "\n".join(out)
        with app.db.read() as s:
            assert s.get(Enrolment, waiting.id).status == ENROLLED
        (notice,) = notices(app, "telegram", str(TG_CHAT))
        assert [m["text"] for m in api.sent(TG_CHAT)[sent_before:]] == [notice]
    finally:
        app.db.dispose()


def test_a_turn_that_promotes_nobody_sends_nothing(bot):
    say(bot, "web", WEB_A, "你好", "m1")
    course_id = full_course(bot, capacity=5)
    mine = enrol(bot, course_id, "web", WEB_A, "张伟", "13800001111")
    say(bot, "web", WEB_A, f'/cancel_enrolment{{"enrolment_id":"{mine.id}"}}', "m2")
    assert notices(bot, "web", WEB_A) == []
