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

import re
from dataclasses import dataclass

from bot.knowledge.index import Answer, Hit
from bot.settings import RetrievalConfig

# the related questions shown under a likely answer, besides the answer itself
MAX_RELATED = 2
# on a phone: the detail shown under the lead sentence (about ten lines); a longer detail is
# shown up to here
# (whole sentences) and the rest is behind 详细说明
DETAIL_SHOWN = 200
# a rest shorter than this is shown at once: a button for one short sentence is no help
MIN_REST = 20

_LEAD = re.compile(r"[^。！？!?\n]*(?:[。！？!?]|\n|$)")
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_CLAUSE = re.compile(r"[^；;]+[；;]?")


@dataclass(frozen=True)
class Layout:
    """An answer as a phone shows it: the key point, the detail shown, the detail kept back."""

    lead: str
    shown: str
    rest: str


def layout(text: str) -> Layout:
    """Split an answer into its first sentence (the direct answer, data/faq.yml puts it first)
    and the detail, keeping back the part of a long detail past DETAIL_SHOWN characters."""
    text = text.strip()
    lead = (_LEAD.match(text) or _LEAD.match("")).group(0).strip()  # type: ignore[union-attr]
    detail = text[len(lead) :].strip() if text.startswith(lead) else ""
    if not lead:
        lead, detail = text, ""
    if len(detail) <= DETAIL_SHOWN:
        return Layout(lead, detail, "")
    # whole sentences if the first one fits, else the clauses of the first (split at ；)
    sentences = [p for p in _SENTENCE.findall(detail) if p.strip()]
    parts = sentences if len(sentences[0]) <= DETAIL_SHOWN else _CLAUSE.findall(sentences[0])
    shown = parts[0]
    for part in parts[1:]:
        if len(shown) + len(part) > DETAIL_SHOWN:
            break
        shown += part
    rest = detail[len(shown) :].strip()
    if len(rest) < MIN_REST:
        return Layout(lead, detail, "")
    shown = shown.strip()
    if shown[-1] in "；;":  # a clause ends the part shown: it reads as a sentence
        shown = shown[:-1] + "。"
    return Layout(lead, shown, rest)


def _with_source(text: str, answer: Answer) -> str:
    return f"{text}\n依据：{answer.source}" if answer.source else text


def answer_text(answer: Answer, whole: bool = False) -> str:
    """The key point on its own line, the detail (its first part unless `whole`; the rest
    is behind 详细说明) and where it comes from, so the worker can check or cite it."""
    parts = layout(answer.answer)
    detail = f"{parts.shown}\n\n{parts.rest}" if whole and parts.rest else parts.shown
    return _with_source(f"{parts.lead}\n\n{detail}" if detail else parts.lead, answer)


def more_text(answer: Answer) -> str | None:
    """What 详细说明 shows: the detail kept back from answer_text (None when nothing was)."""
    return layout(answer.answer).rest or None


def unseen_detail(answer: Answer, shown: str) -> str | None:
    """What 详细说明 shows after an answer that showed one asked part instead of the usual
    first screen (`shown`, the text the worker saw): the detail's sentences not yet seen;
    None after the usual first screen (then more_text is the rest)."""
    parts = layout(answer.answer)
    if not shown or not parts.shown or parts.shown in shown:
        return None
    detail = f"{parts.shown}{parts.rest}"
    unseen = [s for s in _SENTENCE.findall(detail) if s.strip() and s.strip() not in shown]
    return "".join(s.strip() for s in unseen) or None


def likely_text(answer: Answer, whole: bool = False) -> str:
    """A likely answer, headed by the question it answers, so a worker who meant something
    else sees it at once."""
    question = answer.question.rstrip("？?")
    return f"关于「{question}」：\n{answer_text(answer, whole)}"


SUGGEST_LEAD = "您是想问："


def suggest_text(questions: list[str]) -> str:
    """The words over a menu of guessed questions: one guess is named in the words themselves
    ("您是想问「劳动仲裁去哪里申请，要交钱不」吗？"), so the text never stands as a lead with
    nothing after it; several keep the lead over their buttons."""
    if len(questions) == 1:
        return f"您是想问「{questions[0].rstrip('？?')}」吗？点下面的问题看回答。"
    return SUGGEST_LEAD


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
