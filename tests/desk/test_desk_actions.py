"""Each desk action: its timeline row, the worker's notice on their channel, and the worker's
answer in the chat coming back to the case."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

from sqlalchemy import select, update

from bot.channels.web import read_messages
from bot.core.clock import utcnow
from bot.mediation.deadlines import arbitration_deadline
from bot.mediation.desk import Desk, DeskError, NotYours
from bot.mediation.texts import read_session_payload
from bot.staff import accounts, notices
from bot.store.models import CaseSession
from tests.desk.conftest import (
    OTHER_WORKER,
    PASSWORD,
    WORKER,
    case_row,
    file_case,
    mediator_id,
    say,
    timeline,
)
from tests.desk.conftest import notices as notices_of

TOMORROW = date.today() + timedelta(days=2)


def desk_and_liu(bot):
    from bot.store.mediators import load_mediators

    load_mediators(bot.db, bot.settings.data_dir / "mediators.yml")
    liu = accounts.create_user(
        bot.db, "liu", PASSWORD, "mediator", "刘芳", mediator_id(bot, "刘芳")
    )
    return Desk(bot.db, bot.clock, bot.settings.config.mediation), liu


def deliver(bot, done) -> list[notices.Outcome]:
    return asyncio.run(notices.deliver_all(bot.channels, done.pushes))


def web_chat(bot, sender: str) -> list[dict]:
    """What the worker's open web chat page receives as pushes."""
    items, _ = read_messages(bot.db, sender, 0, pushed_only=True)
    return items


def test_accept_starts_the_limit_and_tells_the_worker_on_the_web_chat(bot):
    desk, liu = desk_and_liu(bot)
    case_id = file_case(bot, WORKER, mediator="刘芳")
    done = desk.accept(liu, case_id)
    assert [o.label for o in deliver(bot, done)] == ["已通知"]
    row = case_row(bot, case_id)
    assert row.status == "accepted" and row.accepted_at is not None
    assert timeline(bot, case_id)[-1][:2] == ("status", "liu")
    (pushed,) = web_chat(bot, WORKER)
    assert pushed["kind"] == "notice" and "已由调解员 刘芳" in pushed["text"]
    due = bot.clock.today() + timedelta(days=15)
    assert f"{due.month}月{due.day}日前" in pushed["text"]
    # accepting twice is refused with a reason
    try:
        desk.accept(liu, case_id)
    except DeskError as exc:
        assert "不能再受理" in str(exc)
    else:
        raise AssertionError("accepted twice")


def test_a_question_reaches_the_worker_and_the_next_message_answers_it(bot):
    desk, liu = desk_and_liu(bot)
    case_id = file_case(bot, WORKER, mediator="刘芳")
    desk.accept(liu, case_id)
    done = desk.ask(liu, case_id, "请问您的劳动合同是哪天签的？")
    deliver(bot, done)
    assert "请问您的劳动合同是哪天签的" in web_chat(bot, WORKER)[-1]["text"]
    assert timeline(bot, case_id)[-1] == ("question", "liu", "请问您的劳动合同是哪天签的？")
    reply = say(bot, WORKER, "去年三月一号签的，合同在我手上", "ans1")
    assert "已转给调解员" in reply and case_row(bot, case_id).case_no in reply
    assert timeline(bot, case_id)[-1] == ("answer", "worker", "去年三月一号签的，合同在我手上")
    # answered: the next message is the bot's again
    again = say(bot, WORKER, "加班费怎么算", "ans2")
    assert "已转给调解员" not in again
    assert timeline(bot, case_id)[-1][0] == "answer"


def test_a_question_waits_while_the_worker_is_in_a_form(bot):
    desk, liu = desk_and_liu(bot)
    case_id = file_case(bot, WORKER, mediator="刘芳")
    desk.accept(liu, case_id)
    say(bot, WORKER, "我要报名课程", "f0")
    desk.ask(liu, case_id, "工资条有吗？")
    in_form = say(bot, WORKER, "张三", "f1")
    assert "已转给调解员" not in in_form
    assert timeline(bot, case_id)[-1][0] == "question"


def test_schedule_asks_the_worker_to_confirm_and_the_button_answer_lands_in_the_timeline(bot):
    desk, liu = desk_and_liu(bot)
    case_id = file_case(bot, WORKER, mediator="刘芳")
    desk.accept(liu, case_id)
    done = desk.schedule(liu, case_id, TOMORROW.isoformat(), "14:30", "区总工会三楼调解室", False)
    deliver(bot, done)
    assert case_row(bot, case_id).status == "mediating"
    pushed = web_chat(bot, WORKER)[-1]
    assert "已安排调解" in pushed["text"] and "14:30" in pushed["text"]
    assert [b["title"] for b in pushed["buttons"]] == ["确认", "改时间"]
    confirm = pushed["buttons"][0]["payload"]
    assert len(confirm.encode()) < 64 and read_session_payload(confirm) is not None
    assert "您会参加" in say(bot, WORKER, confirm, "c1")
    kind, actor, note = timeline(bot, case_id)[-1]
    assert (kind, actor) == ("session_reply", "worker") and "职工已确认" in note
    with bot.db.read() as s:
        assert s.scalars(select(CaseSession.status)).one() == "confirmed"


def test_a_typed_reschedule_is_understood_and_the_wish_is_forwarded(bot):
    desk, liu = desk_and_liu(bot)
    case_id = file_case(bot, WORKER, mediator="刘芳")
    desk.accept(liu, case_id)
    deliver(bot, desk.schedule(liu, case_id, TOMORROW.isoformat(), "09:00", "13800000102", True))
    assert "电话调解" in web_chat(bot, WORKER)[-1]["text"]
    assert "想改时间" in say(bot, WORKER, "改时间", "r1")
    assert "已转给调解员" in say(bot, WORKER, "下周一下午都可以", "r2")
    kinds = [(k, n) for k, _, n in timeline(bot, case_id)]
    assert kinds[-2][0] == "session_reply" and "职工要求改时间" in kinds[-2][1]
    assert kinds[-1] == ("answer", "下周一下午都可以")


def test_another_workers_button_changes_nothing(bot):
    desk, liu = desk_and_liu(bot)
    case_id = file_case(bot, WORKER, mediator="刘芳")
    desk.accept(liu, case_id)
    deliver(bot, desk.schedule(liu, case_id, TOMORROW.isoformat(), "10:00", "三楼", False))
    payload = web_chat(bot, WORKER)[-1]["buttons"][0]["payload"]
    say(bot, OTHER_WORKER, "你好", "o0")
    assert "重新安排或结束" in say(bot, OTHER_WORKER, payload, "o1")
    with bot.db.read() as s:
        assert s.scalars(select(CaseSession.status)).one() == "proposed"


def test_success_and_close_tell_the_worker_in_plain_chinese(bot):
    desk, liu = desk_and_liu(bot)
    case_id = file_case(bot, WORKER, mediator="刘芳")
    desk.accept(liu, case_id)
    try:
        desk.succeed(liu, case_id, "公司补发工资")
    except DeskError as exc:
        assert "安排调解" in str(exc)
    desk.schedule(liu, case_id, TOMORROW.isoformat(), "10:00", "三楼", False)
    deliver(bot, desk.succeed(liu, case_id, "公司于12月31日前补发工资一万二千元"))
    assert case_row(bot, case_id).status == "succeeded"
    text = web_chat(bot, WORKER)[-1]["text"]
    assert "调解成功" in text and "一万二千元" in text and "第十五条" in text
    deliver(bot, desk.close(liu, case_id, ""))
    assert case_row(bot, case_id).status == "closed"
    assert "已结案" in web_chat(bot, WORKER)[-1]["text"]
    # the worker's own progress query shows the status steps
    assert "已结案" in say(bot, WORKER, "查询调解进度", "p1")


def test_failure_gives_the_arbitration_deadline_one_year_from_the_day_known(bot):
    desk, liu = desk_and_liu(bot)
    case_id = file_case(bot, WORKER, mediator="刘芳")
    desk.accept(liu, case_id)
    desk.schedule(liu, case_id, TOMORROW.isoformat(), "10:00", "三楼", False)
    try:
        desk.fail(liu, case_id, "公司不同意补发", "", "")
    except DeskError as exc:
        assert "知道权利被侵害" in str(exc)
    deliver(bot, desk.fail(liu, case_id, "公司不同意补发", "2026-09-15", ""))
    row = case_row(bot, case_id)
    assert row.status == "arbitration_advised" and row.arbitration_by == date(2027, 9, 15)
    text = web_chat(bot, WORKER)[-1]["text"]
    assert "没有调解成功" in text and "2027年9月15日前" in text and "第二十七条" in text
    statuses = [n for k, _, n in timeline(bot, case_id) if k == "status"][-2:]
    assert statuses[0].startswith("调解不成") and "2027-09-15" in statuses[1]
    assert arbitration_deadline(date(2024, 2, 29)) == date(2025, 2, 28)


def test_a_private_note_never_reaches_the_worker(bot):
    desk, liu = desk_and_liu(bot)
    case_id = file_case(bot, WORKER, mediator="刘芳")
    desk.accept(liu, case_id)
    before = len(notices_of(bot, WORKER))
    assert desk.note(liu, case_id, "用人单位态度强硬，可能要仲裁").pushes == ()
    assert len(notices_of(bot, WORKER)) == before
    assert "态度强硬" not in say(bot, WORKER, "查询调解进度", "p1")
    assert timeline(bot, case_id)[-1] == ("note", "liu", "用人单位态度强硬，可能要仲裁")


def test_a_session_in_the_past_or_someone_elses_case_is_refused(bot):
    desk, liu = desk_and_liu(bot)
    mine = file_case(bot, WORKER, mediator="刘芳")
    theirs = file_case(bot, OTHER_WORKER, mediator="王志强")
    desk.accept(liu, mine)
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    try:
        desk.schedule(liu, mine, yesterday, "10:00", "三楼", False)
    except DeskError as exc:
        assert "已经过去" in str(exc)
    else:
        raise AssertionError("a past session was scheduled")
    try:
        desk.accept(liu, theirs)
    except NotYours:
        pass
    else:
        raise AssertionError("another mediator's case was accepted")


def test_a_session_button_after_the_session_is_gone(bot):
    desk, liu = desk_and_liu(bot)
    case_id = file_case(bot, WORKER, mediator="刘芳")
    desk.accept(liu, case_id)
    deliver(bot, desk.schedule(liu, case_id, TOMORROW.isoformat(), "10:00", "三楼", False))
    payload = web_chat(bot, WORKER)[-1]["buttons"][0]["payload"]
    with bot.db.write_lock(), bot.db.session() as s:
        s.execute(update(CaseSession).values(starts_at=utcnow() - timedelta(hours=1)))
    assert "重新安排或结束" in say(bot, WORKER, payload, "late")


def test_a_mediator_taken_off_the_list_cannot_take_a_firm_case_and_is_told_why(bot):
    from sqlalchemy import update as sql_update

    from bot.store.models import Mediator

    desk, liu = desk_and_liu(bot)
    bot.settings.config.mediation.firm_queue = True
    case_id = file_case(bot, WORKER, firm="重庆正衡律师事务所")
    with bot.db.write_lock(), bot.db.session() as s:
        s.execute(sql_update(Mediator).where(Mediator.name == "刘芳").values(active=False))
    try:
        desk.accept(liu, case_id)
    except DeskError as exc:
        assert "已停用" in str(exc)
    else:
        raise AssertionError("a stopped mediator took a case")
    assert case_row(bot, case_id).status == "submitted"
