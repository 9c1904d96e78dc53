"""The `console:` section of config.yml: the staff desk's hours, timeouts and login policy."""

from __future__ import annotations

import re
from datetime import date
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, model_validator


class ConsoleConfig(BaseModel):
    """The staff console: working hours, queue timeouts and the wait estimate."""

    model_config = ConfigDict(extra="forbid")

    # ISO weekdays the desk is staffed (1 = Monday) and the hours, in the union's time zone
    working_days: list[int] = [1, 2, 3, 4, 5]
    opens: str = "09:00"
    closes: str = "17:30"
    timezone: str = "Asia/Shanghai"
    # whole days the desk is closed (public holidays), as YYYY-MM-DD
    closed_dates: list[date] = []
    # minutes before a waiting worker is told nobody has picked up yet
    unclaimed_timeout_minutes: int = Field(10, ge=1, le=24 * 60)
    # minutes of silence (no worker or staff message) before a held conversation is resolved
    silence_timeout_minutes: int = Field(30, ge=1, le=7 * 24 * 60)
    # seconds between the desk sweeper's rounds (the two timeouts above are acted on within
    # this much of falling due); the sweeper's lease runs out after three rounds
    sweep_seconds: float = Field(15.0, ge=1, le=300)
    # staff minutes per worker, for the "预计等待约 X 分钟" estimate
    minutes_per_worker: int = Field(5, ge=1, le=120)
    # how long a staff login lasts
    session_hours: int = Field(12, ge=1, le=24 * 30)
    # password checks per username and address in login_window_minutes (then a pause)
    login_attempts: int = Field(5, ge=1, le=100)
    login_window_minutes: int = Field(15, ge=1, le=24 * 60)
    # password checks per client address, whatever the username, in the same window
    login_attempts_per_address: int = Field(20, ge=1, le=1000)

    @model_validator(mode="after")
    def _hours(self) -> ConsoleConfig:
        for day in self.working_days:
            if not 1 <= day <= 7:
                raise ValueError("working_days are ISO weekdays 1 (Monday) to 7 (Sunday)")
        for name in ("opens", "closes"):
            if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d|24:00", getattr(self, name)):
                raise ValueError(f"{name} must be HH:MM")
        if self.opens >= self.closes:
            raise ValueError("opens must be before closes")
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown timezone {self.timezone!r}") from exc
        return self
