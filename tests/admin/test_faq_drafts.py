"""FAQ drafts: the checks with a Chinese message for each problem, cleaned alternates, auto slugs."""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.domain.phrasing import phrasing_key
from bot.knowledge.drafts import (
    Draft,
    new_slug,
    problems,
)
from bot.store.models import FaqEntry
from tests.admin.faq_support import draft_of, entry_of


def test_empty_fields_get_a_polite_message_each(bot):
    with bot.db.read() as s:
        found = problems(s, Draft(question=" ", answer="", source="", category=""))
    assert set(found) == {"question", "answer", "source", "category"}
    assert found["answer"] == "请填写答案，不能为空。"
    assert "依据" in found["source"] and "《劳动法》" in found["source"]
    with bot.db.read() as s:
        assert problems(s, draft_of()) == {}


def test_a_question_another_entry_already_has_is_a_duplicate(bot):
    existing = entry_of(bot)
    with bot.db.read() as s:
        # the same question with other punctuation and spacing
        found = problems(s, draft_of(question=" 加班费 按几倍算? "))
        assert "重复" in found["question"] and "加班费按几倍算？" in found["question"]
        # another entry's alternate phrasing, given as a new entry's question or alternate
        alt = existing.alternates[0]
        assert "重复" in problems(s, draft_of(question=alt))["question"]
        assert alt in problems(s, draft_of(alternates=["别的说法", alt]))["alternates"]
        # the entry itself may keep its own question and alternates
        keep = ("question", "alternates", "answer", "category", "source")
        own = Draft.from_mapping({k: getattr(existing, k) for k in keep})
        assert problems(s, own, existing.id) == {}
    assert phrasing_key("加班费，按几倍算？") == phrasing_key("加班费按几倍算")


def test_too_long_fields_are_problems(bot):
    with bot.db.read() as s:
        found = problems(s, draft_of(question="问" * 201, category="类" * 33))
    assert found["question"] == "标准问题不能超过200个字。"
    assert found["category"] == "分类不能超过32个字。"


def test_alternates_typed_one_per_line_are_cleaned():
    draft = Draft.from_mapping(
        {
            "question": " 夜宵补贴？ ",
            "answer": " 看约定。 ",
            "source": "x",
            "category": "y",
            "alternates": "第一种说法\n\n  第二种说法 \n第一种说法\n夜宵补贴\n",
            "effective_date": "2025-01-01",
            "enabled": "on",
        }
    )
    assert draft.question == "夜宵补贴？" and draft.answer == "看约定。"
    assert draft.alternates == ["第一种说法", "第二种说法"]  # blanks, repeats, the question go
    assert draft.effective_date.isoformat() == "2025-01-01" and draft.enabled is True
    assert Draft.from_mapping({"effective_date": "明天", "enabled": "false"}).effective_date is None


def test_new_entries_get_a_short_unique_slug(bot):
    with bot.db.read() as s:
        slugs = {new_slug(s) for _ in range(20)}
        taken = set(s.scalars(select(FaqEntry.slug)))
    assert len(slugs) == 20 and not slugs & taken
    for slug in slugs:
        # a 您是想问 button carries the slug; Telegram allows 64 bytes of payload
        assert re.fullmatch(r"faq_\d{8}_[0-9a-f]{4}", slug)
        assert len(f'/policy_question{{"faq_id":"{slug}"}}'.encode()) <= 64
