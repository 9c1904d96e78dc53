"""The same guarantees on PostgreSQL, the production database."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from bot.core.messages import Incoming
from bot.store.models import Enrolment, Event, MediationCase


def say(bot, sender: str, text: str, message_id: str | None = None) -> str:
    replies = bot.engine.handle(Incoming("rest", sender, text, message_id))
    return "\n".join(r.get("text", "") for r in replies)


def test_mediation_request_files_one_case_even_when_retried(pg_bot):
    for i, text in enumerate(
        [
            "老板欠了我三个月工资，我想申请劳动纠纷调解",
            "李小红",
            "13812345678",
            "重庆顺达物流有限公司",
            "公司三个月没发工资一共两万四",
            "补发工资",
        ]
    ):
        say(pg_bot, "pg-w1", text, f"pg-m{i}")
    first = say(pg_bot, "pg-w1", "/affirm", "pg-final")
    assert "TJ" in first
    assert say(pg_bot, "pg-w1", "/affirm", "pg-final") == first
    with pg_bot.db.read() as s:
        case = s.scalars(select(MediationCase)).one()
    assert (case.name, case.phone, case.dispute_type) == ("李小红", "13812345678", "拖欠工资")
    assert case.case_no in say(pg_bot, "pg-w1", "我的调解申请到哪一步了")


def test_waiting_list_and_concurrent_enrolments(pg_bot):
    # 插花 (XF05) has two places; four workers enrol at the same moment
    def enrol(i: int) -> str:
        sender = f"pg-flower-{i}"
        say(pg_bot, sender, '/course_enroll{"course_id":"XF05"}')
        say(pg_bot, sender, ["张一", "王二", "李三", "赵四"][i])
        say(pg_bot, sender, f"1380000000{i}")
        return say(pg_bot, sender, "/affirm")

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(enrol, range(4)))
    assert sum("候补" in a for a in answers) == 2
    with pg_bot.db.read() as s:
        statuses = sorted(e.status for e in s.scalars(select(Enrolment)))
    assert statuses == ["enrolled", "enrolled", "waitlisted", "waitlisted"]


def test_one_workers_concurrent_messages_are_all_kept(pg_bot):
    with ThreadPoolExecutor(6) as pool:
        list(pool.map(lambda i: say(pg_bot, "pg-busy", "你好", f"pg-busy-{i}"), range(30)))
    with pg_bot.db.read() as s:
        n = s.scalar(
            select(func.count())
            .select_from(Event)
            .where(Event.type == "user", Event.message_id.like("pg-busy-%"))
        )
    assert n == 30


def test_handoff_and_release(pg_bot):
    assert "人工" in say(pg_bot, "pg-h1", "转人工")
    assert "留言" in say(pg_bot, "pg-h1", "在吗")  # waiting is acknowledged, never silent
    (item,) = pg_bot.desk.queue()
    pg_bot.desk.say(item.conversation_id, "您好，我是工作人员")
    pg_bot.desk.release(item.conversation_id)
    assert "小助手" in say(pg_bot, "pg-h1", "你好")
