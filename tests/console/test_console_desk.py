"""Staff at the desk over real HTTP: queue, claim, reply, notes, transfer, resolve, hand back."""

from __future__ import annotations

import threading

import httpx
from sqlalchemy import select

from bot.app import App
from bot.engine.turn import to_rasa_event
from bot.staff.desk import RATING_TEXT
from bot.staff.handoff import RELEASED_TEXT
from bot.store.models import Conversation, Event, Rating
from tests.console.conftest import StaffClient
from tests.e2e.chat import Worker


def conversation(bot: App, sender: str) -> Conversation:
    with bot.db.read() as s:
        return s.scalar(select(Conversation).where(Conversation.sender_id == sender))


def events(bot: App, cid: int, type_: str) -> list[Event]:
    with bot.db.read() as s:
        return list(
            s.scalars(select(Event).where(Event.conversation_id == cid, Event.type == type_))
        )


def handed_over(http: httpx.Client, sender: str, first: str = "老板欠我三个月工资") -> Worker:
    worker = Worker(http, sender)
    worker.say(first)
    worker.say("转人工")
    assert "已为您转接人工服务" in worker.text
    return worker


def test_the_queue_shows_who_waits_why_and_what_they_said(bot, http, clients):
    handed_over(http, "w-queue")
    upset = Worker(http, "w-upset")
    upset.say("你这个机器人一点用都没有，气死我了")  # heard, and offered a human ...
    upset.press("人工服务")  # ... which the worker takes
    q = clients["alice"].get("/console/api/queue").json()
    assert [item["name"] for item in q["waiting"]] == ["REST用户 ueue", "REST用户 pset"]
    first = q["waiting"][0]
    assert first["channel_label"] == "REST" and first["reason_label"] == "主动要求人工"
    assert first["last"] == "转人工" and first["since"].endswith("Z")
    assert q["waiting"][1]["reason_label"] == "情绪不满"
    assert q["mine"] == [] and q["open"] is True


def test_claim_reply_and_the_worker_stays_with_staff(bot, http, clients):
    worker = handed_over(http, "w-claim")
    cid = conversation(bot, "w-claim").id
    alice, bob = clients["alice"], clients["bob"]
    assert alice.post(f"/console/api/conversations/{cid}/claim").status_code == 200
    r = bob.post(f"/console/api/conversations/{cid}/claim")
    assert r.status_code == 409 and "alice" in r.json()["message"]
    # only the holder may answer
    assert bob.post(f"/console/api/conversations/{cid}/reply", {"text": "你好"}).status_code == 409
    r = alice.post(f"/console/api/conversations/{cid}/reply", {"text": "您好，我是王丽"})
    assert r.status_code == 200
    # the bot stays silent while a person holds it; REST cannot push, so what staff wrote
    # since comes in this answer (bot/staff/missed.py), once
    shown = [m["text"] for m in worker.say("公司在渝北区")]
    assert shown == ["工作人员王丽已接入，正在为您服务。", "您好，我是王丽"]
    assert worker.say("在渝北区龙溪街道") == []
    detail = alice.get(f"/console/api/conversations/{cid}").json()
    assert detail["state"] == "with_human" and detail["mine"] is True
    texts = [(e["type"], e["text"]) for e in detail["events"]]
    assert ("staff", "您好，我是王丽") in texts and ("user", "公司在渝北区") in texts
    assert ("system", "工作人员王丽已接入，正在为您服务。") in texts
    said = next(e for e in detail["events"] if e["text"] == "老板欠我三个月工资")
    assert said["intent"] and said["intent_label"] and 0 < said["confidence"] <= 1
    assert [x["author"] for x in detail["events"] if x["type"] == "staff"] == ["王丽"]


def test_notes_stay_private_and_out_of_the_bots_memory(bot, http, clients):
    handed_over(http, "w-note")
    cid = conversation(bot, "w-note").id
    alice = clients["alice"]
    alice.post(f"/console/api/conversations/{cid}/claim")
    r = alice.post(f"/console/api/conversations/{cid}/note", {"text": "疑似恶意欠薪，先记下"})
    assert r.status_code == 200
    (note,) = events(bot, cid, "note")
    assert note.data["author"] == "alice"
    assert to_rasa_event(note.type, note.text, note.data) is None
    # the worker's page never gets it
    page = http.get("/chat/api/history", params={"sender": "x" * 16}).json()
    assert page["messages"] == []


def test_two_staff_claiming_at_once_exactly_one_wins(bot, http, clients):
    senders = [f"w-race-{i}" for i in range(4)]
    for sender in senders:
        handed_over(http, sender, "工资没发")
    ids = [conversation(bot, s).id for s in senders]
    for cid in ids:
        barrier = threading.Barrier(2)
        results: dict[str, int] = {}

        def claim(
            name: str, client: StaffClient, cid: int = cid, barrier=barrier, results=results
        ) -> None:
            barrier.wait()
            results[name] = client.post(f"/console/api/conversations/{cid}/claim").status_code

        threads = [threading.Thread(target=claim, args=(n, clients[n])) for n in ("alice", "bob")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(results.values()) == [200, 409]
        winner = next(n for n, code in results.items() if code == 200)
        with bot.db.read() as s:
            assert s.get(Conversation, cid).assigned_to == winner
        claims = [e for e in events(bot, cid, "state") if "claimed" in e.data["reason"]]
        assert len(claims) == 1


def test_transfer_goes_only_to_a_colleague_online(bot, http, clients):
    handed_over(http, "w-transfer")
    cid = conversation(bot, "w-transfer").id
    alice, bob = clients["alice"], clients["bob"]
    alice.post(f"/console/api/conversations/{cid}/claim")
    online = alice.get("/console/api/staff/online").json()
    assert {u["username"] for u in online} == {"bob", "root"}
    bob.post("/console/api/presence", {"presence": "away"})
    r = alice.post(f"/console/api/conversations/{cid}/transfer", {"to": "bob"})
    assert r.status_code == 409
    bob.post("/console/api/presence", {"presence": "online"})
    r = alice.post(f"/console/api/conversations/{cid}/transfer", {"to": "bob"})
    assert r.status_code == 200
    assert conversation(bot, "w-transfer").assigned_to == "bob"
    assert bob.get("/console/api/queue").json()["mine"][0]["id"] == cid
    assert alice.post(f"/console/api/conversations/{cid}/reply", {"text": "x"}).status_code == 409


def test_resolve_asks_for_a_score_and_records_it(bot, http, clients):
    worker = handed_over(http, "w-resolve")
    cid = conversation(bot, "w-resolve").id
    alice = clients["alice"]
    alice.post(f"/console/api/conversations/{cid}/claim")
    r = alice.post(f"/console/api/conversations/{cid}/resolve", {"text": "已帮您登记，请等电话。"})
    assert r.status_code == 200
    assert conversation(bot, "w-resolve").state == "closed"
    notices = [e.text for e in events(bot, cid, "system")]
    assert notices[-1] == RATING_TEXT
    worker.say("５分")
    assert "感谢您的评价" in worker.text
    with bot.db.read() as s:
        (rating,) = s.scalars(select(Rating).where(Rating.conversation_id == cid)).all()
    assert (rating.score, rating.staff) == (5, "alice") and rating.rated_at
    worker.say("你好")  # afterwards the bot answers again
    assert worker.last and conversation(bot, "w-resolve").state == "bot"
    detail = alice.get(f"/console/api/conversations/{cid}").json()
    assert detail["rating"]["score"] == 5


def test_a_worker_who_answers_something_else_is_just_served_by_the_bot(bot, http, clients):
    worker = handed_over(http, "w-norate")
    cid = conversation(bot, "w-norate").id
    clients["alice"].post(f"/console/api/conversations/{cid}/claim")
    clients["alice"].post(f"/console/api/conversations/{cid}/resolve")
    worker.say("有什么课")
    assert worker.last and "感谢您的评价" not in worker.text
    with bot.db.read() as s:
        assert s.scalar(select(Rating.score).where(Rating.conversation_id == cid)) is None


def test_hand_back_to_the_bot(bot, http, clients):
    worker = handed_over(http, "w-back")
    cid = conversation(bot, "w-back").id
    alice, bob = clients["alice"], clients["bob"]
    alice.post(f"/console/api/conversations/{cid}/claim")
    assert bob.post(f"/console/api/conversations/{cid}/release").status_code == 409
    assert alice.post(f"/console/api/conversations/{cid}/release").status_code == 200
    assert conversation(bot, "w-back").state == "bot"
    assert events(bot, cid, "system")[-1].text == RELEASED_TEXT
    worker.say("你好")
    assert worker.last


def test_canned_replies_are_seeded(clients):
    canned = clients["alice"].get("/console/api/canned").json()
    assert {"hello", "materials", "hotline"} <= {c["shortcut"] for c in canned}
    assert all(c["text"] and c["title"] for c in canned)


def test_the_queue_stream_shows_a_new_handoff_live(http, clients):
    with clients["alice"].http.stream("GET", "/console/api/stream") as stream:
        lines = stream.iter_lines()
        first = next(line for line in lines if line.startswith("data:"))
        assert '"waiting":[]' in first
        handed_over(http, "w-live")
        update = next(line for line in lines if line.startswith("data:"))
        assert "w-live"[-4:] in update and "主动要求人工" in update
