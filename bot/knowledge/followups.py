"""Elliptical follow-ups to a policy answer: "那工作满十年的呢" right after the annual-leave
answer means annual leave for ten years of service, not whatever else mentions ten years.

The conversation keeps the last FAQ entry answered (slot `last_faq`); a short message that
leans on it (那…/如果…/…呢) is searched together with that entry's question, keeping to
entries of the same topic.
"""

from __future__ import annotations

import re

from bot.knowledge.index import Answer, Hit, Knowledge

# leans on what was said before: 那…, 如果/要是/假如…, 换成…, …呢/嘞/喃
_LEANS = re.compile(
    r"^(?:那|那么|那如果|那要是|那假如|如果|要是|假如|万一|换成|换做|还有|另外|然后)"
    r"|(?:呢|嘞|喃|勒|咧)[?？。!！~～]*$"
)
MAX_CHARS = 30


def leans_on_context(text: str) -> bool:
    """A short message that only makes sense after what was said before."""
    value = (text or "").strip()
    return 0 < len(value) <= MAX_CHARS and _LEANS.search(value) is not None


def in_context(knowledge: Knowledge, previous: Answer, text: str, k: int = 5) -> list[Hit]:
    """Hits for `text` read as a follow-up to `previous`: searched with its question, and only
    entries of the same topic when there are any (a follow-up rarely changes the subject)."""
    hits = knowledge.search(f"{previous.question} {text}", k)
    return [h for h in hits if h.answer.category == previous.category] or hits
