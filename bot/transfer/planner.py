"""A read file against the stored entries: every row checked, and what importing would do.

Only-new plans (`only_new`) add the entries whose key is not stored and leave the stored ones
as they are, not compared; an FAQ slug whose entry an admin deleted (`deleted`) is not
brought back. Every row is still checked, so a bad row refuses the whole file as ever.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from bot.transfer import FAQ
from bot.transfer.columns import Kind, check_entry, question_key
from bot.transfer.report import (
    CREATE,
    DELETED,
    KEPT,
    UNCHANGED,
    UPDATE,
    Change,
    Plan,
    RowError,
)
from bot.transfer.tabular import Parsed, Source
from bot.transfer.values import CLASH, DUPLICATE


def _checked(kind: Kind, plan: Plan, rows: Sequence[Source]) -> list[tuple[Source, dict]]:
    """Rows without errors whose key is not repeated in the file, with their model values."""
    key_col = kind.column(kind.key)
    first_at: dict[str, str] = {}
    kept = []
    for src in rows:
        values, errors = check_entry(kind, src.raw, src.where)
        plan.errors.extend(errors)
        key = values.get(key_col.attr)
        if key is None:
            continue
        if key in first_at:
            plan.errors.append(
                RowError(
                    src.where,
                    f"「{key}」和{first_at[key]}重复",
                    key_col.key,
                    key_col.label,
                    DUPLICATE,
                )
            )
            continue
        first_at[key] = src.where
        if not errors:  # a row with errors is listed only as errors
            kept.append((src, values))
    return kept


def _question_clashes(
    kind: Kind, plan: Plan, rows: list[tuple[Source, dict]], stored: dict[str, Any]
) -> None:
    """No two FAQ entries may ask the same question, in the file or after the import."""
    col = kind.column("question")
    in_file = {values["slug"] for _, values in rows}
    after = {slug: question_key(obj.question) for slug, obj in stored.items()}
    first_at: dict[str, str] = {}
    for src, values in rows:
        if "question" not in values:
            continue
        q = question_key(values["question"])
        after[values["slug"]] = q
        if q in first_at:
            plan.errors.append(
                RowError(src.where, f"和{first_at[q]}的问题相同", col.key, col.label, DUPLICATE)
            )
        first_at.setdefault(q, src.where)
    for src, values in rows:
        q = after.get(values["slug"])
        if q is None:
            continue
        others = [s for s, other in after.items() if other == q and s not in in_file]
        if others:
            plan.errors.append(
                RowError(
                    src.where,
                    f"和已有问答「{others[0]}」的问题相同，请改用该编号更新它",
                    col.key,
                    col.label,
                    CLASH,
                )
            )


def _set_aside(key: str, stored: dict[str, Any], deleted: Collection[str]) -> str | None:
    """KEPT for a stored entry, DELETED for one an admin deleted: neither is written."""
    if key in stored:
        return KEPT
    if key in deleted:
        return DELETED
    return None


def plan(
    kind: Kind,
    parsed: Parsed,
    existing: Sequence[Any],
    only_new: bool = False,
    deleted: Collection[str] = (),
) -> Plan:
    """The dry-run report: errors, and per row create / update (which columns) / unchanged,
    or with `only_new` create / kept / deleted."""
    result = Plan(kind.name, errors=list(parsed.errors), only_new=only_new)
    key_attr = kind.column(kind.key).attr
    title_attr = kind.column(kind.title).attr
    stored = {getattr(obj, key_attr): obj for obj in existing}
    rows = _checked(kind, result, parsed.rows)
    aside = {
        values[key_attr]: action
        for _, values in rows
        if only_new and (action := _set_aside(values[key_attr], stored, deleted))
    }
    if kind.name == FAQ:
        if only_new:
            # a new entry asking a question a stored one already answers (an admin's own entry
            # under another id): kept out, not an error that would stop `make run` at start-up
            asked = {question_key(obj.question) for obj in stored.values()}
            for _, values in rows:
                if values[key_attr] not in aside and question_key(values["question"]) in asked:
                    aside[values[key_attr]] = KEPT
        new_rows = [(src, values) for src, values in rows if values[key_attr] not in aside]
        _question_clashes(kind, result, new_rows, stored)
    for src, values in rows:
        key = values[key_attr]
        obj = stored.get(key)
        if key in aside:
            title = getattr(obj, title_attr) if obj is not None else values.get(title_attr)
            result.changes.append(Change(src.where, key, str(title or ""), aside[key]))
            continue
        if obj is None:
            full = {**kind.defaults(), **values}
            result.changes.append(
                Change(src.where, key, str(full.get(title_attr) or ""), CREATE, values=full)
            )
            continue
        changed = [
            c for c in kind.columns if c.attr in values and getattr(obj, c.attr) != values[c.attr]
        ]
        title = str(values.get(title_attr) or getattr(obj, title_attr))
        result.changes.append(
            Change(
                src.where,
                key,
                title,
                UPDATE if changed else UNCHANGED,
                fields=tuple(c.key for c in changed),
                labels=tuple(c.label for c in changed),
                values={c.attr: values[c.attr] for c in changed},
            )
        )
    return result
