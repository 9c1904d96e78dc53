"""The columns of FAQ and course files and the one set of rules every entry must pass.

Used by imports of every format and by the seed loader (bot/transfer/seed.py). A column has a
key (the YAML key, also accepted as an English header), a Chinese header, the checker that
turns a cell into the model value, and how the value is written to a CSV/Excel cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from bot.domain.courses import COURSE_CATEGORIES
from bot.transfer import COURSES, FAQ
from bot.transfer import values as v
from bot.transfer.report import RowError

WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
TIMES_OF_DAY = ("上午", "下午", "晚上")
COURSE_STATUSES = ("open", "closed")
STATUS_LABELS = {"open": "报名中", "closed": "已关闭"}
# codes and slugs travel in button payloads, which must stay under 64 bytes
CODE = re.compile(r"^[A-Za-z0-9_-]{1,16}$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")


def _plain(value: Any) -> Any:
    return value


def _joined(sep: str) -> Callable[[Any], str]:
    return lambda value: sep.join(value or [])


def _day_cell(value: date | None) -> date | str:
    return value if value is not None else ""


def _flag_cell(value: bool | None) -> str:
    return "是" if value or value is None else "否"


def _status_cell(value: str | None) -> str:
    return STATUS_LABELS.get(value or "open", value or "")


@dataclass(frozen=True)
class Column:
    key: str  # YAML key and English header
    label: str  # Chinese header
    check: Callable[[Any], Any]  # cell -> model value, raises values.Problem
    field: str = ""  # model attribute (default: key)
    aliases: tuple[str, ...] = ()  # other headers accepted on import
    required: bool = False  # the column must be in the file
    default: Any = None  # a new entry's value when the file has no such column
    blank_is_absent: bool = False  # a blank cell leaves the stored value alone
    cell: Callable[[Any], Any] = _plain  # model value -> CSV/Excel cell
    hint: str = ""  # what the admin may write, shown on the page

    @property
    def attr(self) -> str:
        return self.field or self.key

    def headers(self) -> tuple[str, ...]:
        return (self.key, self.label, *self.aliases)


@dataclass(frozen=True)
class Kind:
    """FAQ entries or courses: the columns, the matching key and the entry's title."""

    name: str
    label: str
    columns: tuple[Column, ...]
    key: str  # the column matched against stored entries
    title: str  # the column shown in reports

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def defaults(self) -> dict[str, Any]:
        """A new entry's values for columns the file does not have."""
        return {
            c.attr: (list(c.default) if isinstance(c.default, list) else c.default)
            for c in self.columns
            if not c.required
        }


def _text(max_len: int, required: bool = False) -> Callable[[Any], Any]:
    return partial(v.text, max_len=max_len, required=required)


_SLUG_HINT = (
    "只能用小写英文字母、数字、- 或 _，以字母或数字开头，最多 32 个字符（例如 ot_pay_rates）"
)
_CODE_HINT = "只能用英文字母、数字、- 或 _，最多 16 个字符（例如 XF01）"

FAQ_KIND = Kind(
    name=FAQ,
    label="问答",
    key="id",
    title="question",
    columns=(
        Column(
            "id",
            "编号",
            partial(v.pattern, regex=SLUG, hint=_SLUG_HINT),
            "slug",
            ("slug", "问答编号"),
            required=True,
            hint="小写英文、数字、- 或 _，如 ot_pay_rates",
        ),
        Column("category", "分类", _text(32, True), required=True, aliases=("类别",)),
        Column("question", "标准问题", _text(200, True), required=True, aliases=("问题",)),
        Column(
            "alternates",
            "其他问法",
            partial(v.items, separators=v.LINE_SEPARATORS, max_len=200),
            aliases=("相似问法", "其它问法"),
            default=[],
            cell=_joined("\n"),
            hint="每行一个问法（格子内换行），或用 | 分隔",
        ),
        Column(
            "answer",
            "答案",
            partial(v.answer, max_len=5000),
            required=True,
            aliases=("回答",),
        ),
        Column(
            "source", "依据", _text(200, True), required=True, aliases=("法律依据", "来源", "出处")
        ),
        Column(
            "effective_date",
            "生效日期",
            v.day,
            aliases=("施行日期",),
            cell=_day_cell,
            hint="如 2026-12-05，可空",
        ),
        Column(
            "enabled",
            "启用",
            v.flag,
            aliases=("是否启用",),
            default=True,
            blank_is_absent=True,
            cell=_flag_cell,
            hint="是 / 否；新条目空着为是",
        ),
        Column(
            "general",
            "基础条目",
            v.flag,
            aliases=("通用条目",),
            default=False,
            blank_is_absent=True,
            cell=lambda value: "是" if value else "否",
            hint="是 / 否：这一类的一般规定（如“年假有几天”），和细分情况难分时先答它；空着为否",
        ),
    ),
)


_STATUS_SPELLINGS = {
    "open": "open",
    "closed": "closed",
    "报名中": "open",
    "开放": "open",
    "已关闭": "closed",
    "关闭": "closed",
}


def _status(value: Any) -> str | None:
    return v.choice(value, _STATUS_SPELLINGS, "open")


COURSE_KIND = Kind(
    name=COURSES,
    label="课程",
    key="code",
    title="name",
    columns=(
        Column(
            "code",
            "课程编号",
            partial(v.pattern, regex=CODE, hint=_CODE_HINT),
            aliases=("编号",),
            required=True,
            hint="英文、数字、- 或 _，如 XF01",
        ),
        Column("name", "课程名称", _text(64, True), aliases=("名称",), required=True),
        Column(
            "category",
            "类别",
            partial(v.choice, allowed={c: c for c in COURSE_CATEGORIES}, default=None),
            aliases=("分类",),
            required=True,
            hint="、".join(COURSE_CATEGORIES),
        ),
        Column("description", "简介", _text(2000), aliases=("课程简介", "介绍"), default=""),
        Column("start_date", "开课日期", v.day, aliases=("开始日期",), cell=_day_cell),
        Column("end_date", "结课日期", v.day, aliases=("结束日期",), cell=_day_cell),
        Column(
            "weekdays",
            "上课星期",
            lambda x: v.members(v.items(x, v.SHORT_SEPARATORS, 8), WEEKDAYS),
            aliases=("星期",),
            default=[],
            cell=_joined("、"),
            hint="周一 … 周日，多个用顿号分隔，如 周二、周四",
        ),
        Column(
            "time_of_day",
            "时段",
            partial(v.choice, allowed={t: t for t in TIMES_OF_DAY}, default=None),
            cell=lambda x: x or "",
            hint="、".join(TIMES_OF_DAY),
        ),
        Column(
            "time",
            "上课时间",
            lambda x: _text(32)(x) or None,
            aliases=("时间",),
            cell=lambda x: x or "",
            hint="如 19:00-20:30",
        ),
        Column(
            "sessions",
            "课次",
            partial(v.whole, default=None),
            aliases=("次数",),
            cell=lambda x: "" if x is None else x,
        ),
        Column("venue", "地点", _text(128), aliases=("上课地点",), default=""),
        Column(
            "capacity",
            "名额",
            partial(v.whole, default=0),
            aliases=("容量", "人数"),
            default=0,
            hint="整数",
        ),
        Column(
            "fee",
            "费用（元）",
            partial(v.whole, default=0),
            aliases=("费用", "收费"),
            default=0,
            hint="整数，0 为免费",
        ),
        Column(
            "status", "状态", _status, default="open", cell=_status_cell, hint="报名中 / 已关闭"
        ),
        Column(
            "keywords",
            "关键词",
            partial(v.items, separators=v.SHORT_SEPARATORS, max_len=32),
            default=[],
            cell=_joined("、"),
            hint="用顿号分隔",
        ),
    ),
)

KINDS = {FAQ: FAQ_KIND, COURSES: COURSE_KIND}


def _cross_checks(kind: Kind, values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Rules between columns: (column key, message)."""
    problems = []
    if kind.name == COURSES:
        start, end = values.get("start_date"), values.get("end_date")
        if start and end and end < start:
            problems.append(("end_date", "结课日期早于开课日期"))
    return problems


def check_entry(
    kind: Kind, raw: Mapping[str, Any], where: str
) -> tuple[dict[str, Any], list[RowError]]:
    """Model values for the columns present in `raw`, and every problem found in them."""
    values: dict[str, Any] = {}
    errors: list[RowError] = []
    for col in kind.columns:
        if col.key not in raw and not col.required:
            continue
        try:
            value = col.check(raw.get(col.key))
        except v.Problem as problem:
            errors.append(RowError(where, str(problem), col.key, col.label, problem.kind))
            continue
        if value is None and col.blank_is_absent:
            continue
        values[col.attr] = value
    for key, message in _cross_checks(kind, values):
        col = kind.column(key)
        errors.append(RowError(where, message, col.key, col.label))
    return values, errors


def question_key(question: str) -> str:
    """Two questions are the same when they differ only in spaces, case or end punctuation."""
    return re.sub(r"[\s?？。.!！~～]+", "", question).casefold()
