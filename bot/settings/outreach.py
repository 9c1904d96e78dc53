"""config.yml's `reminders:` and `notices:`: when class reminders go out, the quiet hours, and
how fast a notice is sent on each platform (docs/notices.md)."""

from __future__ import annotations

from datetime import date, time

from pydantic import BaseModel, ConfigDict, Field

HHMM = r"^([01]\d|2[0-3]):[0-5]\d$"


def parse_hhmm(value: str) -> time:
    """ "19:00" -> time(19, 0)."""
    hour, minute = (int(x) for x in value.split(":"))
    return time(hour, minute)


class RemindersConfig(BaseModel):
    """Class reminders and the quiet hours every proactive message keeps."""

    model_config = ConfigDict(extra="forbid")

    enabled: bool = True
    # the evening before a session, enrolled workers are reminded at this local time
    class_time: str = Field("19:00", pattern=HHMM)
    # nothing proactive (reminders, notices) is sent from quiet_start to quiet_end (local);
    # what falls in them waits for the morning
    quiet_start: str = Field("21:30", pattern=HHMM)
    quiet_end: str = Field("08:00", pattern=HHMM)
    # days without class although they fall on a course's weekday (public holidays)
    skip_dates: list[date] = Field(default_factory=list)

    def quiet(self, moment: time) -> bool:
        """Whether a local time of day falls in the quiet hours (which may cross midnight)."""
        start, end = parse_hhmm(self.quiet_start), parse_hhmm(self.quiet_end)
        if start == end:
            return False
        if start < end:
            return start <= moment < end
        return moment >= start or moment < end


class NoticesConfig(BaseModel):
    """Sending an admin's notice to many workers (docs/notices.md)."""

    model_config = ConfigDict(extra="forbid")

    # messages per second on each platform; Telegram allows about 30 per second to different
    # chats (a 429 with retry_after is waited out on top of this)
    telegram_per_second: float = Field(25.0, gt=0, le=30)
    # WeChat customer-service messages: no published per-second limit, kept modest
    wechat_per_second: float = Field(20.0, gt=0, le=200)
    # any other channel with a push path (the web chat, the callback channel)
    other_per_second: float = Field(50.0, gt=0, le=1000)

    def per_second(self, channel: str) -> float:
        """The sending rate for one channel."""
        if channel == "telegram":
            return self.telegram_per_second
        if channel == "wechat":
            return self.wechat_per_second
        return self.other_per_second
