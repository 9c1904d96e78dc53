"""The evening before each class (at `reminders.class_time`, local), remind every enrolled
worker on their own channel, with 收到 / 请假 buttons.

Runs in every server process's lifespan like the mediation reminders: the lease
(bot/store/leases.py) lets one process work at a time, and each reminder is claimed by
inserting its `class_reminders` row (unique per enrolment and class day) in the same
transaction as the notice, so nobody is reminded twice, across processes and restarts.
Nothing goes out in the quiet hours; a class whose evening reminder fell in them (or was
missed while the bot was down) is reminded in the morning of its day, if it has not begun.
A worker who enrolled after the reminder time (or on the class day) is not reminded of the
next class: the enrolment's confirmation has just told them when it is.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.core.clock import Clock
from bot.core.messages import Push
from bot.core.ports import Deliverer
from bot.domain.course_sessions import session_dates, session_text, starts_at
from bot.settings.outreach import RemindersConfig, parse_hhmm
from bot.staff import notices
from bot.staff.reminder_job import ReminderJob
from bot.store.db import Database
from bot.store.models import ENROLLED, ClassReminder, Course, Enrolment

log = logging.getLogger(__name__)
LEASE = "class-reminders"
INTERVAL_SECONDS = 60.0
ACK_INTENT, LEAVE_INTENT = "class_ack", "class_leave"


@dataclass(frozen=True)
class Due:
    """One reminder to send: which enrolment, which class day, and whether it is tomorrow."""

    enrolment_id: int
    course_id: int
    day: date
    tomorrow: bool


def reminder_buttons(reminder_id: int) -> list[dict[str, str]]:
    """收到 / 请假, naming the reminder (payloads stay far below Telegram's 64 bytes)."""
    return [
        {"title": "收到", "payload": f'/{ACK_INTENT}{{"reminder_id":"{reminder_id}"}}'},
        {"title": "请假", "payload": f'/{LEAVE_INTENT}{{"reminder_id":"{reminder_id}"}}'},
    ]


def reminder_text(course: Course, day: date, tomorrow: bool) -> str:
    """What the worker reads."""
    when = ("明天" if tomorrow else "今天") + session_text(course, day)
    place = course.venue or "另行通知"
    return (
        f"【上课提醒】您报名的「{course.name}」{when}上课，地点：{place}。\n"
        "能来请回复「收到」，来不了请回复「请假」（也可以点下面的按钮）。"
    )


class ClassReminders(ReminderJob[Due]):
    """One per process; `start()` in the web app's lifespan, `stop()` at shutdown."""

    def __init__(
        self,
        db: Database,
        outbox: Deliverer,
        clock: Clock,
        config: RemindersConfig,
        interval: float = INTERVAL_SECONDS,
    ) -> None:
        super().__init__(db, outbox, interval, "class reminders", LEASE)
        self.clock, self.config = clock, config

    def active(self) -> bool:
        return self.config.enabled

    def due(self, now: datetime) -> list[Due]:
        """Reminders to send now: tomorrow's classes once the reminder time has come, and
        today's not yet begun and not reminded (the evening was quiet or the bot was down)."""
        local = self.clock.local(now)
        if not self.config.enabled or self.config.quiet(local.time()):
            return []
        today = local.date()
        at = parse_hhmm(self.config.class_time)
        evening = local.time() >= at
        today_start = self.clock.day_start(today)
        # an enrolment made after this evening's reminder time was just told the schedule
        eve_cutoff = today_start + timedelta(hours=at.hour, minutes=at.minute)
        found: list[Due] = []
        with self.db.read() as s:
            rows = s.execute(
                select(Enrolment.id, Enrolment.created_at, Course)
                .join(Course, Course.id == Enrolment.course_id)
                .where(Enrolment.status == ENROLLED, Course.status == "open")
            ).all()
            sent = set(
                s.execute(
                    select(ClassReminder.enrolment_id, ClassReminder.session_date).where(
                        ClassReminder.session_date.in_((today, today + timedelta(days=1)))
                    )
                ).all()
            )
            schedules: dict[int, set[date]] = {}
            for enrolment_id, created_at, course in rows:
                if course.id not in schedules:
                    schedules[course.id] = set(session_dates(course, self.config.skip_dates))
                days = schedules[course.id]
                begins = starts_at(course)
                if (
                    today in days
                    and created_at < today_start
                    and (begins is None or local.time() < begins)
                    and (enrolment_id, today) not in sent
                ):
                    found.append(Due(enrolment_id, course.id, today, tomorrow=False))
                tomorrow = today + timedelta(days=1)
                if (
                    evening
                    and tomorrow in days
                    and created_at < eve_cutoff
                    and (enrolment_id, tomorrow) not in sent
                ):
                    found.append(Due(enrolment_id, course.id, tomorrow, tomorrow=True))
        return found

    def remind(self, due: Due, now: datetime) -> Push | None:
        """Claim the reminder and record the notice together; None when already claimed (or
        the worker has no conversation to send to)."""
        try:
            with self.db.write_lock(), self.db.session() as s:
                reminder = ClassReminder(
                    enrolment_id=due.enrolment_id,
                    course_id=due.course_id,
                    session_date=due.day,
                    sent_at=now,
                )
                s.add(reminder)
                s.flush()  # the unique key: a second claimer fails here
                enrolment = s.get(Enrolment, due.enrolment_id)
                course = s.get(Course, due.course_id)
                text = reminder_text(course, due.day, due.tomorrow)
                return notices.record(
                    s, enrolment.channel, enrolment.sender_id, text, reminder_buttons(reminder.id)
                )
        except IntegrityError:
            return None  # another process (or an earlier run) sent this one
