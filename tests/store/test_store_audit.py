"""FAQ history and version stamps are written by the flush hook, whoever makes the change."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from bot.store.audit import CATALOGUE_VERSION, KNOWLEDGE_VERSION, acting_as, read_version
from bot.store.db import Database
from bot.store.models import (
    REV_CREATE,
    REV_DELETE,
    REV_RESTORE,
    REV_UPDATE,
    Base,
    Course,
    Enrolment,
    FaqEntry,
    FaqRevision,
)
from bot.transfer.seed import load_courses

ROOT = Path(__file__).resolve().parents[2]


def _entry(slug: str = "overtime-pay") -> FaqEntry:
    return FaqEntry(
        slug=slug,
        question="加班费怎么算？",
        alternates=["加班工资"],
        answer="工作日加班不低于工资的150%。",
        category="工资",
        source="《劳动法》第四十四条",
    )


def _revisions(db: Database, slug: str) -> list[FaqRevision]:
    with db.read() as s:
        return list(
            s.scalars(select(FaqRevision).where(FaqRevision.slug == slug).order_by(FaqRevision.id))
        )


def _stamp(db: Database, key: str) -> str | None:
    with db.read() as s:
        return read_version(s, key)


def test_the_migrations_build_exactly_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_create_update_delete_each_leave_a_revision_with_the_actor(db: Database) -> None:
    with acting_as("root"), db.session() as s:
        s.add(_entry())
    first = _stamp(db, KNOWLEDGE_VERSION)
    with acting_as("admin2"), db.session() as s:
        s.scalars(select(FaqEntry)).one().answer = "新的答案"
    assert _stamp(db, KNOWLEDGE_VERSION) not in (None, first)
    with db.session() as s:
        s.delete(s.scalars(select(FaqEntry)).one())
    revs = _revisions(db, "overtime-pay")
    assert [(r.action, r.actor) for r in revs] == [
        (REV_CREATE, "root"),
        (REV_UPDATE, "admin2"),
        (REV_DELETE, "system"),
    ]
    assert revs[0].snapshot["answer"] == "工作日加班不低于工资的150%。"
    assert revs[1].snapshot["answer"] == "新的答案"
    assert revs[2].snapshot["answer"] == "新的答案"  # what was deleted, to restore it


def test_an_entry_older_than_history_gets_its_old_text_kept(db: Database) -> None:
    with db.session() as s:
        s.add(_entry())
    with db.session() as s:  # history starts empty, as for entries loaded before migration 0003
        s.execute(FaqRevision.__table__.delete())
    with acting_as("root", REV_RESTORE), db.session() as s:
        s.scalars(select(FaqEntry)).one().question = "加班工资怎么计算？"
    revs = _revisions(db, "overtime-pay")
    assert [r.action for r in revs] == [REV_CREATE, REV_RESTORE]
    assert revs[0].snapshot["question"] == "加班费怎么算？"
    assert revs[1].snapshot["question"] == "加班工资怎么计算？" and revs[1].actor == "root"


def test_touching_nothing_records_nothing(db: Database) -> None:
    with db.session() as s:
        s.add(_entry())
    stamp = _stamp(db, KNOWLEDGE_VERSION)
    with db.session() as s:
        e = s.scalars(select(FaqEntry)).one()
        e.answer = e.answer  # same value: not a change
    assert len(_revisions(db, "overtime-pay")) == 1
    assert _stamp(db, KNOWLEDGE_VERSION) == stamp


def test_course_edits_move_the_catalogue_stamp_but_enrolments_do_not(db: Database) -> None:
    load_courses(db, ROOT / "data" / "courses.yml")
    stamp = _stamp(db, CATALOGUE_VERSION)
    assert stamp is not None
    with db.session() as s:
        course = s.scalars(select(Course)).first()
        s.add(
            Enrolment(
                course=course, channel="web", sender_id="w1", name="张三", phone="13800000000"
            )
        )
    assert _stamp(db, CATALOGUE_VERSION) == stamp
    with db.session() as s:
        s.scalars(select(Course)).first().name = "八段锦（周末班）"
    assert _stamp(db, CATALOGUE_VERSION) != stamp
