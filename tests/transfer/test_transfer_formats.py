"""Reading each format and checking every row: the dry-run report names row and column."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import pytest
from sqlalchemy import select

from bot.store.db import Database
from bot.store.models import Course, FaqEntry
from bot.transfer.importer import dry_run
from tests.transfer.conftest import DEMO_FAQ, ROOT
from tests.transfer.files import (
    COURSE_HEADER,
    FAQ_HEADER,
    csv_bytes,
    faq_row,
    xlsx_bytes,
)


def messages(plan) -> list[str]:
    return [str(e) for e in plan.errors]


def test_csv_with_chinese_headers_plans_creates_updates_and_unchanged(db: Database) -> None:
    with db.read() as s:
        pay = s.scalars(select(FaqEntry).where(FaqEntry.slug == "ot_pay_rates")).one()
        same = s.scalars(select(FaqEntry).where(FaqEntry.slug == "hours_standard")).one()
        same_row = [
            same.slug, same.category, same.question, "\n".join(same.alternates), same.answer,
            same.source, "", "是",
        ]  # fmt: skip
        pay_row = [
            pay.slug, pay.category, pay.question, "\n".join(pay.alternates), "新的答案。",
            pay.source, "2027-01-01", "是",
        ]  # fmt: skip
    new = faq_row("union_fee", "工会会费怎么交？", alternates="会费交多少\n会费|入会要钱吗")
    plan = dry_run(db, "faq", "csv", csv_bytes(FAQ_HEADER, [same_row, pay_row, new]))
    assert plan.ok, messages(plan)
    assert plan.summary == {"create": 1, "update": 1, "unchanged": 1, "errors": 0}
    update = next(c for c in plan.changes if c.action == "update")
    assert update.key == "ot_pay_rates" and update.where == "第3行"
    assert update.labels == ("答案", "生效日期")
    assert update.values == {"answer": "新的答案。", "effective_date": date(2027, 1, 1)}
    create = next(c for c in plan.changes if c.action == "create")
    assert create.values["alternates"] == ["会费交多少", "会费", "入会要钱吗"]
    assert create.values["enabled"] is True


def test_english_headers_without_bom_and_missing_optional_columns(db: Database) -> None:
    data = csv_bytes(
        ("id", "category", "question", "answer", "source"),
        [["union_fee", "工会", "工会会费怎么交？", "按工资的百分之零点五。", "《工会法》"]],
        encoding="utf-8",
    )
    plan = dry_run(db, "faq", "csv", data)
    assert plan.ok and plan.summary["create"] == 1
    assert plan.changes[0].values["alternates"] == []


def test_excel_cells_dates_and_numbers_are_read_as_admins_type_them(db: Database) -> None:
    rows = [
        ["XF01", "中西式面点烘焙", "幸福学堂", "周六", 25.0, 0, datetime(2026, 12, 5), "2027/1/23"],
        ["JN99", "电工复审", "技能培训", "周二、周四", 12, "300", "2027年3月1日", None],
    ]
    plan = dry_run(db, "courses", "xlsx", xlsx_bytes(COURSE_HEADER, rows))
    assert plan.ok, messages(plan)
    update, create = plan.changes
    assert update.action == "update" and update.fields == ("capacity",)
    assert update.values == {"capacity": 25}
    assert create.action == "create" and create.where == "第3行"
    assert create.values["weekdays"] == ["周二", "周四"] and create.values["fee"] == 300
    assert create.values["start_date"] == date(2027, 3, 1) and create.values["end_date"] is None
    assert create.values["status"] == "open" and create.values["venue"] == ""


def test_the_seed_files_are_import_files(empty_db: Database) -> None:
    faq = dry_run(empty_db, "faq", "yaml", (ROOT / "data" / "faq.yml").read_bytes())
    courses = dry_run(empty_db, "courses", "yaml", (ROOT / "data" / "courses.yml").read_bytes())
    assert faq.ok and faq.summary["create"] == DEMO_FAQ
    assert courses.ok and courses.summary["create"] == 20


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (faq_row("a1", "问题一？", answer=""), "第2行「答案」：不能为空"),
        (faq_row("a1", "问题一？", source=" "), "第2行「依据」：不能为空"),
        (
            faq_row("a1", "问题一？", answer="标准是{{figure:cq_wage}}。"),
            "第2行「答案」：{{figure:cq_wage}} 不是已有的地方数据项",
        ),
        (
            faq_row("a1", "问题一？", effective_date="2026-13-01"),
            "第2行「生效日期」：日期「2026-13-01」不对",
        ),
        (faq_row("A 1", "问题一？"), "第2行「编号」：只能用小写英文字母"),
        (faq_row("a1", "问题一？", enabled="也许"), "第2行「启用」：「也许」不对，应填 是 或 否"),
        (
            faq_row("a1", "加班费按几倍算"),
            "第2行「标准问题」：和已有问答「ot_pay_rates」的问题相同",
        ),
    ],
)
def test_faq_row_errors_name_the_row_and_column(db: Database, row: list, expected: str) -> None:
    plan = dry_run(db, "faq", "csv", csv_bytes(FAQ_HEADER, [row]))
    assert not plan.ok
    assert any(m.startswith(expected) for m in messages(plan)), messages(plan)


def test_duplicates_within_the_file_are_errors(db: Database) -> None:
    rows = [
        faq_row("a1", "问题一？"),
        faq_row("a1", "问题二？"),
        faq_row("a3", "问题 一"),
    ]
    plan = dry_run(db, "faq", "csv", csv_bytes(FAQ_HEADER, rows))
    assert messages(plan) == [
        "第3行「编号」：「a1」和第2行重复",
        "第4行「标准问题」：和第2行的问题相同",
    ]


def test_an_update_may_take_a_question_the_same_file_frees(db: Database) -> None:
    """Swapping questions between two entries in one file is not a clash."""
    with db.read() as s:
        a, b = s.scalars(select(FaqEntry).order_by(FaqEntry.id).limit(2)).all()
        rows = [
            faq_row(a.slug, b.question, source=a.source, category=a.category),
            faq_row(b.slug, a.question, source=b.source, category=b.category),
        ]
    plan = dry_run(db, "faq", "csv", csv_bytes(FAQ_HEADER, rows))
    assert plan.ok, messages(plan)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"名额": "三十"}, "第2行「名额」：「三十」不是数字"),
        ({"名额": "-3"}, "第2行「名额」：「-3」不是数字"),
        ({"类别": "兴趣班"}, "第2行「类别」：「兴趣班」不在可选范围内，应为：幸福学堂、技能培训"),
        ({"上课星期": "星期三"}, "第2行「上课星期」：「星期三」不对"),
        ({"结课日期": "2026-01-01"}, "第2行「结课日期」：结课日期早于开课日期"),
        ({"课程名称": ""}, "第2行「课程名称」：不能为空"),
    ],
)
def test_course_row_errors(db: Database, change: dict, expected: str) -> None:
    values = ["ZZ1", "插花", "幸福学堂", "周三", "20", "0", "2026-12-01", ""]
    row = dict(zip(COURSE_HEADER, values, strict=True))
    row.update(change)
    plan = dry_run(db, "courses", "csv", csv_bytes(COURSE_HEADER, [list(row.values())]))
    assert any(m.startswith(expected) for m in messages(plan)), messages(plan)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            csv_bytes(FAQ_HEADER, [faq_row("a1", "工会会费怎么交？")], "gbk"),
            "不是 UTF-8 编码（看起来是 GBK 编码）",
        ),
        (
            csv_bytes((*FAQ_HEADER[:-1], "备注"), [faq_row("a1", "问题？")]),
            "第8列「备注」不是问答文件的列",
        ),
        (csv_bytes(FAQ_HEADER[:4], [faq_row("a1", "问题？")[:4]]), "缺少必需的列：答案、依据"),
        (
            csv_bytes(FAQ_HEADER, [faq_row("a1", "问题？"), faq_row("a2", "问题二？")[:3]]),
            "第3行：只有 3 列，表头有 8 列",
        ),
        (
            csv_bytes(FAQ_HEADER, [faq_row("a1", "问题？")]) + '"a2,工资,问题'.encode(),
            "第3行：CSV 格式错误：引号不成对",
        ),
        (csv_bytes(FAQ_HEADER, [faq_row("a1", "问题？")])[:-12], "第2行：文件不是 UTF-8 编码。"),
        (
            csv_bytes(COURSE_HEADER, [["XF01", "书法", "幸福学堂"]]),
            "这看起来是课程文件，请在导入时选择「课程」",
        ),
        (b"", "文件是空的"),
        (csv_bytes(FAQ_HEADER, []), "只有表头，没有数据行"),
    ],
)
def test_broken_csv_files_are_reported(db: Database, data: bytes, expected: str) -> None:
    plan = dry_run(db, "faq", "csv", data)
    assert not plan.ok
    assert any(expected in m for m in messages(plan)), messages(plan)


def test_an_excel_file_that_unpacks_to_too_much_is_refused(db: Database) -> None:
    out = io.BytesIO(xlsx_bytes(FAQ_HEADER, [faq_row("a1", "问题？")]))
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", bytes(101 * 1024 * 1024))
    assert len(out.getvalue()) < 1024 * 1024  # small enough to upload
    plan = dry_run(db, "faq", "xlsx", out.getvalue())
    assert messages(plan) == ["文件：Excel 文件的内容太多，请分成几个文件导入"]


def test_not_an_excel_file(db: Database) -> None:
    plan = dry_run(db, "faq", "xlsx", b"PK\x03\x04 this is not a workbook")
    assert messages(plan) == [
        "文件：不是有效的 Excel（.xlsx）文件；旧的 .xls 文件请在 Excel 里另存为 .xlsx"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("courses:\n  - code: XF01\n", "这是课程文件，请在导入时选择「课程」"),
        ("faq:\n  - id: a1\n    anwser: 拼错了\n", "不认识的字段：anwser"),
        ("faq:\n  - id: a1\n   question: [\n", "YAML 格式错误"),
        ("faq:\n  - just text\n", "第1条：不是一条完整的记录"),
        ("version: '1'\nfaq: []\n", "`faq:` 列表是空的"),
    ],
)
def test_broken_yaml_files_are_reported(db: Database, text: str, expected: str) -> None:
    plan = dry_run(db, "faq", "yaml", text.encode())
    assert any(expected in m for m in messages(plan)), messages(plan)


def test_a_dry_run_writes_nothing(db: Database) -> None:
    data = csv_bytes(FAQ_HEADER, [faq_row("union_fee", "工会会费怎么交？")])
    assert dry_run(db, "faq", "csv", data).summary["create"] == 1
    with db.read() as s:
        assert s.scalar(select(FaqEntry).where(FaqEntry.slug == "union_fee")) is None
        assert len(s.scalars(select(Course)).all()) == 20
