"""Evidence rows: a worker's open cases, pending and attached files, what retention removes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, delete, exists, select
from sqlalchemy.orm import Session

from bot.store.models import CaseUpdate, Evidence, MediationCase, utcnow

# a worker can add files to a case while it is being worked on
OPEN_STATUSES = ("submitted", "accepted", "mediating")
# a case in one of these is over: its files go after the retention period
FINAL_STATUSES = ("closed",)


def open_cases(s: Session, channel: str, sender_id: str) -> list[MediationCase]:
    """The worker's cases that can still take evidence, oldest first."""
    return list(
        s.scalars(
            select(MediationCase)
            .where(
                MediationCase.channel == channel,
                MediationCase.sender_id == sender_id,
                MediationCase.status.in_(OPEN_STATUSES),
            )
            .order_by(MediationCase.id)
        ).all()
    )


def add(
    s: Session,
    *,
    case_id: int | None,
    conversation_id: int | None,
    channel: str,
    stored_name: str,
    original_name: str,
    content_type: str,
    size: int,
    sha256: str,
) -> Evidence:
    now = utcnow()
    row = Evidence(
        case_id=case_id,
        conversation_id=conversation_id,
        channel=channel,
        stored_name=stored_name,
        original_name=original_name[:100],
        content_type=content_type,
        size=size,
        sha256=sha256,
        uploaded_at=now,
        attached_at=now if case_id is not None else None,
    )
    s.add(row)
    s.flush()
    return row


def same_file(s: Session, case_id: int, sha256: str) -> Evidence | None:
    """The same content already attached to this case (sent twice, or a redelivery)."""
    return s.scalars(
        select(Evidence).where(Evidence.case_id == case_id, Evidence.sha256 == sha256).limit(1)
    ).first()


def pending(s: Session, evidence_id: int, conversation_id: int) -> Evidence | None:
    """A file of this conversation still waiting for its case."""
    row = s.get(Evidence, evidence_id)
    if row is None or row.case_id is not None or row.conversation_id != conversation_id:
        return None
    return row


def attach(s: Session, row: Evidence, case: MediationCase) -> None:
    row.case_id, row.attached_at = case.id, utcnow()
    s.flush()


def for_case(s: Session, case_id: int) -> list[Evidence]:
    return list(
        s.scalars(select(Evidence).where(Evidence.case_id == case_id).order_by(Evidence.id)).all()
    )


def expired(s: Session, closed_before: datetime, pending_before: datetime) -> list[Evidence]:
    """Files past retention: of cases closed before the date, and never-attached old ones."""
    closed_at = (
        select(CaseUpdate.id)
        .where(
            CaseUpdate.case_id == MediationCase.id,
            CaseUpdate.status.in_(FINAL_STATUSES),
            CaseUpdate.created_at >= closed_before,
        )
        .correlate(MediationCase)
    )
    old_closed = select(MediationCase.id).where(
        MediationCase.status.in_(FINAL_STATUSES), ~exists(closed_at)
    )
    return list(
        s.scalars(
            select(Evidence).where(
                (Evidence.case_id.in_(old_closed))
                | and_(Evidence.case_id.is_(None), Evidence.uploaded_at < pending_before)
            )
        ).all()
    )


def stored_names(s: Session) -> set[str]:
    return set(s.scalars(select(Evidence.stored_name)).all())


def remove(s: Session, ids: list[int]) -> None:
    if ids:
        s.execute(delete(Evidence).where(Evidence.id.in_(ids)))
