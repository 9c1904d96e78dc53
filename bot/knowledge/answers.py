"""What the bot does with a ranked FAQ list: answer, answer the likeliest, offer options, or
admit it has none.

A person at the union desk who is fairly sure what a worker means answers it and says which
question they answered ("关于「加班费按几倍算」：…"), pointing to the neighbouring questions;
they list options only when they cannot tell at all. So:
- "answer": one entry clearly best (at or above answer_threshold, no close second);
- "likely": the best entry is likely but not sure (a close second, or a score between
  likely_threshold and answer_threshold): it is answered under its own question, and the
  close entries follow as related questions;
- "suggest": only weak matches (suggest_threshold .. likely_threshold): "您是想问…";
- "none": nothing close enough.
"""

from __future__ import annotations

from bot.knowledge.index import Answer, Hit
from bot.settings import RetrievalConfig

# the related questions shown under a likely answer, besides the answer itself
MAX_RELATED = 2


def answer_text(answer: Answer) -> str:
    """The answer with where it comes from, so the worker can check or cite it."""
    return f"{answer.answer}\n依据：{answer.source}" if answer.source else answer.answer


def likely_text(answer: Answer) -> str:
    """A likely answer, headed by the question it answers, so a worker who meant something
    else sees it at once."""
    question = answer.question.rstrip("？?")
    return f"关于「{question}」：\n{answer_text(answer)}"


def decide(hits: list[Hit], cfg: RetrievalConfig) -> tuple[str, list[Hit]]:
    """(verdict, hits): ("answer", [top]) / ("likely", [top, *related]) /
    ("suggest", options) / ("none", []), from scores and the thresholds in config."""
    if not hits or hits[0].score < cfg.suggest_threshold:
        return "none", []
    top = hits[0]
    close = [h for h in hits[1:] if top.score - h.score < cfg.ambiguity_margin]
    if top.score >= cfg.answer_threshold and not close:
        return "answer", [top]
    options = [
        h
        for h in hits
        if h.score >= cfg.suggest_threshold or top.score - h.score < cfg.ambiguity_margin
    ]
    if top.score >= cfg.likely_from:
        return "likely", options[: 1 + MAX_RELATED]
    return "suggest", options[: cfg.max_suggestions]
