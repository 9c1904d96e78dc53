"""Which cases a mediator may see: those assigned to them and, when the committee works with
firm queues (`mediation.firm_queue`), their firm's cases that no mediator holds yet.

Every desk read and every desk action goes through `mine()` / `visible()`, so a case id typed
into a URL or a form names nothing a mediator may not see (they get the same 404 as for an id
that does not exist, which tells nothing about other cases).
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, false, or_, select
from sqlalchemy.orm import Session

from bot.staff.accounts import Staff
from bot.store.models import MediationCase, Mediator


def firm_of(s: Session, staff: Staff) -> str | None:
    """The law firm of the mediator behind the account."""
    if staff.mediator_id is None:
        return None
    return s.scalar(select(Mediator.law_firm).where(Mediator.id == staff.mediator_id)) or None


def visible(s: Session, staff: Staff, firm_queue: bool) -> ColumnElement[bool]:
    """A WHERE clause: the cases this account may see on the desk (none for non-mediators)."""
    if not staff.is_mediator or staff.mediator_id is None:
        return false()
    own = MediationCase.mediator_id == staff.mediator_id
    firm = firm_of(s, staff) if firm_queue else None
    if firm is None:
        return own
    queue = and_(MediationCase.mediator_id.is_(None), MediationCase.law_firm == firm)
    return or_(own, queue)


def mine(
    s: Session, staff: Staff, case_id: int, firm_queue: bool, lock: bool = False
) -> MediationCase | None:
    """The case if this account may see it, else None (whether or not it exists)."""
    query = select(MediationCase).where(MediationCase.id == case_id, visible(s, staff, firm_queue))
    if lock:
        query = query.with_for_update()
    return s.scalars(query).first()
