"""The years worked at this employer read from what the worker told, newest first: a length
with a verb of working or put right alone, never the years of a whole working life or of an
earlier employer ("我总共出来打工14年了", "前头在服装厂做了7年多 加起来是11年"), which
the compensation does not count (《劳动合同法》第四十七条) (split from bot/domain/severance.py)."""

from __future__ import annotations

import re

from bot.domain.severance import BARE_LENGTH, LENGTH, length_corrected, months_worked

# the years of a whole working life or of another employer, not of this one ("我总共出来打工14
# 年了", "前头在服装厂做了7年多 加起来是11年", "我之前在别的厂也做过 加起来上班8年"): the
# compensation counts only the years here (《劳动合同法》第四十七条)
_NOT_HERE = re.compile(
    r"出来(?:打工|做|上班|工作|干)|参加工作|工龄|加起来|累计"
    r"|(?:前头|以前|之前|原来|先前|早先)(?:在|也在|还在)|别[的个](?:厂|公司|单位|地方)"
    r"|另外一?[个家](?:厂|公司|单位)|上一?[个家](?:厂|公司|单位)"
)
_NOT_HERE_WINDOW = 8  # characters before a length where its cue is said


def months_here(text: str) -> int | None:
    """The months the message says were worked at this employer: the first length with a verb
    of working that is not the years in all or at another employer ("我参加工作8年了 在现在这个
    单位干了6年": 6年); else a length put right alone; None when it tells none."""
    for m in LENGTH.finditer(text or ""):
        said = text[max(0, m.start() - _NOT_HERE_WINDOW) : m.end()]
        if not _NOT_HERE.search(said):
            return months_worked(text[m.start() :])
    bare = BARE_LENGTH.search(text or "")
    if bare and _NOT_HERE.search(text[max(0, bare.start() - _NOT_HERE_WINDOW) : bare.end()]):
        return None  # ("… 加起来是11年": the years in all, put right)
    return None if LENGTH.search(text or "") else length_corrected(text)


def latest_length(texts: list[str]) -> int | None:
    """The time worked here the first of `texts` (newest first) to tell one says: with a verb
    of working ("做了3年7个月") or put right alone ("是3年5个月"), not the years in all or at
    another employer; None when none does."""
    for text in texts:
        months = months_here(text)
        if months is not None:
            return months
    return None
