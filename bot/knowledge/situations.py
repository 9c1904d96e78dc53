"""An entry about a narrower situation is not the answer for a worker who does not say they
are in it: "社保没买合法吗" was answered with the entry on insurance during probation
(试用期公司要给我买社保吗) ahead of the general duty to pay it, because its phrasings share the
words; the worker never said they were on probation."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

# a category whose entries all assume a situation, and the words that say the worker is in it
SITUATIONS = {
    "试用期": re.compile(r"试用|转正|刚入职|新入职|刚进|新进|刚来|才来|才进|入职|实习"),
}
# how far such an entry falls when the situation is not named: behind a general entry of
# nearly the same words, not behind everything
DEMOTED = 0.7


def fits_the_situation(hits: list[Any], text: str) -> list[Any]:
    """`hits` (index.Hit) with the entries of a situation the message does not name put back;
    unchanged when none is among them."""
    unnamed = {category for category, said in SITUATIONS.items() if said.search(text or "") is None}
    if not any(h.answer.category in unnamed for h in hits):
        return hits
    scored = [
        replace(h, score=h.score * DEMOTED) if h.answer.category in unnamed else h for h in hits
    ]
    return sorted(scored, key=lambda h: h.score, reverse=True)


def in_a_situation(entry: Any) -> bool:
    """The entry (index.Answer) is of a category that assumes a situation."""
    return entry.category in SITUATIONS
