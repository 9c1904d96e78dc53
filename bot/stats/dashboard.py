"""The admins' dashboard numbers: each statistic is a small table of plain rows.

Everything is aggregated in SQL (GROUP BY local day, channel, intent …), so a page costs a
few indexed range scans however many events there are; Python only fills in empty days.
Days are the union's local days (config `console.timezone`); timestamps are stored as
naive UTC. The SQL that differs between PostgreSQL and SQLite is in bot/store/sql_dialect.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, distinct, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from bot.core import labels
from bot.domain.cases import DISPUTE_TYPES
from bot.store.models import (
    CASE_STATUS_LABELS,
    ENROLLED,
    EV_BOT,
    EV_STATE,
    EV_USER,
    STATE_WAITING,
    WAITLISTED,
    Conversation,
    Course,
    Enrolment,
    Event,
    FaqEntry,
    FaqFeedback,
    MediationCase,
    Rating,
)
from bot.store.sql_dialect import json_text, local_day

FALLBACK_INTENTS = ("nlu_fallback", "out_of_scope")
NO_INTENT = "（无意图）"
TOP_FAQ = 20
MAX_DAYS = 366


@dataclass(frozen=True)
class Period:
    """Local days from start to end, both included, in the union's time zone."""

    start: date
    end: date
    tz: str = "Asia/Shanghai"

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(n) for n in range((self.end - self.start).days + 1)]

    def _utc(self, day: date) -> datetime:
        local = datetime.combine(day, time(0), tzinfo=ZoneInfo(self.tz))
        return local.astimezone(UTC).replace(tzinfo=None)

    @property
    def lower(self) -> datetime:
        """First stored (naive UTC) instant of the period."""
        return self._utc(self.start)

    @property
    def upper(self) -> datetime:
        """First stored instant after the period."""
        return self._utc(self.end + timedelta(1))

    @property
    def offset_minutes(self) -> int:
        """The zone's UTC offset at the start, for SQLite, which has no time-zone database."""
        offset = datetime.combine(self.start, time(12), tzinfo=ZoneInfo(self.tz)).utcoffset()
        return int(offset.total_seconds() // 60) if offset else 0


def last_days(today: date, tz: str, days: int = 30) -> Period:
    """The default range: the last `days` local days up to and including today."""
    return Period(today - timedelta(days - 1), today, tz)


@dataclass
class Table:
    """One statistic: column headings and rows of plain values (None = no value)."""

    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _pct(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def _intent() -> ColumnElement:
    return json_text(Event.data, "parse", "intent", "name")


def _in(column: ColumnElement, period: Period) -> ColumnElement:
    return and_(column >= period.lower, column < period.upper)


def _count_by(s: Session, column: ColumnElement, *where: ColumnElement) -> dict[Any, int]:
    """How many rows (matching `where`) have each value of `column`."""
    return dict(s.execute(select(column, func.count()).where(*where).group_by(column)).all())


def _per_day(
    s: Session,
    period: Period,
    column: ColumnElement,
    *values: ColumnElement,
    where: tuple[ColumnElement, ...] = (),
) -> dict[date, tuple]:
    """The `values` aggregated per local day of the timestamp `column`, over the period."""
    day = local_day(column, period)
    rows = s.execute(select(day, *values).where(*where, _in(column, period)).group_by(day))
    return {_day(d): tuple(rest) for d, *rest in rows.all()}


def messages_by_channel(s: Session, period: Period) -> Table:
    """Worker messages per local day and channel."""
    day = local_day(Event.created_at, period)
    rows = s.execute(
        select(day, Conversation.channel, func.count())
        .join(Conversation, Conversation.id == Event.conversation_id)
        .where(Event.type == EV_USER, _in(Event.created_at, period))
        .group_by(day, Conversation.channel)
    ).all()
    counts = {(_day(d), ch): n for d, ch, n in rows}
    channels = sorted({ch for _, ch in counts}, key=lambda c: (c not in labels.CHANNELS, c))
    table = Table(["日期", *(labels.channel(c) for c in channels), "合计"])
    for d in period.days:
        per = [counts.get((d, c), 0) for c in channels]
        table.rows.append([d.isoformat(), *per, sum(per)])
    return table


def intents(s: Session, period: Period) -> Table:
    """How often each intent was understood in worker messages, most frequent first."""
    counts = _count_by(s, _intent(), Event.type == EV_USER, _in(Event.created_at, period))
    total = sum(counts.values())
    table = Table(["意图", "意图名", "消息数", "占比(%)"])
    for intent, n in sorted(counts.items(), key=lambda r: (-r[1], r[0] or "")):
        shown = labels.intent(intent) if intent else NO_INTENT
        table.rows.append([shown, intent or "", n, _pct(n, total)])
    return table


def rates(s: Session, period: Period) -> Table:
    """Per day: share of worker messages not understood, share of conversations handed over."""
    missed = func.sum(case((_intent().in_(FALLBACK_INTENTS), 1), else_=0))
    conversations = func.count(distinct(Event.conversation_id))
    sent = (Event.type == EV_USER,)
    messages = _per_day(
        s, period, Event.created_at, func.count(), missed, conversations, where=sent
    )
    handover = (Event.type == EV_STATE, json_text(Event.data, "to") == STATE_WAITING)
    handed = _per_day(s, period, Event.created_at, conversations, where=handover)
    table = Table(
        [
            "日期",
            "用户消息数",
            "未理解消息数",
            "未理解率(%)",
            "会话数",
            "转人工会话数",
            "转人工率(%)",
        ]
    )
    for d in period.days:
        n, m, c = messages.get(d, (0, 0, 0))
        m = m or 0
        (h,) = handed.get(d, (0,))
        table.rows.append([d.isoformat(), n, m, _pct(m, n), c, h, _pct(h, c)])
    return table


def faq_feedback(s: Session, period: Period) -> Table:
    """有帮助 / 没帮助 per FAQ entry, most rated first."""
    helpful = func.sum(case((FaqFeedback.helpful.is_(True), 1), else_=0))
    unhelpful = func.sum(case((FaqFeedback.helpful.is_(True), 0), else_=1))
    rows = s.execute(
        select(FaqFeedback.slug, FaqEntry.question, helpful, unhelpful)
        .outerjoin(FaqEntry, FaqEntry.slug == FaqFeedback.slug)
        .where(_in(FaqFeedback.created_at, period))
        .group_by(FaqFeedback.slug, FaqEntry.question)
    ).all()
    table = Table(["条目", "问题", "有帮助", "没帮助", "有帮助占比(%)"])
    for slug, question, yes, no in sorted(rows, key=lambda r: (-(r[2] + r[3]), r[0])):
        table.rows.append([slug, question or slug, yes, no, _pct(yes, yes + no)])
    return table


def top_faq(s: Session, period: Period, limit: int = TOP_FAQ) -> Table:
    """The FAQ entries the bot answered with most often."""
    slug = json_text(Event.data, "faq")
    count = func.count()
    rows = s.execute(
        select(slug, count)
        .where(Event.type == EV_BOT, slug.is_not(None), _in(Event.created_at, period))
        .group_by(slug)
        .order_by(count.desc(), slug)
        .limit(limit)
    ).all()
    slugs = [r[0] for r in rows]
    questions = dict(
        s.execute(select(FaqEntry.slug, FaqEntry.question).where(FaqEntry.slug.in_(slugs))).all()
    )
    table = Table(["排名", "条目", "问题", "回答次数"])
    for rank, (slug_, n) in enumerate(rows, 1):
        table.rows.append([rank, slug_, questions.get(slug_, slug_), n])
    return table


def cases_by_status(s: Session, period: Period) -> Table:
    """Cases filed in the period, by their status now."""
    counts = _count_by(s, MediationCase.status, _in(MediationCase.created_at, period))
    known = [k for k in CASE_STATUS_LABELS]
    extra = sorted(k for k in counts if k not in CASE_STATUS_LABELS)
    table = Table(["状态", "案件数"])
    table.rows = [[CASE_STATUS_LABELS.get(k, k), counts.get(k, 0)] for k in known + extra]
    return table


def cases_by_type(s: Session, period: Period) -> Table:
    """Cases filed in the period, by dispute type."""
    counts = _count_by(s, MediationCase.dispute_type, _in(MediationCase.created_at, period))
    extra = sorted(k for k in counts if k not in DISPUTE_TYPES)
    table = Table(["纠纷类型", "案件数"])
    table.rows = [[k, counts.get(k, 0)] for k in [*DISPUTE_TYPES, *extra]]
    return table


def course_fill(s: Session, today: date) -> Table:
    """Each course open for enrolment today: places taken, capacity, waiting list."""
    enrolled = func.sum(case((Enrolment.status == ENROLLED, 1), else_=0))
    waiting = func.sum(case((Enrolment.status == WAITLISTED, 1), else_=0))
    rows = s.execute(
        select(Course.code, Course.name, Course.capacity, enrolled, waiting)
        .outerjoin(Enrolment, Enrolment.course_id == Course.id)
        .where(Course.status == "open", (Course.end_date.is_(None)) | (Course.end_date >= today))
        .group_by(Course.id, Course.code, Course.name, Course.capacity, Course.start_date)
        .order_by(Course.start_date, Course.code)
    ).all()
    table = Table(["课程编号", "课程", "名额", "已报名", "候补", "报名率(%)"])
    for code, name, capacity, e, w in rows:
        table.rows.append([code, name, capacity, e or 0, w or 0, _pct(e or 0, capacity)])
    return table


def rating_scores(s: Session, period: Period) -> Table:
    """How many times each satisfaction score (1-5) was given."""
    counts = _count_by(s, Rating.score, Rating.score.is_not(None), _in(Rating.rated_at, period))
    table = Table(["评分", "次数"])
    table.rows = [[score, counts.get(score, 0)] for score in range(1, 6)]
    return table


def rating_daily(s: Session, period: Period) -> Table:
    """Scores given per day and their average (empty on a day without scores)."""
    scored = (Rating.score.is_not(None),)
    per_day = _per_day(
        s, period, Rating.rated_at, func.count(), func.sum(Rating.score), where=scored
    )
    table = Table(["日期", "评分次数", "平均分"])
    for d in period.days:
        n, total = per_day.get(d, (0, 0))
        table.rows.append([d.isoformat(), n, round(total / n, 2) if n else None])
    return table


@dataclass(frozen=True)
class Statistic:
    key: str
    title: str
    compute: Callable[[Session, Period, date], Table]


def _period_only(
    fn: Callable[[Session, Period], Table],
) -> Callable[[Session, Period, date], Table]:
    return lambda s, period, today: fn(s, period)


# in page order; keys appear in the CSV download URLs
STATISTICS = (
    Statistic("messages", "每日消息数（按渠道）", _period_only(messages_by_channel)),
    Statistic("intents", "意图分布", _period_only(intents)),
    Statistic("rates", "未理解率与转人工率", _period_only(rates)),
    Statistic("faq_feedback", "政策解答评价（有帮助 / 没帮助）", _period_only(faq_feedback)),
    Statistic("top_faq", "最常回答的政策问题", _period_only(top_faq)),
    Statistic("case_status", "调解案件（按状态）", _period_only(cases_by_status)),
    Statistic("case_type", "调解案件（按纠纷类型）", _period_only(cases_by_type)),
    Statistic(
        "courses", "课程报名率（开放中的课程）", lambda s, period, today: course_fill(s, today)
    ),
    Statistic("rating_scores", "满意度评分分布", _period_only(rating_scores)),
    Statistic("rating_daily", "每日满意度平均分", _period_only(rating_daily)),
)
BY_KEY = {stat.key: stat for stat in STATISTICS}


def compute(s: Session, keys: list[str], period: Period, today: date) -> dict[str, Table]:
    """The named statistics for one period, read in one session."""
    return {key: BY_KEY[key].compute(s, period, today) for key in keys}
