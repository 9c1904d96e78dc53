"""When the staff desk is open, so workers are told honestly when a person will answer."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.settings.console import ConsoleConfig
from bot.store.models import utcnow

WEEKDAYS = "一二三四五六日"


def _clock(value: str) -> time:
    hours, minutes = (int(x) for x in value.split(":"))
    return time.max if hours == 24 else time(hours, minutes)


class WorkingHours:
    """The desk's schedule from config.yml; times in and out are naive UTC like the database."""

    def __init__(self, config: ConsoleConfig) -> None:
        self.config = config
        self.tz = ZoneInfo(config.timezone)
        self.opens, self.closes = _clock(config.opens), _clock(config.closes)
        self.closed = set(config.closed_dates)

    def local(self, now: datetime) -> datetime:
        """A naive-UTC instant in the union's time zone."""
        return now.replace(tzinfo=UTC).astimezone(self.tz)

    def _working_day(self, day: date) -> bool:
        return day.isoweekday() in self.config.working_days and day not in self.closed

    def is_open(self, now: datetime) -> bool:
        """True when staff are at the desk at this instant."""
        here = self.local(now)
        return self._working_day(here.date()) and self.opens <= here.time() < self.closes

    def is_open_now(self) -> bool:
        """For pages and the queue stream: is anyone expected at the desk right now."""
        return self.is_open(utcnow())

    def opened_at(self, now: datetime) -> datetime | None:
        """When today's opening was (naive UTC), if the desk is open now."""
        if not self.is_open(now):
            return None
        here = self.local(now)
        start = datetime.combine(here.date(), self.opens, self.tz)
        return start.astimezone(UTC).replace(tzinfo=None)

    def next_opening(self, now: datetime) -> datetime | None:
        """The next opening (aware, local time) after `now`; None when no day is ever open."""
        here = self.local(now)
        for offset in range(0, 400):
            day = here.date() + timedelta(days=offset)
            start = datetime.combine(day, self.opens, self.tz)
            if self._working_day(day) and start > here:
                return start
        return None

    def describe_next(self, now: datetime) -> str:
        """The next opening as a worker reads it: 今天 / 明天（周二）/ 12月3日（周四） 09:00."""
        start = self.next_opening(now)
        if start is None:
            return "下一个工作日"
        days = (start.date() - self.local(now).date()).days
        weekday = f"周{WEEKDAYS[start.isoweekday() - 1]}"
        if days == 0:
            day = "今天"
        elif days == 1:
            day = f"明天（{weekday}）"
        elif days == 2:
            day = f"后天（{weekday}）"
        else:
            day = f"{start.month}月{start.day}日（{weekday}）"
        return f"{day} {start:%H:%M}"

    def schedule(self) -> str:
        """The regular hours in one phrase, e.g. 周一至周五 09:00–17:30."""
        days = sorted(set(self.config.working_days))
        if days and days == list(range(days[0], days[-1] + 1)) and len(days) > 2:
            span = f"周{WEEKDAYS[days[0] - 1]}至周{WEEKDAYS[days[-1] - 1]}"
        else:
            span = "、".join(f"周{WEEKDAYS[d - 1]}" for d in days)
        return f"{span} {self.config.opens}–{self.config.closes}"

    def working_minutes_since(self, start: datetime, now: datetime) -> float:
        """The desk's open minutes between `start` and `now` (naive UTC), counted only while it
        is open now: each working day's hours in between, so a desk open round the clock counts
        across midnight and a worker who asked at 17:25 has waited 5 minutes by the opening."""
        if self.opened_at(now) is None:
            return 0.0
        first, last = self.local(start).date(), self.local(now).date()
        total = 0.0
        for offset in range((last - first).days + 1):
            day = first + timedelta(days=offset)
            if not self._working_day(day):
                continue
            opens = datetime.combine(day, self.opens, self.tz).astimezone(UTC).replace(tzinfo=None)
            closes = (
                datetime.combine(day, self.closes, self.tz).astimezone(UTC).replace(tzinfo=None)
            )
            if self.closes == time.max:  # "24:00": the whole day
                closes += timedelta(microseconds=1)
            span = (min(now, closes) - max(start, opens)).total_seconds() / 60
            total += max(span, 0.0)
        return total
