"""The misunderstood-message loop: what is collected, how it is grouped, what admins do with it.

Collected (by the engine and action_faq_feedback): worker messages that ended in a fallback,
a low-confidence intent, an FAQ miss, or a 没帮助 on an answer; phone and ID numbers masked,
since admins browse the list. Grouped by character n-gram TF-IDF cosine. From a group the
admin creates an FAQ draft, adds the questions as alternates of an entry, teaches them as
examples of an intent (bot/nlu/retrain.py), or ignores them; handled items leave the list.

Collection itself lives in bot/store/misunderstood.py (the engine records there). This module:
labels; `groups.py`: grouping; `operations.py`: the admin's actions.
"""

from __future__ import annotations

from bot.core import labels
from bot.store.models import (
    MISS_FALLBACK,
    MISS_FAQ,
    MISS_FAQ_OPTIONS,
    MISS_LOW_CONFIDENCE,
    MISS_NOT_HELPFUL,
)

REASON_LABELS = {
    MISS_FALLBACK: "没听懂",
    MISS_LOW_CONFIDENCE: "把握不大",
    MISS_FAQ: "知识库没找到",
    MISS_FAQ_OPTIONS: "只给了“您是想问”选项",
    MISS_NOT_HELPFUL: "回答没帮助",
}
INTENT_LABELS = labels.INTENTS  # the console's Chinese names, shared
