"""The admin's 试一试 tells the truth: its preview is the bot's reply to a new worker, on a few
hundred messages of every kind, and it stores nothing."""

from __future__ import annotations

from pathlib import Path

import yaml
from sqlalchemy import func, select

from bot.core.messages import Incoming
from bot.engine.preview import preview
from bot.store.models import Conversation, Event, MisunderstoodMessage

ROOT = Path(__file__).resolve().parents[2]
PER_INTENT = 12  # examples of each intent from the held-out set
POLICY = 120  # policy questions from the held-out FAQ paraphrases


def _messages() -> list[str]:
    """Held-out messages (written apart from the training data): every intent, policy
    questions of all sorts, and the awkward ones (empty, too long, several requests)."""
    nlu = yaml.safe_load((ROOT / "bench/data/nlu_test.yml").read_text(encoding="utf-8"))
    texts: list[str] = []
    for block in nlu["nlu"]:
        examples = [line[2:].strip() for line in block["examples"].splitlines() if line.strip()]
        texts += examples[:PER_INTENT]
    kb = yaml.safe_load((ROOT / "bench/data/faq_paraphrases.yml").read_text(encoding="utf-8"))
    texts += [q["text"] for q in kb["queries"][:POLICY]]
    texts += [
        "报个书法班，顺便问下加班费咋个算",
        "我叫张三，电话13812345678，在渝北某某公司上班，老板欠了我三个月工资，想申请调解",
        "转人工",
        "😡😡😡",
        "字" * 2000,
    ]
    return texts


def _count(bot, model) -> int:
    with bot.db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_the_preview_is_what_a_new_worker_gets(bot):
    messages = _messages()
    assert len(messages) >= 300
    tables = (Conversation, Event, MisunderstoodMessage)
    previews, differ, stored_something = [], [], []
    for n, text in enumerate(messages):
        before = [_count(bot, table) for table in tables]
        shown = preview(bot.engine, text)
        # trying stores nothing: no conversation, no event, nothing for the admins' review
        if [_count(bot, table) for table in tables] != before:
            stored_something.append(text)
        # the same message from a new worker, at the same moment (the same queue ahead)
        real = bot.engine.handle(Incoming("rest", f"worker-{n}", text))
        if shown.replies != real:
            differ.append((text[:40], shown.replies, real))
        previews.append(shown)
    assert stored_something == []
    assert differ == []
    kinds = {step.ruled_intent for p in previews for step in p.steps}
    assert {"policy_question", "course_search", "human_handoff", "greet"} <= kinds
    assert any(step.fell_back for p in previews for step in p.steps)
    assert any(step.state != "bot" for p in previews for step in p.steps)
    assert any(len(p.steps) == 2 for p in previews)  # several requests in one message
