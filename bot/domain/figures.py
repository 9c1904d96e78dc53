"""Local figures in FAQ answers: `{{figure:KEY}}` is replaced, when the answer is given, by the
figure in force on that day with its date and source, or by where to check when none is.

A placeholder stands for a whole sentence, so the answer reads right either way:
- in force: "重庆现行的月最低工资标准：一档2100元/月；…（2024年4月1日起执行，依据：《…》）。"
- none set for the day: "重庆现行的月最低工资标准，请以…官网公布的现行标准为准，也可以打12333咨询。"
Placeholders next to each other without a figure share one where-to-check sentence.

Which rows are in force on a day: those of the key that started on or before it and have not
ended (`effective_to` is the last day); of those, the set with the latest start. A new notice
is entered as a new set of rows (one per tier) with its own start date, so the day before it
the older set is quoted, and a tier the new notice drops is not quoted after it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from bot.domain.figure_catalogue import KINDS

PLACEHOLDER = re.compile(r"\{\{\s*figure:([A-Za-z0-9_]+)\s*\}\}")
# a run of placeholders with nothing but spaces between them
RUN = re.compile(rf"(?:{PLACEHOLDER.pattern}\s*)+")
# what the answer says for a key that is not in the catalogue (data validate refuses those)
UNKNOWN_WHERE = "具体标准请以重庆市人力资源和社会保障局官网公布的为准，也可以打12333咨询"
WHOLE_CITY = frozenset({"", "全市", "重庆市", "重庆"})


@dataclass(frozen=True)
class FigureRow:
    """One stored figure, safe to use outside a database session."""

    key: str
    region: str
    label: str
    value: str
    unit: str
    effective_from: date
    effective_to: date | None
    source: str
    note: str = ""


def keys_in(text: str) -> list[str]:
    """The figure keys a text's placeholders name, in order."""
    return PLACEHOLDER.findall(text or "")


def unknown_keys(text: str) -> list[str]:
    """Placeholders that name no figure of the catalogue (an answer must not use them)."""
    return [k for k in keys_in(text) if k not in KINDS]


def in_force(rows: Iterable[FigureRow], key: str, day: date) -> list[FigureRow]:
    """The rows of `key` quoted on `day` (see the module docstring); empty when none."""
    live = [
        r
        for r in rows
        if r.key == key
        and r.effective_from <= day
        and (r.effective_to is None or day <= r.effective_to)
    ]
    if not live:
        return []
    start = max(r.effective_from for r in live)
    return [r for r in live if r.effective_from == start]


def day_text(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _row_text(row: FigureRow) -> str:
    area = row.region.strip()
    region = "" if area in WHOLE_CITY or area == row.label.strip() else f"（{area}）"
    note = f"，{row.note.strip()}" if row.note.strip() else ""
    return f"{row.label}{region}{row.value}{row.unit}{note}"


def figure_sentence(key: str, rows: Sequence[FigureRow]) -> str:
    """The sentence quoting the rows in force for `key` (rows not empty)."""
    kind = KINDS.get(key)
    subject = kind.subject if kind is not None else rows[0].label
    sources = "；".join(dict.fromkeys(r.source.strip() for r in rows))
    since = day_text(rows[0].effective_from)
    items = "；".join(_row_text(r) for r in rows)
    return f"{subject}：{items}（{since}起执行，依据：{sources}）。"


def where_sentence(keys: Sequence[str]) -> str:
    """Where to check, for keys with no figure in force (no number in it but a hotline)."""
    sentences = []
    groups: dict[str, list[str]] = {}
    for key in keys:
        kind = KINDS.get(key)
        if kind is None:
            sentences.append(f"{UNKNOWN_WHERE}。")
            continue
        groups.setdefault(kind.where, []).append(kind.subject)
    for where, subjects in groups.items():
        sentences.append(f"{_joined(list(dict.fromkeys(subjects)))}，{where}。")
    return "".join(sentences)


def _joined(subjects: list[str]) -> str:
    """Subjects listed once: 重庆现行的月最低工资标准、小时最低工资标准."""
    if len(subjects) == 1:
        return subjects[0]
    head = os.path.commonprefix(subjects)
    return head + "、".join(s[len(head) :] for s in subjects)


def render(text: str, rows: Sequence[FigureRow], day: date) -> str:
    """The answer as given on `day`: every placeholder replaced (text without one unchanged)."""
    if "{{" not in text:
        return text

    def run(match: re.Match[str]) -> str:
        out, missing = [], []
        for key in keys_in(match.group(0)):
            found = in_force(rows, key, day) if key in KINDS else []
            if found:
                out.append(figure_sentence(key, found))
            else:
                missing.append(key)
        return "".join(out) + (where_sentence(missing) if missing else "")

    return RUN.sub(run, text)
