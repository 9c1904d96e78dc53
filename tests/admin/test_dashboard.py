"""The dashboard's numbers: known events, cases, courses and ratings in, exact tables and CSVs out.

Every statistic is checked on SQLite and on a real PostgreSQL server (the SQL differs: local
day and JSON text are dialect-specific). Times are stored as naive UTC; the union's days are
Asia/Shanghai (UTC+8), so 16:00 UTC is already the next local day.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.stats import dashboard as stats
from bot.store.db import Database
from bot.store.models import (
    CANCELLED,
    ENROLLED,
    EV_BOT,
    EV_STATE,
    EV_USER,
    WAITLISTED,
    Conversation,
    Course,
    Enrolment,
    Event,
    FaqEntry,
    FaqFeedback,
    MediationCase,
    Rating,
)
from bot.web.admin.dashboard import (
    BAD_DATE,
    REVERSED,
    TOO_LONG,
    chart_data,
    csv_bytes,
    parse_period,
)
from tests.support.demo import pg_migrated

TZ = "Asia/Shanghai"
PERIOD = stats.Period(date(2026, 3, 1), date(2026, 3, 3), TZ)
TODAY = date(2026, 3, 3)
QUERY = "start=2026-03-01&end=2026-03-03"


def at(text: str) -> datetime:
    """A stored timestamp (naive UTC)."""
    return datetime.fromisoformat(text)


def _user(conv: Conversation, when: str, intent: str | None) -> Event:
    parse = {"intent": {"name": intent, "confidence": 0.9}, "entities": [], "intent_ranking": []}
    return Event(
        conversation_id=conv.id, created_at=at(when), type=EV_USER, text="…", data={"parse": parse}
    )


def _handoff(conv: Conversation, when: str, was: str, to: str, reason: str) -> Event:
    data = {"from": was, "to": to, "reason": reason}
    return Event(conversation_id=conv.id, created_at=at(when), type=EV_STATE, data=data)


def _answer(conv: Conversation, when: str, data: dict | None) -> Event:
    """A bot message; data["faq"] names the FAQ entry it answered with (H4)."""
    return Event(conversation_id=conv.id, created_at=at(when), type=EV_BOT, text="…", data=data)


def _feedback(slug: str, helpful: bool, when: str) -> FaqFeedback:
    return FaqFeedback(slug=slug, helpful=helpful, created_at=at(when))


def _course(code: str, name: str, capacity: int, **more: object) -> Course:
    return Course(code=code, name=name, category="幸福学堂", capacity=capacity, **more)


def _enrolment(course: Course, sender: str, status: str) -> Enrolment:
    return Enrolment(
        course_id=course.id,
        channel="web",
        sender_id=sender,
        name="某人",
        phone="13800000000",
        status=status,
    )


def _case(n: int, status: str, kind: str, when: str) -> MediationCase:
    return MediationCase(
        case_no=f"TJ-{n}",
        channel="web",
        sender_id=f"w{n}",
        name="某人",
        phone="13800000000",
        employer="某公司",
        dispute_type=kind,
        description="…",
        demand="…",
        status=status,
        created_at=at(when),
    )


def seed(db: Database) -> None:
    """A small, fully known world (see the expectations below)."""
    with db.write_lock(), db.session() as s:
        s.execute(update(Course).values(status="closed"))  # demo courses, if any, are out
        s.add_all(
            [
                FaqEntry(
                    slug="annual_leave",
                    question="年休假有几天？",
                    answer="…",
                    category="休假",
                    source="《职工带薪年休假条例》",
                ),
                FaqEntry(
                    slug="ot_pay",
                    question="加班费按几倍算？",
                    answer="…",
                    category="加班",
                    source="《劳动法》第四十四条",
                ),
            ]
        )
        web, wechat, tg = (
            Conversation(channel="web", sender_id="w1"),
            Conversation(channel="wechat", sender_id="w2"),
            Conversation(channel="telegram", sender_id="w3"),
        )
        s.add_all([web, wechat, tg])
        s.flush()
        s.add_all(
            [
                _user(web, "2026-02-28 15:59:59", "greet"),  # 02-28 23:59 local: outside
                _user(web, "2026-02-28 16:30:00", "greet"),  # 03-01 00:30 local
                _user(web, "2026-03-01 03:00:00", "nlu_fallback"),
                _user(wechat, "2026-03-01 15:59:00", "policy_question"),  # 03-01 23:59 local
                _user(wechat, "2026-03-01 16:00:00", "out_of_scope"),  # 03-02 00:00 local
                _user(tg, "2026-03-03 10:00:00", "policy_question"),
                _user(tg, "2026-03-03 10:01:00", None),  # an empty message: no intent
                _user(tg, "2026-03-03 16:00:00", "greet"),  # 03-04 local: outside
                # handed to a human twice the same day: one conversation handed over
                _handoff(web, "2026-03-01 03:01:00", "bot", "waiting_for_human", "asked"),
                _handoff(web, "2026-03-01 05:00:00", "bot", "waiting_for_human", "asked"),
                _handoff(wechat, "2026-03-02 02:00:00", "waiting_for_human", "with_human", "alice"),
                # FAQ answers and other bot messages
                _answer(web, "2026-03-01 03:00:01", {"faq": "annual_leave"}),
                _answer(wechat, "2026-03-01 15:59:01", {"faq": "annual_leave"}),
                _answer(tg, "2026-03-03 10:00:01", {"faq": "ot_pay"}),
                _answer(tg, "2026-03-03 10:00:02", {"faq": "removed_entry"}),
                _answer(tg, "2026-03-03 10:00:03", {}),
                _answer(tg, "2026-03-03 10:00:04", None),
                _answer(tg, "2026-03-05 10:00:00", {"faq": "ot_pay"}),  # outside
            ]
        )
        s.add_all(
            [
                _feedback("annual_leave", True, "2026-03-01 04:00:00"),
                _feedback("annual_leave", True, "2026-03-02 04:00:00"),
                _feedback("annual_leave", False, "2026-03-03 04:00:00"),
                _feedback("ot_pay", False, "2026-03-03 04:00:00"),
                _feedback("gone", True, "2026-03-03 04:00:00"),
                _feedback("ot_pay", True, "2026-02-01 04:00:00"),
            ]
        )
        s.add_all(
            [
                _case(1, "submitted", "拖欠工资", "2026-03-01 01:00:00"),
                _case(2, "submitted", "拖欠工资", "2026-03-02 01:00:00"),
                _case(3, "mediating", "工伤", "2026-03-02 02:00:00"),
                _case(4, "succeeded", "加班费", "2026-03-03 02:00:00"),
                _case(5, "on_hold", "其他纠纷", "2026-03-03 03:00:00"),  # unknown values kept
                _case(6, "closed", "工伤", "2026-01-03 03:00:00"),  # outside
            ]
        )
        open_a = _course("A01", "八段锦", 10, start_date=date(2026, 3, 10))
        open_b = _course("B01", "插花", 0, start_date=date(2026, 3, 20))
        ended = _course("C01", "旧课", 5, start_date=date(2026, 1, 1), end_date=date(2026, 3, 2))
        closed = _course("D01", "停课", 5, status="closed")
        s.add_all([open_a, open_b, ended, closed])
        s.flush()
        for n, status in enumerate([ENROLLED] * 3 + [WAITLISTED] * 2 + [CANCELLED]):
            s.add(_enrolment(open_a, f"e{n}", status))
        s.add(_enrolment(ended, "x", ENROLLED))
        for score, when in [
            (5, "2026-03-01 01:00:00"),
            (4, "2026-03-01 02:00:00"),
            (5, "2026-03-03 01:00:00"),
            (1, "2026-03-03 02:00:00"),
            (None, None),  # asked, never answered
            (3, "2026-03-04 01:00:00"),  # outside
        ]:
            s.add(
                Rating(
                    conversation_id=web.id,
                    score=score,
                    asked_at=at("2026-03-01 00:00:00"),
                    rated_at=at(when) if when else None,
                )
            )


EXPECTED: dict[str, stats.Table] = {
    "messages": stats.Table(
        ["日期", "Telegram", "网页", "微信", "合计"],
        [["2026-03-01", 0, 2, 1, 3], ["2026-03-02", 0, 0, 1, 1], ["2026-03-03", 2, 0, 0, 2]],
    ),
    "intents": stats.Table(
        ["意图", "意图名", "消息数", "占比(%)"],
        [
            ["政策咨询", "policy_question", 2, 33.3],
            ["（无意图）", "", 1, 16.7],
            ["问候", "greet", 1, 16.7],
            ["没听懂", "nlu_fallback", 1, 16.7],
            ["超出范围", "out_of_scope", 1, 16.7],
        ],
    ),
    "rates": stats.Table(
        [
            "日期",
            "用户消息数",
            "未理解消息数",
            "未理解率(%)",
            "会话数",
            "转人工会话数",
            "转人工率(%)",
        ],
        [
            ["2026-03-01", 3, 1, 33.3, 2, 1, 50.0],
            ["2026-03-02", 1, 1, 100.0, 1, 0, 0.0],
            ["2026-03-03", 2, 0, 0.0, 1, 0, 0.0],
        ],
    ),
    "faq_feedback": stats.Table(
        ["条目", "问题", "有帮助", "没帮助", "有帮助占比(%)"],
        [
            ["annual_leave", "年休假有几天？", 2, 1, 66.7],
            ["gone", "gone", 1, 0, 100.0],
            ["ot_pay", "加班费按几倍算？", 0, 1, 0.0],
        ],
    ),
    "top_faq": stats.Table(
        ["排名", "条目", "问题", "回答次数"],
        [
            [1, "annual_leave", "年休假有几天？", 2],
            [2, "ot_pay", "加班费按几倍算？", 1],
            [3, "removed_entry", "removed_entry", 1],
        ],
    ),
    "case_status": stats.Table(
        ["状态", "案件数"],
        [
            ["待受理", 2],
            ["已受理", 0],
            ["调解中", 1],
            ["调解成功", 1],
            ["调解不成", 0],
            ["建议仲裁", 0],
            ["已撤回", 0],
            ["已结案", 0],
            ["on_hold", 1],
        ],
    ),
    "case_type": stats.Table(
        ["纠纷类型", "案件数"],
        [
            ["拖欠工资", 2],
            ["加班费", 1],
            ["劳动合同", 0],
            ["社会保险", 0],
            ["工伤", 1],
            ["解除劳动合同", 0],
            ["其他", 0],
            ["其他纠纷", 1],
        ],
    ),
    "courses": stats.Table(
        ["课程编号", "课程", "名额", "已报名", "候补", "报名率(%)"],
        [["A01", "八段锦", 10, 3, 2, 30.0], ["B01", "插花", 0, 0, 0, 0.0]],
    ),
    "rating_scores": stats.Table(["评分", "次数"], [[1, 1], [2, 0], [3, 0], [4, 1], [5, 2]]),
    "rating_daily": stats.Table(
        ["日期", "评分次数", "平均分"],
        [["2026-03-01", 2, 4.5], ["2026-03-02", 0, None], ["2026-03-03", 2, 3.0]],
    ),
}


@pytest.fixture(params=["sqlite", "postgresql"])
def seeded(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The known world on a fresh SQLite file, then on a fresh PostgreSQL database (a copy of
    a migrated template)."""
    with contextlib.ExitStack() as stack:
        if request.param == "sqlite":
            db = Database(f"sqlite:///{tmp_path / 'dash.db'}")
            db.upgrade()
        else:
            db = Database(stack.enter_context(pg_migrated(request.getfixturevalue("pg_url"))))
        seed(db)
        yield db
        db.dispose()


def test_every_statistic_counts_exactly_the_seeded_world(seeded: Database):
    keys = [stat.key for stat in stats.STATISTICS]
    assert sorted(keys) == sorted(EXPECTED)
    with seeded.read() as s:
        got = stats.compute(s, keys, PERIOD, TODAY)
    for key in keys:
        assert got[key] == EXPECTED[key], key


def test_a_period_without_data_shows_every_day_as_zero(seeded: Database):
    quiet = stats.Period(date(2025, 12, 30), date(2026, 1, 1), TZ)
    with seeded.read() as s:
        got = stats.compute(
            s, ["messages", "rates", "intents", "top_faq", "case_type"], quiet, TODAY
        )
    assert got["messages"].rows == [["2025-12-30", 0], ["2025-12-31", 0], ["2026-01-01", 0]]
    assert [r[1:] for r in got["rates"].rows] == [[0, 0, 0.0, 0, 0, 0.0]] * 3
    assert got["intents"].rows == [] and got["top_faq"].rows == []
    assert all(n == 0 for _, n in got["case_type"].rows)


def test_the_default_range_is_the_last_30_local_days():
    assert stats.last_days(date(2026, 3, 3), TZ) == stats.Period(
        date(2026, 2, 2), date(2026, 3, 3), TZ
    )
    shanghai = stats.Period(date(2026, 3, 1), date(2026, 3, 1), TZ)
    assert (shanghai.lower, shanghai.upper) == (
        at("2026-02-28 16:00:00"),
        at("2026-03-01 16:00:00"),
    )


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"start": "2026-3-1x", "end": "2026-03-03"}, BAD_DATE),
        ({"start": "2026-03-04", "end": "2026-03-03"}, REVERSED),
        ({"start": "2024-01-01", "end": "2026-03-03"}, TOO_LONG),
    ],
)
def test_bad_ranges_fall_back_to_the_last_30_days_with_a_reason(params, error):
    period, message = parse_period(params, TZ, TODAY)
    assert message == error
    assert period == stats.last_days(TODAY, TZ)


def test_a_good_range_is_taken_as_given():
    assert parse_period({"start": "2026-03-01", "end": "2026-03-03"}, TZ, TODAY) == (PERIOD, None)
    only_end = parse_period({"end": "2026-03-03"}, TZ, TODAY)[0]
    assert only_end == stats.last_days(TODAY, TZ)


def test_csv_is_the_table_with_formulas_defused():
    table = stats.Table(["问题", "次数", "平均分"], [["=1+1", 3, None], ["年假", 2, 4.5]])
    raw = csv_bytes(table)
    assert raw.startswith("\ufeff".encode())  # Excel reads it as UTF-8
    assert raw.decode("utf-8-sig") == "问题,次数,平均分\r\n'=1+1,3,\r\n年假,2,4.5\r\n"


def test_chart_data_carries_the_same_numbers_as_the_table():
    chart = chart_data("messages", EXPECTED["messages"])
    assert chart["labels"] == ["2026-03-01", "2026-03-02", "2026-03-03"]
    assert chart["datasets"] == [
        {"label": "Telegram", "data": [0, 0, 2]},
        {"label": "网页", "data": [2, 0, 0]},
        {"label": "微信", "data": [1, 1, 0]},
    ]
    assert chart["stacked"] and chart["kind"] == "bar"
    quiet = chart_data("messages", stats.Table(["日期", "合计"], [["2026-03-01", 0]]))
    assert quiet["datasets"] == [{"label": "合计", "data": [0]}]
    rates = chart_data("rates", EXPECTED["rates"])
    assert [d["label"] for d in rates["datasets"]] == ["未理解率(%)", "转人工率(%)"]
    assert rates["datasets"][1]["data"] == [50.0, 0.0, 0.0]
    # 有帮助 is drawn green and 没帮助 red, whatever the palette's order
    feedback = chart_data("faq_feedback", EXPECTED["faq_feedback"])
    colours = {d["label"]: d.get("colour") for d in feedback["datasets"]}
    assert colours == {"有帮助": "#2fb344", "没帮助": "#d63939"}
    assert feedback["horizontal"]  # dashboard.js labels every bar of a horizontal chart
