"""What the bot would answer a worker's first message, without answering anyone.

The admin's 试一试 must tell the truth, so it runs the engine's own path — understanding,
several requests in one message, rules, fallback, forms, actions, FAQ retrieval — on a
conversation that exists only in memory, in a database transaction that is always rolled
back: nothing is stored, nobody is queued, no message is reviewed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.core.messages import Incoming, Reply
from bot.engine.conversation import Engine
from bot.engine.turn import Turn
from bot.store.conversations import ConversationRow
from bot.store.models import STATE_BOT

PREVIEW_CHANNEL = "preview"


@dataclass
class Step:
    """One request of the message and how the bot took it."""

    text: str
    intent: str | None
    confidence: float
    ruled_intent: str | None  # the intent whose rule ran (after the bot's own overrides)
    fell_back: bool
    faq: str | None  # the FAQ entry answered
    faq_missed: bool
    faq_near: str | None
    state: str  # "bot", or "waiting" when the message hands the worker to staff
    form: str | None  # the form the message opened or left open
    replies: list[Reply] = field(default_factory=list)


@dataclass
class Preview:
    text: str
    steps: list[Step]

    @property
    def replies(self) -> list[Reply]:
        return [r for step in self.steps for r in step.replies]


def preview(engine: Engine, text: str) -> Preview:
    """The replies a new worker would get for `text`, and why (see the module's docstring)."""
    text = text.strip()
    # a worker's first message: no conversation state yet
    parts = engine.requests_in(Incoming(PREVIEW_CHANNEL, "admin-try", text), lambda: None)
    conv = ConversationRow(
        0, PREVIEW_CHANNEL, "admin-try", None, STATE_BOT, None, engine.domain.initial_slots(), None
    )
    history: list[dict[str, Any]] = []
    steps: list[Step] = []
    with engine.db.dry_run() as s:
        for part in parts:
            too_long = len(part.text) > engine.config.conversation.max_message_chars
            parse = engine._parse(part.text, too_long)
            turn = engine._turn(s, conv, part, part.text, too_long, parse, list(history))
            steps.append(_step(turn, part.text))
            history += turn.rasa_events
            conv = ConversationRow(
                0,
                PREVIEW_CHANNEL,
                "admin-try",
                None,
                turn.state,
                turn.active_loop,
                dict(turn.slots),
                turn.handoff_reason,
            )
    return Preview(text, steps)


def _step(turn: Turn, text: str) -> Step:
    intent = turn.parse.get("intent") or {}
    return Step(
        text=text,
        intent=intent.get("name"),
        confidence=float(intent.get("confidence") or 0.0),
        ruled_intent=turn.ruled_intent,
        fell_back=turn.fell_back,
        faq=turn.faq,
        faq_missed=turn.faq_missed,
        faq_near=turn.faq_near,
        state=turn.state,
        form=turn.active_loop,
        replies=list(turn.replies),
    )
