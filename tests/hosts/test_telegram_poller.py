"""Telegram long polling across hosts: one process polls (the holder of a database lease), and
when it dies another takes over. Two real `workerbot run` processes on one PostgreSQL, each
reaching the Telegram stand-in through a fake server of its own, so every call says who made it.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable

from sqlalchemy import select

from bot.channels.telegram import LEASE
from bot.store.db import Database
from bot.store.models import Lease
from tests.hosts.support import AppHost, fresh_database, serving
from tests.telegram.fake_api import TOKEN, FakeBotApi, FakeTelegramServer, TgUser

LEASE_SECONDS = 3  # renewed every second; a dead poller's lease runs out in three
DEADLINE = 60.0


def _wait_for(what: str, done: Callable[[], bool], hosts: list[AppHost]) -> None:
    deadline = time.monotonic() + DEADLINE
    while not done():
        logs = "\n".join(f"--- {h.name}\n{h.log()}" for h in hosts)
        assert time.monotonic() < deadline, f"timed out waiting for {what}\n{logs}"
        time.sleep(0.1)


def test_one_process_across_hosts_polls_and_another_takes_over(pg_url, model_dir, tmp_path):
    api = FakeBotApi()
    fakes = {name: FakeTelegramServer(api, via=name) for name in ("host-a", "host-b")}
    key = secrets.token_urlsafe(48)
    try:
        with fresh_database(pg_url) as url:
            hosts = [
                AppHost(
                    name,
                    tmp_path,
                    url,
                    model_dir,
                    key,
                    config={"telegram": {"poll_lease_seconds": LEASE_SECONDS}},
                    env={"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": fake.base_url},
                )
                for name, fake in fakes.items()
            ]
            with serving(hosts):
                _check_takeover(api, hosts, url)
    finally:
        for fake in fakes.values():
            fake.stop()


def _pollers(api: FakeBotApi) -> list[str]:
    return [c.via for c in api.calls_to("getUpdates")]


def _check_takeover(api: FakeBotApi, hosts: list[AppHost], url: str) -> None:
    # both processes have been through several elections (one a second) while one polled
    _wait_for("ten getUpdates", lambda: len(_pollers(api)) >= 10, hosts)
    assert len(set(_pollers(api))) == 1, _pollers(api)
    (leader,) = [h for h in hosts if h.name == _pollers(api)[0]]
    (survivor,) = [h for h in hosts if h is not leader]
    assert {c.via for c in api.calls_to("setMyCommands")} == {leader.name}
    assert not [c for c in api.calls_to("getUpdates") if c.status == 409]
    db = Database(url)
    try:
        with db.read() as s:
            holder = s.scalar(select(Lease.holder).where(Lease.name == LEASE))
        assert holder.split(":")[1] == str(leader.pid)

        worker = TgUser(api, 7301)
        api.queue_update(worker.text("/help"))
        _wait_for("the answer", lambda: len(api.sent(worker.chat_id)) == 1, hosts)

        leader.kill()  # no lease handed on: it has to run out
        before = len(_pollers(api))
        _wait_for(
            "the survivor to poll",
            lambda: survivor.name in _pollers(api)[before:],
            hosts,
        )
        with db.read() as s:
            holder = s.scalar(select(Lease.holder).where(Lease.name == LEASE))
        assert holder.split(":")[1] == str(survivor.pid)
        api.queue_update(worker.text("/help"))
        _wait_for("the survivor's answer", lambda: len(api.sent(worker.chat_id)) == 2, hosts)
        # the first message is not answered again by the survivor (handled once)
        time.sleep(LEASE_SECONDS)
        assert len(api.sent(worker.chat_id)) == 2
        assert set(_pollers(api)[before:]) <= {leader.name, survivor.name}
    finally:
        db.dispose()
