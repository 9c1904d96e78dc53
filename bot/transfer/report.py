"""What a dry run finds: row-level errors, and per entry whether it is created, updated or unchanged.

An import that only adds new entries (`only_new`) instead marks every stored entry as kept,
and an FAQ entry an admin deleted as kept out (see bot/transfer/planner.py).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"
# only-new imports: a stored entry left as it is; an entry an admin deleted, not brought back
KEPT, DELETED = "kept", "deleted"
ACTION_LABELS = {
    CREATE: "新增",
    UPDATE: "更新",
    UNCHANGED: "不变",
    KEPT: "已有，不改",
    DELETED: "已删除，不恢复",
}
WRITES = (CREATE, UPDATE)  # the actions that write to the database


@dataclass(frozen=True)
class RowError:
    """One problem, naming where it is (第3行 / 第3条), the column, and how to fix it."""

    where: str
    message: str
    column: str | None = None  # the column's key (YAML key / English header)
    label: str | None = None  # the column's Chinese name
    kind: str = "invalid"

    def __str__(self) -> str:
        return (
            f"{self.where}「{self.label}」：{self.message}"
            if self.label
            else (f"{self.where}：{self.message}")
        )


@dataclass(frozen=True)
class Change:
    """What importing one row does to the entry with its key."""

    where: str
    key: str  # FAQ id / course code
    title: str  # the question / the course name
    action: str
    fields: tuple[str, ...] = ()  # keys of the columns that change (updates)
    labels: tuple[str, ...] = ()  # their Chinese names, for the report
    values: dict[str, Any] = field(default_factory=dict, compare=False)  # model field values

    @property
    def action_label(self) -> str:
        return ACTION_LABELS[self.action]


@dataclass
class Plan:
    """The dry-run report of one file; only a plan without errors may be applied."""

    kind: str
    changes: list[Change] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    only_new: bool = False  # add the entries not stored; leave stored ones as they are

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, action: str) -> int:
        return sum(1 for c in self.changes if c.action == action)

    @property
    def summary(self) -> dict[str, int]:
        """How many of each action, and errors; only-new plans also count kept and deleted."""
        counts = {
            CREATE: self.count(CREATE),
            UPDATE: self.count(UPDATE),
            UNCHANGED: self.count(UNCHANGED),
            "errors": len(self.errors),
        }
        if self.only_new:
            counts.update({KEPT: self.count(KEPT), DELETED: self.count(DELETED)})
        return counts

    @property
    def writes(self) -> list[Change]:
        """The changes that applying writes (created and updated entries)."""
        return [c for c in self.changes if c.action in WRITES]

    @property
    def digest(self) -> str:
        """A fingerprint of exactly what applying would write: confirm applies what was checked."""
        body = [
            (c.action, c.key, {f: c.values.get(f) for f in sorted(c.values)}) for c in self.writes
        ]
        raw = json.dumps([self.kind, body], ensure_ascii=False, default=str, sort_keys=True)
        return hashlib.sha256(raw.encode()).hexdigest()


class ImportRefused(Exception):
    """Nothing was written: the file has errors, or the data changed since the dry run."""

    def __init__(self, plan: Plan, reason: str) -> None:
        super().__init__(reason)
        self.plan = plan
        self.reason = reason
