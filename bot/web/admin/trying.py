"""试一试: what a worker would get for a question, now and after saving an unsaved draft.

Both come from the bot's own decision path (bot/engine/preview.py): understanding, fallback,
rules, forms and actions, with FAQ retrieval over the live entries or, for the draft, over
the entries as they would be after saving (Knowledge.trying). Nothing is stored.
"""

from __future__ import annotations

from typing import Any

from bot.engine.preview import Preview, Step
from bot.knowledge.drafts import Draft, draft_entries
from bot.web.admin.deps import AdminDeps

LIKELY_HEAD = "关于「"  # bot/knowledge/answers.py likely_text
FAQ_KINDS = ("answer", "likely", "suggest", "none")


def tried(deps: AdminDeps, text: str, draft: Draft | None, entry_id: int | None) -> dict:
    """The JSON of the 试一试 panel: {"text", "now", "draft"} (draft None without one)."""
    result: dict[str, Any] = {"text": text, "now": _shown(deps, text), "draft": None}
    if draft is not None:
        with deps.db.read() as s:
            answers, docs = draft_entries(s, draft, entry_id)
        with deps.knowledge.trying(answers, docs):
            result["draft"] = _shown(deps, text)
    return result


def step_kind(step: Step) -> str:
    """How the bot took one request: an FAQ verdict (answer / likely / suggest / none), or
    handoff, fallback (not understood) or other (a course, a form, small talk …)."""
    if step.faq:
        texts = [r.get("text") or "" for r in step.replies]
        return "likely" if any(t.startswith(LIKELY_HEAD) for t in texts) else "answer"
    if step.faq_missed:
        return "suggest" if step.faq_near else "none"
    if step.state != "bot":
        return "handoff"
    return "fallback" if step.fell_back else "other"


def _shown(deps: AdminDeps, text: str) -> dict[str, Any]:
    preview: Preview = deps.preview(text)
    kinds = [step_kind(step) for step in preview.steps]
    kind = next((k for k in kinds if k in FAQ_KINDS), kinds[-1] if kinds else "other")
    size = max(deps.settings.config.retrieval.max_suggestions, 5)
    return {
        "kind": kind,
        "replies": [
            {
                "text": r.get("text") or "",
                "buttons": [b["title"] for b in r.get("buttons") or []],
            }
            for r in preview.replies
        ],
        "steps": [
            {
                "text": step.text,
                "intent": step.intent,
                "confidence": round(step.confidence, 3),
                "ruled_intent": step.ruled_intent,
                "kind": k,
                "form": step.form,
            }
            for step, k in zip(preview.steps, kinds, strict=True)
        ],
        "matches": [
            {"slug": h.answer.slug, "question": h.answer.question, "score": round(h.score, 3)}
            for h in deps.knowledge.search(text, size)
        ],
    }
