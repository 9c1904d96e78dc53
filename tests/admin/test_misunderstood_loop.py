"""The whole loop over HTTP: workers are misunderstood, an admin teaches the bot, every process
understands them afterwards (a second server process included), and the list is cleared."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.settings import Settings
from bot.settings.console import ConsoleConfig
from bot.store.models import MISS_OPEN, MisunderstoodMessage
from tests.admin.test_misunderstood_actions import ROOT, TAUGHT, own_settings
from tests.admin.test_misunderstood_page import ACT, PAGE, admin_app
from tests.console.conftest import ALWAYS_OPEN

SECOND_PROCESS = """
import json, sys
from bot.app import create_app
from bot.settings import Settings
app = create_app(Settings.load())
print(json.dumps([app.nlu.parse(t)["intent"]["name"] for t in sys.argv[1:]]))
"""


@pytest.fixture
def settings(tmp_path: Path, model_dir: Path) -> Settings:
    s = own_settings(tmp_path, model_dir)
    s.config.console = ConsoleConfig(**ALWAYS_OPEN)
    return s


def open_items(bot) -> dict[str, list[int]]:
    with bot.db.read() as s:
        rows = s.execute(
            select(MisunderstoodMessage.text, MisunderstoodMessage.id).where(
                MisunderstoodMessage.status == MISS_OPEN
            )
        ).all()
    found: dict[str, list[int]] = {}
    for text, mid in rows:
        found.setdefault(text, []).append(mid)
    return found


def worker_says(http, sender: str, text: str) -> list[dict]:
    r = http.post("/webhooks/rest/webhook", json={"sender": sender, "message": text})
    assert r.status_code == 200
    return r.json()


def test_misunderstood_workers_are_understood_after_an_admin_teaches_the_bot(
    server, http, clients, bot, settings
):
    for n, text in enumerate([TAUGHT[0], TAUGHT[0], TAUGHT[1], "阿巴阿巴"]):
        worker_says(http, f"worker-{n}", text)
    waiting = open_items(bot)
    assert len(waiting[TAUGHT[0]]) == 2 and len(waiting[TAUGHT[1]]) == 1
    root = clients["root"]
    page = root.get(PAGE).text
    assert "4 条待处理" in page and TAUGHT[0] in page

    ids = waiting[TAUGHT[0]] + waiting[TAUGHT[1]]
    r = root.http.post(
        ACT,
        data={
            "csrf_token": root.csrf,
            "action": "teach",
            "intent": "course_search",
            "ids": [str(i) for i in ids],
        },
    )
    assert r.status_code == 303
    assert admin_app(server).state.retrainer.wait(timeout=300)

    # this server answers the taught phrasing as a course search, and no longer collects it
    parsed = http.post("/model/parse", json={"text": TAUGHT[0]}).json()
    assert parsed["intent"]["name"] == "course_search"
    reply = worker_says(http, "worker-9", TAUGHT[0])
    assert "课程" in json.dumps(reply, ensure_ascii=False)
    assert set(open_items(bot)) == {"阿巴阿巴"}
    assert "阿巴阿巴" in root.get(PAGE).text and "1 条待处理" in root.get(PAGE).text

    # a second server process on the same database and data directory understands it too
    env = dict(
        os.environ,
        WORKERBOT_CONFIG=str(ROOT / "config.yml"),
        WORKERBOT_DATABASE_URL=settings.database_url,
        WORKERBOT_DATA_DIR=str(settings.data_dir),
        WORKERBOT_MODEL_DIR=str(settings.model_dir),
    )
    out = subprocess.run(
        [sys.executable, "-c", SECOND_PROCESS, *TAUGHT],
        env=env,
        cwd=settings.data_dir.parent,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == ["course_search", "course_search"]
