"""Live updates on PostgreSQL: a change written through another engine (as another app host
would) reaches open console and web-chat streams by NOTIFY, also after the listener's
connection was killed. The safety re-read is pushed out of reach, so only a notification
can deliver what these tests wait for."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import select, text

from bot.staff.desk import ConsoleDesk
from bot.store.db import Database
from bot.store.models import Conversation

ON_POSTGRES = pytest.mark.parametrize("any_bot", ["postgresql"], indirect=True)
SENDER = "live0c0ffee0c0ffee01"


@pytest.fixture
def bot(any_bot):  # noqa: ANN001, ANN201
    any_bot.db.live.safety_seconds = 3600.0  # no re-read but by notification
    return any_bot


@pytest.fixture
def other(bot) -> Iterator[ConsoleDesk]:  # noqa: ANN001
    """The desk of another app host: its own engine and connections."""
    db = Database(bot.settings.database_url)
    yield ConsoleDesk(db)
    db.dispose()


def _data(lines: Iterator[str]) -> dict:
    return json.loads(next(line for line in lines if line.startswith("data:"))[5:])


def _waiting_worker(bot, http: httpx.Client) -> int:  # noqa: ANN001
    r = http.post(
        "/chat/api/send", json={"sender": SENDER, "text": "转人工", "message_id": "live-0001"}
    )
    assert r.status_code == 200
    with bot.db.read() as s:
        return s.scalar(select(Conversation.id).where(Conversation.sender_id == SENDER))


def _until(check, seconds: float = 10.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.05)


@ON_POSTGRES
def test_a_change_by_another_host_reaches_console_and_web_chat_streams(
    bot, http, clients, staff, other
):  # noqa: ANN001
    cid = _waiting_worker(bot, http)
    alice = clients["alice"].http
    after = http.get("/chat/api/history", params={"sender": SENDER}).json()["last_id"]
    chat_params = {"sender": SENDER, "after": after}
    with (
        alice.stream("GET", "/console/api/stream") as queue,
        alice.stream("GET", f"/console/api/conversations/{cid}/stream") as conv,
        http.stream("GET", "/chat/api/stream", params=chat_params) as chat,
    ):
        queue_lines, conv_lines, chat_lines = (
            queue.iter_lines(),
            conv.iter_lines(),
            chat.iter_lines(),
        )
        assert cid in [c["id"] for c in _data(queue_lines)["waiting"]]
        assert _data(conv_lines)["state"] == "waiting_for_human"
        _until(lambda: bot.db.live.connected.is_set())
        other.claim(cid, staff["bob"])
        other.reply(cid, staff["bob"], "您好，我是李强")
        assert cid not in [c["id"] for c in _data(queue_lines)["waiting"]]
        seen = _data(conv_lines)
        while seen["assigned_to"] != "bob" or not any(
            e.get("text") == "您好，我是李强" for e in seen["events"]
        ):
            more = _data(conv_lines)
            seen = {**more, "events": seen["events"] + more["events"]}
        got = [_data(chat_lines), _data(chat_lines)]
    assert [(m["kind"], m["text"]) for m in got] == [
        ("notice", "工作人员李强已接入，正在为您服务。"),
        ("staff", "您好，我是李强"),
    ]


@ON_POSTGRES
def test_streams_still_update_after_the_listener_was_cut_off(bot, http, staff, other):  # noqa: ANN001
    cid = _waiting_worker(bot, http)
    after = http.get("/chat/api/history", params={"sender": SENDER}).json()["last_id"]
    with http.stream("GET", "/chat/api/stream", params={"sender": SENDER, "after": after}) as chat:
        lines = chat.iter_lines()
        next(lines)  # the stream is open once its first line came
        _until(lambda: bot.db.live.connected.is_set())
        with other.db.engine.begin() as conn:
            killed = conn.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    # this test's database: other test processes share the server
                    "WHERE query LIKE 'LISTEN workerbot_live%' AND datname = current_database()"
                )
            ).scalar()
        assert killed == 1
        _until(lambda: bot.db.live.reconnects >= 1 and bot.db.live.connected.is_set())
        other.claim(cid, staff["bob"])
        assert _data(lines)["text"] == "工作人员李强已接入，正在为您服务。"


def test_sqlite_keeps_polling(tmp_path):  # noqa: ANN001
    db = Database(f"sqlite:///{tmp_path / 'x.db'}")
    assert not db.live.notifying and db.live.poll_seconds == 1.0
    db.dispose()
