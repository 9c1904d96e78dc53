"""One Telegram update, one answer: also when two copies arrive at the same moment, in one
server process or in two (the database decides which copy runs; the other sends nothing)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from bot.app import App
from bot.channels.telegram import SECRET_HEADER, WEBHOOK_PATH
from bot.store.models import ProcessedMessage
from tests.support import TLS
from tests.telegram.conftest import SECRET, WEBHOOK_URL, Live, LiveChat
from tests.telegram.fake_api import TgUser
from tests.telegram.second_process import telegram_process

TRIALS = 20  # the race showed in about half the trials on the old code


def post(url: str, update: dict) -> httpx.Response:
    return httpx.post(
        url + WEBHOOK_PATH, json=update, headers={SECRET_HEADER: SECRET}, timeout=60, verify=TLS
    )


def baseline(live: Live, chat_id: int) -> int:
    """How many messages one delivery of /help sends."""
    w = LiveChat(live, chat_id)
    return len(w.say("/help"))


def processed(app: App) -> int:
    with app.db.read() as s:
        return s.scalar(select(func.count()).select_from(ProcessedMessage))


@pytest.mark.parametrize("live", ["webhook"], indirect=True)
def test_the_same_update_twice_at_once_in_one_process_is_answered_once(live: Live):
    once = baseline(live, 6100)
    assert once >= 1
    for trial in range(TRIALS):
        user = TgUser(live.api, 6101 + trial)
        update = user.text("/help")
        with ThreadPoolExecutor(2) as pool:
            responses = list(pool.map(post, [live.server.url] * 2, [update, update]))
        assert [r.status_code for r in responses] == [200, 200]
        assert len(live.api.sent(user.chat_id)) == once, f"trial {trial}"
    assert processed(live.app) == TRIALS + 1


@pytest.mark.parametrize("live", ["webhook"], indirect=True)
def test_the_same_update_in_two_processes_at_once_is_answered_once(
    live: Live, model_dir: Path, tmp_path: Path
):
    once = baseline(live, 6200)
    settings = live.app.settings
    with telegram_process(
        settings.database_url,
        model_dir,
        settings.env.telegram_base_url,
        WEBHOOK_URL,
        SECRET,
        tmp_path / "second-server.log",
    ) as second:
        for trial in range(TRIALS):
            user = TgUser(live.api, 6201 + trial)
            update = user.text("/help")
            with ThreadPoolExecutor(2) as pool:
                responses = list(pool.map(post, [live.server.url, second], [update, update]))
            assert [r.status_code for r in responses] == [200, 200]
            assert len(live.api.sent(user.chat_id)) == once, f"trial {trial}"
    assert processed(live.app) == TRIALS + 1
