"""Messages the bot did not answer well, collected for the admins' review on a Rasa server.

workerbot's engine decides this for each message it handles (bot/engine/review.py). On a Rasa
server no engine of ours sees the turn, so there the actions that end in a miss record it
themselves: a fallback or an out-of-scope message (action_fallback, action_out_of_scope) and a
policy question without a sure FAQ answer (action_answer_policy). Under our engine they
record nothing here (the engine does), so nothing is collected twice.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from sqlalchemy import select

from actions.identity import worker_from
from bot.store import misunderstood
from bot.store.models import Conversation

# as in the engine: the answers to these questions are personal data, never reviewed
PERSONAL_SLOTS = ("name", "phone", "employer", "description", "demand")


def best_guess(parse: dict[str, Any]) -> tuple[str | None, float]:
    """The intent and confidence to show the admin: the classifier's best real intent
    when the message fell back."""
    intent = (parse.get("intent") or {}).get("name")
    confidence = float((parse.get("intent") or {}).get("confidence") or 0.0)
    if intent == "nlu_fallback":
        for item in parse.get("intent_ranking") or []:
            if item.get("name") != "nlu_fallback":
                return item.get("name"), float(item.get("confidence") or 0.0)
    return intent, confidence


def note_miss(services: Any, tracker: Tracker, reason: str, faq_near: str | None = None) -> bool:
    """On Rasa, store the worker's message for review with `reason` (bot/store/models.py
    MISS_*); False when nothing was stored (our engine, a button, a personal answer)."""
    if not getattr(services, "on_rasa", False):
        return False
    parse = tracker.latest_message or {}
    text = (parse.get("text") or "").strip()
    if not text or text.startswith("/"):
        return False
    if tracker.active_loop_name and tracker.get_slot("requested_slot") in PERSONAL_SLOTS:
        return False
    worker = worker_from(tracker)
    intent, confidence = best_guess(parse)
    secrets = [str(tracker.get_slot(k) or "") for k in PERSONAL_SLOTS]
    with services.db.write_lock(), services.db.session() as s:
        conversation_id = s.scalar(
            select(Conversation.id).where(
                Conversation.channel == worker.channel,
                Conversation.sender_id == worker.sender_id,
            )
        )
        row = misunderstood.miss_row(
            conversation_id, worker.channel, text, reason, intent, confidence, faq_near, secrets
        )
        misunderstood.record(s.connection(), [row])
    return True
