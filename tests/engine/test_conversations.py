"""Rasa E2E test cases from tests/conversations/*.yml, each a whole conversation on the bot."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.app import App, create_app
from bot.app.dialogue_tests import (
    CaseFormatError,
    DialogueRunner,
    load_cases,
    report,
)
from tests.conftest import make_settings
from tests.support.demo import demo_db

TABLES = Path(__file__).resolve().parents[1] / "conversations"
CASES = [pytest.param(case, id=f"{case.source}: {case.name}") for case in load_cases([TABLES])]


@pytest.fixture(scope="module")
def one_bot(tmp_path_factory, model_dir) -> Iterator[tuple[App, Path, Path]]:
    """One whole bot for the module's conversations (building one is most of a conversation's
    cost), with a copy of its database as `create_app` left it."""
    folder = tmp_path_factory.mktemp("conversations")
    settings = make_settings(folder, model_dir)
    demo_db(settings)
    app = create_app(settings)
    app.db.dispose()  # (SQLite folds its write-ahead log into the file as it closes)
    database, pristine = folder / "bot.db", folder / "pristine.db"
    shutil.copyfile(database, pristine)
    yield app, database, pristine
    app.db.dispose()


@pytest.fixture
def conversation_bot(one_bot) -> App:
    """That bot on a database as fresh as a new bot's: the file put back as it was (no
    connection is open between tests), so queue positions, seats and case numbers start anew."""
    app, database, pristine = one_bot
    app.db.dispose()
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    shutil.copyfile(pristine, database)
    return app


@pytest.mark.parametrize("case", CASES)
def test_conversation(conversation_bot, case):
    outcome = DialogueRunner(conversation_bot).run(case)
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
