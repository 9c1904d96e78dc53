"""Database transactions per second caused by idle open streams, polling versus LISTEN/NOTIFY.

Starts a private PostgreSQL server and the real HTTP server (uvicorn) on it, signs a staff
account in, opens N idle streams (half console queue streams, half web-chat streams) and
counts the database's transactions (pg_stat_database: commits + rollbacks, so read-only
transactions count too) over a window: first with no stream open (what the server does by
itself), then with the streams polling (as before notifications), then with notifications.
Writes the figures into docs/benchmarks.md.

    .venv/bin/python bench/idle_streams.py [--streams 200] [--window 60]
"""

from __future__ import annotations

import argparse
import asyncio
import re
import secrets
import socket
import sys
import threading
import time
from pathlib import Path

import httpx
import uvicorn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # pgserver imports its neighbours by name

from bench.docsection import write_section  # noqa: E402
from bench.pgserver import postgres_server  # noqa: E402
from bot.app import create_app  # noqa: E402
from bot.settings import Settings  # noqa: E402
from bot.settings.console import ConsoleConfig  # noqa: E402
from bot.staff.accounts import create_user  # noqa: E402
from bot.store.db import Database  # noqa: E402
from bot.web.server import create_web  # noqa: E402

PASSWORD = "quiet-harbour-lamp-42"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
COUNT = (
    "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()"
)


def transactions(db: Database) -> int:
    with db.engine.connect() as conn:
        conn.exec_driver_sql("SELECT pg_stat_clear_snapshot()")
        return int(conn.exec_driver_sql(COUNT).scalar())


def serve(settings: Settings, notify: bool) -> tuple[uvicorn.Server, threading.Thread, str]:
    app = create_app(settings)
    app.db.live.notifying = notify
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_web(app), log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{sock.getsockname()[1]}"


async def hold_streams(url: str, n: int, seconds: float, count) -> float:  # noqa: ANN001
    """Open n streams, let them settle, return transactions/s over `seconds`."""
    limits = httpx.Limits(max_connections=None, max_keepalive_connections=None)
    timeout = httpx.Timeout(10, read=None)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=timeout) as http:
        if n:
            form = await http.get("/console/login")
            token = CSRF.search(form.text).group(1)
            data = {"username": "bench", "password": PASSWORD, "csrf_token": token}
            assert (await http.post("/console/login", data=data)).status_code == 303
        opened = asyncio.Event()
        ready = [0]

        async def one(i: int) -> None:
            path = "/console/api/stream" if i % 2 == 0 else "/chat/api/stream"
            params = {} if i % 2 == 0 else {"sender": f"bench{i:016d}"}
            async with http.stream("GET", path, params=params) as r:
                assert r.status_code == 200, r.status_code
                ready[0] += 1
                if ready[0] == n:
                    opened.set()
                async for _ in r.aiter_lines():
                    pass

        tasks = [asyncio.create_task(one(i)) for i in range(n)]
        if n:
            await asyncio.wait_for(opened.wait(), 60)
        await asyncio.sleep(5)  # first reads done
        before = await asyncio.to_thread(count)
        await asyncio.sleep(seconds)
        after = await asyncio.to_thread(count)
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return (after - before) / seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--streams", type=int, default=200)
    parser.add_argument("--window", type=float, default=60.0)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    model = sorted((ROOT / "models").glob("nlu-*"), key=lambda p: p.stat().st_mtime)[-1]
    with postgres_server(max_connections=300) as url:
        db = Database(url)
        db.upgrade()
        create_user(db, "bench", PASSWORD, "staff", "压测")
        settings = Settings.load(
            ROOT / "config.yml",
            workerbot_database_url=url,
            workerbot_model_dir=model.parent,
            workerbot_secret_key=secrets.token_urlsafe(48),
        )
        settings.config.console = ConsoleConfig(
            working_days=[1, 2, 3, 4, 5, 6, 7], opens="00:00", closes="24:00"
        )
        settings.config.reminders.enabled = False
        rates = {}
        for name, notify, n in (
            ("idle", True, 0),
            ("poll", False, args.streams),
            ("notify", True, args.streams),
        ):
            server, thread, base = serve(settings, notify)
            try:
                rates[name] = asyncio.run(
                    hold_streams(base, n, args.window, lambda: transactions(db))
                )
            finally:
                server.should_exit = True
                thread.join(timeout=20)
            print(f"{name:>6}: {rates[name]:.1f} transactions/s", flush=True)
        db.dispose()
    poll_extra = rates["poll"] - rates["idle"]
    notify_extra = rates["notify"] - rates["idle"]
    share = notify_extra / poll_extra * 100 if poll_extra > 0 else float("nan")
    print(f"streams' own load with notifications: {share:.1f} % of polling")
    section = (
        "<!-- IDLE_STREAMS:BEGIN -->\n"
        f"`.venv/bin/python bench/idle_streams.py --streams {args.streams} --window {args.window:g}`"
        " — PostgreSQL (Debian's, private), one server process, "
        f"{args.streams} idle open streams (half console queue, half web chat), database "
        "transactions per second from `pg_stat_database` (commits + rollbacks) over the window:\n\n"
        "| | transactions/s | caused by the streams |\n|---|---|---|\n"
        f"| no stream open (the server's own work) | {rates['idle']:.1f} | – |\n"
        f"| {args.streams} streams, polling (before) | {rates['poll']:.1f} | {poll_extra:.1f} |\n"
        f"| {args.streams} streams, LISTEN/NOTIFY (after) | {rates['notify']:.1f} | "
        f"{notify_extra:.1f} ({share:.1f} % of polling) |\n"
        "<!-- IDLE_STREAMS:END -->"
    )
    if not args.no_write:
        write_section("IDLE_STREAMS", section, "## Idle live streams on PostgreSQL\n\n")


if __name__ == "__main__":
    main()
