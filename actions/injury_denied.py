"""An injury the employer denies, told when the mediation request starts: the recognition first.

"我在工地上从架子上摔下来 手摔断了 老板说是我自己不小心 不认工伤 工会能帮我不" starts the
request, but whether it is 工伤 is not the boss's word nor the mediator's: the district's human
resources bureau recognises it, carelessness does not stop it, and the worker may apply alone
within a year when the employer does not within 30 days (《工伤保险条例》第十四条、第十六条、
第十七条). A desk officer says so before taking the details; the two seed entries' key points
say it (an entry an admin withdrew is left out).
"""

from __future__ import annotations

import re

from bot.knowledge.answers import layout
from bot.knowledge.index import Knowledge

WHAT_COUNTS = "injury_what_counts"
APPLY = "injury_apply_deadline"
# the employer's denial: "不认工伤", "说不算工伤", "说不是工伤"
_NOT_INJURY = re.compile(r"不(?:认|承认|肯认|给认|算|是|属于)(?:是|为)?工伤")
# "老板说是我自己不小心" of an injury: the fault put on the worker
_OWN_FAULT = re.compile(r"(?:说|讲|怪)(?:是|我)?(?:我)?自己不小心")
_HURT = re.compile(r"工伤|受伤|摔|伤了|伤到|断了|骨折|切到|砸到|压到|夹到|烫伤|闪了")
LEAD = "算不算工伤，不是单位说了算："
MEDIATION_TOO = "调解可以帮你跟单位谈医药费和待遇，下面先登记。"


def injury_denied(text: str) -> bool:
    """The message tells an injury the employer says is not 工伤 (or the worker's own fault)."""
    value = text or ""
    return bool(_NOT_INJURY.search(value) or (_OWN_FAULT.search(value) and _HURT.search(value)))


def recognition_note(knowledge: Knowledge, text: str) -> str | None:
    """What counts and where to apply, said before the request's questions, when `text` tells
    an injury the employer denies; None otherwise."""
    if not injury_denied(text):
        return None
    entries = [e for e in (knowledge.get(WHAT_COUNTS), knowledge.get(APPLY)) if e is not None]
    if not entries:
        return None
    points = "".join(
        ("工伤认定" if e.slug == APPLY else "") + layout(e.answer).lead for e in entries
    )
    sources = "；".join(e.source for e in entries if e.source)
    return f"{LEAD}{points}{MEDIATION_TOO}" + (f"\n依据：{sources}" if sources else "")
