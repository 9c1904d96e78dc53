"""An FAQ edit reaches the bot's next answer in every server process within seconds, no restart.

The admin saves in one process; the ORM hook bumps the knowledge stamp in the same
transaction; every process's VersionWatcher sees the new stamp and rebuilds its index.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from bot.store.audit import CATALOGUE_VERSION, KNOWLEDGE_VERSION, acting_as
from bot.store.models import Course, FaqEntry
from tests.support import TLS

ROOT = Path(__file__).resolve().parents[2]
SLUG, QUESTION = "ot_pay_rates", "加班费按几倍算？"
NEW_ANSWER = "（2025年新规）加班费：工作日150%，休息日200%，法定节假日300%。"
DEADLINE = 60.0  # generous: the machine is shared; the watcher polls once a second


def _set_answer(bot, text: str) -> None:
    with bot.db.write_lock(), acting_as("root"), bot.db.session() as s:
        s.scalar(select(FaqEntry).where(FaqEntry.slug == SLUG)).answer = text


# -- VersionWatcher.check, in this process ---------------------------------------------------
def test_the_watcher_reloads_only_what_changed(bot):
    watcher = bot.version_watcher()
    watcher.seen = watcher.read()  # what start() records: the index loaded at start-up
    assert watcher.check() == []
    _set_answer(bot, NEW_ANSWER)
    assert bot.knowledge.get(SLUG).answer != NEW_ANSWER  # not yet: nobody has looked
    assert watcher.check() == [KNOWLEDGE_VERSION]
    assert bot.knowledge.get(SLUG).answer == NEW_ANSWER
    assert watcher.check() == []

    with bot.db.write_lock(), acting_as("root"), bot.db.session() as s:
        course = s.scalars(select(Course)).first()
        course.name = "八段锦（周末班）"
    assert watcher.check() == [CATALOGUE_VERSION]
    assert bot.nlu.parse("我想学八段锦（周末班）")["entities"]


def test_a_failed_reload_keeps_the_old_index_and_is_retried(bot):
    watcher = bot.version_watcher()
    watcher.seen = watcher.read()
    working = watcher.actions[KNOWLEDGE_VERSION]

    def broken() -> None:
        raise OSError("disk hiccup")

    watcher.actions[KNOWLEDGE_VERSION] = broken
    _set_answer(bot, NEW_ANSWER)
    watcher.check()
    assert bot.knowledge.get(SLUG).answer != NEW_ANSWER  # still serving the old index
    watcher.actions[KNOWLEDGE_VERSION] = working
    assert watcher.check() == [KNOWLEDGE_VERSION]  # the stamp was not marked as seen
    assert bot.knowledge.get(SLUG).answer == NEW_ANSWER


def test_a_change_made_while_the_app_was_loading_is_picked_up(bot):
    # the app read the stamps before loading its index; an edit lands after that
    _set_answer(bot, NEW_ANSWER)
    assert bot.knowledge.get(SLUG).answer != NEW_ANSWER
    watcher = bot.version_watcher()
    watcher.seen = dict(bot.stamps)  # what start() records
    assert watcher.check() == [KNOWLEDGE_VERSION]
    assert bot.knowledge.get(SLUG).answer == NEW_ANSWER


# -- two real server processes on one database -----------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def second_server(bot, server, model_dir: Path, tmp_path: Path) -> Iterator[str]:
    """Another uvicorn process (as in production with several workers) on the same SQLite file."""
    port = _free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TELEGRAM_", "WECHAT_", "WORKERBOT_"))
    }
    env.update(
        WORKERBOT_CONFIG=str(ROOT / "config.yml"),
        WORKERBOT_DATABASE_URL=bot.settings.database_url,
        WORKERBOT_MODEL_DIR=str(model_dir),
    )
    log = (tmp_path / "second-server.log").open("wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "bot.web.server:create_web_from_env",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + DEADLINE
        while True:
            assert proc.poll() is None, (tmp_path / "second-server.log").read_text()
            try:
                if httpx.get(f"{url}/health", timeout=2, verify=TLS).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the second server did not start"
            time.sleep(0.2)
        yield url
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _ask(url: str, sender: str, text: str) -> str:
    r = httpx.post(
        f"{url}/webhooks/rest/webhook",
        json={"sender": sender, "message": text},
        timeout=30,
        verify=TLS,
    )
    assert r.status_code == 200
    return "\n".join(m.get("text", "") for m in r.json())


def test_an_admin_edit_changes_the_answer_in_another_process(bot, server, clients, second_server):
    before = _ask(second_server, "w-before", QUESTION)
    assert "依据：《劳动法》第四十四条" in before and NEW_ANSWER not in before

    # the admin edits the entry on the first server's pages
    root = clients["root"]
    with bot.db.read() as s:
        entry = s.scalar(select(FaqEntry).where(FaqEntry.slug == SLUG))
    form = {
        "question": entry.question,
        "alternates": "\n".join(entry.alternates),
        "answer": NEW_ANSWER,
        "category": entry.category,
        "source": entry.source,
        "enabled": "y",
        "save": "保存",
        "csrf_token": root.csrf,  # as the rendered form carries it
    }
    assert root.http.post(f"/admin/faq-entry/edit/{entry.id}", data=form).status_code == 302

    # each process answers with the new text once its watcher has rebuilt the index
    for url in (second_server, server.url):
        reply = _answer_once_changed(url)
        assert "依据：《劳动法》第四十四条" in reply


def _answer_once_changed(url: str) -> str:
    deadline = time.monotonic() + DEADLINE
    attempt = 0
    while True:
        attempt += 1
        reply = _ask(url, f"w-after-{attempt}", QUESTION)
        if NEW_ANSWER in reply:
            return reply
        assert time.monotonic() < deadline, f"still the old answer: {reply}"
        time.sleep(0.3)
