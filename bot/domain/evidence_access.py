"""Who may open a worker's evidence: admins, and the mediator the case is assigned to."""

from __future__ import annotations

from typing import Protocol

from bot.store.models import ROLE_ADMIN, MediationCase

ROLE_MEDIATOR = "mediator"


class Viewer(Protocol):
    """A signed-in account as the web layer knows it (bot/staff/accounts.Staff)."""

    role: str


def can_view_evidence(user: Viewer | None, case: MediationCase) -> bool:
    """Admins always; a mediator only for the cases assigned to them; nobody else."""
    if user is None:
        return False
    if user.role == ROLE_ADMIN:
        return True
    # HOOK (issue 17, the mediators' desk): accounts have no link to a Mediator row yet in
    # this branch, so no mediator is let in. Once StaffUser / Staff carry `mediator_id`, let
    # the case's own mediator in, and only them:
    #     return (
    #         user.role == ROLE_MEDIATOR
    #         and user.mediator_id is not None
    #         and user.mediator_id == case.mediator_id
    #     )
    return False
