"""What the console shows, read from the database: the queue and one conversation in full."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.core import labels
from bot.store.db import Database
from bot.store.models import (
    CASE_STATUS_LABELS,
    ENROLMENT_LABELS,
    EV_BOT,
    EV_CONSOLE,
    EV_NOTE,
    EV_RATING,
    EV_STAFF,
    EV_STATE,
    EV_SYSTEM,
    EV_USER,
    STATE_WAITING,
    STATE_WITH_HUMAN,
    CannedReply,
    Conversation,
    Enrolment,
    Event,
    MediationCase,
    Rating,
)

SHOWN = (EV_USER, EV_BOT, EV_STAFF, EV_SYSTEM, EV_NOTE, EV_STATE, EV_CONSOLE, EV_RATING)
TRANSCRIPT_LIMIT = 500
PREVIEW_CHARS = 60


def iso(value: datetime | None) -> str | None:
    """Naive-UTC database time as ISO 8601 with Z, for the browser to show in local time."""
    return value.isoformat(timespec="seconds") + "Z" if value else None


def worker_name(conv: Conversation) -> str:
    """A name staff can say: the channel's display name, else channel + id tail."""
    return conv.display_name or f"{labels.channel(conv.channel)}用户 {conv.sender_id[-4:]}"


def said(text: str | None) -> str:
    """What the worker said; a pressed button's payload shown as the button's meaning."""
    text = text or ""
    if text.startswith("/") and len(text) > 1:
        name = text[1:].split("{", 1)[0].strip()
        if name in labels.INTENTS:
            return f"〔按钮〕{labels.intent(name)}"
    return text


def _last_user_texts(s: Session, ids: list[int]) -> dict[int, tuple[int, str | None]]:
    if not ids:
        return {}
    latest = (
        select(func.max(Event.id))
        .where(Event.conversation_id.in_(ids), Event.type == EV_USER)
        .group_by(Event.conversation_id)
    )
    rows = s.execute(
        select(Event.conversation_id, Event.id, Event.text).where(Event.id.in_(latest))
    )
    return {cid: (eid, text) for cid, eid, text in rows}


def _item(conv: Conversation, last: tuple[int, str | None] | None) -> dict[str, Any]:
    text = said(last[1] if last else None)
    return {
        "id": conv.id,
        "channel": conv.channel,
        "channel_label": labels.channel(conv.channel),
        "name": worker_name(conv),
        "last": text[:PREVIEW_CHARS] + ("…" if len(text) > PREVIEW_CHARS else ""),
        "last_id": last[0] if last else None,
        "reason": conv.handoff_reason,
        "reason_label": labels.reason(conv.handoff_reason),
        "since": iso(conv.handoff_at),
        "claimed_at": iso(conv.claimed_at),
        "assigned_to": conv.assigned_to,
    }


def queue_snapshot(db: Database, username: str) -> dict[str, Any]:
    """Waiting conversations oldest first, the ones this staff member holds, and a count of
    those colleagues hold; the same dict twice means nothing changed."""
    with db.read() as s:
        convs = list(
            s.scalars(
                select(Conversation)
                .where(Conversation.state.in_((STATE_WAITING, STATE_WITH_HUMAN)))
                .order_by(Conversation.handoff_at, Conversation.id)
            )
        )
        last = _last_user_texts(s, [c.id for c in convs])
    waiting = [_item(c, last.get(c.id)) for c in convs if c.state == STATE_WAITING]
    mine = [
        _item(c, last.get(c.id))
        for c in convs
        if c.state == STATE_WITH_HUMAN and c.assigned_to == username
    ]
    others = sum(1 for c in convs if c.state == STATE_WITH_HUMAN and c.assigned_to != username)
    return {"waiting": waiting, "mine": mine, "others": others}


def transcript_item(e: Event) -> dict[str, Any]:
    """One event as the console's transcript shows it."""
    data = e.data or {}
    item: dict[str, Any] = {"id": e.id, "type": e.type, "text": e.text, "at": iso(e.created_at)}
    if e.type == EV_USER:
        item["text"] = said(e.text)
        intent = (data.get("parse") or {}).get("intent") or {}
        item["intent"] = intent.get("name")
        item["intent_label"] = labels.intent(intent.get("name"))
        item["confidence"] = intent.get("confidence")
    elif e.type in (EV_STAFF, EV_NOTE):
        item["author"] = data.get("name") or data.get("author") or "工作人员"
    elif e.type == EV_BOT and data.get("buttons"):
        item["buttons"] = [b.get("title") for b in data["buttons"]]
    elif e.type == EV_SYSTEM and data.get("buttons"):
        item["buttons"] = [b.get("title") for b in data["buttons"]]
    elif e.type == EV_STATE:
        item["text"] = _state_line(data)
    elif e.type == EV_CONSOLE and data.get("action") == "transfer":
        item["text"] = f"{data.get('from')} 转给了 {data.get('to')}"
    elif e.type == EV_RATING:
        item["text"] = f"满意度评分：{data.get('score')} 分"
    return item


def _state_line(data: dict[str, Any]) -> str:
    to, why = data.get("to"), str(data.get("reason") or "")
    if to == STATE_WAITING:
        return f"转人工（{labels.reason(why)}）"
    if why.startswith("claimed by "):
        return f"{why.removeprefix('claimed by ')} 接入了会话"
    if why.startswith("resolved by "):
        return f"{why.removeprefix('resolved by ')} 结束了会话"
    if why.startswith("released by "):
        return f"{why.removeprefix('released by ')} 交还给机器人"
    if why == "silence":
        return "长时间无消息，自动结束"
    if why == "worker left the queue":
        return "职工选择回到小助手"
    return f"状态：{labels.state(str(data.get('from')))} → {labels.state(str(to))}"


def _visible(e: Event) -> bool:
    if e.type == EV_SYSTEM:
        return bool(e.text)
    return e.type in SHOWN


def events_after(db: Database, conversation_id: int, after: int) -> dict[str, Any] | None:
    """New transcript items after an event id, with the conversation's state; None if unknown."""
    with db.read() as s:
        conv = s.get(Conversation, conversation_id)
        if conv is None:
            return None
        rows = s.scalars(
            select(Event)
            .where(Event.conversation_id == conversation_id, Event.id > after)
            .order_by(Event.id)
            .limit(TRANSCRIPT_LIMIT)
        ).all()
        last_id = rows[-1].id if rows else after
        return {
            "events": [transcript_item(e) for e in rows if _visible(e)],
            "last_id": last_id,
            "state": conv.state,
            "state_label": labels.state(conv.state),
            "assigned_to": conv.assigned_to,
        }


def conversation_detail(db: Database, conversation_id: int) -> dict[str, Any] | None:
    """Everything staff need to take over: transcript, collected slots, cases, enrolments."""
    with db.read() as s:
        conv = s.get(Conversation, conversation_id)
        if conv is None:
            return None
        rows = list(
            s.scalars(
                select(Event)
                .where(Event.conversation_id == conversation_id)
                .order_by(Event.id.desc())
                .limit(TRANSCRIPT_LIMIT)
            )
        )[::-1]
        worker = (MediationCase.channel == conv.channel) & (
            MediationCase.sender_id == conv.sender_id
        )
        cases = s.scalars(select(MediationCase).where(worker).order_by(MediationCase.id.desc()))
        enrolled = (Enrolment.channel == conv.channel) & (Enrolment.sender_id == conv.sender_id)
        enrolments = s.execute(
            select(Enrolment).where(enrolled).order_by(Enrolment.id.desc()).limit(20)
        ).scalars()
        rating = s.scalar(
            select(Rating)
            .where(Rating.conversation_id == conv.id)
            .order_by(Rating.id.desc())
            .limit(1)
        )
        slots = [
            {"name": k, "label": labels.SLOTS.get(k, k), "value": str(v)}
            for k, v in (conv.slots or {}).items()
            if v not in (None, "", []) and k not in labels.HIDDEN_SLOTS
        ]
        return {
            "id": conv.id,
            "channel": conv.channel,
            "channel_label": labels.channel(conv.channel),
            "name": worker_name(conv),
            "state": conv.state,
            "state_label": labels.state(conv.state),
            "assigned_to": conv.assigned_to,
            "reason_label": labels.reason(conv.handoff_reason),
            "since": iso(conv.handoff_at),
            "events": [transcript_item(e) for e in rows if _visible(e)],
            "last_id": rows[-1].id if rows else 0,
            "slots": slots,
            "cases": [
                {
                    "case_no": c.case_no,
                    "dispute_type": c.dispute_type,
                    "status": CASE_STATUS_LABELS.get(c.status, c.status),
                    "employer": c.employer,
                    "created_at": iso(c.created_at),
                }
                for c in cases
            ],
            "enrolments": [
                {
                    "course": e.course.name,
                    "code": e.course.code,
                    "status": ENROLMENT_LABELS.get(e.status, e.status),
                }
                for e in enrolments
            ],
            "rating": None
            if rating is None
            else {"score": rating.score, "staff": rating.staff, "asked_at": iso(rating.asked_at)},
        }


def canned_replies(db: Database) -> list[dict[str, str]]:
    """The ready-made replies, by shortcut."""
    with db.read() as s:
        rows = s.scalars(select(CannedReply).order_by(CannedReply.shortcut))
        return [{"shortcut": r.shortcut, "title": r.title, "text": r.text} for r in rows]
