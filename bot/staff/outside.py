"""The staff desk for conversations another dialogue engine runs (a Rasa server, docs/rasa.md).

workerbot's engine keeps each conversation in our store and pauses it for staff
(bot/engine/conversation.py with bot/staff/turn_hooks.py). When Rasa runs the conversation,
our store knows nothing of it until the worker asks for a human; then these operations do
what the engine does there, in the same tables and the same event shapes, so the console's
queue, its "前面还有 N 位", its replies, hand-back and resolve work unchanged:
- `hand_over`: the worker's conversation (created if new), what was said before the handoff,
  and the move to the waiting queue with its reason;
- `take`: a worker's message while held: stored for staff, answered as the desk answers
  (StaffTurnHooks.while_held), with the staff messages and desk notices the worker has not
  seen yet;
- `unseen`: those staff messages and notices alone, when the console pushes them through
  the Rasa server (bot/channels/rasa_push.py) instead of waiting for the worker's turn.
The events written here carry `data.via == "rasa"` with Rasa's conversation id (`sender`)
and the Rasa channel the worker last wrote on (`channel`): that is how a push knows the
conversation is Rasa's and where to send it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.clock import utcnow
from bot.core.messages import Reply
from bot.staff.missed import shown_to_worker
from bot.staff.turn_hooks import StaffTurnHooks
from bot.store.db import Database
from bot.store.models import (
    EV_BOT,
    EV_RATING,
    EV_USER,
    HELD_REPLY,
    STATE_BOT,
    STATE_CLOSED,
    STATE_WAITING,
    STATE_WITH_HUMAN,
    Conversation,
    Event,
)
from bot.store.transitions import transition

# what the worker said and heard before the handoff, copied for staff (at most this many)
HISTORY_MESSAGES = 20
HELD = (STATE_WAITING, STATE_WITH_HUMAN)


@dataclass
class Taken:
    """What became of a worker's message while held: the conversation's state after it,
    whether the worker is back with the bot, what they are shown, and the id of the last
    event shown (the next turn shows only newer ones)."""

    state: str
    back: bool
    replies: list[Reply] = field(default_factory=list)
    seen: int = 0
    # the message is the bot's to answer: staff had handed the worker back, or the worker
    # came back after a resolve with something other than a score (the engine answers it)
    for_bot: bool = False


def via_rasa(sender: str | None, channel: str | None) -> dict[str, Any]:
    """The mark on events the actions serving Rasa write (see the module's docstring)."""
    data: dict[str, Any] = {"via": "rasa"}
    if sender:
        data["sender"] = sender
    if channel:
        data["channel"] = channel
    return data


def shown_since(s: Session, conversation_id: int, seen: int) -> tuple[list[Reply], int]:
    """What the worker has not been shown since event `seen`, and the last event id read."""
    events = s.scalars(
        select(Event)
        .where(Event.conversation_id == conversation_id, Event.id > seen)
        .order_by(Event.id)
    ).all()
    replies = [r for r in map(shown_to_worker, events) if r is not None]
    return replies, max([seen, *(e.id for e in events)])


class OutsideDesk:
    """Our staff desk's side of conversations held on another engine."""

    def __init__(self, db: Database, hooks: StaffTurnHooks) -> None:
        self.db, self.hooks = db, hooks

    @contextmanager
    def _worker(self, channel: str, sender_id: str) -> Iterator[Session]:
        """A write transaction under the worker's lock, as the engine takes it."""
        with (
            self.db.worker_lock(f"{channel}:{sender_id}"),
            self.db.write_lock(),
            self.db.session() as s,
        ):
            yield s

    @staticmethod
    def _find(s: Session, channel: str, sender_id: str) -> Conversation | None:
        return s.scalar(
            select(Conversation).where(
                Conversation.channel == channel, Conversation.sender_id == sender_id
            )
        )

    @staticmethod
    def _last_id(s: Session, conversation_id: int) -> int:
        last = s.scalar(
            select(Event.id)
            .where(Event.conversation_id == conversation_id)
            .order_by(Event.id.desc())
            .limit(1)
        )
        return int(last or 0)

    def hand_over(
        self,
        channel: str,
        sender_id: str,
        display_name: str | None,
        reason: str,
        said: Sequence[tuple[str, str]] = (),
        via: dict[str, Any] | None = None,
    ) -> tuple[int, int]:
        """Queue the worker for staff; `said`: (EV_USER or EV_BOT, text) before the handoff,
        copied for staff; `via`: the mark (via_rasa). Returns (conversation id, last event
        id: all of it is seen)."""
        mark = via or via_rasa(None, None)
        with self._worker(channel, sender_id) as s:
            conv = self._find(s, channel, sender_id)
            if conv is None:
                conv = Conversation(
                    channel=channel,
                    sender_id=sender_id,
                    display_name=display_name,
                    state=STATE_BOT,
                    slots={},
                )
                s.add(conv)
                s.flush()
            for type_, text in list(said)[-HISTORY_MESSAGES:]:
                s.add(Event(conversation_id=conv.id, type=type_, text=text, data=dict(mark)))
            if conv.state not in HELD:
                transition(s, conv, STATE_WAITING, reason)
                conv.handoff_reason, conv.handoff_at = reason, utcnow()
            conv.last_message_at = utcnow()
            s.flush()
            return conv.id, self._last_id(s, conv.id)

    def unseen(self, channel: str, sender_id: str, seen: int) -> Taken:
        """The staff messages and desk notices after `seen`, pushed without a worker's
        message: nothing is stored. `back` when staff handed the worker back to the bot (the
        form can end now); after a resolve the worker stays, as the score may come next."""
        with self.db.read() as s:
            conv = self._find(s, channel, sender_id)
            if conv is None:
                return Taken(STATE_BOT, True, [], seen)
            replies, last = shown_since(s, conv.id, seen)
            return Taken(conv.state, conv.state == STATE_BOT, replies, last)

    def take(
        self,
        channel: str,
        sender_id: str,
        text: str,
        seen: int,
        via: dict[str, Any] | None = None,
    ) -> Taken:
        """A worker's message during a handoff (see the module's docstring)."""
        with self._worker(channel, sender_id) as s:
            conv = self._find(s, channel, sender_id)
            if conv is None:  # deleted by an admin meanwhile: back with the bot, answered
                return Taken(STATE_BOT, True, [], seen, True)
            replies, _ = shown_since(s, conv.id, seen)
            mark = via or via_rasa(None, None)
            s.add(Event(conversation_id=conv.id, type=EV_USER, text=text, data=dict(mark)))
            conv.last_message_at = utcnow()
            back = False
            if conv.state == STATE_CLOSED:
                rated = self.hooks.take_rating(s, conv.id, text)
                if rated is not None:  # the satisfaction score asked for at the resolve
                    data, thanks = rated
                    s.add(Event(conversation_id=conv.id, type=EV_RATING, data=data))
                    replies.append(self._said(s, conv.id, {"text": thanks}))
                    return Taken(conv.state, True, replies, self._last_id(s, conv.id))
                # a resolve shown now asks for a score, which the next message may be;
                # else the worker is back with the bot, as the engine has it
                back = not replies
                if back:
                    transition(s, conv, STATE_BOT, "worker came back")
                    return Taken(conv.state, True, replies, self._last_id(s, conv.id), True)
            elif conv.state in HELD:
                leaves, reply = self.hooks.while_held(s, conv.id, conv.state, text)
                if leaves:
                    transition(s, conv, STATE_BOT, "worker left the queue")
                    back = True
                if reply is not None:
                    replies.append(self._said(s, conv.id, reply, kind=HELD_REPLY))
            else:  # handed back by staff: the notice is shown, and the bot answers
                return Taken(conv.state, True, replies, self._last_id(s, conv.id), True)
            return Taken(conv.state, back, replies, self._last_id(s, conv.id))

    @staticmethod
    def _said(s: Session, conversation_id: int, reply: Reply, kind: str | None = None) -> Reply:
        """A reply of the desk's, logged as the engine logs it (turn.say)."""
        data: dict[str, Any] = {"buttons": reply["buttons"]} if reply.get("buttons") else {}
        if kind:
            data["kind"] = kind
        s.add(
            Event(
                conversation_id=conversation_id,
                type=EV_BOT,
                text=reply.get("text", ""),
                data=data or None,
            )
        )
        s.flush()
        return reply
