"""The staff side of bench/rasa_conversations.py: what staff see and do in the console, on the
database each server uses, with the console's own operations (bot/staff/desk.py).

A conversation's step `staff: queue` reads the console's queue as staff see it, `staff: reply
TEXT` claims the worker's conversation and answers, `staff: hand back` returns the worker to
the bot. Each gives, as that step's "replies", what staff see or what the desk sends the worker
(a REST worker is not pushed to: the next turns show whether they hear it). For a worker on
the `callback` channel the desk's messages are delivered as the console delivers them — on
Rasa through its trigger_intent API (bot/channels/rasa_push.py), on workerbot by its callback
channel — and the step's replies are what reached the worker's end (bench/callback_receiver.py).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from callback_receiver import Receiver
from sqlalchemy import select

from bot.channels.base import ChannelHub
from bot.staff import accounts
from bot.staff.desk import ConsoleDesk
from bot.store.db import Database
from bot.store.models import Conversation

STAFF_USER, STAFF_NAME = "bench-staff", "小王"
PASSWORD = "Xk7-queue-desk-2026"


class StaffDesk:
    """One server's database, seen from the console by one staff member."""

    def __init__(
        self, db_path: Path, hub: ChannelHub | None = None, receiver: Receiver | None = None
    ) -> None:
        self.hub, self.receiver = hub, receiver
        self.db = Database(f"sqlite:///{db_path}")
        self.desk = ConsoleDesk(self.db)
        self.staff = accounts.authenticate(self.db, STAFF_USER, PASSWORD) or accounts.create_user(
            self.db, STAFF_USER, PASSWORD, "staff", STAFF_NAME
        )

    def close(self) -> None:
        self.db.dispose()

    def _conversation(self, sender: str, channel: str) -> int | None:
        with self.db.read() as s:
            return s.scalar(
                select(Conversation.id).where(
                    Conversation.channel == channel, Conversation.sender_id == sender
                )
            )

    def step(self, command: str, sender: str, channel: str = "rest") -> list[dict]:
        """Do one staff step for the worker `sender`; what staff see or what the desk sent
        (on the callback channel: what reached the worker)."""
        verb, _, text = command.strip().partition(" ")
        conversation = self._conversation(sender, channel)
        if verb == "queue":
            queue = self.desk.queue()
            for place, item in enumerate(queue, 1):
                if item.sender_id == sender:
                    return [
                        {
                            "text": f"console queue: {place} of {len(queue)}, {item.state}, "
                            f"reason {item.reason}, last message「{item.last_message}」"
                        }
                    ]
            return [{"text": f"console queue: the worker is not in it ({len(queue)} waiting)"}]
        if conversation is None:
            return [{"text": "console: no conversation of this worker in the database"}]
        try:
            if verb == "reply":
                pushes = []
                if self.desk.queue() and any(
                    q.conversation_id == conversation and q.state == "waiting_for_human"
                    for q in self.desk.queue()
                ):
                    pushes.append(self.desk.claim(conversation, self.staff))
                pushes.append(self.desk.reply(conversation, self.staff, text))
            elif verb == "hand":  # hand back
                pushes = [self.desk.hand_back(conversation, self.staff)]
            else:
                raise ValueError(f"unknown staff step {command!r}")
        except Exception as exc:  # noqa: BLE001 - a refused operation is part of the outcome
            return [{"text": f"console refused: {exc}"}]
        if channel == "rest" or self.hub is None or self.receiver is None:
            return [{"text": f"desk sends: {p.reply.get('text', '')}"} for p in pushes]
        delivered = [asyncio.run(self.hub.deliver(p)) for p in pushes]
        got = self.receiver.take(sender)
        failed = [{"text": "push not delivered"}] if not all(delivered) else []
        return [{**m, "text": f"pushed: {m.get('text', '')}"} for m in got] + failed
