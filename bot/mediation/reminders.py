"""The day before a session, at `mediation.reminder_time` (local), remind the worker on their
channel (with 确认 / 改时间 / 去不了) and put the reminder in the case's timeline, where the
mediator sees it, besides the desk's 明天的调解 list.

Runs in every server process's lifespan; the lease (bot/store/leases.py) lets one process
work at a time, and each reminder is claimed by a conditional update of the session row in
the same transaction as the notice, so nobody is reminded twice, across processes and
restarts alike.
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta

from sqlalchemy import select, update

from bot.core.clock import Clock
from bot.core.messages import Push
from bot.core.ports import Deliverer
from bot.mediation import texts
from bot.settings.sections import MediationConfig
from bot.staff import notices
from bot.staff.reminder_job import ReminderJob
from bot.store.db import Database
from bot.store.models import (
    KIND_REMINDER,
    SESSION_CONFIRMED,
    SESSION_PROPOSED,
    CaseSession,
    CaseUpdate,
    MediationCase,
)

log = logging.getLogger(__name__)
LEASE = "mediation-reminders"
INTERVAL_SECONDS = 60.0


class Reminders(ReminderJob[int]):
    """One per process; `start()` in the web app's lifespan, `stop()` at shutdown."""

    def __init__(
        self,
        db: Database,
        outbox: Deliverer,
        clock: Clock,
        config: MediationConfig,
        interval: float = INTERVAL_SECONDS,
    ) -> None:
        super().__init__(db, outbox, interval, "mediation reminders", LEASE)
        self.clock, self.config = clock, config

    def due(self, now: datetime) -> list[int]:
        """Sessions to remind of now: tomorrow's (local), once the reminder time has come."""
        local = self.clock.local(now)
        hour, minute = (int(x) for x in self.config.reminder_time.split(":"))
        if local.time() < time(hour, minute):
            return []
        tomorrow = local.date() + timedelta(days=1)
        start, end = self.clock.day_start(tomorrow), self.clock.day_start(tomorrow + timedelta(1))
        with self.db.read() as s:
            return list(
                s.scalars(
                    select(CaseSession.id)
                    .join(MediationCase, MediationCase.id == CaseSession.case_id)
                    .where(
                        CaseSession.worker_reminded_at.is_(None),
                        CaseSession.status.in_((SESSION_PROPOSED, SESSION_CONFIRMED)),
                        CaseSession.starts_at >= max(start, now),
                        CaseSession.starts_at < end,
                        MediationCase.status.in_(("accepted", "mediating")),
                    )
                    .order_by(CaseSession.starts_at)
                )
            )

    def remind(self, session_id: int, now: datetime) -> Push | None:
        """Claim the session's reminder and record it; None when someone already did."""
        with self.db.write_lock(), self.db.session() as s:
            claimed = s.execute(
                update(CaseSession)
                .where(CaseSession.id == session_id, CaseSession.worker_reminded_at.is_(None))
                .values(worker_reminded_at=now, mediator_reminded_at=now)
            ).rowcount
            if not claimed:
                return None
            session = s.get(CaseSession, session_id)
            case = s.get(MediationCase, session.case_id)
            when = texts.when_text(self.clock.local(session.starts_at))
            where = texts.where_text(session.place, session.by_phone)
            s.add(
                CaseUpdate(
                    case_id=case.id,
                    status=case.status,
                    note=f"已提醒职工和调解员：明天 {when} 调解，{where}",
                    actor="system",
                    kind=KIND_REMINDER,
                )
            )
            buttons = [
                texts.session_button(session.id, texts.CONFIRM, "确认参加"),
                texts.session_button(session.id, texts.RESCHEDULE),
                texts.session_button(session.id, texts.CANNOT),
            ]
            text = texts.reminder(case.case_no, when, where)
            return notices.record(s, case.channel, case.sender_id, text, buttons)
