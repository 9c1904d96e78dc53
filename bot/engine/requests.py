"""Several requests in one message, each handled as its own message.

"报个书法班，顺便问下加班费咋个算" is split at its joining word (intents/requests.py); when every
part is understood with confidence as a request of its own, the parts run one after the
other as separate messages of the worker (stored as such, so staff see both), questions
first and a request that opens a form last, so the form's question is the last thing the
worker reads. Inside a form or while staff hold the conversation nothing is split.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot.core.messages import Incoming
from bot.store.models import STATE_BOT
from intents.requests import split_requests

if TYPE_CHECKING:
    from bot.engine.conversation import Engine

# intents that ask for something on their own (not yes/no, thanks or a form answer)
REQUEST_INTENTS = frozenset(
    {
        "course_search",
        "course_enroll",
        "my_enrolments",
        "cancel_enrolment",
        "mediation_request",
        "mediation_status",
        "policy_question",
        "human_handoff",
    }
)
MIN_CONFIDENCE = 0.5
MAX_PARTS = 3


def _understood(engine: Engine, text: str) -> str | None:
    """The part's request, when the classifier is sure of it (or, for a policy question,
    when the FAQ has a sure answer to it)."""
    intent = engine.nlu.parse(text, today=engine.today()).get("intent") or {}
    name, confidence = intent.get("name"), intent.get("confidence") or 0
    if name not in REQUEST_INTENTS:
        return None
    if confidence >= MIN_CONFIDENCE:
        return name
    if name == "policy_question" and engine.rank_faq is not None:
        ranking = engine.rank_faq(text, 1)
        sure = engine.config.retrieval.answer_threshold
        if ranking and float(ranking[0]["confidence"]) >= sure:  # type: ignore[arg-type]
            return name
    return None


def separate(engine: Engine, incoming: Incoming, text: str) -> list[Incoming] | None:
    """The messages to handle instead of `incoming`, or None to handle it as it is."""
    parts = split_requests(text)
    if not 1 < len(parts) <= MAX_PARTS:
        return None
    intents = [_understood(engine, p) for p in parts]
    if None in intents:
        return None
    if len(set(intents)) < len(intents) and set(intents) != {"policy_question"}:
        return None  # the same request twice is one request said at length
    state = engine.conversation_state(incoming)
    if state is not None and (state[0] != STATE_BOT or state[1]):
        return None
    opens_form = {i for i in intents if engine.rules.opens_form(i, engine.domain.forms)}
    order = sorted(range(len(parts)), key=lambda i: intents[i] in opens_form)
    out = []
    for n, i in enumerate(order):
        mid = incoming.message_id
        if mid is not None and n:
            mid = f"{mid}#{n + 1}"  # a retry of the whole message finds each part done
        out.append(replace(incoming, text=parts[i], message_id=mid))
    return out
