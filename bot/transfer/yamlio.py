"""YAML files in the shape of data/faq.yml and data/courses.yml: `faq:` / `courses:` lists."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import yaml

from bot.transfer import values as v
from bot.transfer.columns import KINDS, Kind
from bot.transfer.report import RowError
from bot.transfer.tabular import MAX_ROWS, Parsed, Source


class _Loader(yaml.SafeLoader):
    """Dates stay text here, so that a wrong one (2026-02-30) gets the column's own message."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _label(n: int, item: Mapping[str, Any], kind: Kind) -> str:
    key = item.get(kind.key)
    return f"第{n}条（{kind.column(kind.key).label} {key}）" if key else f"第{n}条"


def read_yaml(kind: Kind, data: bytes) -> Parsed:
    """Every entry of the file's `faq:` or `courses:` list, with unknown keys refused."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return Parsed(errors=[RowError("文件", "YAML 文件必须是 UTF-8 编码", kind=v.FILE)])
    try:
        raw = yaml.load(text, Loader=_Loader) or {}  # noqa: S506 - a SafeLoader
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第{mark.line + 1}行" if mark is not None else "文件"
        return Parsed(errors=[RowError(where, "YAML 格式错误（缩进或冒号不对）", kind=v.FILE)])
    items = raw.get(kind.name) if isinstance(raw, dict) else None
    if not isinstance(items, list):
        message = f"文件里没有 `{kind.name}:` 列表"
        others = [k for k in KINDS.values() if k is not kind and isinstance(raw, dict)]
        for other in others:
            if isinstance(raw.get(other.name), list):
                message += f"。这是{other.label}文件，请在导入时选择「{other.label}」"
        return Parsed(errors=[RowError("文件", message, kind=v.FILE)])
    if not items:
        return Parsed(errors=[RowError("文件", f"`{kind.name}:` 列表是空的", kind=v.FILE)])
    if len(items) > MAX_ROWS:
        message = f"超过 {MAX_ROWS} 条，请分成几个文件导入"
        return Parsed(errors=[RowError("文件", message, kind=v.FILE)])
    parsed = Parsed()
    known = {c.key for c in kind.columns}
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict):
            parsed.errors.append(RowError(f"第{n}条", "不是一条完整的记录（应为 键: 值）"))
            continue
        where = _label(n, item, kind)
        unknown = [str(k) for k in item if k not in known]
        if unknown:
            parsed.errors.append(
                RowError(where, f"不认识的字段：{'、'.join(unknown)}", kind=v.FILE)
            )
            continue
        parsed.rows.append(Source(where, dict(item)))
    return parsed


class _Dumper(yaml.SafeDumper):
    """Multi-line text as `|` blocks, like the seed files."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _list(dumper: yaml.SafeDumper, value: list) -> yaml.Node:
    """Short items (weekdays, keywords) on one line: [周二, 周四]."""
    short = all(isinstance(x, str) and len(x) <= 8 for x in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=short)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(list, _list)


def write_yaml(kind: Kind, entries: Iterable[Mapping[str, Any]], comment: str) -> bytes:
    """`version` and the entries by column key; empty optional values are left out."""
    listed = []
    for entry in entries:
        item = {}
        for col in kind.columns:
            value = entry.get(col.attr)
            if value is None:
                continue
            item[col.key] = list(value) if isinstance(value, list) else value
        listed.append(item)
    body = yaml.dump(
        {"version": "1", kind.name: listed},
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100000,
    )
    header = "".join(f"# {line}\n" for line in comment.splitlines())
    return (header + body).encode("utf-8")
