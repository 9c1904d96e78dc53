"""试一试: what the bot answers now and with the unsaved draft, as a worker would see it."""

from __future__ import annotations

from bot.knowledge.drafts import (
    DRAFT_SLUG,
    Draft,
    draft_entries,
)
from bot.web.admin.trying import tried
from bot.web.server import admin_deps
from tests.admin.faq_support import NOVEL, SLUG, draft_of, entry_of


def _tried(bot, text, draft=None, entry_id=None) -> dict:
    return tried(admin_deps(bot), text, draft, entry_id)


def test_the_draft_answers_what_the_saved_entries_cannot(bot):
    before = _tried(bot, NOVEL)["now"]
    assert not any("夜宵" in r["text"] for r in before["replies"])
    after = _tried(bot, NOVEL, draft_of())["draft"]
    assert after["kind"] == "answer" and after["matches"][0]["slug"] == DRAFT_SLUG
    (reply,) = after["replies"]
    assert reply["text"].startswith("国家没有统一规定夜宵补贴")
    assert reply["text"].endswith("依据：《劳动合同法》第四条")
    assert "有帮助" in reply["buttons"]
    # the draft lived only in the trial: the bot itself still has no such entry
    assert _tried(bot, NOVEL)["now"] == before


def test_try_it_shows_a_likely_answer_as_the_worker_would_see_it(bot):
    shown = _tried(bot, "加班费咋个算")["now"]
    assert shown["kind"] == "likely"
    (reply,) = shown["replies"]
    assert reply["text"].startswith("关于「加班费按几倍算」：\n") and "150%" in reply["text"]
    assert "加班费按几倍算？" not in reply["buttons"] and "转人工" in reply["buttons"]
    assert shown["steps"][0]["intent"] == "policy_question"


def test_try_it_tells_how_the_bot_takes_what_is_not_a_policy_question(bot):
    kinds = {text: _tried(bot, text)["now"]["kind"] for text in ("转人工", "有什么课", "啊啊啊")}
    assert kinds == {"转人工": "handoff", "有什么课": "other", "啊啊啊": "fallback"}
    two = _tried(bot, "报个书法班，顺便问下加班费咋个算")["now"]
    assert [s["ruled_intent"] for s in two["steps"]] == ["policy_question", "course_enroll"]


def test_a_draft_replaces_its_entry_and_a_disabled_draft_leaves_the_index(bot):
    entry = entry_of(bot)
    changed = Draft.from_mapping(
        {**{k: getattr(entry, k) for k in ("question", "source", "category")}, "answer": "新答案"}
    )
    with bot.db.read() as s:
        answers, docs = draft_entries(s, changed, entry.id)
        assert answers[SLUG].answer == "新答案" and len(docs) == len(answers)
        changed.enabled = False
        answers, docs = draft_entries(s, changed, entry.id)
    assert SLUG not in answers and all(d.slug != SLUG for d in docs)
