"""One clock for the whole bot: stored times are naive UTC, people read the union's local time.

The union's time zone comes from config (`console.timezone`); the composition root builds one
`Clock` from it and hands it to whatever needs "today" or a local time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

DEFAULT_ZONE = "Asia/Shanghai"


def utcnow() -> datetime:
    """Naive UTC: stored the same way on SQLite and PostgreSQL."""
    return datetime.now(UTC).replace(tzinfo=None)


class Clock:
    """The union's local time, from naive-UTC stored moments and back."""

    def __init__(self, zone: str = DEFAULT_ZONE) -> None:
        self.zone = zone
        self.tz = ZoneInfo(zone)

    def now(self) -> datetime:
        """Now, as an aware local time."""
        return datetime.now(self.tz)

    def today(self) -> date:
        """The local date (case numbers, course dates and dashboards use it)."""
        return self.now().date()

    def local(self, moment: datetime) -> datetime:
        """A stored naive-UTC moment as an aware local time."""
        return moment.replace(tzinfo=UTC).astimezone(self.tz)

    def text(self, moment: datetime | None) -> str:
        """A stored moment as people read it: 2025-03-01 14:05 ("" for none)."""
        return "" if moment is None else self.local(moment).strftime("%Y-%m-%d %H:%M")

    def day_start(self, day: date) -> datetime:
        """The naive-UTC moment a local day begins (for queries over stored times)."""
        return datetime.combine(day, time(), tzinfo=self.tz).astimezone(UTC).replace(tzinfo=None)
