"""Mediation cases: readable per-day case numbers, a worker's cases, status updates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.core.clock import utcnow
from bot.store.models import (
    CASE_STATUS_LABELS,
    KIND_ADDED,
    KIND_ASSIGN,
    KIND_STATUS,
    CaseUpdate,
    MediationCase,
    Mediator,
)

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
    """The latest status step: what the worker reads as the case's progress (never a
    mediator's private note or a question/answer row)."""
    return s.scalars(
        select(CaseUpdate)
        .where(CaseUpdate.case_id == case_id, CaseUpdate.kind == KIND_STATUS)
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
    update = CaseUpdate(status=status, note=note, actor=actor, kind=KIND_STATUS)
    case.updates.append(update)
    case.status = status
    if status == "accepted" and case.accepted_at is None:
        case.accepted_at = utcnow()  # when a mediator took it (the 15-day limit runs from filing)
    s.flush()
    return update


def add_worker_note(s: Session, case: MediationCase, text: str) -> CaseUpdate:
    """One more thing the worker told after filing, kept in the case's timeline (its status
    unchanged) for the mediators."""
    update = CaseUpdate(status=case.status, note=text[:NOTE_MAX], actor="worker", kind=KIND_ADDED)
    case.updates.append(update)
    s.flush()
    return update


def change_phone(s: Session, case: MediationCase, phone: str) -> CaseUpdate:
    """The worker's new phone number, told after filing: the one the mediators call (the old
    one stays in the timeline)."""
    old, case.phone = case.phone, phone
    return add_worker_note(s, case, f"职工联系电话由 {old} 改为 {phone}")


# -- the admin side: status changes and mediators ----------------------------------------
# where a case may go from each status (a case is never moved backwards)
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "submitted": ("accepted", "withdrawn", "closed"),
    "accepted": ("mediating", "withdrawn"),
    "mediating": ("succeeded", "failed", "withdrawn"),
    "succeeded": ("closed",),
    "failed": ("arbitration_advised", "closed"),
    "arbitration_advised": ("closed",),
    "withdrawn": ("closed",),
    "closed": (),
}
NOTE_MAX = 500


class CaseError(ValueError):
    """A case change that cannot be accepted (the message is for the admin)."""


def label(status: str) -> str:
    return CASE_STATUS_LABELS.get(status, status)


def next_statuses(status: str) -> tuple[str, ...]:
    """The statuses a case in `status` may move to."""
    return TRANSITIONS.get(status, ())


def change_status(
    s: Session, case: MediationCase, status: str, note: str, actor: str
) -> CaseUpdate:
    """Move a case along an allowed step with a required note, kept in its timeline."""
    note = (note or "").strip()
    if status not in CASE_STATUS_LABELS:
        raise CaseError("请选择新的状态。")
    if status == case.status:
        raise CaseError(f"案件已经是「{label(status)}」，无需更改。")
    allowed = next_statuses(case.status)
    if status not in allowed:
        options = "、".join(f"「{label(x)}」" for x in allowed) or "无（已结案）"
        raise CaseError(
            f"案件目前是「{label(case.status)}」，不能直接改为「{label(status)}」。可以改为：{options}。"
        )
    if not note:
        raise CaseError("请填写备注：说明这一步的情况（会发送给职工）。")
    if len(note) > NOTE_MAX:
        raise CaseError(f"备注最多 {NOTE_MAX} 个字。")
    return add_update(s, case, status, note, actor)


def assign_mediator(
    s: Session, case: MediationCase, mediator: Mediator | None, actor: str
) -> CaseUpdate | None:
    """Give the case a mediator (or none); the change goes into the timeline."""
    if mediator is not None and not mediator.active:
        raise CaseError("这位调解员已停用，请选择其他调解员。")
    new_id = mediator.id if mediator is not None else None
    if case.mediator_id == new_id:
        return None
    case.mediator_id = new_id
    case.mediator = mediator.name if mediator is not None else None
    if mediator is not None:
        case.law_firm = mediator.law_firm or None
    note = f"指派调解员：{mediator}" if mediator is not None else "取消指派调解员"
    update = CaseUpdate(status=case.status, note=note, actor=actor, kind=KIND_ASSIGN)
    case.updates.append(update)
    s.flush()
    return update


def active_mediators(s: Session) -> list[Mediator]:
    """Mediators who can be assigned, by name."""
    return list(
        s.scalars(select(Mediator).where(Mediator.active.is_(True)).order_by(Mediator.name)).all()
    )
