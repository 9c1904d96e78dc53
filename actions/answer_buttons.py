"""The buttons under a policy answer (split from actions/knowledge.py along this seam): the
rest of the answer, feedback on it, applying for mediation where it fits, a human."""

from __future__ import annotations

import json

from actions.answer_more import more_button
from actions.buttons import MAX_PAYLOAD_BYTES, button, buttons
from actions.law_text import law_button
from bot.knowledge.answers import more_text
from bot.knowledge.index import Answer, Hit

# the FAQ's category of labour-dispute handling (data/faq.yml)
DISPUTES = "劳动争议处理"


def feedback_button(title: str, slug: str, helpful: bool) -> dict[str, str]:
    """有帮助 / 没帮助 on an answer; the entry is named in the payload when it fits
    (else action_faq_feedback finds the latest answer in the conversation)."""
    entities: dict[str, object] = {"faq_id": slug, "helpful": int(helpful)}
    text = "/faq_feedback" + json.dumps(entities, ensure_ascii=False, separators=(",", ":"))
    if len(text.encode()) > MAX_PAYLOAD_BYTES:
        text = "/faq_feedback" + json.dumps({"helpful": int(helpful)}, separators=(",", ":"))
    return {"title": title, "payload": text}


def answer_buttons(
    answer: Answer | None = None, in_form: bool = False, detail: bool = False, told: bool = False
) -> list[dict[str, str]]:
    """Under every policy answer: the rest of it (`detail`: answer_text kept some back),
    feedback on it, applying for mediation after an answer about mediation, a human, or
    another question."""
    slug = answer.slug if answer is not None else None
    more = more_button(answer.slug) if detail and answer is not None and more_text(answer) else None
    feedback = (
        (feedback_button("有帮助", slug, True), feedback_button("没帮助", slug, False))
        if slug
        else ()
    )
    # 申请调解 only where no request is already being filled in: after an answer about
    # mediation, or when the worker `told` a dispute of their own
    offer = (about_mediation(answer) or told) and not in_form
    apply = (button("申请调解", "mediation_request"),) if offer else ()
    law = law_button(answer.slug, answer.source or "") if answer is not None else None
    return buttons(
        more,
        *feedback,
        *apply,
        law,
        button("转人工", "human_handoff"),
        button("还有别的问题", "help"),
    )


def about_mediation(answer: Answer | None) -> bool:
    """An answer about the union's mediation (not arbitration or courts): after it, applying
    is one tap away ("要得，那我申请一个" takes it up too: actions/offers.py)."""
    return answer is not None and answer.category == DISPUTES and "调解" in answer.question


def likely_buttons(
    answer: Answer, related: list[Hit], in_form: bool = False, told: bool = False
) -> list[dict[str, str]]:
    """Under a likely answer: the close questions first (one tap if it was one of them),
    then the rest of the answer (when answer_text kept some back), feedback, applying for
    mediation after an answer about it, and a human."""
    options = [button(h.answer.question, "policy_question", faq_id=h.answer.slug) for h in related]
    slug = answer.slug
    more = more_button(slug) if more_text(answer) else None
    feedback = (feedback_button("有帮助", slug, True), feedback_button("没帮助", slug, False))
    offer = (about_mediation(answer) or told) and not in_form
    apply = button("申请调解", "mediation_request") if offer else None
    return buttons(*options, more, *feedback, apply, button("转人工", "human_handoff"))
