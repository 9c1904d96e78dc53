"""Courses, enrolments and wall-clock moments for the reminder and notice tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.domain.course_sessions import WEEKDAYS
from bot.store.db import Database
from bot.store.models import ENROLLED, Course, Enrolment


def local_moment(clock, day: date, hh: int, mm: int = 0) -> datetime:  # noqa: ANN001
    """A local wall-clock moment as the naive UTC the database stores."""
    aware = datetime(day.year, day.month, day.day, hh, mm, tzinfo=clock.tz)
    return aware.astimezone(UTC).replace(tzinfo=None)


def weekly_course(db: Database, first: date, code: str = "TST1", sessions: int = 3) -> int:
    """An open course meeting weekly at 19:00 from `first`, `sessions` times."""
    with db.write_lock(), db.session() as s:
        course = Course(
            code=code,
            name=f"测试课程{code}",
            category="幸福学堂",
            start_date=first,
            end_date=first + timedelta(weeks=sessions),
            weekdays=[WEEKDAYS[first.weekday()]],
            time_of_day="晚上",
            time="19:00-20:30",
            sessions=sessions,
            venue="区职工服务中心二楼",
            capacity=30,
            fee=0,
            status="open",
        )
        s.add(course)
        s.flush()
        return course.id


def enrol(db: Database, course_id: int, channel: str, sender_id: str, name: str = "李明") -> int:
    """An enrolment made a week ago (the way the enrolment form leaves it)."""
    with db.write_lock(), db.session() as s:
        e = Enrolment(
            course_id=course_id,
            channel=channel,
            sender_id=sender_id,
            name=name,
            phone="13800138000",
            status=ENROLLED,
            created_at=datetime.now(UTC).replace(tzinfo=None) - timedelta(days=7),
        )
        s.add(e)
        s.flush()
        return e.id


def workers(
    db: Database, channel: str, sender_ids: list[str], last_message_at: datetime, topic: str
) -> None:
    """Workers who talked to the bot (last at `last_message_at`) and subscribed to `topic`."""
    from sqlalchemy import insert

    from bot.store.models import Conversation, Subscription

    with db.write_lock(), db.session() as s:
        s.execute(
            insert(Conversation),
            [
                {
                    "channel": channel,
                    "sender_id": w,
                    "state": "bot",
                    "slots": {},
                    "last_message_at": last_message_at,
                }
                for w in sender_ids
            ],
        )
        s.execute(
            insert(Subscription),
            [{"channel": channel, "sender_id": w, "topic": topic} for w in sender_ids],
        )


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def reminders_on(config):  # noqa: ANN001, ANN201
    """The reminders config with class reminders on (tests/conftest.py turns them off for the
    live server)."""
    return config.model_copy(update={"enabled": True})
