"""Rasa E2E test cases from tests/conversations/*.yml, each a whole conversation on the bot."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.app.dialogue_tests import (
    CaseFormatError,
    DialogueRunner,
    load_cases,
    report,
)

TABLES = Path(__file__).resolve().parents[1] / "conversations"
CASES = [pytest.param(case, id=f"{case.source}: {case.name}") for case in load_cases([TABLES])]


@pytest.mark.parametrize("case", CASES)
def test_conversation(bot, case):
    outcome = DialogueRunner(bot).run(case)
    assert outcome.passed, report([outcome])


def test_a_wrong_expectation_fails_with_the_transcript(bot, tmp_path):
    (tmp_path / "wrong.yml").write_text(
        "test_cases:\n"
        "  - test_case: greeting\n"
        "    steps:\n"
        "      - user: 你好\n"
        "      - bot_contains: 这句话机器人不会说\n"
        "      - slot_was_set: [no_such_slot]\n"
        "      - state: with_human\n",
        encoding="utf-8",
    )
    (outcome,) = DialogueRunner(bot).run_all(load_cases([tmp_path]))
    assert not outcome.passed
    assert len(outcome.failures) == 3
    assert outcome.transcript[0] == ("user", "你好")
    assert "0 of 1 conversations fully right" in report([outcome])


@pytest.mark.parametrize(
    "text",
    [
        "- test_case: not under test_cases\n",
        "test_cases:\n  - test_case: x\n    steps:\n      - bot_contains: 你好\n",
        "test_cases:\n  - test_case: x\n    steps:\n      - user: 你好\n      - bott: 你好\n",
    ],
)
def test_a_malformed_file_is_refused(tmp_path, text):
    (tmp_path / "bad.yml").write_text(text, encoding="utf-8")
    with pytest.raises(CaseFormatError):
        load_cases([tmp_path])
