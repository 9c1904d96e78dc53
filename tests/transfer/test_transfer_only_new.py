"""Only-new imports: entries not stored are added, stored ones stay exactly as admins left them,
an FAQ entry an admin deleted is not brought back, and a bad new row still refuses the file."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.core.yamlfile import read_yaml
from bot.store.audit import acting_as
from bot.store.db import Database
from bot.store.models import Course, FaqEntry, FaqRevision
from bot.transfer.importer import HAS_ERRORS, STALE, dry_run, run_import
from bot.transfer.report import ImportRefused
from tests.transfer.conftest import DEMO_FAQ, ROOT, snapshot
from tests.transfer.files import COURSE_HEADER, FAQ_HEADER, csv_bytes, faq_row

SEED_FAQ = (ROOT / "data" / "faq.yml").read_bytes()
SEED_COURSES = (ROOT / "data" / "courses.yml").read_bytes()
DEMO_COURSES = len(read_yaml(ROOT / "data" / "courses.yml")["courses"])


def _entry(db: Database, slug: str) -> FaqEntry | None:
    with db.read() as s:
        return s.scalar(select(FaqEntry).where(FaqEntry.slug == slug))


def _edit_as_admin(db: Database, slug: str, answer: str) -> None:
    with acting_as("alice"), db.session() as s:
        s.scalars(select(FaqEntry).where(FaqEntry.slug == slug)).one().answer = answer


def _delete_as_admin(db: Database, slug: str) -> None:
    with acting_as("alice"), db.session() as s:
        s.delete(s.scalars(select(FaqEntry).where(FaqEntry.slug == slug)).one())


def test_new_entries_are_added_and_stored_ones_kept(db: Database) -> None:
    rows = [
        faq_row("union_fee", "工会会费怎么交？"),
        faq_row("ot_pay_rates", "加班费按几倍算？", answer="种子文件里的旧答案"),
    ]
    data = csv_bytes(FAQ_HEADER, rows)
    checked = dry_run(db, "faq", "csv", data, only_new=True)
    expected = {"create": 1, "update": 0, "unchanged": 0, "kept": 1, "deleted": 0, "errors": 0}
    assert checked.summary == expected
    assert [(c.key, c.action_label) for c in checked.changes] == [
        ("union_fee", "新增"),
        ("ot_pay_rates", "已有，不改"),
    ]
    before = _entry(db, "ot_pay_rates")
    done = run_import(db, "faq", "csv", data, actor="root", expect=checked.digest, only_new=True)
    assert done.summary == expected
    assert _entry(db, "union_fee") is not None
    after = _entry(db, "ot_pay_rates")
    assert (after.answer, after.updated_at) == (before.answer, before.updated_at)
    with db.read() as s:
        written = s.scalars(select(FaqRevision.slug).where(FaqRevision.actor == "root")).all()
    assert written == ["union_fee"]  # the kept entry has no new revision


def test_the_seed_again_leaves_an_edited_database_exactly_as_it_was(db: Database) -> None:
    _edit_as_admin(db, "ot_pay_rates", "管理员改过的答案")
    with acting_as("alice"), db.session() as s:
        s.scalars(select(Course).where(Course.code == "XF01")).one().capacity = 99
    before = snapshot(db)
    faq = run_import(db, "faq", "yaml", SEED_FAQ, actor="root", only_new=True)
    courses = run_import(db, "courses", "yaml", SEED_COURSES, actor="root", only_new=True)
    assert faq.summary["kept"] == DEMO_FAQ and faq.summary["create"] == 0
    assert courses.summary["kept"] == DEMO_COURSES and courses.summary["create"] == 0
    assert snapshot(db) == before  # not one row, revision or version stamp written
    assert _entry(db, "ot_pay_rates").answer == "管理员改过的答案"


def test_an_entry_an_admin_deleted_is_not_brought_back(db: Database) -> None:
    _delete_as_admin(db, "ot_pay_rates")
    plan = run_import(db, "faq", "yaml", SEED_FAQ, actor="root", only_new=True)
    assert plan.summary["deleted"] == 1 and plan.summary["create"] == 0
    (gone,) = [c for c in plan.changes if c.action == "deleted"]
    assert (gone.key, gone.action_label) == ("ot_pay_rates", "已删除，不恢复")
    assert _entry(db, "ot_pay_rates") is None
    # an ordinary import is the admin's explicit choice, and brings it back as before
    again = run_import(db, "faq", "yaml", SEED_FAQ, actor="root")
    assert again.summary["create"] == 1 and _entry(db, "ot_pay_rates") is not None


def test_a_bad_new_row_refuses_the_whole_file(db: Database) -> None:
    rows = [
        faq_row("union_fee", "工会会费怎么交？"),
        faq_row("ot_pay_rates", "加班费按几倍算？"),
        faq_row("union_join", "怎么加入工会？", answer=""),
    ]
    before = snapshot(db)
    with pytest.raises(ImportRefused) as refused:
        run_import(db, "faq", "csv", csv_bytes(FAQ_HEADER, rows), actor="root", only_new=True)
    assert refused.value.reason == HAS_ERRORS
    assert [str(e) for e in refused.value.plan.errors] == ["第4行「答案」：不能为空"]
    assert snapshot(db) == before


def test_a_new_entry_asking_a_stored_question_is_kept_out(db: Database) -> None:
    """A release's entry asking what an admin's own entry (another id) already answers is
    kept out, not an error: `make run` must not stop at start-up over it."""
    with db.read() as s:
        asked = s.scalar(select(FaqEntry.question).where(FaqEntry.slug == "ot_pay_rates"))
    data = csv_bytes(FAQ_HEADER, [faq_row("ot_pay_again", asked), faq_row("union_fee", "会费？")])
    plan = dry_run(db, "faq", "csv", data, only_new=True)
    assert plan.errors == []
    assert [(c.key, c.action) for c in plan.changes] == [
        ("ot_pay_again", "kept"),
        ("union_fee", "create"),
    ]
    run_import(db, "faq", "csv", data, actor="root", expect=plan.digest, only_new=True)
    assert _entry(db, "ot_pay_again") is None and _entry(db, "union_fee") is not None
    # (a plain import still refuses it, naming the stored entry)
    plain = dry_run(db, "faq", "csv", data)
    assert [e.kind for e in plain.errors] == ["clash"]
    assert "ot_pay_rates" in plain.errors[0].message


def test_new_courses_are_added_and_stored_ones_kept(db: Database) -> None:
    rows = [
        ["XF01", "中西式面点烘焙", "幸福学堂", "周六", 99, 0, "2026-12-05", "2027-01-23"],
        ["NEW1", "茶艺", "幸福学堂", "周五", 15, 0, "2026-12-04", "2027-01-22"],
    ]
    plan = run_import(
        db, "courses", "csv", csv_bytes(COURSE_HEADER, rows), actor="root", only_new=True
    )
    assert (plan.summary["create"], plan.summary["kept"]) == (1, 1)
    with db.read() as s:
        capacity = dict(s.execute(select(Course.code, Course.capacity)).tuples().all())
    assert capacity["NEW1"] == 15 and capacity["XF01"] == 20  # the seed's, not the file's 99


def test_confirm_is_refused_when_an_entry_appeared_since_the_dry_run(db: Database) -> None:
    data = csv_bytes(FAQ_HEADER, [faq_row("union_fee", "工会会费怎么交？")])
    checked = dry_run(db, "faq", "csv", data, only_new=True)
    with acting_as("alice"), db.session() as s:
        s.add(FaqEntry(slug="union_fee", question="会费交多少？", answer="管理员写的",
                       category="工会", source="《工会法》"))  # fmt: skip
    before = snapshot(db)
    with pytest.raises(ImportRefused) as refused:
        run_import(db, "faq", "csv", data, actor="root", expect=checked.digest, only_new=True)
    assert refused.value.reason == STALE
    assert snapshot(db) == before
