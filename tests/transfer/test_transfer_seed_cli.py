"""`workerbot load-demo --add-missing` and `import --only-new` / `import-file --only-new`: a new
release's seed entries reach a database whose catalogue and FAQ admins have edited."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from bot.cli import app
from bot.store.audit import acting_as
from bot.store.db import Database
from bot.store.models import Course, FaqEntry, Mediator
from tests.transfer.conftest import DEMO_FAQ, ROOT, snapshot
from tests.transfer.files import FAQ_HEADER, csv_bytes, faq_row

CONFIG = str(ROOT / "config.yml")

NEW_FAQ = """
  - id: union_fee
    category: 工会
    question: 工会会费怎么交？
    answer: 会费按本人工资的百分之零点五按月交，单位代扣。
    source: 《中国工会章程》第三十条
"""
NEW_COURSE = """
  - code: NEW1
    name: 茶艺
    category: 幸福学堂
    weekdays: [周五]
    capacity: 15
    fee: 0
    status: open
"""


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """This release's seed files, in a folder a test can add to."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("courses.yml", "faq.yml", "mediators.yml"):
        shutil.copy(ROOT / "data" / name, folder / name)
    return folder


@pytest.fixture
def run(empty_db: Database, data_dir: Path):  # noqa: ANN201
    runner = CliRunner()
    env = {"WORKERBOT_DATABASE_URL": empty_db.url, "WORKERBOT_DATA_DIR": str(data_dir)}

    def invoke(*args: str):  # noqa: ANN202
        return runner.invoke(app, [*args, "--config", CONFIG], env=env)

    return invoke


def _counts(db: Database) -> tuple[int, int, int]:
    with db.read() as s:
        return tuple(s.scalar(select(func.count(m.id))) for m in (Course, FaqEntry, Mediator))


def _admin_edits(db: Database) -> None:
    """What admins do in /admin: edit an answer and a phone, delete an FAQ entry."""
    with acting_as("alice"), db.session() as s:
        s.scalars(select(FaqEntry).where(FaqEntry.slug == "ot_pay_rates")).one().answer = "改过"
        s.delete(s.scalars(select(FaqEntry).where(FaqEntry.slug == "hours_standard")).one())
        s.scalars(select(Mediator).where(Mediator.name == "刘芳")).one().phone = "13800000999"


def test_add_missing_loads_a_fresh_database_then_only_a_new_releases_entries(
    run, empty_db: Database, data_dir: Path
) -> None:
    result = run("load-demo", "--add-missing")
    assert result.exit_code == 0, result.output
    assert f"FAQ entries: added {DEMO_FAQ}, kept 0 as they are" in result.output
    courses, faq, mediators = _counts(empty_db)
    assert faq == DEMO_FAQ and courses > 0 and mediators > 0
    assert f"courses: added {courses}, kept 0" in result.output
    _admin_edits(empty_db)
    # the next release adds an FAQ entry and a course
    with (data_dir / "faq.yml").open("a", encoding="utf-8") as f:
        f.write(NEW_FAQ)
    text = (data_dir / "courses.yml").read_text(encoding="utf-8")
    (data_dir / "courses.yml").write_text(text.rstrip() + "\n" + NEW_COURSE, encoding="utf-8")
    result = run("load-demo", "--add-missing")
    assert result.exit_code == 0, result.output
    assert f"courses: added 1, kept {courses} as they are" in result.output
    assert (
        f"FAQ entries: added 1, kept {DEMO_FAQ - 1} as they are, left out 1 deleted in /admin"
        in result.output
    )
    assert f"mediators: added 0, kept {mediators} as they are" in result.output
    assert _counts(empty_db) == (courses + 1, DEMO_FAQ, mediators)
    with empty_db.read() as s:
        assert s.scalar(select(FaqEntry.answer).where(FaqEntry.slug == "ot_pay_rates")) == "改过"
        assert s.scalar(select(FaqEntry.id).where(FaqEntry.slug == "hours_standard")) is None
        assert s.scalar(select(FaqEntry.id).where(FaqEntry.slug == "union_fee"))
        assert s.scalar(select(Mediator.phone).where(Mediator.name == "刘芳")) == "13800000999"
    # --if-empty still skips a loaded database
    result = run("load-demo", "--if-empty")
    assert result.exit_code == 0 and "already loaded" in result.output


def test_a_bad_new_seed_entry_loads_nothing_from_its_file(
    run, empty_db: Database, data_dir: Path
) -> None:
    assert run("load-demo", "--add-missing").exit_code == 0
    with (data_dir / "faq.yml").open("a", encoding="utf-8") as f:
        f.write(NEW_FAQ.replace("    answer: 会费按本人工资的百分之零点五按月交，单位代扣。\n", ""))
    before = snapshot(empty_db)
    result = run("load-demo", "--add-missing")
    assert result.exit_code == 1
    assert "nothing imported from" in result.output and "faq.yml" in result.output
    assert "answer" in result.output and "is required" in result.output
    assert snapshot(empty_db) == before


def test_import_only_new_keeps_stored_entries(run, empty_db: Database, data_dir: Path) -> None:
    assert run("load-demo", "--add-missing").exit_code == 0
    _admin_edits(empty_db)
    with (data_dir / "faq.yml").open("a", encoding="utf-8") as f:
        f.write(NEW_FAQ)
    result = run("import", str(data_dir / "faq.yml"), "--only-new")
    assert result.exit_code == 0, result.output
    assert "FAQ entries: added 1" in result.output and "left out 1" in result.output
    with empty_db.read() as s:
        assert s.scalar(select(FaqEntry.answer).where(FaqEntry.slug == "ot_pay_rates")) == "改过"
    # without --only-new, the file is the truth again (the edit is overwritten), as before
    result = run("import", str(data_dir / "faq.yml"))
    assert result.exit_code == 0 and f"imported {DEMO_FAQ + 1} FAQ entries" in result.output
    with empty_db.read() as s:
        assert s.scalar(select(FaqEntry.answer).where(FaqEntry.slug == "ot_pay_rates")) != "改过"


def test_import_file_only_new_reports_added_and_kept(
    run, empty_db: Database, tmp_path: Path
) -> None:
    assert run("load-demo", "--add-missing").exit_code == 0
    path = tmp_path / "faq.csv"
    rows = [faq_row("union_fee", "工会会费怎么交？"), faq_row("ot_pay_rates", "加班费按几倍算？")]
    path.write_bytes(csv_bytes(FAQ_HEADER, rows))
    result = run("import-file", "faq", str(path), "--only-new", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "would create 1; 1 already stored, kept as they are; 0 deleted" in result.output
    assert "新增 union_fee" in result.output and "ot_pay_rates" not in result.output
    result = run("import-file", "faq", str(path), "--only-new")
    assert result.exit_code == 0 and "did create 1; 1 already stored" in result.output
