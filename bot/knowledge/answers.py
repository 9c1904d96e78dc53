"""What the bot does with a ranked FAQ list: answer, offer options, or admit it has none."""

from __future__ import annotations

from bot.knowledge.index import Answer, Hit
from bot.settings import RetrievalConfig


def answer_text(answer: Answer) -> str:
    """The answer with where it comes from, so the worker can check or cite it."""
    return f"{answer.answer}\n依据：{answer.source}" if answer.source else answer.answer


def decide(hits: list[Hit], cfg: RetrievalConfig) -> tuple[str, list[Hit]]:
    """("answer", [hit]) / ("suggest", options) / ("none", []) from scores and thresholds."""
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
    return "suggest", options[: cfg.max_suggestions]
