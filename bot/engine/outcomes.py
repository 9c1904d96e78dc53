"""What a turn is read as and what became of it: a message carrying a file as the NLU would
give it, and the outcome recorded for the turn (split from bot/engine/conversation.py)."""

from __future__ import annotations

from typing import Any

from bot.engine.hooks import (
    OUTCOME_ANSWERED,
    OUTCOME_ERROR,
    OUTCOME_FALLBACK,
    OUTCOME_HANDOFF,
    OUTCOME_HELD,
)
from bot.engine.turn import Turn
from bot.store.models import STATE_WAITING, STATE_WITH_HUMAN

ATTACHMENT_INTENT = "send_evidence"


def attachment_parse(text: str) -> dict[str, Any]:
    """A message carrying a file, as the NLU would give it: its own intent, sure."""
    return {
        "text": text,
        "intent": {"name": ATTACHMENT_INTENT, "confidence": 1.0},
        "intent_ranking": [{"name": ATTACHMENT_INTENT, "confidence": 1.0}],
        "entities": [],
    }


def outcome_of(turn: Turn) -> str:
    """What became of the message (bot/engine/hooks.py): an action failed, the worker was
    handed to staff, the bot had no answer, the message went to staff holding the
    conversation, or the bot answered."""
    if turn.failed:
        return OUTCOME_ERROR
    if turn.handoff_reason is not None:
        return OUTCOME_HANDOFF
    if turn.ruled_intent is None and turn.state in (STATE_WAITING, STATE_WITH_HUMAN):
        return OUTCOME_HELD
    if not turn.faq and (turn.fell_back or turn.faq_missed):
        return OUTCOME_FALLBACK
    return OUTCOME_ANSWERED
