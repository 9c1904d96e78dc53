"""Local figures as stored: reading them all, and the checks a row must pass before it is saved
(/admin's form; the same rules for any other writer)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.figure_catalogue import KINDS
from bot.domain.figures import FigureRow
from bot.store.models import LocalFigure

MAX_LEN = {"region": 100, "label": 64, "value": 32, "unit": 16, "source": 200, "note": 200}
NUMBER = re.compile(r"^\d+(\.\d+)?$")
FIELD_LABELS = {
    "key": "数据项",
    "region": "适用地区（档次）",
    "label": "名称",
    "value": "数值",
    "unit": "单位",
    "effective_from": "生效日期",
    "effective_to": "失效日期",
    "source": "来源（文件名称和文号）",
    "note": "说明",
}


class FigureInvalid(ValueError):
    """A row that cannot be saved: field -> what to fix (Chinese, for the admin)."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("；".join(problems.values()))
        self.problems = problems


@dataclass(frozen=True)
class FigureDraft:
    key: str
    region: str
    label: str
    value: str
    unit: str
    effective_from: date | None
    effective_to: date | None
    source: str
    note: str

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> FigureDraft:
        """A draft from a form's data: text trimmed; a blank name or unit takes the default."""

        def text(name: str) -> str:
            value = data.get(name)
            return value.strip() if isinstance(value, str) else ""

        def day(name: str) -> date | None:
            value = data.get(name)
            return value if isinstance(value, date) else None

        key = text("key")
        kind = KINDS.get(key)
        return cls(
            key=key,
            region=text("region") or "全市",
            label=text("label") or (kind.label if kind else ""),
            value=text("value"),
            unit=text("unit") or (kind.unit if kind else ""),
            effective_from=day("effective_from"),
            effective_to=day("effective_to"),
            source=text("source"),
            note=text("note"),
        )

    def fields(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "region": self.region,
            "label": self.label,
            "value": self.value,
            "unit": self.unit,
            "effective_from": self.effective_from,
            "effective_to": self.effective_to,
            "source": self.source,
            "note": self.note,
        }


def problems(s: Session, draft: FigureDraft, row_id: int | None = None) -> dict[str, str]:
    """What must be fixed before the row can be saved (empty: it can be saved)."""
    found: dict[str, str] = {}
    kind = KINDS.get(draft.key)
    if kind is None:
        found["key"] = "请选择数据项。"
    if not draft.value:
        found["value"] = "请填写数值。"
    elif kind is not None and kind.numeric and not NUMBER.match(draft.value):
        found["value"] = "数值只能填数字（例如 2100 或 21.5），单位写在「单位」里。"
    if draft.effective_from is None:
        found["effective_from"] = "请填写生效日期（文件规定的执行日期）。"
    elif draft.effective_to is not None and draft.effective_to < draft.effective_from:
        found["effective_to"] = "失效日期不能早于生效日期。"
    if not draft.source:
        found["source"] = (
            "请填写来源：发布文件的名称和文号，例如《重庆市人民政府关于……的通知》（渝府发〔20xx〕x号）。"
        )
    if not draft.label:
        found["label"] = "请填写名称。"
    for name, limit in MAX_LEN.items():
        if name not in found and len(getattr(draft, name)) > limit:
            found[name] = f"{FIELD_LABELS[name]}不能超过{limit}个字。"
    if not found:
        clash = s.scalar(
            select(LocalFigure.id).where(
                LocalFigure.key == draft.key,
                LocalFigure.region == draft.region,
                LocalFigure.effective_from == draft.effective_from,
                LocalFigure.id != (row_id or 0),
            )
        )
        if clash is not None:
            found["effective_from"] = (
                "同一数据项、同一地区在这一天生效的数字已经有了，请修改那一条。"
            )
    return found


def check(s: Session, draft: FigureDraft, row_id: int | None = None) -> None:
    """Raise FigureInvalid with every problem of the draft."""
    found = problems(s, draft, row_id)
    if found:
        raise FigureInvalid(found)


def load_rows(s: Session) -> list[FigureRow]:
    """Every stored figure, oldest first (the answers pick the one in force)."""
    rows = s.scalars(select(LocalFigure).order_by(LocalFigure.key, LocalFigure.effective_from))
    return [
        FigureRow(
            r.key,
            r.region,
            r.label,
            r.value,
            r.unit,
            r.effective_from,
            r.effective_to,
            r.source,
            r.note or "",
        )
        for r in rows
    ]
