"""Dismissal grounds said to be a pretext, and the damages and compensation asked together.

"要是其实根本没撤岗位 就是找个借口开我呢" after the sums of a dismissal for a post done away with
(《劳动合同法》第四十条): an unlawful dismissal, its 2N worked out from the length and pay told
before. "那赔偿金跟经济补偿能一起拿不": no, one or the other (《劳动合同法实施条例》第二十五条),
with the sums when the figures were told (bot/domain/damages_only.py words both).
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.leaving_told import DISMISSED
from actions.message import recent_user_texts
from actions.worked_out_protected import protected_forced_reply
from bot.domain.damages_only import both_asked_text, pretext_text
from bot.domain.severance import monthly_pay
from bot.domain.years_here import latest_length

LOOKBACK = 8
# the grounds said to be made up ("根本没撤岗位", "找个借口开我", "其实厂子没搬")
_PRETEXT = re.compile(
    r"借口|编(?:个|的|了个)?理由|(?:根本|其实|实际上?)(?:就)?(?:没有?|不是|莫得|没得)"
    r"[^，,。？?]{0,6}?(?:撤|取消|搬|变化|不胜任|裁员|亏|困难)"
)
# no ground given at all ("他也没说啥子原因 就说我不适合"; not in probation, where not meeting
# the conditions of hiring is a ground the employer may prove)
_NO_REASON = re.compile(
    r"(?:没|没有|莫得|没得|也没|不)(?:说|讲|给|讲个|说个)?(?:啥子|什么|任何|个)?(?:原因|理由)"
    r"|(?:就|只)?说(?:我)?不(?:适合|合适)"
)
_PROBATION = re.compile(r"试用")
# the damages (2N) and the compensation (N) both named, asked whether both are had
_DAMAGES = r"(?:赔偿金|赔偿|2[nN])"
_COMPENSATION = r"(?:经济补偿金?|补偿金|补偿|[nN](?![+\d]))"
_TOGETHER = r"(?:一起|同时|都|一块|一路|叠加|加起来|两个都|两样都|两笔都)"
_BOTH_ASKED = re.compile(
    rf"(?:{_DAMAGES}[^，,。？?]{{0,3}}?(?:跟|和|与|同|加|还有|连)[^，,。？?]{{0,3}}?{_COMPENSATION}"
    rf"|{_COMPENSATION}[^，,。？?]{{0,3}}?(?:跟|和|与|同|加|还有|连)[^，,。？?]{{0,3}}?{_DAMAGES})"
    rf"[^，,。？?]{{0,6}}?{_TOGETHER}[^，,。？?]{{0,3}}?(?:拿|要|得|给|赔)"
)

# (other sums had beside the compensation: a work injury's benefits, the double wage of no
# contract, wages owed)
_OTHER_SUMS = re.compile(r"工伤|伤残|医疗|双倍工资|二倍工资|2倍工资|加班|欠薪|工资")


def _figures(tracker: Tracker, text: str) -> tuple[int | None, float | None]:
    told = [text, *recent_user_texts(tracker, LOOKBACK)]
    return latest_length(told), next(filter(None, map(monthly_pay, told)), None)


def pretext_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """The 2N of a dismissal whose grounds are said to be a pretext, when the dismissal and
    the figures were told; None otherwise."""
    # (no ground given, said after the figures: "他也没说啥子原因 就说我不适合"; with the figures
    # in the same message the answer on the dismissal's sums says both N and 2N)
    no_reason = (
        bool(_NO_REASON.search(text))
        and not _PROBATION.search(text)
        and latest_length([text]) is None
        and monthly_pay(text) is None
    )
    if not _PRETEXT.search(text) and not no_reason:
        return None
    told = [text, *recent_user_texts(tracker, LOOKBACK)]
    if not any(DISMISSED.search(t) for t in told):
        return None
    months, pay = _figures(tracker, text)
    if months is None or pay is None:
        return None
    return pretext_text(months, pay, no_reason=no_reason and not _PRETEXT.search(text))


def both_asked_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """Whether the damages and the compensation are both had: no (the sums when told)."""
    if not _BOTH_ASKED.search(text) or _OTHER_SUMS.search(text):
        return None
    return both_asked_text(*_figures(tracker, text))


def unlawful_reply(services: Any, tracker: Tracker, text: str) -> str | None:
    """An unlawful dismissal's damages: the grounds a pretext, a protected worker let go anyway
    (actions/worked_out_protected.py), or whether the damages and the compensation are both had."""
    return (
        pretext_reply(services, tracker, text)
        or protected_forced_reply(services, tracker, text)
        or both_asked_reply(services, tracker, text)
    )
