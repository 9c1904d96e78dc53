"""WeChat's five seconds do not depend on the database.

The finding: while another process held the SQLite write lock for 10 s, the callback was
held past 5 s, WeChat retried, and the worker got the answer twice (a passive reply to the
third attempt plus a customer-service message). Now every attempt is answered in time
(`success` or the passive reply) whatever the database does, and the worker hears the
answer exactly once.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from sqlalchemy import func, select

from bot.store.models import Event
from tests.wechat.conftest import WeChatAPI, WeChatServer

WECHAT_TIMEOUT = 5.0  # WeChat drops the connection after five seconds and tries again
LOCK_SECONDS = 10.0

# takes the write lock exactly as a writer of this app does: the kernel file lock that orders
# writers (bot/store/db.py) and SQLite's own (BEGIN IMMEDIATE), then holds both for the given
# seconds or until told to let go (a line on its input)
HOLDER = """
import fcntl, os, select, sqlite3, sys
path, seconds = sys.argv[1], float(sys.argv[2])
fd = os.open(path + ".lock", os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
conn = sqlite3.connect(path, isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("held", flush=True)
select.select([sys.stdin], [], [], seconds)
conn.execute("ROLLBACK")
"""


@contextmanager
def write_lock_held(db_file: str, seconds: float) -> Iterator[None]:
    """The write lock held by another process for `seconds`, or until the block ends: the
    block's deliveries all happen under it, and nothing after them waits for the rest."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, db_file, str(seconds)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield
    finally:
        assert holder.stdin is not None
        with contextlib.suppress(OSError):  # (it has let go already)
            holder.stdin.write("let go\n")
            holder.stdin.close()
        holder.wait(timeout=seconds + 10)


def attempt(wechat: WeChatServer, xml: str) -> tuple[float, httpx.Response | None]:
    """One delivery as WeChat makes it: (seconds taken, response or None after 5 s)."""
    params, body = wechat.seal(xml)
    started = time.monotonic()
    try:
        r = wechat.http.post(
            "/webhooks/wechat", params=params, content=body, timeout=WECHAT_TIMEOUT
        )
    except httpx.TimeoutException:
        return time.monotonic() - started, None
    return time.monotonic() - started, r


def answers_heard(wechat: WeChatServer, api: WeChatAPI, responses, openid: str) -> list[str]:
    """Every answer the worker saw: passive replies plus customer-service messages."""
    passive = [wechat.reply(r)["Content"] for r in responses if wechat.reply(r) is not None]
    sent = [c["body"]["text"]["content"] for c in api.sent() if c["body"]["touser"] == openid]
    return passive + sent


def wait_for_an_answer(wechat, api, responses, openid: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not answers_heard(wechat, api, responses, openid):
        assert time.monotonic() < deadline, "the worker never got an answer"
        time.sleep(0.05)
    time.sleep(1.5)  # room for a second answer to show up, were one on its way


def user_events(bot) -> int:
    with bot.db.read() as s:
        return s.scalar(select(func.count()).select_from(Event).where(Event.type == "user"))


def test_a_locked_database_neither_delays_the_callback_nor_doubles_the_answer(
    bot, wechat, wechat_api
):
    openid = "o-locked-1"
    xml = wechat.xml(openid, "text", Content="年休假有几天")
    responses, timings = [], []
    with write_lock_held(bot.db.file_path, LOCK_SECONDS):
        for _ in range(3):  # WeChat tries again only when it heard nothing in time
            took, r = attempt(wechat, xml)
            timings.append(took)
            if r is not None:
                responses.append(r)
                break
    assert len(timings) == 1 and timings[0] < WECHAT_TIMEOUT, timings
    assert responses[0].status_code == 200
    wait_for_an_answer(wechat, wechat_api, responses, openid)
    heard = answers_heard(wechat, wechat_api, responses, openid)
    assert len(heard) == 1 and "年休假" in heard[0], heard
    assert user_events(bot) == 1


def test_lost_responses_while_the_database_is_locked_still_mean_one_answer(bot, wechat, wechat_api):
    """Even if WeChat never heard our answers (lost on the way) and tried three times."""
    openid = "o-locked-2"
    xml = wechat.xml(openid, "text", Content="年休假有几天")
    responses = []
    with write_lock_held(bot.db.file_path, LOCK_SECONDS):
        for _ in range(3):
            took, r = attempt(wechat, xml)
            assert r is not None and took < WECHAT_TIMEOUT and r.status_code == 200, took
            responses.append(r)
    wait_for_an_answer(wechat, wechat_api, responses, openid)
    heard = answers_heard(wechat, wechat_api, responses, openid)
    assert len(heard) == 1 and "年休假" in heard[0], heard
    assert user_events(bot) == 1
