"""The misunderstood-message loop: what is collected, how it is grouped, what admins do with it.

Collected (by the engine and action_faq_feedback): worker messages that ended in a fallback,
a low-confidence intent, an FAQ miss, or a 没帮助 on an answer; phone and ID numbers masked,
since admins browse the list. Grouped by character n-gram TF-IDF cosine. From a group the
admin creates an FAQ draft, adds the questions as alternates of an entry, teaches them as
examples of an intent (bot/retrain.py), or ignores them; handled items leave the list.

This module: what is collected (used on the engine's message path, so kept light);
`groups.py`: grouping; `actions.py`: the admin's actions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from bot.privacy import mask
from bot.staff import labels
from bot.store.models import (
    MISS_FALLBACK,
    MISS_FAQ,
    MISS_IGNORED,
    MISS_LOW_CONFIDENCE,
    MISS_NOT_HELPFUL,
    MISS_OPEN,
    MISS_RESOLVED,
    MisunderstoodMessage,
    utcnow,
)

MAX_TEXT_CHARS = 1000
FALLBACK_INTENTS = frozenset({"nlu_fallback", "out_of_scope"})
REASON_LABELS = {
    MISS_FALLBACK: "没听懂",
    MISS_LOW_CONFIDENCE: "把握不大",
    MISS_FAQ: "知识库没找到",
    MISS_NOT_HELPFUL: "回答没帮助",
}
INTENT_LABELS = labels.INTENTS  # the console's Chinese names, shared


# -- collection ----------------------------------------------------------------------------
def clean_text(text: str, secrets: Iterable[str] = ()) -> str:
    """The worker's text as admins may see it: phone and ID numbers and known personal data masked."""
    return mask(text, secrets)[:MAX_TEXT_CHARS]


def miss_row(
    conversation_id: int | None,
    channel: str,
    text: str,
    reason: str,
    intent: str | None = None,
    confidence: float | None = None,
    faq_slug: str | None = None,
    secrets: Iterable[str] = (),
) -> dict[str, Any]:
    """One misunderstood_messages row (masked), ready for `record`."""
    return {
        "conversation_id": conversation_id,
        "channel": channel,
        "text": clean_text(text, secrets),
        "reason": reason,
        "intent": intent,
        "confidence": confidence,
        "faq_slug": faq_slug,
        "status": MISS_OPEN,
        "created_at": utcnow(),
    }


def record(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Store collected messages in the caller's transaction."""
    if rows:
        conn.execute(insert(MisunderstoodMessage.__table__), list(rows))


from bot.misunderstood.actions import (  # noqa: E402 - after the names they use
    DRAFT_CATEGORY,
    ActionRefused,
    AlternatesAdded,
    add_alternates,
    create_faq_draft,
    distinct_texts,
    ignore,
    teach_intent,
    teachable_intents,
)
from bot.misunderstood.groups import (  # noqa: E402
    Group,
    GroupCache,
    Item,
    group_items,
    group_key,
    open_items,
)

__all__ = [
    "MISS_FALLBACK",
    "MISS_FAQ",
    "MISS_IGNORED",
    "MISS_LOW_CONFIDENCE",
    "MISS_NOT_HELPFUL",
    "MISS_OPEN",
    "MISS_RESOLVED",
    "DRAFT_CATEGORY",
    "ActionRefused",
    "AlternatesAdded",
    "Group",
    "GroupCache",
    "Item",
    "add_alternates",
    "clean_text",
    "create_faq_draft",
    "distinct_texts",
    "group_items",
    "group_key",
    "ignore",
    "miss_row",
    "open_items",
    "record",
    "teach_intent",
    "teachable_intents",
]
