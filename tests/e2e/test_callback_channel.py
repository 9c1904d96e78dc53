"""Rasa's callback channel over real HTTP: replies and later pushes (staff replies, notices)
are POSTed to the integration's own server, here a real one on a free local port."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from bot.app import App, create_app
from bot.settings import Settings
from bot.store.models import Conversation
from tests.conftest import ROOT, LiveServer
from tests.support import TLS
from tests.support.demo import demo_db

TOKEN = "cb-token-0123456789"


class Receiver:
    """The integration's endpoint: records every POST; can be told to fail."""

    def __init__(self) -> None:
        self.received: list[dict] = []
        self.auth: list[str | None] = []
        self.status = 200
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if receiver.status == 200:
                    receiver.received.append(json.loads(body))
                    receiver.auth.append(self.headers.get("Authorization"))
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/bot"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def texts(self) -> list[str]:
        return [m.get("text", "") for m in self.received]

    def wait_for(self, part: str, timeout: float = 10) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for m in self.received:
                if part in m.get("text", ""):
                    return m
            time.sleep(0.02)
        raise AssertionError(f"{part!r} never arrived; got {self.texts()}")


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.httpd.shutdown()


@pytest.fixture
def cb_bot(tmp_path: Path, model_dir: Path, receiver: Receiver) -> Iterator[App]:
    settings = Settings.load(
        ROOT / "config.yml",
        workerbot_database_url=f"sqlite:///{tmp_path / 'bot.db'}",
        workerbot_model_dir=model_dir,
        callback_url=receiver.url,
        callback_token=TOKEN,
    )
    demo_db(settings)
    app = create_app(settings)
    yield app
    app.db.dispose()


@pytest.fixture
def cb_http(cb_bot: App) -> Iterator[httpx.Client]:
    live = LiveServer(cb_bot)
    with httpx.Client(base_url=live.url, timeout=10, verify=TLS) as client:
        yield client
    live.stop()


def send(http: httpx.Client, sender: str, message: str, **extra: str) -> httpx.Response:
    return http.post(
        "/webhooks/callback/webhook", json={"sender": sender, "message": message, **extra}
    )


def test_replies_go_to_the_callback_url_in_rasa_shape(cb_http, receiver):
    assert cb_http.get("/webhooks/callback/").json() == {"status": "ok"}
    r = send(cb_http, "cb-1", "年休假有几天")
    assert r.status_code == 200 and r.text == "success"
    (answer,) = receiver.received
    assert answer["recipient_id"] == "cb-1" and "《职工带薪年休假条例》" in answer["text"]
    assert [b["title"] for b in answer["buttons"]][:2] == ["有帮助", "没帮助"]
    # a long answer: 详细说明 first, its payload names the entry
    send(cb_http, "cb-1", "一个月最多能加好多个小时的班")
    longer = receiver.received[-1]
    assert longer["buttons"][0] == {
        "title": "详细说明",
        "payload": '/answer_more{"faq_id":"ot_limits"}',
    }
    assert set(receiver.auth) == {f"Bearer {TOKEN}"}


def test_staff_replies_and_notices_reach_a_callback_worker(cb_bot, cb_http, receiver):
    send(cb_http, "cb-2", "转人工")
    receiver.wait_for("已为您转接人工服务")
    with cb_bot.db.read() as s:
        conv = s.scalar(select(Conversation).where(Conversation.sender_id == "cb-2"))
    assert conv.channel == "callback" and conv.state == "waiting_for_human"
    push = cb_bot.desk.say(conv.id, "您好，我是工作人员小王，请讲。")
    assert asyncio.run(cb_bot.channels.deliver(push)) is True
    staff_reply = receiver.wait_for("工作人员小王")
    assert staff_reply["recipient_id"] == "cb-2"


def test_a_retried_message_id_is_not_posted_twice(cb_http, receiver):
    send(cb_http, "cb-3", "你好", message_id="m-1")
    first = len(receiver.received)
    assert first >= 1
    assert send(cb_http, "cb-3", "你好", message_id="m-1").text == "success"
    assert len(receiver.received) == first


def test_an_unreachable_callback_is_reported_not_raised(cb_bot, cb_http, receiver):
    receiver.status = 500
    assert send(cb_http, "cb-4", "你好").text == "success"  # handled and kept in the log
    with cb_bot.db.read() as s:
        conv = s.scalar(select(Conversation).where(Conversation.sender_id == "cb-4"))
    push = cb_bot.desk.say(conv.id, "在吗？")
    assert asyncio.run(cb_bot.channels.deliver(push)) is False


def test_bad_requests_get_a_clear_answer(cb_http, receiver):
    assert send(cb_http, "", "你好").status_code == 400
    r = cb_http.post("/webhooks/callback/webhook", json={"sender": "cb-5", "message": 5})
    assert r.status_code == 400 and "message" in r.json()["message"]
    assert receiver.received == []
