"""The evidence a worker sent for a case, as the desk's case page lists it.

EVIDENCE HOOK (issue 17, evidence half): the evidence upload (photos and files from the
worker's phone) is built separately. Until it lands this returns nothing; replace the body
with that module's listing for the case (visible to the assigned mediator and admins only,
each view logged), keeping the signature, and the case page shows it under 证据材料.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.store.db import Database


@dataclass(frozen=True)
class Attachment:
    """One piece of evidence as the case page shows it."""

    name: str
    url: str
    thumbnail_url: str | None
    received: str


def attachments_for(db: Database, case_id: int) -> list[Attachment]:
    """The case's evidence, oldest first (none until the evidence module exists)."""
    return []
