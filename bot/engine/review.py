"""Which worker messages go to the admins' review list (未理解的消息), decided per turn."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.engine.turn import Turn
from bot.store import misunderstood
from bot.store.models import MISS_FALLBACK, MISS_FAQ, MISS_FAQ_OPTIONS, MISS_LOW_CONFIDENCE


def review_item(
    turn: Turn, text: str, threshold: float, personal_slots: Sequence[str]
) -> dict[str, Any] | None:
    """The message as an item for the admins' review, if the bot did not answer it well.

    A fallback, an FAQ miss, or an intent below the review threshold; never a button
    payload, a message answered from the FAQ, or a form's answer for personal data.
    """
    if turn.ruled_intent is None or turn.faq or text.startswith("/"):
        return None
    parse = turn.parse
    confidence = float((parse.get("intent") or {}).get("confidence") or 0.0)
    if turn.fell_back:
        reason = MISS_FALLBACK
    elif turn.faq_missed:
        reason = MISS_FAQ_OPTIONS if turn.faq_near else MISS_FAQ
    elif confidence < threshold:
        reason = MISS_LOW_CONFIDENCE
    else:
        return None
    if turn.active_loop and turn.slots.get("requested_slot") in personal_slots:
        return None
    intent, score = turn.ruled_intent, confidence
    if intent == "nlu_fallback":  # keep the classifier's best guess for the admin
        for item in parse.get("intent_ranking") or []:
            if item.get("name") != "nlu_fallback":
                intent, score = item.get("name"), float(item.get("confidence") or 0.0)
                break
    conv = turn.conversation
    secrets = [str(turn.slots.get(k) or "") for k in personal_slots]
    return misunderstood.miss_row(
        conv.id, conv.channel, text, reason, intent, score, turn.faq_near, secrets
    )
