"""详细说明: the rest of a long policy answer, kept back so that a phone shows the key point
first (bot/knowledge/answers.py layout).

The button's payload names the entry, like 查看法条原文's (actions/law_text.py); the intent
`answer_more` is routed to action_answer_policy, so the conversation's topic (last_faq) and
its follow-ups ("那周末呢") stay with the entry after the rest is read.
"""

from __future__ import annotations

import json
import re

from actions.buttons import MAX_PAYLOAD_BYTES

MORE_INTENT = "answer_more"
MORE_TITLE = "详细说明"
# the button's words typed, or asked for in other words, right after a cut answer
_ASKS_MORE = re.compile(
    r"^(请|麻烦)?你?再?(说|讲)?得?(详细|具体|展开)(说明|一点|点|些|说说|讲讲|说一下|讲一下)?"
    r"(呢|嘛|吧|哈|哦)?[。！!?？~～]*$"
    r"|^(还有呢|更多|看全文|全文)[。！!?？~～]*$"
)


def more_button(slug: str) -> dict[str, str]:
    """详细说明 under an answer whose detail was cut; without the entry when it would not fit
    Telegram's 64 bytes (then the entry answered last, slot last_faq, is meant)."""
    text = f"/{MORE_INTENT}" + json.dumps(
        {"faq_id": slug}, ensure_ascii=False, separators=(",", ":")
    )
    if len(text.encode()) > MAX_PAYLOAD_BYTES:
        text = f"/{MORE_INTENT}"
    return {"title": MORE_TITLE, "payload": text}


def asks_more(text: str) -> bool:
    """说详细点 / 具体说说 / 还有呢: the rest of the answer just given is asked for."""
    return bool(_ASKS_MORE.match(re.sub(r"\s", "", text)))
