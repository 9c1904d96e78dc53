"""Two app hosts behind nginx (round robin), sharing one PostgreSQL: what one host does, the
other sees and respects. Each check hits a host directly where it needs to choose the host,
and goes through nginx otherwise.
"""

from __future__ import annotations

import secrets
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import httpx
from sqlalchemy import func, select, update
from sqlalchemy import text as sql

from bot.staff.accounts import create_user
from bot.staff.desk import UNCLAIMED_TEXT
from bot.store.db import Database
from bot.store.live import CHANNEL as LIVE_CHANNEL
from bot.store.models import (
    EV_BOT,
    EV_SYSTEM,
    EV_USER,
    STATE_WAITING,
    Conversation,
    Event,
    FaqEntry,
    Lease,
    ProcessedMessage,
    utcnow,
)
from tests.console.conftest import PASSWORD, StaffClient
from tests.hosts.support import AppHost, fresh_database, serving
from tests.support import TLS

SWEEP_SECONDS = 2
DEADLINE = 60.0  # generous: the machine is shared; watchers and streams poll once a second
SLUG, QUESTION = "ot_pay_rates", "加班费按几倍算？"
NEW_ANSWER = "（跨主机测试）加班费：工作日150%，休息日200%，法定节假日300%。"
QUESTIONS = [
    "加班费按几倍算？",
    "年休假有几天",
    "试用期最长多久",
    "公司不签劳动合同怎么办",
    "工资拖欠了怎么办",
    "你好",
    "被辞退有补偿吗",
    "有什么课程",
]


def _wait_for(what: str, done: Callable[[], object], hosts: list[AppHost]) -> object:
    deadline = time.monotonic() + DEADLINE
    while not (found := done()):
        logs = "\n".join(f"--- {h.name}\n{h.log()[-3000:]}" for h in hosts)
        assert time.monotonic() < deadline, f"timed out waiting for {what}\n{logs}"
        time.sleep(0.2)
    return found


def _send(base: str, sender: str, text: str, mid: str) -> httpx.Response:
    r = httpx.post(
        f"{base}/chat/api/send",
        json={"sender": sender, "text": text, "message_id": mid},
        timeout=60,
        verify=TLS,
    )
    assert r.status_code == 200, r.text
    return r


def _texts(r: httpx.Response) -> list[str]:
    return [reply["text"] for reply in r.json()["replies"]]


def _conversation(db: Database, sender: str) -> int:
    with db.read() as s:
        return s.scalar(select(Conversation.id).where(Conversation.sender_id == sender))


def _turns(db: Database, cid: int) -> list[tuple[str, list[str]]]:
    """The stored user messages in order, each with the bot's texts stored after it."""
    with db.read() as s:
        rows = s.execute(
            select(Event.type, Event.message_id, Event.text)
            .where(Event.conversation_id == cid, Event.type.in_((EV_USER, EV_BOT)))
            .order_by(Event.id)
        ).all()
    turns: list[tuple[str, list[str]]] = []
    for kind, mid, text in rows:
        if kind == EV_USER:
            turns.append((mid, []))
        else:
            assert turns, "a bot reply stored before any message"
            turns[-1][1].append(text)
    return turns


def _leases(db: Database) -> dict[str, str]:
    with db.read() as s:
        return dict(s.execute(select(Lease.name, Lease.holder)).all())


# -- the checks ---------------------------------------------------------------------------------
def check_one_workers_burst(lb: str, db: Database, hosts: list[AppHost]) -> None:
    """One worker's messages, sent one after another and then all at once through nginx,
    are handled one at a time: each stored message is followed by exactly its own replies."""
    sender = f"burst-{secrets.token_hex(8)}"
    answers: dict[str, list[str]] = {}
    upstreams = set()
    for i, text in enumerate(QUESTIONS):
        r = _send(lb, sender, text, f"seq-{i:04d}")
        upstreams.add(r.headers["X-Upstream"])
        answers[f"seq-{i:04d}"] = _texts(r)
    assert upstreams == {f"127.0.0.1:{h.port}" for h in hosts}, "nginx used one host only"
    burst = [(f"par-{i:04d}", QUESTIONS[i % len(QUESTIONS)]) for i in range(16)]
    start = threading.Barrier(len(burst))

    def one(mid: str, text: str) -> tuple[str, list[str]]:
        start.wait()
        return mid, _texts(_send(lb, sender, text, mid))

    with ThreadPoolExecutor(len(burst)) as pool:
        answers.update(pool.map(lambda m: one(*m), burst))
    turns = _turns(db, _conversation(db, sender))
    order = [mid for mid, _ in turns]
    assert order[: len(QUESTIONS)] == [f"seq-{i:04d}" for i in range(len(QUESTIONS))]
    assert sorted(order[len(QUESTIONS) :]) == [mid for mid, _ in burst]  # each once
    for mid, stored in turns:
        assert stored == answers[mid], f"{mid}: stored replies are another turn's"


def check_retry_on_the_other_host(a: AppHost, b: AppHost, db: Database) -> None:
    """A message id retried on the other host is answered from the store, not handled again."""
    sender = f"retry-{secrets.token_hex(8)}"
    first = _texts(_send(a.url, sender, QUESTION, "retry-0001"))
    cid = _conversation(db, sender)
    with db.read() as s:
        events = s.scalar(select(func.count()).where(Event.conversation_id == cid))
    again = _texts(_send(b.url, sender, QUESTION, "retry-0001"))
    assert again == first
    with db.read() as s:
        assert s.scalar(select(func.count()).where(Event.conversation_id == cid)) == events
        assert s.scalar(select(func.count()).where(ProcessedMessage.conversation_id == cid)) == 1


def _handed_over(lb: str, db: Database, label: str) -> int:
    sender = f"{label}-{secrets.token_hex(8)}"
    _send(lb, sender, "转人工", f"{label}-0001")
    cid = _conversation(db, sender)
    with db.read() as s:
        assert s.get(Conversation, cid).state == STATE_WAITING
    return cid


def check_claims_win_once(
    lb: str, db: Database, alice: StaffClient, bob: StaffClient
) -> tuple[int, StaffClient]:
    """Two staff claiming at the same moment through different hosts: one wins."""
    won: tuple[int, StaffClient] | None = None
    for round_ in range(3):
        cid = _handed_over(lb, db, f"claim{round_}")
        start, results = threading.Barrier(2), {}

        def claim(who: StaffClient, cid: int = cid, start=start, results=results) -> None:  # noqa: ANN001
            start.wait()
            results[who] = who.post(f"/console/api/conversations/{cid}/claim").status_code

        threads = [threading.Thread(target=claim, args=(c,)) for c in (alice, bob)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(results.values()) == [200, 409], results
        (winner,) = [c for c, status in results.items() if status == 200]
        with db.read() as s:
            assert s.get(Conversation, cid).assigned_to == winner.username
        won = (cid, winner)
    assert won is not None
    return won


def _collect(
    url: str,
    cookies: httpx.Cookies,
    lines: list[str],
    opened: threading.Event,
    sockets: list[socket.socket],
) -> None:
    """Read a server-sent event stream into `lines` until the server or the test ends it;
    the stream's socket goes into `sockets`, for the test to close the page."""
    try:
        with (
            httpx.Client(
                cookies=cookies, timeout=httpx.Timeout(10, read=DEADLINE), verify=TLS
            ) as client,
            client.stream("GET", url) as r,
        ):
            assert r.status_code == 200
            sockets.append(r.extensions["network_stream"].get_extra_info("socket"))
            opened.set()
            for line in r.iter_lines():
                lines.append(line)
    except httpx.HTTPError:
        pass  # closed at the end of the test
    finally:
        opened.set()


def _listening(db: Database) -> bool:
    """A process listens for live updates on this database (only host A opens streams)."""
    with db.read() as s:
        return bool(
            s.scalar(
                sql(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    " AND query = :listen"
                ),
                {"listen": f"LISTEN {LIVE_CHANNEL}"},
            )
        )


def check_streams_see_the_other_host(
    a: AppHost, b: AppHost, db: Database, cid: int, holder: StaffClient
) -> None:
    """The console's live view and the worker's web chat stream, open on host A, show a
    staff reply sent through host B (with the same session cookie)."""
    with db.read() as s:
        sender = s.get(Conversation, cid).sender_id
        last = s.scalar(select(func.max(Event.id)).where(Event.conversation_id == cid))
    console, chat = [], []
    streams = [
        (
            f"{a.url}/console/api/conversations/{cid}/stream?after={last}",
            holder.http.cookies,
            console,
        ),
        (f"{a.url}/chat/api/stream?sender={sender}&after={last}", httpx.Cookies(), chat),
    ]
    opened = [threading.Event() for _ in streams]
    sockets: list[socket.socket] = []
    threads = [
        threading.Thread(target=_collect, args=(*s, o, sockets), daemon=True)
        for s, o in zip(streams, opened, strict=True)
    ]
    for t in threads:
        t.start()
    for o in opened:
        assert o.wait(DEADLINE)
    # A's streams are woken by its LISTEN connection, which the first stream starts: a
    # change committed before it listens is seen only at the streams' safety re-read (30 s,
    # too close to the deadline on a loaded machine). Wait until it listens, then write.
    _wait_for("host A's live-update listener", lambda: _listening(db), [a, b])
    on_b = StaffClient(b.url)
    on_b.http.cookies = holder.http.cookies  # the session signed by host A's key
    on_b.csrf = holder.csrf
    text = f"您好，我是工作人员，这就帮您看看（{secrets.token_hex(3)}）"
    assert on_b.post(f"/console/api/conversations/{cid}/reply", {"text": text}).status_code == 200
    _wait_for("the console stream on A", lambda: any(text in line for line in console), [a, b])
    _wait_for("the web chat stream on A", lambda: any(text in line for line in chat), [a, b])
    on_b.close()
    # the staff member and the worker close their pages: an open stream would hold host A's
    # graceful shutdown at the end of the test until it is killed (20 s later)
    for sock in sockets:
        sock.shutdown(socket.SHUT_RDWR)
    for t in threads:
        t.join(DEADLINE)


def check_faq_edit_answers_on_the_other_host(
    a: AppHost, b: AppHost, db: Database, root: StaffClient
) -> None:
    """An FAQ entry edited in /admin on host A is the answer host B gives."""
    before = _texts(_send(b.url, f"faq-{secrets.token_hex(8)}", QUESTION, "faq-00000"))
    assert not any(NEW_ANSWER in t for t in before)
    with db.read() as s:
        entry = s.scalar(select(FaqEntry).where(FaqEntry.slug == SLUG))
    form = {
        "question": entry.question,
        "alternates": "\n".join(entry.alternates),
        "answer": NEW_ANSWER,
        "category": entry.category,
        "source": entry.source,
        "enabled": "y",
        "save": "保存",
        "csrf_token": root.csrf,
    }
    assert root.http.post(f"/admin/faq-entry/edit/{entry.id}", data=form).status_code == 302
    asked = iter(range(1, 10_000))

    def answered() -> bool:
        n = next(asked)
        texts = _texts(_send(b.url, f"faq-{secrets.token_hex(8)}", QUESTION, f"faq-{n:05d}"))
        return any(NEW_ANSWER in t for t in texts)

    _wait_for("host B to answer with the edit", answered, [a, b])


def check_sweeper_once(db: Database, cid: int, hosts: list[AppHost], leases: dict) -> None:
    """The unclaimed notice, due since the start, was sent once; every background job's
    lease stayed with the one process that took it."""

    def notices() -> int:
        with db.read() as s:
            return s.scalar(
                select(func.count()).where(
                    Event.conversation_id == cid,
                    Event.type == EV_SYSTEM,
                    Event.text == UNCLAIMED_TEXT,
                )
            )

    _wait_for("the unclaimed notice", notices, hosts)
    assert notices() == 1
    pids = {str(h.pid) for h in hosts}
    now = _leases(db)
    for name, holder in leases.items():
        assert now[name] == holder, f"{name} changed hands while both hosts ran"
        assert holder.split(":")[1] in pids


# -- the test -----------------------------------------------------------------------------------
def test_two_hosts_behind_nginx(pg_url, model_dir, tmp_path, nginx, cheap_hashes):
    with fresh_database(pg_url) as url:
        db = Database(url)
        for name, role in (("alice", "staff"), ("bob", "staff"), ("root", "admin")):
            create_user(db, name, PASSWORD, role, name)
        key = secrets.token_urlsafe(48)
        # the sweepers' rounds every 2 s (lease 6 s) rather than 15: the unclaimed notice
        # checked last is due from the start
        config = {
            "server": {"trusted_proxies": ["127.0.0.1"]},
            "console": {"sweep_seconds": SWEEP_SECONDS},
        }
        hosts = [AppHost(n, tmp_path, url, model_dir, key, config) for n in ("host-a", "host-b")]
        a, b = hosts
        clients: list[StaffClient] = []
        try:
            with serving(hosts):
                lb = nginx([f"127.0.0.1:{h.port}" for h in hosts]).url
                # due at once: the sweepers of both hosts race for it from now on
                waiting = _handed_over(lb, db, "sweep")
                with db.write_lock(), db.session() as s:
                    s.execute(
                        update(Conversation)
                        .where(Conversation.id == waiting)
                        .values(handoff_at=utcnow() - timedelta(hours=2))
                    )
                leases = _wait_for(
                    "every job's lease", lambda: len(_leases(db)) >= 3 and _leases(db), hosts
                )

                check_one_workers_burst(lb, db, hosts)
                check_retry_on_the_other_host(a, b, db)
                alice, bob, root = StaffClient(a.url), StaffClient(b.url), StaffClient(lb)
                clients += [alice, bob, root]
                for client, name in ((alice, "alice"), (bob, "bob"), (root, "root")):
                    assert client.login(name).status_code == 303
                    client.username = name
                cid, holder = check_claims_win_once(lb, db, alice, bob)
                check_streams_see_the_other_host(a, b, db, cid, holder)
                root.http.base_url = a.url  # edit on A
                check_faq_edit_answers_on_the_other_host(a, b, db, root)
                check_sweeper_once(db, waiting, hosts, leases)
        finally:
            for client in clients:
                client.close()
            db.dispose()
