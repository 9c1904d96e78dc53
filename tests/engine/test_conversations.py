"""Conversation tables from tests/conversations/*.yml, run through the engine."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import yaml

from bot.core.messages import Incoming

TABLES = Path(__file__).resolve().parents[1] / "conversations"
CASES = [
    pytest.param(case, id=f"{path.stem}: {case['name']}")
    for path in sorted(TABLES.glob("*.yml"))
    for case in yaml.safe_load(path.read_text(encoding="utf-8"))
]


@pytest.mark.parametrize("case", CASES)
def test_conversation(bot, case):
    sender = f"table-{uuid.uuid4().hex[:8]}"
    for i, step in enumerate(case["steps"]):
        replies = bot.engine.handle(Incoming("rest", sender, str(step["user"]), f"{sender}-{i}"))
        text = "\n".join(r.get("text", "") for r in replies)
        titles = [b["title"] for r in replies for b in r.get("buttons", [])]
        where = f"step {i + 1} ({step['user']!r}) got {text!r} {titles}"
        if step.get("silent"):
            assert replies == [], where
        for expected in step.get("bot", []):
            assert expected in text, where
        for title in step.get("buttons", []):
            assert any(title in t for t in titles), where
