"""The committee's view of the desk (admins, /admin): cases per mediator and firm, open
cases by age and against the 15-day limit, this week's sessions, outcomes."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from bot.core.clock import Clock
from bot.mediation import texts
from bot.mediation.deadlines import OK, PAST, WARN
from bot.mediation.views import limit_of
from bot.settings.sections import MediationConfig
from bot.store import cases as repo
from bot.store.db import Database
from bot.store.models import (
    SESSION_LABELS,
    SESSION_REPLACED,
    CaseSession,
    MediationCase,
    Mediator,
)

OPEN = ("submitted", "accepted", "mediating")
OUTCOMES = ("succeeded", "failed", "arbitration_advised", "withdrawn", "closed")


def overview(db: Database, clock: Clock, config: MediationConfig) -> dict[str, Any]:
    """Everything the committee page shows, read in one transaction."""
    today = clock.today()
    week_start = today - timedelta(days=today.weekday())
    start, end = clock.day_start(week_start), clock.day_start(week_start + timedelta(days=7))
    with db.read() as s:
        mediators = {m.id: m for m in s.scalars(select(Mediator))}
        cases = s.scalars(select(MediationCase).order_by(MediationCase.id)).all()
        sessions = s.execute(
            select(CaseSession, MediationCase)
            .join(MediationCase, MediationCase.id == CaseSession.case_id)
            .where(
                CaseSession.starts_at >= start,
                CaseSession.starts_at < end,
                CaseSession.status != SESSION_REPLACED,
            )
            .order_by(CaseSession.starts_at)
        ).all()
        per_mediator: dict[str, Counter] = defaultdict(Counter)
        per_firm: dict[str, Counter] = defaultdict(Counter)
        open_rows, outcomes = [], Counter()
        for case in cases:
            mediator = mediators.get(case.mediator_id) if case.mediator_id else None
            who = str(mediator) if mediator else "未指派"
            firm = (mediator.law_firm if mediator else case.law_firm) or "未分配律所"
            group = "open" if case.status in OPEN else case.status
            for table in (per_mediator[who], per_firm[firm]):
                table["total"] += 1
                table[group] += 1
            if case.status in OUTCOMES:
                outcomes[case.status] += 1
            if case.status in OPEN:
                limit = limit_of(case, clock, today, config)
                open_rows.append(
                    {
                        "id": case.id,
                        "case_no": case.case_no,
                        "status": repo.label(case.status),
                        "mediator": who,
                        "age_days": (today - clock.local(case.created_at).date()).days,
                        "limit": limit,
                        "level": limit.level if limit else OK,
                    }
                )
        order = {PAST: 0, WARN: 1, OK: 2}
        open_rows.sort(key=lambda r: (order[r["level"]], -r["age_days"]))
        return {
            "per_mediator": sorted(per_mediator.items()),
            "per_firm": sorted(per_firm.items()),
            "open": open_rows,
            "warnings": [r for r in open_rows if r["level"] != OK],
            "week": f"{week_start:%m月%d日}—{week_start + timedelta(days=6):%m月%d日}",
            "sessions": [
                {
                    "id": case.id,
                    "case_no": case.case_no,
                    "when": texts.when_text(clock.local(x.starts_at)),
                    "where": texts.where_text(x.place, x.by_phone),
                    "status": SESSION_LABELS.get(x.status, x.status),
                    "mediator": str(mediators.get(case.mediator_id) or "未指派"),
                }
                for x, case in sessions
            ],
            "outcomes": [(repo.label(k), outcomes[k]) for k in OUTCOMES],
        }
