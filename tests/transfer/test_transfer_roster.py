"""Course rosters: who is enrolled, waiting or cancelled, in order, safe to open in Excel."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.store.db import Database
from bot.store.models import Course, Enrolment
from bot.transfer.roster import load_roster, roster_file
from tests.transfer.files import xlsx_rows

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _enrol(db: Database) -> int:
    with db.session() as s:
        course = s.scalars(select(Course).where(Course.code == "XF02")).one()
        people = [
            ("王芳", "13800000001", "waitlisted", datetime(2026, 11, 20, 2, 0), "web"),
            (
                '=HYPERLINK("http://x")',
                "13800000002",
                "enrolled",
                datetime(2026, 11, 21, 1, 30),
                "wechat",
            ),
            ("李强", "13800000003", "cancelled", datetime(2026, 11, 19, 3, 0), "telegram"),
            ("赵敏", "13800000004", "enrolled", datetime(2026, 11, 18, 16, 5), "wechat"),
        ]
        for name, phone, status, at, channel in people:
            s.add(Enrolment(course_id=course.id, channel=channel, sender_id=phone, name=name,
                            phone=phone, status=status, created_at=at))  # fmt: skip
        return course.id


def test_roster_lists_enrolled_then_waiting_then_cancelled(db: Database) -> None:
    roster = load_roster(db, _enrol(db), SHANGHAI)
    assert roster.code == "XF02" and roster.name == "书法"
    assert [r[1:4] for r in roster.rows] == [
        ("赵敏", "13800000004", "已报名"),
        ('=HYPERLINK("http://x")', "13800000002", "已报名"),
        ("王芳", "13800000001", "候补"),
        ("李强", "13800000003", "已取消"),
    ]
    assert [r[0] for r in roster.rows] == [1, 2, 3, 4]
    # stored in UTC, shown in the union's time zone
    assert roster.rows[0][4] == datetime(2026, 11, 19, 0, 5) and roster.rows[0][5] == "微信"


def test_roster_files_never_turn_a_name_into_a_formula(db: Database) -> None:
    roster = load_roster(db, _enrol(db), SHANGHAI)
    csv_file = roster_file(roster, "csv", date(2026, 11, 22))
    text = csv_file.data.decode("utf-8-sig").splitlines()
    assert text[0].startswith(
        "序号,姓名,手机号,状态,报名时间,渠道,出勤次数,请假次数,请假说明,12-01,"
    )
    assert text[1].startswith("1,赵敏,13800000004,已报名,2026-11-19 00:05,微信,0,0,,")
    assert text[2].startswith('2,"\'=HYPERLINK(""http://x"")",')
    assert csv_file.filename == "报名名单-XF02-书法-2026-11-22.csv"
    assert csv_file.fallback == "roster-XF02-2026-11-22.csv"
    xlsx_file = roster_file(roster, "xlsx", date(2026, 11, 22))
    rows = xlsx_rows(xlsx_file.data)
    assert rows[0][:9] == (
        "序号", "姓名", "手机号", "状态", "报名时间", "渠道", "出勤次数", "请假次数", "请假说明"
    )  # fmt: skip
    assert rows[2][1] == '=HYPERLINK("http://x")'  # text, not a formula
    sheet = zipfile.ZipFile(io.BytesIO(xlsx_file.data)).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet


def test_no_roster_for_an_unknown_course(db: Database) -> None:
    assert load_roster(db, 9999, SHANGHAI) is None


def test_roster_carries_attendance_and_leave_reasons(db: Database) -> None:
    from bot.store import attendance
    from bot.store.models import ATTEND_EXCUSED, ATTEND_PRESENT

    course_id = _enrol(db)
    with db.session() as s:
        zhao = s.scalars(select(Enrolment).where(Enrolment.name == "赵敏")).one()
        attendance.mark(s, zhao, date(2026, 12, 1), ATTEND_PRESENT, "root")
        attendance.mark(s, zhao, date(2026, 12, 3), ATTEND_EXCUSED, "worker", "加班")
    roster = load_roster(db, course_id, SHANGHAI, skip=[date(2026, 12, 8)])
    header = roster.header
    assert "12-08" not in header  # a day off in config is no session
    row = roster.rows[0]
    assert row[1] == "赵敏" and row[6:9] == (1, 1, "12-03 加班")
    assert row[header.index("12-01")] == "出勤" and row[header.index("12-03")] == "请假"
    assert row[header.index("12-10")] == ""
