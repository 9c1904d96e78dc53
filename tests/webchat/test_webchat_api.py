"""The web chat's HTTP side: the page, sending with retry-safe ids, history, the live stream."""

from __future__ import annotations

import asyncio
import json
import re

from sqlalchemy import select

from bot.core.messages import Push
from bot.store.models import Conversation

SENDER = "a1b2c3d4e5f6a7b8c9d0"


def send(http, text: str, message_id: str, sender: str = SENDER) -> dict:
    r = http.post("/chat/api/send", json={"sender": sender, "text": text, "message_id": message_id})
    assert r.status_code == 200, r.text
    return r.json()


def test_the_page_is_served_with_its_own_files_only(http):
    page = http.get("/chat")
    assert page.status_code == 200 and "区总工会职工服务" in page.text
    assert '<script src="/static/chat.js">' in page.text and "<script>" not in page.text
    assert "http" not in page.text.replace("http-equiv", "")  # nothing from elsewhere
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/chat.js", "/static/chat.css"):
        assert http.get(asset).status_code == 200


def test_the_tab_icon_is_served(http):
    icon = http.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    assert icon.content.startswith(b"<svg")


def test_the_welcome_buttons_use_the_greeting_s_words(http):
    from actions.buttons import menu

    page = http.get("/chat").text
    buttons = re.findall(r'data-payload="([^"]+)">([^<]+)</button>', page)
    assert [(f"{b['payload']}", b["title"]) for b in menu()] == buttons


def test_messages_reach_the_bot_once(bot, http):
    first = send(http, "你好", "msg-00000001")["replies"]
    assert first and first[0]["text"]
    assert send(http, "你好", "msg-00000001")["replies"] == first  # a retry is answered the same
    with bot.db.read() as s:
        conv = s.scalar(select(Conversation).where(Conversation.sender_id == SENDER))
    assert conv.channel == "web"
    history = http.get("/chat/api/history", params={"sender": SENDER}).json()
    assert [m["kind"] for m in history["messages"]][:2] == ["user", "bot"]
    assert history["last_id"] > 0


def test_buttons_come_back_with_their_payloads(http):
    replies = send(http, "有什么课", "msg-00000002")["replies"]
    buttons = [b for r in replies for b in r.get("buttons", [])]
    assert buttons and all(b["title"] and b["payload"] for b in buttons)


def test_bad_requests_are_refused(http):
    ok = {"sender": SENDER, "text": "你好", "message_id": "msg-00000003"}
    for field, bad in (("sender", "short"), ("sender", "../../etc"), ("message_id", "x")):
        r = http.post("/chat/api/send", json=ok | {field: bad})
        assert r.status_code == 400
    assert http.post("/chat/api/send", content=b"{").status_code == 400
    assert http.get("/chat/api/history", params={"sender": "x"}).status_code == 400
    assert http.get("/chat/api/stream", params={"sender": "<b>"}).status_code == 400


def test_markup_comes_back_as_plain_text(http):
    send(http, "<script>alert(1)</script>", "msg-00000004")
    history = http.get("/chat/api/history", params={"sender": SENDER}).json()
    assert history["messages"][0]["text"] == "<script>alert(1)</script>"


def test_staff_replies_arrive_on_the_stream(bot, http, clients):
    send(http, "转人工", "msg-00000005")
    after = http.get("/chat/api/history", params={"sender": SENDER}).json()["last_id"]
    with bot.db.read() as s:
        cid = s.scalar(select(Conversation.id).where(Conversation.sender_id == SENDER))
    alice = clients["alice"]
    params = {"sender": SENDER, "after": after}
    with http.stream("GET", "/chat/api/stream", params=params) as stream:
        lines = stream.iter_lines()
        alice.post(f"/console/api/conversations/{cid}/claim")
        alice.post(f"/console/api/conversations/{cid}/reply", {"text": "您好，请讲"})
        alice.post(f"/console/api/conversations/{cid}/note", {"text": "内部备注"})
        got = []
        for line in lines:
            if line.startswith("id:"):
                last_id = int(line[3:])
            if line.startswith("data:"):
                got.append(json.loads(line[5:]))
            if len(got) == 2:
                break
    assert [(m["kind"], m["text"]) for m in got] == [
        ("notice", "工作人员王丽已接入，正在为您服务。"),
        ("staff", "您好，请讲"),
    ]
    assert got[1]["author"] == "王丽"
    # a reconnect resumes after the last event it saw: nothing is repeated, the note never shows
    alice.post(f"/console/api/conversations/{cid}/reply", {"text": "还在吗"})
    with http.stream(
        "GET",
        "/chat/api/stream",
        params={"sender": SENDER},
        headers={"Last-Event-ID": str(last_id)},
    ) as stream:
        line = next(x for x in stream.iter_lines() if x.startswith("data:"))
    assert json.loads(line[5:])["text"] == "还在吗"


def test_the_web_channel_reports_pushes_as_delivered(bot):
    push = Push(1, "web", SENDER, {"text": "x"})
    assert asyncio.run(bot.channels.deliver(push)) is True


def test_two_browsers_with_the_same_message_id_each_get_their_own_answer(bot, http):
    # ids are kept per conversation by the engine (the page's ids are no longer prefixed
    # with the sender); the longest sender and id allowed fit the column
    a, b = "A" * 64, "B" * 64
    mid = "m" * 64
    first = send(http, "我想学书法", mid, sender=a)["replies"]
    assert "书法" in "".join(r["text"] for r in first)
    other = send(http, "你好", mid, sender=b)["replies"]
    assert other != first and "小助手" in other[0]["text"]
    assert send(http, "我想学书法", mid, sender=a)["replies"] == first  # a's retry
