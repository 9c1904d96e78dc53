"""What the desk's pages show: a mediator's cases and one case with its whole timeline."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from bot.core import labels
from bot.core.clock import Clock, utcnow
from bot.domain.people import given_name
from bot.mediation import texts
from bot.mediation.access import mine, visible
from bot.mediation.attachments import attachments_for
from bot.mediation.deadlines import Limit, mediation_limit
from bot.settings.sections import MediationConfig
from bot.staff.accounts import Staff
from bot.store import cases as repo
from bot.store.db import Database
from bot.store.models import (
    KIND_ADDED,
    KIND_AGREEMENT,
    KIND_ANSWER,
    KIND_ASSIGN,
    KIND_NOTE,
    KIND_QUESTION,
    KIND_REMINDER,
    KIND_SESSION,
    KIND_SESSION_REPLY,
    KIND_STATUS,
    SESSION_CONFIRMED,
    SESSION_LABELS,
    SESSION_PROPOSED,
    CaseQuestion,
    CaseSession,
    MediationCase,
    Mediator,
    StaffUser,
)

KIND_LABELS = {
    KIND_STATUS: "状态",
    KIND_ASSIGN: "指派",
    KIND_NOTE: "内部备注",
    KIND_QUESTION: "向职工提问",
    KIND_ANSWER: "职工回复",
    KIND_SESSION: "安排调解",
    KIND_SESSION_REPLY: "职工答复",
    KIND_REMINDER: "提醒",
    KIND_AGREEMENT: "调解协议",
    KIND_ADDED: "职工补充",
}
CLOSED = ("closed", "withdrawn")


def limit_of(
    case: MediationCase, clock: Clock, today: date, config: MediationConfig
) -> Limit | None:
    """The 15-day limit of an open case, counted in the union's days from the day it was filed
    (第十四条: 收到调解申请之日)."""
    received_on = clock.local(case.created_at).date() if case.created_at else None
    return mediation_limit(received_on, case.status, today, config.limit_days, config.warn_days)


def next_sessions(s: Any, case_ids: list[int]) -> dict[int, CaseSession]:
    """The next coming session of each case (proposed or confirmed)."""
    rows = s.scalars(
        select(CaseSession)
        .where(
            CaseSession.case_id.in_(case_ids),
            CaseSession.status.in_((SESSION_PROPOSED, SESSION_CONFIRMED)),
            CaseSession.starts_at > utcnow(),
        )
        .order_by(CaseSession.starts_at)
    ).all()
    found: dict[int, CaseSession] = {}
    for row in rows:
        found.setdefault(row.case_id, row)
    return found


def session_line(clock: Clock, session: CaseSession | None) -> str:
    if session is None:
        return ""
    when = texts.when_text(clock.local(session.starts_at))
    return f"{when}（{SESSION_LABELS.get(session.status, session.status)}）"


def my_cases(
    db: Database, staff: Staff, clock: Clock, config: MediationConfig
) -> list[dict[str, Any]]:
    """The mediator's cases (and firm queue), open ones first, newest first: in the list only
    the worker's given name."""
    today = clock.today()
    with db.read() as s:
        cases = s.scalars(
            select(MediationCase)
            .where(visible(s, staff, config.firm_queue))
            .order_by(MediationCase.id.desc())
        ).all()
        sessions = next_sessions(s, [c.id for c in cases])
        rows = []
        for case in cases:
            limit = limit_of(case, clock, today, config)
            rows.append(
                {
                    "id": case.id,
                    "case_no": case.case_no,
                    "status": repo.label(case.status),
                    "open": case.status not in CLOSED,
                    "queue": case.mediator_id is None,
                    "worker": given_name(case.name),
                    "dispute_type": case.dispute_type,
                    "age_days": (today - clock.local(case.created_at).date()).days,
                    "next_session": session_line(clock, sessions.get(case.id)),
                    "limit": limit,
                }
            )
    rows.sort(key=lambda r: not r["open"])
    return rows


def tomorrow_sessions(
    db: Database, staff: Staff, clock: Clock, config: MediationConfig
) -> list[dict[str, Any]]:
    """The mediator's sessions tomorrow (the desk's reminder banner)."""
    tomorrow = clock.today().toordinal() + 1
    start = clock.day_start(date.fromordinal(tomorrow))
    end = clock.day_start(date.fromordinal(tomorrow + 1))
    with db.read() as s:
        rows = s.execute(
            select(CaseSession, MediationCase.case_no, MediationCase.id)
            .join(MediationCase, MediationCase.id == CaseSession.case_id)
            .where(
                visible(s, staff, config.firm_queue),
                CaseSession.status.in_((SESSION_PROPOSED, SESSION_CONFIRMED)),
                CaseSession.starts_at >= start,
                CaseSession.starts_at < end,
            )
            .order_by(CaseSession.starts_at)
        ).all()
        return [
            {
                "case_id": case_id,
                "case_no": case_no,
                "when": session_line(clock, session),
                "where": texts.where_text(session.place, session.by_phone),
            }
            for session, case_no, case_id in rows
        ]


def case_detail(
    db: Database, staff: Staff, clock: Clock, config: MediationConfig, case_id: int
) -> dict[str, Any] | None:
    """One case of the mediator's: the request, the timeline (notes too), sessions, what
    may be done next; None when the account may not see it."""
    detail = _case_detail(db, staff, clock, config, case_id)
    if detail is not None:  # read after the case's own transaction, as its own module likes
        detail["attachments"] = attachments_for(db, case_id, clock)
    return detail


def _case_detail(
    db: Database, staff: Staff, clock: Clock, config: MediationConfig, case_id: int
) -> dict[str, Any] | None:
    with db.read() as s:
        case = mine(s, staff, case_id, config.firm_queue)
        if case is None:
            return None
        actors = dict(s.execute(select(StaffUser.username, StaffUser.display_name)).all())
        actors |= {"worker": "职工", "system": "系统"}
        mediator = s.get(Mediator, case.mediator_id) if case.mediator_id else None
        sessions = s.scalars(
            select(CaseSession).where(CaseSession.case_id == case.id).order_by(CaseSession.id)
        ).all()
        pending = s.scalars(
            select(CaseQuestion).where(
                CaseQuestion.case_id == case.id, CaseQuestion.answered_at.is_(None)
            )
        ).all()
        limit = limit_of(case, clock, clock.today(), config)
        return {
            "case": {
                "id": case.id,
                "case_no": case.case_no,
                "status": case.status,
                "status_label": repo.label(case.status),
                "name": case.name,
                "phone": case.phone,
                "employer": case.employer,
                "dispute_type": case.dispute_type,
                "description": case.description,
                "demand": case.demand,
                "channel": labels.channel(case.channel),
                "created": clock.text(case.created_at),
                "accepted": clock.text(case.accepted_at),
                "arbitration_by": case.arbitration_by,
            },
            "mediator": str(mediator) if mediator else "未指派（律所待分配）",
            "limit": limit,
            "timeline": [
                {
                    "when": clock.text(u.created_at),
                    "kind": KIND_LABELS.get(u.kind, u.kind),
                    "kind_code": u.kind,
                    "status": repo.label(u.status),
                    "note": u.note,
                    "actor": actors.get(u.actor, u.actor),
                }
                for u in case.updates
            ],
            "sessions": [
                {
                    "when": session_line(clock, x),
                    "where": texts.where_text(x.place, x.by_phone),
                }
                for x in sessions
            ],
            "pending_questions": [q.question for q in pending],
            "attachments": [],
            "can_accept": case.status == "submitted",
            "can_work": case.status in ("accepted", "mediating"),
            "can_outcome": case.status == "mediating",
            "can_file_agreement": case.status == "succeeded",
            "can_close": "closed" in repo.next_statuses(case.status),
            "today": clock.today().isoformat(),
        }
