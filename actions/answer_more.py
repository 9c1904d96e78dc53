"""详细说明: the rest of a long policy answer, kept back so that a phone shows the key point
first (bot/knowledge/answers.py layout).

The button's payload names the entry, like 查看法条原文's (actions/law_text.py); the intent
`answer_more` is routed to action_answer_policy, so the conversation's topic (last_faq) and
its follow-ups ("那周末呢") stay with the entry after the rest is read.
"""

from __future__ import annotations

import json

from actions.buttons import MAX_PAYLOAD_BYTES

MORE_INTENT = "answer_more"
MORE_TITLE = "详细说明"


def more_button(slug: str) -> dict[str, str]:
    """详细说明 under an answer whose detail was cut; without the entry when it would not fit
    Telegram's 64 bytes (then the entry answered last, slot last_faq, is meant)."""
    text = f"/{MORE_INTENT}" + json.dumps(
        {"faq_id": slug}, ensure_ascii=False, separators=(",", ":")
    )
    if len(text.encode()) > MAX_PAYLOAD_BYTES:
        text = f"/{MORE_INTENT}"
    return {"title": MORE_TITLE, "payload": text}
