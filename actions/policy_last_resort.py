"""The last readings of a policy question, when nothing pointed at an entry: among weak
guesses the one of the conversation's topic, hurt at work told with the FAQ unsure, a refusal
asked of the dispute told before (split from actions/policy_followups.py)."""

from __future__ import annotations

import re
from typing import Any

from actions.message import as_chinese
from actions.policy_topic import TAKEN_SCORE
from actions.validators import dispute_types_in
from bot.knowledge.answers import MAX_RELATED, decide
from bot.knowledge.index import Answer, Hit, Knowledge
from bot.knowledge.pointed_both import hurt_at_work_told

# what the other side may still refuse ("他还是不给呢")
_STILL_REFUSED = re.compile(r"还是?不(?:给|发|还|赔|补|认)|不给呢|不发呢|赖着|还不给")


def last_resort(
    knowledge: Knowledge,
    cfg: Any,
    text: str,
    previous: Answer | None,
    general: tuple[str, list[Hit]],
    own_hits: list[Hit],
    recent: tuple[str, ...],
    k: int,
) -> tuple[str, list[Hit]]:
    """The verdict when no rule pointed at an entry: `general` unless one of these reads."""
    if (
        general[0] == "suggest"
        and previous is not None
        and own_hits
        and own_hits[0].answer.category == previous.category
        and own_hits[0].answer.slug != previous.slug
        and all(h.answer.category != previous.category for h in own_hits[1:3])
    ):
        # "我已经离职4个月了 他们一分钱都没给过 我现在可以去同行上班不" after the non-compete
        # compensation: among weak guesses, the one of the conversation's topic
        return "likely", own_hits[: 1 + MAX_RELATED]
    hurt = (
        hurt_at_work_told(knowledge, as_chinese(text))
        if previous is None and general[0] not in ("answer", "likely")
        else None
    )
    if hurt is not None:  # "我在物流园开叉车 上个月把腰扭了", the FAQ unsure: what counts
        return decide([Hit(hurt, TAKEN_SCORE)], cfg)
    if general[0] not in ("answer", "likely") and _STILL_REFUSED.search(text):
        # "要是这个星期过了他还是不给呢" after telling of three months' wages unpaid (and a
        # request given up): the refusal asked of the dispute told before
        kinds = [k for t in recent for k in dispute_types_in(t) if k != "其他"]
        if kinds:
            verdict, hits = decide(knowledge.search(f"{text} {kinds[0]}", k), cfg)
            if verdict in ("answer", "likely"):
                return verdict, hits
    return general
