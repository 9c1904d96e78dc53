"""Seed loading: idempotent upserts, clear errors, and the real data files stay loadable."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.store.db import Database
from bot.store.models import Course, FaqEntry
from bot.transfer import seed

ROOT = Path(__file__).resolve().parents[2]

COURSES = """
courses:
  - code: XF02
    name: 书法
    category: 幸福学堂
    description: 从握笔和基本笔画教起。
    start_date: 2026-12-01
    end_date: 2027-01-21
    weekdays: [周二, 周四]
    time_of_day: 晚上
    time: "19:00-20:30"
    sessions: 16
    venue: 区工人文化宫二楼书画室
    capacity: 30
    fee: 0
    status: open
    keywords: [书法, 练字]
  - code: JN05
    name: 叉车操作
    category: 技能培训
    weekdays: [周日]
    time_of_day: 上午
    capacity: 12
    fee: 300
    status: open
"""

FAQ = """
faq:
  - id: overtime-pay
    category: 工资
    question: 加班费怎么计算？
    alternates: [加班工资怎么算]
    answer: 工作日延长工作时间支付不低于工资的150%。
    source: 《中华人民共和国劳动法》第四十四条
"""


def counts(db: Database) -> tuple[int, int]:
    with db.session() as s:
        return (
            s.scalar(select(func.count(Course.id))),
            s.scalar(select(func.count(FaqEntry.id))),
        )


def test_loading_twice_gives_the_same_rows(db: Database, tmp_path: Path) -> None:
    (tmp_path / "c.yml").write_text(COURSES, encoding="utf-8")
    (tmp_path / "f.yml").write_text(FAQ, encoding="utf-8")
    assert not seed.demo_is_loaded(db)
    assert seed.load_courses(db, tmp_path / "c.yml") == 2
    assert seed.load_faq(db, tmp_path / "f.yml") == 1
    assert counts(db) == (2, 1)
    assert seed.load_courses(db, tmp_path / "c.yml") == 2
    assert seed.load_faq(db, tmp_path / "f.yml") == 1
    assert counts(db) == (2, 1)
    assert seed.demo_is_loaded(db)


def test_reloading_updates_changed_fields(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "c.yml"
    path.write_text(COURSES, encoding="utf-8")
    seed.load_courses(db, path)
    path.write_text(COURSES.replace("capacity: 30", "capacity: 40"), encoding="utf-8")
    seed.load_courses(db, path)
    with db.session() as s:
        course = s.scalars(select(Course).where(Course.code == "XF02")).one()
        assert course.capacity == 40
        assert course.weekdays == ["周二", "周四"] and course.time == "19:00-20:30"
    assert counts(db)[0] == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("code: JN05", "code: 叉车班"), "code"),
        (("weekdays: [周日]", "weekdays: [星期天]"), "weekday"),
        (("fee: 300", "fee: -1"), "fee"),
        (("time_of_day: 上午", "time_of_day: 中午"), "time_of_day"),
        (("code: JN05", "code: XF02"), "twice"),
    ],
)
def test_bad_entries_are_refused_with_the_entry_named(
    db: Database, tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    path = tmp_path / "c.yml"
    path.write_text(COURSES.replace(*change), encoding="utf-8")
    with pytest.raises(seed.SeedError, match=message):
        seed.load_courses(db, path)
    assert counts(db) == (0, 0)  # nothing half-loaded


def test_faq_slug_must_fit_a_button_payload(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "f.yml"
    path.write_text(FAQ.replace("id: overtime-pay", "id: 加班费计算"), encoding="utf-8")
    with pytest.raises(seed.SeedError, match="id"):
        seed.load_faq(db, path)


def test_the_real_course_catalogue_loads(db: Database) -> None:
    path = ROOT / "data" / "courses.yml"
    if not path.exists():
        pytest.skip("data/courses.yml not written yet")
    n = seed.load_courses(db, path)
    assert n > 0 and counts(db)[0] == n


def test_the_real_faq_loads(db: Database) -> None:
    path = ROOT / "data" / "faq.yml"
    if not path.exists():
        pytest.skip("data/faq.yml not written yet")
    n = seed.load_faq(db, path)
    assert n > 0 and counts(db)[1] == n
