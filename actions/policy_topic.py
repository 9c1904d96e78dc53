"""Whether a short follow-up keeps the topic of the policy answer just given: a figure the
rule needs, an entry offered under the answer asked in the worker's own words, an entry of the
same topic nearly as good as another topic's first hit."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from actions.message import latest_intent, offered_entries
from bot.knowledge.focus import covers
from bot.knowledge.followups import is_short
from bot.knowledge.index import Hit

# a short message that does not lean on the answer just given moves to another topic only
# when its own words reach this score there: between the guesses of words that name no topic
# ("从啥时候开始算起" after the time limit: 0.155) and the weakest right move seen on the
# development sets ("离职了工资好久结" after the deposit answer: 0.188)
MOVE_MIN = 0.17


def gives_a_figure(tracker: Tracker) -> bool:
    """A statement of a duration ("我合同签的两年", "我干了三年零两个月") right after an
    answer: the figure the rule just given needs, not a new question."""
    message = tracker.latest_message or {}
    return latest_intent(tracker) == "inform" and any(
        e.get("entity") == "duration" for e in message.get("entities") or []
    )


# an entry offered under the answer just given, asked about in a short follow-up's own words
# ("那工资咋个要" after the contract answer that offered 工地包工头跑了，我们的工钱找哪个要): its
# score for the words alone, and how far ahead of the answer just given it must be
OFFERED_MIN = 0.1
OFFERED_AHEAD = 2.0
# an entry just shown counts this much more than the words alone against the other entries
# ("那多出来的时间要给加班费噻" after the weekly rest, which offered the overtime caps, asks the
# overtime rates the words find first)
OFFERED_PRIOR = 1.35
TAKEN_SCORE = 0.5
OFFERED_POOL = 60


def offered_taken(services: Any, tracker: Tracker, text: str, previous: Any) -> Any:
    """The entry offered as a button under the answer just given that a short follow-up asks
    about in its own words, clearly more than it asks the answer itself, or None. Not when
    the answer just given says what is asked ("仲裁要钱不" after 调解不成怎么办, which says
    仲裁不收费)."""
    offered = offered_entries(tracker)
    if not offered or not is_short(text) or covers(previous.answer, text, previous.question):
        return None
    hits = services.knowledge.search(text, OFFERED_POOL)
    scores = {h.answer.slug: h for h in hits}
    best = max((scores[s] for s in offered if s in scores), key=lambda h: h.score, default=None)
    if best is None or best.score < OFFERED_MIN:
        return None
    same = scores[previous.slug].score if previous.slug in scores else 0.0
    if best.score < OFFERED_AHEAD * same:
        return None
    top = hits[0]
    # an entry the words find first wins when it is sure, or of the same topic as the answer
    # or the offered entry and clearly ahead ("那多出来的时间要给加班费噻" after the weekly
    # rest asks the overtime rates, not the overtime caps offered); a weak guess elsewhere
    # ("那工资咋个要": sick pay) does not
    near = top.answer.category in (previous.category, best.answer.category)
    if top.answer.slug != best.answer.slug and (
        top.score >= services.config.retrieval.answer_threshold
        or (near and top.score > best.score * OFFERED_PRIOR)
    ):
        return None
    return best.answer


# a score of the message's own first hit that names its entry whatever came before
SURELY_ELSEWHERE = 0.35
# how far below the message's first hit an entry of the topic just answered may be and still
# keep the conversation on that topic
TOPIC_MARGIN = 0.08
TOPIC_FLOOR = 0.2
# ... when the other topic's first hit is below this (words that surely name it move there)
KEEP_BELOW = 0.24


def stays_near_the_topic(own_hits: list[Hit], previous: Any) -> bool:
    """The message's first hit is of another topic, but its words point nearly as well at an
    entry of the topic just answered ("老板说我们没买社保 不得给我报" after what counts as a
    work injury: probation insurance 0.296, injury without insurance 0.222): a conversation
    keeps its topic unless the words clearly leave it."""
    if not own_hits or own_hits[0].answer.category == previous.category:
        return False
    floor = max(TOPIC_FLOOR, own_hits[0].score - TOPIC_MARGIN)
    return any(h.answer.category == previous.category and h.score >= floor for h in own_hits)


def keep_the_topic(hits: list[Hit], previous: Any) -> list[Hit]:
    """`hits` with an entry of the topic just answered first when it is nearly as good as a
    first hit of another topic ("要在好久之内去申请嘛" after a commuting accident: the injury
    application's deadline 0.174 before the arbitration time limit 0.238)."""
    if not hits or hits[0].answer.category == previous.category or hits[0].score >= KEEP_BELOW:
        return hits
    floor = max(MOVE_MIN, hits[0].score - TOPIC_MARGIN)
    near = next(
        (h for h in hits if h.answer.category == previous.category and h.score >= floor), None
    )
    if near is None:
        return hits
    return [Hit(near.answer, hits[0].score), *(h for h in hits if h is not near)]
