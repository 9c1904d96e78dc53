"""Telling a worker something outside their own turn (a waiting-list place, a case update).

The one way to do it: `record()` adds a notice to the worker's conversation inside the
caller's transaction (so the notice and the change it reports commit together, or neither
does), and `deliver()` sends it on the worker's channel once that transaction has committed.
A failed delivery leaves the notice recorded (the web chat and staff still see it); the
outcome says which. A worker who never talked to the bot has no conversation: nothing is
recorded and the caller reports "未通知".

Inside a worker's turn (e.g. a cancellation that promotes someone else) the engine thread
collects the notices with `collecting()`; `App.handle` delivers those whose transaction
committed after the turn (`committed()`).

A notice only appends to the log and changes no conversation state, so it needs the write
transaction but not the other worker's lock (taking it inside a turn could deadlock).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.messages import Push
from bot.core.ports import Deliverer
from bot.store.db import Database
from bot.store.models import EV_SYSTEM, Conversation, Event
from bot.store.transitions import notice_event

log = logging.getLogger(__name__)

_outbox: ContextVar[list[tuple[int, Push]] | None] = ContextVar("workerbot_outbox", default=None)


@dataclass(frozen=True)
class Outcome:
    """What became of one notice: recorded in the conversation, delivered on the channel."""

    recorded: bool
    delivered: bool

    @property
    def label(self) -> str:
        """How the admin pages describe it."""
        if self.delivered:
            return "已通知"
        return "已记录，暂未送达" if self.recorded else "未通知（该职工没有会话）"


NOT_RECORDED = Outcome(recorded=False, delivered=False)


# -- recording and delivering -----------------------------------------------------------
def record(
    s: Session, channel: str, sender_id: str, text: str, buttons: list[dict] | None = None
) -> Push | None:
    """Add the notice (with any answer buttons) to the worker's conversation in this
    transaction; None without one."""
    conversation_id = s.scalar(
        select(Conversation.id).where(
            Conversation.channel == channel, Conversation.sender_id == sender_id
        )
    )
    if conversation_id is None:
        return None
    event = notice_event(s, conversation_id, text, buttons)
    s.flush()
    reply: dict = {"text": text, "buttons": buttons} if buttons else {"text": text}
    push = Push(conversation_id, channel, sender_id, reply)
    box = _outbox.get()
    if box is not None:
        box.append((event.id, push))
    return push


async def deliver(hub: Deliverer, push: Push | None) -> Outcome:
    """Send a recorded notice on the worker's channel; never raises."""
    if push is None:
        return NOT_RECORDED
    try:
        delivered = bool(await hub.deliver(push))
    except Exception as exc:  # noqa: BLE001 - the notice stays recorded; report, never raise
        log.warning(
            "notice for conversation %s not delivered (%s)",
            push.conversation_id,
            type(exc).__name__,
        )
        delivered = False
    return Outcome(recorded=True, delivered=delivered)


async def deliver_all(hub: Deliverer, pushes: Sequence[Push | None]) -> list[Outcome]:
    """deliver() each, in order."""
    return [await deliver(hub, p) for p in pushes]


@contextmanager
def collecting() -> Iterator[list[tuple[int, Push]]]:
    """Collect the notices recorded in this thread (one worker's turn) for delivery after it."""
    box: list[tuple[int, Push]] = []
    token = _outbox.set(box)
    try:
        yield box
    finally:
        _outbox.reset(token)


def committed(db: Database, collected: Sequence[tuple[int, Push]]) -> list[Push]:
    """The collected notices whose rows were committed (a rolled-back or redone turn drops
    what it recorded; a row id reused after a rollback will not match conversation and text)."""
    if not collected:
        return []
    ids = [event_id for event_id, _ in collected]
    with db.read() as s:
        rows = {
            event_id: (conversation_id, text)
            for event_id, conversation_id, text in s.execute(
                select(Event.id, Event.conversation_id, Event.text).where(
                    Event.id.in_(ids), Event.type == EV_SYSTEM
                )
            )
        }
    return [
        push
        for event_id, push in collected
        if rows.get(event_id) == (push.conversation_id, push.reply.get("text"))
    ]
