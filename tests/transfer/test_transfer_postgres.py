"""The same all-or-nothing import and round trip on PostgreSQL, the production database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select

from bot.store.db import Database
from bot.store.models import FaqEntry, FaqRevision
from bot.transfer import seed
from bot.transfer.exporter import export
from bot.transfer.importer import dry_run, run_import
from bot.transfer.report import ImportRefused
from tests.support.demo import pg_copy
from tests.transfer.conftest import DEMO_FAQ, ROOT, snapshot
from tests.transfer.files import FAQ_HEADER, faq_row, xlsx_bytes


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    """A fresh PostgreSQL database (a copy of a template) with the demo FAQ and courses."""
    with pg_copy(pg_url, "transfer-demo", _faq_and_courses) as url:
        db = Database(url)
        yield db
        db.dispose()


def _faq_and_courses(url: str) -> None:
    db = Database(url)
    try:
        db.upgrade()
        seed.load_faq(db, ROOT / "data" / "faq.yml")
        seed.load_courses(db, ROOT / "data" / "courses.yml")
    finally:
        db.dispose()


def test_postgresql_import_is_all_or_nothing_and_round_trips(pg_db: Database) -> None:
    half_valid = xlsx_bytes(
        FAQ_HEADER,
        [faq_row("union_fee", "工会会费怎么交？"), faq_row("union_join", "怎么入会？", answer="")],
    )
    before = snapshot(pg_db)
    with pytest.raises(ImportRefused):
        run_import(pg_db, "faq", "xlsx", half_valid, actor="root")
    assert snapshot(pg_db) == before

    valid = xlsx_bytes(FAQ_HEADER, [faq_row("union_fee", "工会会费怎么交？")])
    assert run_import(pg_db, "faq", "xlsx", valid, actor="root").summary["create"] == 1
    with pg_db.read() as s:
        assert s.scalar(select(FaqEntry.id).where(FaqEntry.slug == "union_fee"))
        assert s.scalar(select(FaqRevision.actor).where(FaqRevision.slug == "union_fee")) == "root"

    for fmt in ("yaml", "csv", "xlsx"):
        plan = dry_run(pg_db, "faq", fmt, export(pg_db, "faq", fmt, date(2026, 11, 22)).data)
        assert plan.ok and plan.summary["unchanged"] == DEMO_FAQ + 1, fmt
