"""Every change to FAQ entries, local figures and courses, from any code path, is recorded and
announced.

A SQLAlchemy flush hook (registered on import, for every Session, including sqladmin's):
- writes an FaqRevision (who, when, the whole entry) for each created, changed or deleted
  FAQ entry, with a baseline revision of the old text the first time an entry changes;
- writes an audit_log line (who, when, the row before and after) for each created, changed
  or deleted local figure, and bumps knowledge_version for it (answers quote the figures);
- bumps a version stamp in `meta` (knowledge_version, catalogue_version) in the same
  transaction, which every server process watches to rebuild its index off the request path.

Who made the change comes from `acting_as(...)`, set by the admin pages, the CLI and imports.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from bot.store import meta
from bot.store.models import (
    REV_CREATE,
    REV_DELETE,
    REV_UPDATE,
    AuditEntry,
    Course,
    FaqEntry,
    FaqRevision,
    LocalFigure,
    utcnow,
)

KNOWLEDGE_VERSION = "knowledge_version"
CATALOGUE_VERSION = "catalogue_version"

FAQ_FIELDS = (
    "slug",
    "question",
    "alternates",
    "answer",
    "category",
    "source",
    "effective_date",
    "enabled",
    "general",
)

_actor: ContextVar[str] = ContextVar("workerbot_actor", default="system")
_action: ContextVar[str | None] = ContextVar("workerbot_revision_action", default=None)


@contextmanager
def acting_as(actor: str, action: str | None = None) -> Iterator[None]:
    """Changes flushed inside are recorded as made by `actor` (and as `action`, e.g. restore)."""
    t1, t2 = _actor.set(actor), _action.set(action)
    try:
        yield
    finally:
        _actor.reset(t1)
        _action.reset(t2)


def set_actor(actor: str) -> None:
    """Record changes in the current task (e.g. one admin request) as made by `actor`."""
    _actor.set(actor)


def current_actor() -> str:
    return _actor.get()


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return list(value)
    return value


def faq_snapshot(entry: FaqEntry) -> dict[str, Any]:
    """The entry's content as stored in a revision (JSON-safe)."""
    return {f: _plain(getattr(entry, f)) for f in FAQ_FIELDS}


def _old_snapshot(entry: FaqEntry) -> dict[str, Any]:
    """The entry as it was before the pending changes (from attribute history)."""
    state = inspect(entry)
    old: dict[str, Any] = {}
    for f in FAQ_FIELDS:
        hist = state.attrs[f].history
        if hist.deleted:
            old[f] = _plain(hist.deleted[0])
        else:
            old[f] = _plain(getattr(entry, f))
    return old


def _changed(entry: FaqEntry) -> bool:
    state = inspect(entry)
    return any(state.attrs[f].history.has_changes() for f in FAQ_FIELDS)


# -- local figures: every change in the audit log, and the answers reload them --------------
FIGURE_TARGET = "local_figure"
FIGURE_CREATE, FIGURE_UPDATE, FIGURE_DELETE = "figure_create", "figure_update", "figure_delete"
_FIGURE_FIELDS = ("key", "region", "value", "unit", "effective_from", "effective_to", "source")


def _figure_values(values: dict[str, Any]) -> str:
    end = values["effective_to"] or "…"
    return (
        f"{values['key']} {values['region']} {values['value']}{values['unit']}"
        f" {values['effective_from']}–{end} {values['source']}"
    )


def figure_text(figure: LocalFigure) -> str:
    """One line for the audit log: what the row says and from when."""
    return _figure_values({f: getattr(figure, f) for f in _FIGURE_FIELDS})


def _figure_before(figure: LocalFigure) -> str:
    """The row as it was before the pending changes."""
    state = inspect(figure)
    values = {}
    for f in _FIGURE_FIELDS:
        hist = state.attrs[f].history
        values[f] = hist.deleted[0] if hist.deleted else getattr(figure, f)
    return _figure_values(values)


def bump(conn: Connection, key: str) -> str:
    """Give `key` a new version stamp (inside the caller's transaction); returns it."""
    stamp = uuid.uuid4().hex
    meta.put(conn, key, stamp)
    return stamp


def read_version(s: Session, key: str) -> str | None:
    return meta.get(s, key)


@event.listens_for(Session, "before_flush")
def _collect(session: Session, _ctx: Any, _instances: Any) -> None:
    """Note what this flush changes, while the old values are still known."""
    pending: list[tuple[str, FaqEntry, dict[str, Any] | None]] = []
    figures: list[tuple[str, LocalFigure, str]] = []
    courses = False
    for obj in session.new:
        if isinstance(obj, FaqEntry):
            pending.append((REV_CREATE, obj, None))
        if isinstance(obj, LocalFigure):
            figures.append((FIGURE_CREATE, obj, ""))
        courses = courses or isinstance(obj, Course)
    for obj in session.dirty:
        if isinstance(obj, FaqEntry) and _changed(obj):
            pending.append((REV_UPDATE, obj, _old_snapshot(obj)))
        if isinstance(obj, LocalFigure) and session.is_modified(obj):
            figures.append((FIGURE_UPDATE, obj, _figure_before(obj)))
        courses = courses or (
            isinstance(obj, Course) and session.is_modified(obj, include_collections=False)
        )
    for obj in session.deleted:
        if isinstance(obj, FaqEntry):
            pending.append((REV_DELETE, obj, _old_snapshot(obj)))
        if isinstance(obj, LocalFigure):
            figures.append((FIGURE_DELETE, obj, _figure_before(obj)))
        courses = courses or isinstance(obj, Course)
    if pending or courses or figures:
        info = session.info.setdefault(
            "workerbot_audit", {"faq": [], "courses": False, "figures": []}
        )
        info["faq"].extend(pending)
        info["figures"].extend(figures)
        info["courses"] = info["courses"] or courses


@event.listens_for(Session, "after_flush")
def _record(session: Session, _ctx: Any) -> None:
    """Write the revisions and bump the version stamps in the flush's own transaction."""
    info = session.info.pop("workerbot_audit", None)
    if not info:
        return
    conn = session.connection()
    actor, forced = _actor.get(), _action.get()
    now = utcnow()
    for action, entry, old in info["faq"]:
        snapshot = old if action == REV_DELETE else faq_snapshot(entry)
        slug = snapshot["slug"]
        if action == REV_UPDATE and old is not None:
            # an entry loaded before history existed: keep its old text as the first revision
            seen = conn.execute(
                select(FaqRevision.id).where(FaqRevision.slug.in_({slug, old["slug"]})).limit(1)
            ).first()
            if seen is None:
                conn.execute(
                    insert(FaqRevision.__table__).values(
                        faq_id=entry.id,
                        slug=old["slug"],
                        action=REV_CREATE,
                        actor="system",
                        snapshot=old,
                        created_at=entry.updated_at or now,
                    )
                )
        conn.execute(
            insert(FaqRevision.__table__).values(
                faq_id=entry.id,
                slug=slug,
                action=forced or action,
                actor=actor,
                snapshot=snapshot,
                created_at=now,
            )
        )
    for action, figure, before in info["figures"]:
        detail = figure_text(figure) if action != FIGURE_DELETE else before
        if action == FIGURE_UPDATE:
            detail = f"{before} → {figure_text(figure)}"
        conn.execute(
            insert(AuditEntry.__table__).values(
                actor=actor[:64],
                action=action,
                target_type=FIGURE_TARGET,
                target_id=figure.id,
                detail=detail[:200],
                created_at=now,
            )
        )
    if info["faq"] or info["figures"]:
        bump(conn, KNOWLEDGE_VERSION)
    if info["courses"]:
        bump(conn, CATALOGUE_VERSION)


# -- access to personal data ----------------------------------------------------------------
VIEW_EVIDENCE, DELETE_EVIDENCE = "view_evidence", "delete_evidence"


def record_access(
    s: Session,
    action: str,
    target_type: str,
    target_id: int | None,
    detail: str = "",
    actor: str | None = None,
) -> AuditEntry:
    """One line in the audit log, in the caller's transaction (who saw or removed what)."""
    entry = AuditEntry(
        actor=(actor or current_actor())[:64],
        action=action,
        target_type=target_type,
        target_id=target_id,
        detail=detail[:200],
    )
    s.add(entry)
    s.flush()
    return entry
