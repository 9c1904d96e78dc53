"""Building import files the way admins make them: CSV text, Excel workbooks, YAML."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook, load_workbook

FAQ_HEADER = ("编号", "分类", "标准问题", "其他问法", "答案", "依据", "生效日期", "启用")
COURSE_HEADER = (
    "课程编号",
    "课程名称",
    "类别",
    "上课星期",
    "名额",
    "费用（元）",
    "开课日期",
    "结课日期",
)


def csv_bytes(
    header: Sequence[str], rows: Sequence[Sequence[Any]], encoding: str = "utf-8-sig"
) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def xlsx_bytes(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_rows(data: bytes) -> list[tuple]:
    book = load_workbook(io.BytesIO(data), read_only=True)
    try:
        return list(book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()


def faq_row(slug: str, question: str, answer: str = "答案内容。", **extra: Any) -> list[Any]:
    """A valid FAQ row in FAQ_HEADER's order; keyword arguments override columns."""
    row = {
        "编号": slug,
        "分类": extra.pop("category", "工资报酬"),
        "标准问题": question,
        "其他问法": extra.pop("alternates", ""),
        "答案": answer,
        "依据": extra.pop("source", "《劳动法》第五十条"),
        "生效日期": extra.pop("effective_date", ""),
        "启用": extra.pop("enabled", "是"),
    }
    assert not extra, extra
    return list(row.values())
