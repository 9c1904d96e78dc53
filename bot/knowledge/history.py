"""FAQ history as admins read it (who, when, what changed) and one-click restore.

The revisions are written by the flush hook (bot/store/audit.py); a restore is an ordinary
edit recorded with the action `restore`, checked like any other edit.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.knowledge.drafts import FIELD_LABELS, Draft, check
from bot.store.audit import acting_as, faq_snapshot
from bot.store.db import Database
from bot.store.models import REV_CREATE, REV_DELETE, REV_RESTORE, REV_UPDATE, FaqEntry, FaqRevision

ACTION_LABELS = {
    REV_CREATE: "新建",
    REV_UPDATE: "修改",
    REV_DELETE: "删除",
    REV_RESTORE: "恢复",
}


@dataclass(frozen=True)
class Change:
    """One field that differs between a revision and the one before it."""

    name: str
    label: str
    old: str | None  # None: there was no earlier version (created, or brought back)
    new: str
    # for long text: (op, text) pieces, op in "same" / "del" / "ins"
    pieces: list[tuple[str, str]] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RevisionView:
    id: int
    action: str
    action_label: str
    actor: str
    created_at: datetime
    snapshot: dict[str, Any]
    changes: list[Change]
    current: bool  # the entry is exactly this version now


def _shown(name: str, value: Any) -> str:
    if name == "enabled":
        return "是" if value else "否"
    if name == "alternates":
        return "\n".join(value or [])
    return "" if value is None else str(value)


def _pieces(old: str, new: str) -> list[tuple[str, str]]:
    """A character-level diff (Chinese has no spaces to split words on)."""
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("same", old[a1:a2]))
            continue
        if a2 > a1:
            out.append(("del", old[a1:a2]))
        if b2 > b1:
            out.append(("ins", new[b1:b2]))
    return out


def diff(old: Mapping[str, Any] | None, new: Mapping[str, Any]) -> list[Change]:
    """What changed from `old` to `new`; with no `old`, every field that has a value."""
    changes: list[Change] = []
    for name, label in FIELD_LABELS.items():
        if name == "slug":
            continue
        if old is None:
            if new.get(name) not in (None, "", []):
                changes.append(Change(name, label, None, _shown(name, new.get(name))))
            continue
        before, after = old.get(name), new.get(name)
        if before == after:
            continue
        if name == "alternates":
            b, a = list(before or []), list(after or [])
            changes.append(
                Change(
                    name,
                    label,
                    _shown(name, b),
                    _shown(name, a),
                    added=[x for x in a if x not in b],
                    removed=[x for x in b if x not in a],
                )
            )
            continue
        shown_b, shown_a = _shown(name, before), _shown(name, after)
        pieces = _pieces(shown_b, shown_a) if name in ("answer", "question", "source") else []
        changes.append(Change(name, label, shown_b, shown_a, pieces=pieces))
    return changes


def history(s: Session, slug: str) -> list[RevisionView]:
    """Every saved version of the entry, newest first, each with what it changed."""
    revs = s.scalars(
        select(FaqRevision).where(FaqRevision.slug == slug).order_by(FaqRevision.id)
    ).all()
    entry = s.scalar(select(FaqEntry).where(FaqEntry.slug == slug))
    now = _comparable(faq_snapshot(entry)) if entry is not None else None
    views: list[RevisionView] = []
    previous: dict[str, Any] | None = None
    for rev in revs:
        snap = dict(rev.snapshot or {})
        is_delete = rev.action == REV_DELETE
        views.append(
            RevisionView(
                id=rev.id,
                action=rev.action,
                action_label=ACTION_LABELS.get(rev.action, rev.action),
                actor=rev.actor,
                created_at=rev.created_at,
                snapshot=snap,
                changes=[] if is_delete else diff(previous, snap),
                current=not is_delete and now is not None and _comparable(snap) == now,
            )
        )
        # after a deletion, the next version (a restore) brings the entry back whole
        previous = None if is_delete else snap
    views.reverse()
    return views


def deleted_entries(s: Session) -> list[tuple[str, str, datetime]]:
    """Entries whose last revision is a deletion: (slug, question, deleted at), newest first."""
    last = {}
    for rev in s.scalars(select(FaqRevision).order_by(FaqRevision.id)):
        last[rev.slug] = rev
    live = set(s.scalars(select(FaqEntry.slug)))
    gone = [
        (slug, str((rev.snapshot or {}).get("question", slug)), rev.created_at)
        for slug, rev in last.items()
        if rev.action == REV_DELETE and slug not in live
    ]
    return sorted(gone, key=lambda g: g[2], reverse=True)


def _comparable(snap: Mapping[str, Any]) -> dict[str, Any]:
    return {k: snap.get(k) for k in FIELD_LABELS if k != "slug"}


def _snapshot_fields(snap: Mapping[str, Any]) -> dict[str, Any]:
    when = snap.get("effective_date")
    return {
        "question": snap.get("question") or "",
        "alternates": list(snap.get("alternates") or []),
        "answer": snap.get("answer") or "",
        "category": snap.get("category") or "",
        "source": snap.get("source") or "",
        "effective_date": date.fromisoformat(when) if isinstance(when, str) and when else None,
        "enabled": bool(snap.get("enabled", True)),
        "general": bool(snap.get("general", False)),
    }


class NothingToRestore(LookupError):
    """The revision does not exist, or the entry already has exactly that content."""


def restore(db: Database, revision_id: int, actor: str) -> str:
    """Make the entry what it was in this revision (recreating it if deleted); returns its slug.

    Recorded as a `restore` revision by `actor`; checked like an edit, so restoring cannot
    bring back a question that another entry now owns.
    """
    with db.write_lock(), acting_as(actor, REV_RESTORE), db.session() as s:
        rev = s.get(FaqRevision, revision_id)
        if rev is None or rev.action == REV_DELETE:
            raise NothingToRestore("找不到这个版本，可能已被删除。")
        values = _snapshot_fields(rev.snapshot or {})
        entry = s.scalar(select(FaqEntry).where(FaqEntry.slug == rev.slug))
        check(s, Draft(**values), entry.id if entry is not None else None)
        if entry is None:
            s.add(FaqEntry(slug=rev.slug, **values))
        else:
            if _comparable(faq_snapshot(entry)) == _comparable(rev.snapshot or {}):
                raise NothingToRestore("条目现在的内容就是这个版本，无需恢复。")
            for name, value in values.items():
                setattr(entry, name, value)
        return rev.slug
