"""The evidence a worker sent for a case, as the desk's case page lists it: names, kinds and
times, with links to the desk's own file routes (bot/web/desk/pages.py), which let in only
the case's mediator and admins and write every view to the audit log."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.clock import Clock
from bot.domain.evidence_check import IMAGE_TYPES
from bot.store import evidence as repo
from bot.store.db import Database


@dataclass(frozen=True)
class Attachment:
    """One piece of evidence as the case page shows it."""

    name: str
    url: str
    thumbnail_url: str | None
    received: str


def attachments_for(db: Database, case_id: int, clock: Clock) -> list[Attachment]:
    """The case's evidence, oldest first."""
    with db.read() as s:
        rows = repo.for_case(s, case_id)
        return [
            Attachment(
                name=e.original_name,
                url=f"/desk/evidence/{e.id}",
                thumbnail_url=f"/desk/evidence/{e.id}/thumb"
                if e.content_type in IMAGE_TYPES
                else None,
                received=clock.text(e.uploaded_at),
            )
            for e in rows
        ]
