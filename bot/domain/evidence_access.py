"""Who may open a worker's evidence: admins, and the mediator the case is assigned to."""

from __future__ import annotations

from typing import Protocol

from bot.store.models import ROLE_ADMIN, ROLE_MEDIATOR, MediationCase


class Viewer(Protocol):
    """A signed-in account as the web layer knows it (bot/staff/accounts.Staff)."""

    role: str
    mediator_id: int | None


def can_view_evidence(user: Viewer | None, case: MediationCase) -> bool:
    """Admins always; a mediator only for the cases assigned to them; nobody else."""
    if user is None:
        return False
    if user.role == ROLE_ADMIN:
        return True
    # a mediator: only the cases assigned to them (their account is linked to a Mediator row)
    return (
        user.role == ROLE_MEDIATOR
        and user.mediator_id is not None
        and user.mediator_id == case.mediator_id
    )
