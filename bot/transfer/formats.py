"""Which format a file is in, and reading / writing entries in each of them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from bot.transfer import CSV, XLSX, YAML
from bot.transfer.columns import Kind
from bot.transfer.report import RowError
from bot.transfer.tabular import Parsed, read_csv, read_xlsx, write_csv, write_xlsx
from bot.transfer.values import FILE
from bot.transfer.yamlio import read_yaml, write_yaml

SUFFIXES = {".yml": YAML, ".yaml": YAML, ".csv": CSV, ".xlsx": XLSX}
MEDIA_TYPES = {
    YAML: "application/yaml; charset=utf-8",
    CSV: "text/csv; charset=utf-8",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EXTENSIONS = {YAML: "yml", CSV: "csv", XLSX: "xlsx"}
# Excel column widths (characters) for the columns whose text is long
_WIDE = {"question": 36, "alternates": 36, "answer": 60, "source": 30, "description": 40}


def format_of(filename: str) -> str | None:
    """yaml / csv / xlsx from the file name, or None."""
    return SUFFIXES.get(PurePath(filename or "").suffix.lower())


def read(kind: Kind, fmt: str, data: bytes) -> Parsed:
    """The file's entries as cells by column key, or the file-level problems."""
    if fmt == YAML:
        return read_yaml(kind, data)
    if fmt == CSV:
        if data.startswith(b"PK\x03\x04"):
            return Parsed(
                errors=[RowError("文件", "这是 Excel 文件，请用 .xlsx 扩展名上传", kind=FILE)]
            )
        return read_csv(kind, data)
    if fmt == XLSX:
        return read_xlsx(kind, data)
    return Parsed(errors=[RowError("文件", "只能导入 .yml、.csv 或 .xlsx 文件", kind=FILE)])


def cells(kind: Kind, entry: Mapping[str, Any]) -> list[Any]:
    """One stored entry as a CSV/Excel row."""
    return [col.cell(entry.get(col.attr)) for col in kind.columns]


def write(kind: Kind, fmt: str, entries: Sequence[Mapping[str, Any]], today: date) -> bytes:
    """All entries in `fmt`; CSV and Excel carry Chinese headers."""
    if fmt == YAML:
        comment = (
            f"{kind.label}导出 {today.isoformat()}。修改后可在管理后台「导入导出」导入，"
            f"按 {kind.key} 匹配已有{kind.label}：有则更新，无则新增，不会删除。"
        )
        return write_yaml(kind, entries, comment)
    header = [col.label for col in kind.columns]
    rows = [cells(kind, e) for e in entries]
    if fmt == CSV:
        return write_csv(header, rows)
    widths = [_WIDE.get(col.key, 14) for col in kind.columns]
    return write_xlsx(kind.label, header, rows, widths)


def content_disposition(filename: str, fallback: str) -> str:
    """attachment: an ASCII name for old clients, the real (Chinese) name per RFC 5987."""
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def export_names(kind: Kind, fmt: str, today: date) -> tuple[str, str]:
    """The download's name and its ASCII fallback, e.g. 问答库-2026-11-22.xlsx, faq-2026-11-22.xlsx"""
    stem = "问答库" if kind.name == "faq" else "课程"
    suffix = f"{today.isoformat()}.{EXTENSIONS[fmt]}"
    return f"{stem}-{suffix}", f"{kind.name}-{suffix}"
