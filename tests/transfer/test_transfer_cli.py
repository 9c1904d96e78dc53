"""`workerbot export` and `workerbot import-file` on a real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from bot.cli import app
from bot.store.db import Database
from bot.store.models import FaqEntry, FaqRevision
from tests.transfer.conftest import DEMO_FAQ, ROOT, snapshot
from tests.transfer.files import FAQ_HEADER, csv_bytes, faq_row

CONFIG = str(ROOT / "config.yml")


@pytest.fixture
def run(db: Database):  # noqa: ANN201
    runner = CliRunner()

    def invoke(*args: str):  # noqa: ANN202
        return runner.invoke(
            app, [*args, "--config", CONFIG], env={"WORKERBOT_DATABASE_URL": db.url}
        )

    return invoke


def test_export_then_dry_run_reports_everything_unchanged(run, tmp_path: Path) -> None:
    out = tmp_path / "faq.xlsx"
    result = run("export", "faq", "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"PK")
    result = run("import-file", "faq", str(out), "--dry-run")
    assert result.exit_code == 0, result.output
    assert f"would create 0, update 0; {DEMO_FAQ} unchanged; 0 errors" in result.output


def test_import_file_applies_and_records_the_actor(run, db: Database, tmp_path: Path) -> None:
    path = tmp_path / "new.csv"
    path.write_bytes(csv_bytes(FAQ_HEADER, [faq_row("union_fee", "工会会费怎么交？")]))
    result = run("import-file", "faq", str(path), "--as", "zhang")
    assert result.exit_code == 0, result.output
    assert "did create 1, update 0" in result.output and "新增 union_fee" in result.output
    with db.read() as s:
        assert s.scalar(select(FaqEntry.id).where(FaqEntry.slug == "union_fee"))
        actor = s.scalar(select(FaqRevision.actor).where(FaqRevision.slug == "union_fee"))
        assert actor == "zhang"


def test_import_file_with_errors_writes_nothing(run, db: Database, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(
        csv_bytes(
            FAQ_HEADER, [faq_row("union_fee", "工会会费怎么交？"), faq_row("x", "问？", answer="")]
        )
    )
    before = snapshot(db)
    result = run("import-file", "faq", str(path))
    assert result.exit_code == 1
    assert "第3行「答案」：不能为空" in result.output and "nothing imported" in result.output
    assert snapshot(db) == before


def test_unknown_format_is_refused(run, tmp_path: Path) -> None:
    path = tmp_path / "faq.txt"
    path.write_text("x")
    result = run("import-file", "faq", str(path))
    assert result.exit_code == 2 and "format" in result.output
