"""The time limits of the 《劳动争议调解仲裁法》 a case runs against.

第十四条: a mediation not agreed within 15 days of the committee receiving the request may go
to arbitration. The request is received when the worker files it (the bot is the committee's
window), so the 15 days run from the filing day, whether or not a mediator has accepted it:
counting from acceptance would show a later date than the law gives the worker.
第二十七条: arbitration must be applied for within one year of the day the worker knew (or
should have known) of the infringement; the mediator enters or confirms that day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

OPEN_STATUSES = ("submitted", "accepted", "mediating")
OK, WARN, PAST = "ok", "warn", "past"


@dataclass(frozen=True)
class Limit:
    """Where a case stands against the mediation limit."""

    due: date
    days_left: int
    level: str

    @property
    def text(self) -> str:
        """How the desk and the committee's view say it."""
        if self.level == PAST:
            return f"已超过 15 日调解期限 {-self.days_left} 天（{self.due:%m月%d日}到期）"
        if self.days_left == 0:
            return f"今天是 15 日调解期限的最后一天（{self.due:%m月%d日}）"
        return f"距 15 日调解期限还有 {self.days_left} 天（{self.due:%m月%d日}到期）"


def mediation_limit(
    received_on: date | None, status: str, today: date, limit_days: int, warn_days: int
) -> Limit | None:
    """The limit of an open case received on `received_on` (None: not running)."""
    if received_on is None or status not in OPEN_STATUSES:
        return None
    due = received_on + timedelta(days=limit_days)
    left = (due - today).days
    level = PAST if left < 0 else WARN if left <= warn_days else OK
    return Limit(due, left, level)


def arbitration_deadline(known_on: date) -> date:
    """One year from the day the worker knew of the infringement (29 Feb -> 28 Feb)."""
    try:
        return known_on.replace(year=known_on.year + 1)
    except ValueError:
        return known_on.replace(year=known_on.year + 1, day=28)
