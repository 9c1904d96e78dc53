"""An entry about a year or more of work is not the answer for a worker who says they have
worked less: "我在工地上干了半年 一直没签合同" was answered with the entry on more than a year
without a contract (无固定期限), whose facts do not apply yet, ahead of the one-month rule and
the double wage that do."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.domain.severance import months_worked

# an entry's question that is about a year of work or more
_A_YEAR_OR_MORE = re.compile(r"一年多|满一年|满1年|超过一年|超过1年|一年以上|1年以上")
A_YEAR = 12
# how far such an entry falls for a worker who told less than a year: behind the entries of
# the same words (the development sets' gap between the two contract entries is under 0.1)
DEMOTED = 0.6


def fits_the_time_told(hits: list[Any], text: str) -> list[Any]:
    """`hits` (index.Hit) with the entries about a year of work or more put back when the message says
    the worker has worked less than a year; unchanged otherwise."""
    months = months_worked(text)
    if months is None or months >= A_YEAR:
        return hits
    if not any(_A_YEAR_OR_MORE.search(h.answer.question) for h in hits):
        return hits
    scored = [
        replace(h, score=h.score * DEMOTED) if _A_YEAR_OR_MORE.search(h.answer.question) else h
        for h in hits
    ]
    return sorted(scored, key=lambda h: h.score, reverse=True)
