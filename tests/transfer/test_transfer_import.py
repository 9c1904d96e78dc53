"""Imports are all or nothing, recorded under the admin's name, and exports import back unchanged."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from bot.store.audit import KNOWLEDGE_VERSION, acting_as, read_version
from bot.store.db import Database
from bot.store.models import Course, FaqEntry, FaqRevision
from bot.transfer.exporter import export
from bot.transfer.importer import HAS_ERRORS, STALE, dry_run, run_import
from bot.transfer.report import ImportRefused
from tests.transfer.conftest import DEMO_FAQ, snapshot
from tests.transfer.files import (
    COURSE_HEADER,
    FAQ_HEADER,
    csv_bytes,
    faq_row,
    xlsx_bytes,
    xlsx_rows,
)

TODAY = date(2026, 11, 22)


def test_an_import_writes_everything_with_the_admin_recorded(db: Database) -> None:
    with db.read() as s:
        before = read_version(s, KNOWLEDGE_VERSION)
    rows = [
        faq_row("union_fee", "工会会费怎么交？", alternates="会费交多少"),
        faq_row(
            "ot_pay_rates",
            "加班费按几倍算？",
            answer="新答案",
            category="工时与加班",
            source="《劳动法》第四十四条",
        ),  # fmt: skip
    ]
    plan = run_import(db, "faq", "csv", csv_bytes(FAQ_HEADER, rows), actor="root")
    assert plan.summary == {"create": 1, "update": 1, "unchanged": 0, "errors": 0}
    with db.read() as s:
        fee = s.scalars(select(FaqEntry).where(FaqEntry.slug == "union_fee")).one()
        assert fee.alternates == ["会费交多少"] and fee.enabled is True
        pay = s.scalars(select(FaqEntry).where(FaqEntry.slug == "ot_pay_rates")).one()
        assert pay.answer == "新答案" and pay.source == "《劳动法》第四十四条"
        revisions = s.scalars(
            select(FaqRevision).where(FaqRevision.actor == "root").order_by(FaqRevision.id)
        ).all()
        assert [(r.slug, r.action) for r in revisions] == [
            ("union_fee", "create"),
            ("ot_pay_rates", "update"),
        ]
        assert revisions[1].snapshot["answer"] == "新答案"
        assert read_version(s, KNOWLEDGE_VERSION) != before  # every process reloads the index


def _half_valid_excel() -> bytes:
    return xlsx_bytes(
        COURSE_HEADER,
        [
            ["XF01", "中西式面点烘焙", "幸福学堂", "周六", 99, 0, "2026-12-05", "2027-01-23"],
            ["NEW1", "茶艺", "幸福学堂", "周五", 15, 0, "2026-12-04", "2027-01-22"],
            ["NEW2", "电焊", "技能培训", "周八", "十二", 0, "2026-12-04", "2027-01-22"],
            ["NEW3", "瑜伽", "幸福学堂", "周一", 20, 0, "2026-12-01", "2027-01-20"],
        ],
    )


def test_a_half_valid_excel_file_changes_nothing(db: Database) -> None:
    data = _half_valid_excel()
    plan = dry_run(db, "courses", "xlsx", data)
    assert [str(e) for e in plan.errors] == [
        "第4行「上课星期」：「周八」不对，应为 周一、周二、周三、周四、周五、周六、周日",
        "第4行「名额」：「十二」不是数字，必须是不小于 0 的整数",
    ]
    assert plan.summary["create"] == 2 and plan.summary["update"] == 1  # shown, never applied
    before = snapshot(db)
    with pytest.raises(ImportRefused) as refused:
        run_import(db, "courses", "xlsx", data, actor="root", expect=plan.digest)
    assert refused.value.reason == HAS_ERRORS
    assert snapshot(db) == before


@pytest.mark.parametrize(
    "breakage",
    ["truncated row", "bad encoding", "wrong columns", "open quote"],
)
def test_a_broken_csv_changes_nothing(db: Database, breakage: str) -> None:
    rows = [
        faq_row("union_fee", "工会会费怎么交？"),
        faq_row("ot_pay_rates", "加班费按几倍算？", answer="改过的答案"),
        faq_row("union_join", "怎么加入工会？"),
    ]
    good = csv_bytes(FAQ_HEADER, rows)
    data = {
        "truncated row": good[: good.rindex(",是".encode())],
        "bad encoding": good.replace("改过的答案".encode(), "改过的答案".encode("gbk")),
        "wrong columns": csv_bytes((*FAQ_HEADER[:4], "回复", *FAQ_HEADER[5:], "备注"), rows),
        "open quote": good + b'"union_x,\xe5\xb7\xa5\r\n',
    }[breakage]
    before = snapshot(db)
    with pytest.raises(ImportRefused) as refused:
        run_import(db, "faq", "csv", data, actor="root")
    assert refused.value.plan.errors
    assert snapshot(db) == before


def test_confirm_applies_only_what_was_checked(db: Database) -> None:
    """An edit between the dry run and the confirm changes the outcome: refused, nothing written."""
    data = csv_bytes(FAQ_HEADER, [faq_row("union_fee", "工会会费怎么交？")])
    checked = dry_run(db, "faq", "csv", data)
    with acting_as("alice"), db.session() as s:
        s.add(FaqEntry(slug="union_fee", question="工会会费怎么交？", answer="另一个答案",
                       category="工会", source="《工会法》"))  # fmt: skip
    before = snapshot(db)
    with pytest.raises(ImportRefused) as refused:
        run_import(db, "faq", "csv", data, actor="root", expect=checked.digest)
    assert refused.value.reason == STALE
    assert snapshot(db) == before


def _tricky_entries(db: Database) -> None:
    """Values that a careless format would lose: formulas, line breaks, blanks, flags."""
    with acting_as("root"), db.session() as s:
        pay = s.scalars(select(FaqEntry).where(FaqEntry.slug == "ot_pay_rates")).one()
        pay.answer = "=150%×工资\n- 休息日：200%\n@节假日：300%"
        pay.enabled = False
        pay.effective_date = date(2008, 1, 1)
        pay.alternates = [*pay.alternates, "+加班费", "加班费，怎么算？"]
        s.add(Course(code="QZ09", name="亲子'手工", category="亲子活动", weekdays=[],
                     time=None, sessions=None, capacity=0, fee=120, status="closed"))  # fmt: skip


@pytest.mark.parametrize("kind", ["faq", "courses"])
@pytest.mark.parametrize("fmt", ["yaml", "csv", "xlsx"])
def test_an_export_imports_back_unchanged(
    db: Database, empty_db: Database, kind: str, fmt: str
) -> None:
    _tricky_entries(db)
    file = export(db, kind, fmt, TODAY)
    plan = dry_run(db, kind, fmt, file.data)
    assert plan.ok, [str(e) for e in plan.errors]
    assert plan.summary == {"create": 0, "update": 0, "unchanged": len(plan.changes), "errors": 0}
    assert len(plan.changes) == {"faq": DEMO_FAQ, "courses": 21}[kind]
    # into an empty database, then out again: the same file
    run_import(empty_db, kind, fmt, file.data, actor="root")
    again = export(empty_db, kind, fmt, TODAY)
    if fmt == "xlsx":  # a workbook carries its creation time: compare the cells
        assert xlsx_rows(again.data) == xlsx_rows(file.data)
    else:
        assert again.data == file.data


def test_export_files_are_named_and_typed_for_download(db: Database) -> None:
    file = export(db, "faq", "csv", TODAY)
    assert file.filename == "问答库-2026-11-22.csv" and file.fallback == "faq-2026-11-22.csv"
    assert file.data.startswith(b"\xef\xbb\xbf")  # Excel on Windows needs the BOM for Chinese
    assert file.media_type.startswith("text/csv")
    text = file.data.decode("utf-8-sig")
    assert text.splitlines()[0] == "编号,分类,标准问题,其他问法,答案,依据,生效日期,启用,基础条目"
