"""Message ids are per sender on PostgreSQL too, over the real HTTP server."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from bot.app import App
from tests.conftest import LiveServer
from tests.e2e.message_ids import another_sender_reuses_an_id, many_senders_one_id_at_once
from tests.support import TLS


@pytest.fixture
def pg_server(pg_bot: App) -> Iterator[LiveServer]:
    live = LiveServer(pg_bot)
    yield live
    live.stop()


def test_another_senders_message_id_never_returns_their_answer(pg_bot, pg_server):
    with httpx.Client(base_url=pg_server.url, timeout=30, verify=TLS) as http:
        another_sender_reuses_an_id(pg_bot, http, "pg-ids")


def test_twenty_senders_with_the_same_message_id_at_once_are_all_answered(pg_bot, pg_server):
    many_senders_one_id_at_once(pg_bot, pg_server.url, "pg-same")


def test_web_chat_ids_of_the_longest_allowed_sender_and_id_are_stored(pg_bot, pg_server):
    # the web chat once stored "<sender>:<id>": 64 + 1 + 64 characters overflowed the column
    sender, message_id = "s" * 64, "m" * 64
    body = {"sender": sender, "text": "你好", "message_id": message_id}
    with httpx.Client(base_url=pg_server.url, timeout=30, verify=TLS) as http:
        first = http.post("/chat/api/send", json=body)
        assert first.status_code == 200, first.text
        assert first.json()["replies"]
        assert http.post("/chat/api/send", json=body).json() == first.json()
