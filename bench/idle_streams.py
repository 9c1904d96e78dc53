"""Database queries per second caused by idle open streams, polling versus LISTEN/NOTIFY.

Runs the real HTTP server (uvicorn) on a SQLite file and on a private PostgreSQL server,
signs a staff account in, opens N idle streams (half console queue streams, half web-chat
streams, each its own HTTP connection) and counts over a window the queries the server
sent to the database (a SQLAlchemy cursor event on its engine; BEGIN and COMMIT not
counted) and, on PostgreSQL, the server's transactions (pg_stat_database: commits
+ rollbacks, so read-only transactions count too): first with no stream open (what the
server does by itself), then with the streams polling (SQLite always; PostgreSQL before
notifications), then with notifications (PostgreSQL). Writes the figures into
docs/benchmarks.md.

    .venv/bin/python bench/idle_streams.py [--streams 200] [--window 60]
"""

from __future__ import annotations

import argparse
import asyncio
import re
import secrets
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import uvicorn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # pgserver imports its neighbours by name

from sqlalchemy import event  # noqa: E402

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


class Statements:
    """Queries the server's engine sends (SQLite's BEGIN, sent as a statement, not counted:
    on PostgreSQL the driver begins and commits without one)."""

    def __init__(self) -> None:
        self.count = 0
        self._lock = threading.Lock()

    def __call__(self, _conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        if statement.lstrip()[:5].upper() in ("BEGIN", "COMMI", "ROLLB"):
            return
        with self._lock:
            self.count += 1


def serve(
    settings: Settings, notify: bool
) -> tuple[uvicorn.Server, threading.Thread, str, Statements]:
    app = create_app(settings)
    app.db.live.notifying = notify
    statements = Statements()
    event.listen(app.db.engine, "before_cursor_execute", statements)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_web(app), log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{sock.getsockname()[1]}", statements


async def hold_streams(
    url: str, n: int, seconds: float, counters: dict[str, Callable[[], int]]
) -> dict[str, float]:
    """Open n streams, let them settle, return each counter's rate per second over `seconds`."""
    limits = httpx.Limits(max_connections=None, max_keepalive_connections=None)
    timeout = httpx.Timeout(30, read=None)
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
            await asyncio.wait_for(opened.wait(), 120)
        await asyncio.sleep(5)  # first reads done
        before = {k: await asyncio.to_thread(c) for k, c in counters.items()}
        await asyncio.sleep(seconds)
        after = {k: await asyncio.to_thread(c) for k, c in counters.items()}
        broken = [t for t in tasks if t.done()]
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    if broken:
        raise RuntimeError(f"{len(broken)} of {n} streams ended during the window")
    return {k: (after[k] - before[k]) / seconds for k in counters}


def settings_for(url: str, model: Path) -> Settings:
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
    return settings


def measure(
    settings: Settings, phases: list[tuple[str, bool, int]], window: float, pg: Database | None
) -> dict[str, dict[str, float]]:
    rates: dict[str, dict[str, float]] = {}
    for name, notify, n in phases:
        server, thread, base, statements = serve(settings, notify)
        counters: dict[str, Callable[[], int]] = {"queries": lambda s=statements: s.count}
        if pg is not None:
            counters["transactions"] = lambda: transactions(pg)
        try:
            rates[name] = asyncio.run(hold_streams(base, n, window, counters))
        finally:
            server.should_exit = True
            thread.join(timeout=20)
        shown = ", ".join(f"{v:.1f} {k}/s" for k, v in rates[name].items())
        print(f"{name:>12}: {shown}", flush=True)
    return rates


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--streams", type=int, default=200)
    parser.add_argument("--window", type=float, default=60.0)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    n = args.streams
    model = sorted((ROOT / "models").glob("nlu-*"), key=lambda p: p.stat().st_mtime)[-1]
    with tempfile.TemporaryDirectory(prefix="workerbot-idle-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'idle.db'}"
        db = Database(url)
        db.upgrade()
        create_user(db, "bench", PASSWORD, "staff", "压测")
        db.dispose()
        sqlite = measure(
            settings_for(url, model), [("idle", False, 0), ("poll", False, n)], args.window, None
        )
    with postgres_server(max_connections=300) as url:
        db = Database(url)
        db.upgrade()
        create_user(db, "bench", PASSWORD, "staff", "压测")
        pg = measure(
            settings_for(url, model),
            [("idle", True, 0), ("poll", False, n), ("notify", True, n)],
            args.window,
            db,
        )
        db.dispose()

    def extra(rates: dict[str, dict[str, float]], phase: str, what: str) -> float:
        return rates[phase][what] - rates["idle"][what]

    def share(what: str) -> str:
        poll, notify = extra(pg, "poll", what), extra(pg, "notify", what)
        return f"{notify / poll * 100:.1f} % of polling" if poll > 0 else "–"

    print(f"streams' own queries with notifications: {share('queries')}")
    q, t = "queries", "transactions"
    rows = [
        f"| SQLite, no stream open (the server's own work) | {sqlite['idle'][q]:.1f} | – | – | – |",
        f"| SQLite, {n} streams, polling (SQLite keeps the poll) | {sqlite['poll'][q]:.1f} "
        f"| {extra(sqlite, 'poll', q):.1f} | – | – |",
        f"| PostgreSQL, no stream open | {pg['idle'][q]:.1f} | – | {pg['idle'][t]:.1f} | – |",
        f"| PostgreSQL, {n} streams, polling (before) | {pg['poll'][q]:.1f} "
        f"| {extra(pg, 'poll', q):.1f} | {pg['poll'][t]:.1f} | {extra(pg, 'poll', t):.1f} |",
        f"| PostgreSQL, {n} streams, LISTEN/NOTIFY (after) | {pg['notify'][q]:.1f} "
        f"| {extra(pg, 'notify', q):.1f} ({share(q)}) | {pg['notify'][t]:.1f} "
        f"| {extra(pg, 'notify', t):.1f} ({share(t)}) |",
    ]
    section = (
        "<!-- IDLE_STREAMS:BEGIN -->\n"
        f"`.venv/bin/python bench/idle_streams.py --streams {n} --window {args.window:g}`"
        f" on {time.strftime('%Y-%m-%d')} — one server process (uvicorn in the benchmark's "
        f"process), {n} idle open streams (half console queue streams of one signed-in "
        "staff account, half web-chat streams of workers without a conversation yet), each "
        "its own HTTP connection. Queries: what the server's engine sent "
        "(SQLAlchemy cursor events; BEGIN and COMMIT not counted); transactions: "
        "PostgreSQL's `pg_stat_database` (commits + rollbacks). Per second over the window, "
        "after 5 s of settling:\n\n"
        "| | queries/s | caused by the streams | transactions/s | caused by the streams |\n"
        "|---|---|---|---|---|\n" + "\n".join(rows) + "\n<!-- IDLE_STREAMS:END -->"
    )
    if not args.no_write:
        write_section("IDLE_STREAMS", section, "## Idle live streams on PostgreSQL\n\n")


if __name__ == "__main__":
    main()
