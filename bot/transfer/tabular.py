"""CSV (UTF-8 with BOM, as Excel on Windows expects) and Excel .xlsx tables: a header row, then
one entry per row. Headers may be Chinese or the English keys; row numbers are Excel's."""

from __future__ import annotations

import csv
import io
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from bot.transfer import values as v
from bot.transfer.columns import KINDS, Column, Kind
from bot.transfer.report import RowError

MAX_ROWS = 5000
MAX_UNPACKED = 100 * 1024 * 1024  # bytes of XML inside an .xlsx
# a cell starting with one of these is a formula to Excel: CSV cells get a ' in front
# (stripped again on import), xlsx cells are stored as text
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Source:
    """One entry as read from a file: where it is, and its cells by column key."""

    where: str
    raw: dict[str, Any]


@dataclass
class Parsed:
    rows: list[Source] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _norm_header(value: Any) -> str:
    text = unicodedata.normalize("NFKC", str(value or "")).replace("\ufeff", "")
    return "".join(text.split()).lower()


def _other_kind(kind: Kind, headers: set[str]) -> str | None:
    """The kind whose required columns the file has instead (the admin chose the wrong one)."""
    for other in KINDS.values():
        if other is not kind and all(
            any(_norm_header(h) in headers for h in c.headers())
            for c in other.columns
            if c.required
        ):
            return other.label
    return None


def map_header(kind: Kind, cells: Sequence[Any]) -> tuple[list[Column | None], list[RowError]]:
    """The column of each position (None: a blank header, ignored), or what is wrong."""
    lookup = {_norm_header(h): col for col in kind.columns for h in col.headers()}
    mapped: list[Column | None] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    for i, cell in enumerate(cells, 1):
        name = _norm_header(cell)
        if not name:
            mapped.append(None)
            continue
        col = lookup.get(name)
        if col is None:
            known = "、".join(c.label for c in kind.columns)
            errors.append(
                RowError(
                    "第1行",
                    f"第{i}列「{cell}」不是{kind.label}文件的列（可用的列：{known}）",
                    kind=v.FILE,
                )
            )
        elif col.key in seen:
            errors.append(
                RowError("第1行", f"第{seen[col.key]}列和第{i}列都是「{col.label}」", kind=v.FILE)
            )
        else:
            seen[col.key] = i
        mapped.append(col)
    missing = [c.label for c in kind.columns if c.required and c.key not in seen]
    if missing:
        message = f"缺少必需的列：{'、'.join(missing)}"
        other = _other_kind(kind, {_norm_header(c) for c in cells})
        if other:
            message += f"。这看起来是{other}文件，请在导入时选择「{other}」"
        errors.append(RowError("第1行", message, kind=v.FILE))
    return mapped, errors


def _cell_in(value: Any) -> Any:
    if (
        isinstance(value, str)
        and len(value) > 1
        and value[0] == "'"
        and (value[1] in FORMULA_STARTS)
    ):
        return value[1:]
    return value


def _rows_to_sources(
    kind: Kind, rows: Iterator[tuple[int, Sequence[Any]]], padded: bool = False
) -> Parsed:
    """Header row, then data rows; rows that are entirely blank are skipped.

    A CSV row with fewer cells than the header is cut off; Excel leaves trailing blank cells
    out (`padded`: fill them in)."""
    parsed = Parsed()
    first = next(rows, None)
    if first is None:
        parsed.errors.append(RowError("第1行", "文件是空的，没有表头", kind=v.FILE))
        return parsed
    columns, parsed.errors = map_header(kind, first[1])
    if parsed.errors:
        return parsed
    width = len(columns)
    for number, cells in rows:
        if all(v.blank(c) for c in cells):
            continue
        if len(parsed.rows) >= MAX_ROWS:
            parsed.errors.append(
                RowError(
                    f"第{number}行", f"文件超过 {MAX_ROWS} 行，请分成几个文件导入", kind=v.FILE
                )
            )
            break
        where = f"第{number}行"
        if padded and len(cells) < width:
            cells = [*cells, *([None] * (width - len(cells)))]
        extra = [c for c in cells[width:] if not v.blank(c)]
        if len(cells) < width:
            parsed.errors.append(
                RowError(
                    where,
                    f"只有 {len(cells)} 列，表头有 {width} 列（这一行可能不完整）",
                    kind=v.FILE,
                )
            )
            continue
        if extra:
            parsed.errors.append(
                RowError(where, f"比表头多出 {len(extra)} 个有内容的格子", kind=v.FILE)
            )
            continue
        raw = {}
        for col, cell in zip(columns, cells, strict=False):
            if col is not None:
                raw[col.key] = _cell_in(cell)
            elif not v.blank(cell):
                parsed.errors.append(RowError(where, "有内容写在了没有列名的列里", kind=v.FILE))
        parsed.rows.append(Source(where, raw))
    if not parsed.rows and not parsed.errors:
        parsed.errors.append(RowError("文件", "只有表头，没有数据行", kind=v.FILE))
    return parsed


def _decode(data: bytes) -> tuple[str | None, RowError | None]:
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = "文件不是 UTF-8 编码"
        try:
            data.decode("gb18030")
            hint += "（看起来是 GBK 编码）"
        except UnicodeDecodeError:
            pass
        message = (
            f"{hint}。用 Excel 编辑后请「另存为」→「CSV UTF-8（逗号分隔）」，"
            "或者直接上传 .xlsx 文件"
        )
        return None, RowError(f"第{line}行", message, kind=v.FILE)


def read_csv(kind: Kind, data: bytes) -> Parsed:
    text, problem = _decode(data)
    if problem is not None:
        return Parsed(errors=[problem])
    if "\x00" in text:
        return Parsed(errors=[RowError("第1行", "这不是 CSV 文本文件", kind=v.FILE)])
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[tuple[int, list[str]]] = []
    try:
        for number, row in enumerate(reader, 1):
            records.append((number, row))
            if number > MAX_ROWS + 1:
                break
    except csv.Error:
        where = f"第{len(records) + 1}行"
        return Parsed(
            errors=[
                RowError(where, "CSV 格式错误：引号不成对或格子太长，文件可能不完整", kind=v.FILE)
            ]
        )
    return _rows_to_sources(kind, iter(records))


def _unpacked_size(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(item.file_size for item in archive.infolist())


def read_xlsx(kind: Kind, data: bytes) -> Parsed:
    try:
        if _unpacked_size(data) > MAX_UNPACKED:  # a small file that unpacks to gigabytes
            message = "Excel 文件的内容太多，请分成几个文件导入"
            return Parsed(errors=[RowError("文件", message, kind=v.FILE)])
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        message = "不是有效的 Excel（.xlsx）文件；旧的 .xls 文件请在 Excel 里另存为 .xlsx"
        return Parsed(errors=[RowError("文件", message, kind=v.FILE)])
    try:
        sheet = book.worksheets[0]
        rows = ((n, row) for n, row in enumerate(sheet.iter_rows(values_only=True), 1))
        return _rows_to_sources(kind, _trimmed(rows), padded=True)
    finally:
        book.close()


def _trimmed(rows: Iterable[tuple[int, tuple]]) -> Iterator[tuple[int, list]]:
    """Excel pads rows to the sheet's width: drop the blank cells at the end."""
    for number, row in rows:
        cells = list(row)
        while cells and v.blank(cells[-1]):
            cells.pop()
        yield number, cells


# -- writing -------------------------------------------------------------------------------
def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """UTF-8 with a BOM so that Excel on Windows shows Chinese correctly."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_cell(c) for c in row])
    return out.getvalue().encode("utf-8-sig")


def write_xlsx(
    title: str, header: Sequence[str], rows: Iterable[Sequence[Any]], widths: Sequence[int]
) -> bytes:
    """One sheet: a bold frozen header row, text cells never read as formulas."""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, 2):
        for c, value in enumerate(row, 1):
            cell = sheet.cell(row=r, column=c)
            if isinstance(value, str):
                cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell.data_type = "s"
                if "\n" in value:
                    cell.alignment = wrap
            elif isinstance(value, datetime):
                cell.value = value
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, date):
                cell.value = value
                cell.number_format = "yyyy-mm-dd"
            else:
                cell.value = value
    for c, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
