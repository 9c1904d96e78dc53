"""`workerbot backup` / `workerbot restore`: an online copy taken while another thread
writes, restored into a fresh path, answers and holds the same cases and enrolments."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from bot.app import create_app
from bot.cli import app as cli
from bot.core.messages import Incoming
from bot.settings import Settings
from bot.store import backup as backups
from bot.store import cases as repo
from bot.store.models import Course, Enrolment, MediationCase
from tests.conftest import ROOT

REQ = repo.CaseRequest(
    name="王建国",
    phone="13912345678",
    employer="重庆渝建建筑工程有限公司",
    dispute_type="拖欠工资",
    description="2026年8月到10月的工资一直没发，共计约2万5千元。",
    demand="补发3个月工资",
)


def counts(db) -> tuple[int, int]:  # noqa: ANN001
    with db.read() as s:
        return s.scalar(select(func.count(MediationCase.id))), s.scalar(
            select(func.count(Enrolment.id))
        )


def add_case_and_enrolment(db, i: int) -> None:  # noqa: ANN001
    with db.write_lock(), db.session() as s:
        repo.create_case(s, REQ, channel="rest", sender_id=f"w-{i}", today=date(2026, 12, 1))
        course = s.scalars(select(Course)).first()
        s.add(
            Enrolment(
                course_id=course.id,
                channel="rest",
                sender_id=f"w-{i}",
                name="王",
                phone="13912345678",
            )
        )


def test_backup_while_writing_then_restore_answers_with_the_same_data(bot, tmp_path, model_dir):
    for i in range(5):
        add_case_and_enrolment(bot.db, i)
    stop = threading.Event()
    written = []

    def writer() -> None:
        i = 100
        while not stop.is_set():
            add_case_and_enrolment(bot.db, i)
            written.append(i)
            i += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 3:
            stop.wait(0.01)
        dest = tmp_path / "backups" / "bot-backup.db"
        dest.parent.mkdir()
        revision = backups.backup(bot.settings.database_url, dest)
        done_before = len(written)
        while len(written) < done_before + 2:  # the writer went on meanwhile
            stop.wait(0.01)
    finally:
        stop.set()
        thread.join()
    assert revision == bot.db.head_revision()
    assert not Path(f"{dest}-wal").exists()  # one self-contained file
    copied = sqlite3.connect(dest)
    cases, enrolments = (
        copied.execute("SELECT count(*) FROM mediation_cases").fetchone()[0],
        copied.execute("SELECT count(*) FROM enrolments").fetchone()[0],
    )
    copied.close()
    assert cases == enrolments >= 5 + 3  # a consistent snapshot: each case with its enrolment

    fresh = tmp_path / "restored" / "bot.db"
    url = f"sqlite:///{fresh}"
    assert backups.restore(dest, url) == revision
    settings = Settings.load(
        ROOT / "config.yml", workerbot_database_url=url, workerbot_model_dir=model_dir
    )
    restored = create_app(settings)
    try:
        assert counts(restored.db) == (cases, enrolments)
        replies = asyncio.run(restored.handle(Incoming("rest", "after-restore", "你好")))
        assert replies and replies[0]["text"]
    finally:
        restored.db.dispose()


def test_restore_refuses_a_database_in_use_without_force(bot, tmp_path):
    dest = tmp_path / "copy.db"
    backups.backup(bot.settings.database_url, dest)
    counts(bot.db)  # the live app has the database open
    with pytest.raises(backups.BackupError, match="in use"):
        backups.restore(dest, bot.settings.database_url)
    assert backups.restore(dest, bot.settings.database_url, force=True)


def test_restore_refuses_what_is_not_a_workerbot_database(tmp_path):
    junk = tmp_path / "notes.db"
    conn = sqlite3.connect(junk)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(backups.BackupError, match="not a workerbot database"):
        backups.restore(junk, f"sqlite:///{tmp_path / 'bot.db'}")
    conn = sqlite3.connect(junk)
    conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
    conn.execute("INSERT INTO alembic_version VALUES ('from_the_future')")
    conn.commit()
    conn.close()
    with pytest.raises(backups.BackupError, match="does not know"):
        backups.restore(junk, f"sqlite:///{tmp_path / 'bot.db'}")
    assert not (tmp_path / "bot.db").exists()


def test_the_commands_explain_postgres_and_refuse_overwriting(bot, tmp_path, monkeypatch):
    runner = CliRunner()
    monkeypatch.setenv("WORKERBOT_DATABASE_URL", "postgresql+psycopg://wb:secret@db/workerbot")
    result = runner.invoke(cli, ["backup", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "pg_dump" in result.output and "secret" not in result.output
    monkeypatch.setenv("WORKERBOT_DATABASE_URL", bot.settings.database_url)
    dest = tmp_path / "x.db"
    assert runner.invoke(cli, ["backup", str(dest)]).exit_code == 0
    again = runner.invoke(cli, ["backup", str(dest)])
    assert again.exit_code == 2 and "already exists" in again.output
