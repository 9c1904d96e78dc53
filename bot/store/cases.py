"""Mediation cases: readable per-day case numbers, a worker's cases, status updates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.store.models import CASE_STATUS_LABELS, CaseUpdate, MediationCase

CASE_PREFIX = "TJ"  # 调解
SUBMITTED = "submitted"
SUBMITTED_NOTE = "已提交申请"
_MAX_NUMBER_ATTEMPTS = 20


@dataclass(frozen=True)
class CaseRequest:
    """Everything a worker gave for one mediation request."""

    name: str
    phone: str
    employer: str
    dispute_type: str
    description: str
    demand: str


def case_prefix(day: date) -> str:
    return f"{CASE_PREFIX}{day:%Y%m%d}-"


def next_case_no(s: Session, day: date) -> str:
    """The next free number of the day, e.g. TJ20261122-0003."""
    prefix = case_prefix(day)
    last = s.scalar(
        select(MediationCase.case_no)
        .where(MediationCase.case_no.like(f"{prefix}%"))
        .order_by(MediationCase.case_no.desc())
        .limit(1)
    )
    seq = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{seq:04d}"


def find_open_duplicate(
    s: Session, channel: str, sender_id: str, req: CaseRequest
) -> MediationCase | None:
    """The same request already submitted and not yet taken up (a double submit)."""
    return s.scalars(
        select(MediationCase).where(
            MediationCase.channel == channel,
            MediationCase.sender_id == sender_id,
            MediationCase.status == SUBMITTED,
            MediationCase.employer == req.employer,
            MediationCase.dispute_type == req.dispute_type,
            MediationCase.description == req.description,
            MediationCase.demand == req.demand,
        )
    ).first()


def create_case(
    s: Session,
    req: CaseRequest,
    *,
    channel: str,
    sender_id: str,
    today: date,
    conversation_id: int | None = None,
) -> MediationCase:
    """Store a new case and its first timeline entry inside the caller's transaction."""
    for _ in range(_MAX_NUMBER_ATTEMPTS):
        case = MediationCase(
            case_no=next_case_no(s, today),
            conversation_id=conversation_id,
            channel=channel,
            sender_id=sender_id,
            name=req.name,
            phone=req.phone,
            employer=req.employer,
            dispute_type=req.dispute_type,
            description=req.description,
            demand=req.demand,
            status=SUBMITTED,
        )
        case.updates.append(CaseUpdate(status=SUBMITTED, note=SUBMITTED_NOTE, actor="worker"))
        try:
            # a concurrent writer (PostgreSQL) may take the same number: retry with the next
            with s.begin_nested():
                s.add(case)
                s.flush()
        except IntegrityError:
            continue
        return case
    raise RuntimeError("could not allocate a case number")


def latest_update(s: Session, case_id: int) -> CaseUpdate | None:
    return s.scalars(
        select(CaseUpdate)
        .where(CaseUpdate.case_id == case_id)
        .order_by(CaseUpdate.id.desc())
        .limit(1)
    ).first()


def list_for_worker(
    s: Session, channel: str, sender_id: str, limit: int = 10
) -> list[tuple[MediationCase, CaseUpdate | None]]:
    """A worker's cases, newest first, each with its latest update."""
    cases = s.scalars(
        select(MediationCase)
        .where(MediationCase.channel == channel, MediationCase.sender_id == sender_id)
        .order_by(MediationCase.id.desc())
        .limit(limit)
    ).all()
    return [(c, latest_update(s, c.id)) for c in cases]


def get_by_no(s: Session, case_no: str) -> MediationCase | None:
    return s.scalars(select(MediationCase).where(MediationCase.case_no == case_no)).first()


def add_update(
    s: Session, case: MediationCase, status: str, note: str = "", actor: str = "system"
) -> CaseUpdate:
    """Move a case to a new status, keeping the step in its timeline."""
    if status not in CASE_STATUS_LABELS:
        raise ValueError(f"unknown case status: {status}")
    update = CaseUpdate(status=status, note=note, actor=actor)
    case.updates.append(update)
    case.status = status
    s.flush()
    return update
