"""Load benchmark: the bot started the README's way vs a bare FastAPI echo, driven by wrk.

Run: `make bench` (or `.venv/bin/python bench/load.py`). Needs `wrk` (Debian package).
Writes the figures into docs/benchmarks.md between the LOAD markers and prints them.
`--postgres` adds runs on a PostgreSQL server it starts (Debian's `postgresql`), with 1, 2
and 4 app processes; `--year` adds runs on a database pre-filled by bench/seed_year.py
(`make bench BENCH_ARGS="--postgres --year"`); those go between the SCALE markers.
`--hosts` runs only the load through nginx to 1 and 2 app hosts on one PostgreSQL
(bench/load_hosts.py; `make bench BENCH_ARGS=--hosts`), between the HOSTS markers.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack
from pathlib import Path

from docsection import write_section
from load_hosts import hosts_main
from load_scale import remove_sqlite, scale_targets, write_scale_doc
from pgserver import postgres_server
from processes import free_port

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
DURATION = os.environ.get("BENCH_DURATION", "20s")
REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))
CONNECTIONS = 16
THREADS = 2


def wait_http(url: str, timeout: float = 60) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                if r.status == 200:
                    return time.perf_counter() - start
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"{url} did not answer within {timeout}s")


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its children, in MB."""
    pids, total = [pid], 0
    while pids:
        p = pids.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            children = Path(f"/proc/{p}/task/{p}/children").read_text().split()
            pids += [int(c) for c in children]
        except FileNotFoundError:
            pass
    return total / 1024


def tree_cpu_s(pid: int) -> float:
    """CPU time (user + system) used so far by a process and its children, ended or alive,
    in seconds: unlike messages/s it hardly depends on what else the shared machine runs."""
    pids, ticks = [pid], 0
    while pids:
        p = pids.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            # utime, stime, and cutime, cstime: children that ended (and were waited for)
            ticks += sum(int(f) for f in fields[11:15])
            pids += [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            pass
    return ticks / os.sysconf("SC_CLK_TCK")


def postmaster_pid(url: str) -> int | None:
    """The PostgreSQL server process of `url` (the parent of a backend), if it runs here."""
    if not url.startswith("postgresql"):
        return None
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as db:
        backend = db.execute(text("select pg_backend_pid()")).scalar()
        stat = Path(f"/proc/{backend}/stat").read_text()
    engine.dispose()
    return int(stat.rsplit(")", 1)[1].split()[1])


def wrk(url: str, script: str, duration: str, run: str = "main") -> dict:
    out = subprocess.run(
        [
            "wrk",
            f"-t{THREADS}",
            f"-c{CONNECTIONS}",
            f"-d{duration}",
            "--latency",
            "-s",
            str(ROOT / "bench" / script),
            url,
            "--",
            run,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    def ms(label: str) -> float:
        m = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    return {
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": ms("50%"),
        "p90_ms": ms("90%"),
        "p99_ms": ms("99%"),
        "non_2xx": int(m.group(1))
        if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out))
        else 0,
        "socket_errors": out.count("Socket errors"),
    }


def start(cmd: list[str], env: dict, health: str) -> tuple[subprocess.Popen, float]:
    """The server, once `health` answers; its output goes to a file, shown if it fails."""
    with tempfile.NamedTemporaryFile(
        "wb", prefix="bench-server-", suffix=".log", delete=False
    ) as log:
        proc = subprocess.Popen(
            cmd,
            env=env,
            cwd=ROOT,
            start_new_session=True,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:  # the shared machine can be slow: a server that never answers is stopped, not left
        return proc, wait_http(health, timeout=180)
    except BaseException:
        stop(proc)
        print(Path(log.name).read_text(errors="replace")[-3000:], file=sys.stderr)
        raise
    finally:
        Path(log.name).unlink(missing_ok=True)


def stop(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def prepare(url: str, models: Path, config: Path | None = None) -> dict:
    """The environment of a server on `url`, its database prepared the README's way
    (`config`: a config.yml of its own instead of the project's)."""
    env = dict(os.environ, WORKERBOT_DATABASE_URL=url, WORKERBOT_MODEL_DIR=str(models))
    if config is not None:  # paths in it are taken from its directory: the data stays ours
        env.update(WORKERBOT_CONFIG=str(config), WORKERBOT_DATA_DIR=str(ROOT / "data"))
    for step in (["db", "upgrade"], ["load-demo", "--if-empty"], ["train", "--if-missing"]):
        subprocess.run(
            [str(BIN / "workerbot"), *step], env=env, cwd=ROOT, check=True, capture_output=True
        )
    return env


def bench_bot(
    url: str, models: Path, workers: int | None = None, config: Path | None = None
) -> dict:
    """wrk against `workerbot run` on the database at `url` (prepared here if fresh), then
    the stored messages counted: what wrk saw answered must all be there, once."""
    env = prepare(url, models, config)
    port = free_port()
    cmd = [str(BIN / "workerbot"), "run", "--port", str(port)]
    proc, startup = start(
        cmd + (["--workers", str(workers)] if workers else []),
        env,
        f"http://127.0.0.1:{port}/health",
    )
    try:
        url_http = f"http://127.0.0.1:{port}"
        warm = wrk(url_http, "rest.lua", "3s", "warm")
        database = postmaster_pid(url)
        cpu = [tree_cpu_s(p) if p else 0.0 for p in (proc.pid, database)]
        result = wrk(url_http, "rest.lua", DURATION)
        pids = (proc.pid, database)
        used = [tree_cpu_s(p) - c if p else 0.0 for p, c in zip(pids, cpu, strict=True)]
        # CPU per message over the measured run: the app's processes, and the PostgreSQL
        # server's (its backends for the pool are alive until the app stops)
        result["app_cpu_ms"] = 1000 * used[0] / max(result["requests"], 1)
        result["db_cpu_ms"] = 1000 * used[1] / max(result["requests"], 1)
        result["requests_total"] = warm["requests"] + result["requests"]
        result["rss_mb"] = tree_rss_mb(proc.pid)
    finally:
        stop(proc)
    result.update(startup_s=startup, **count_stored(url))
    return result


def count_stored(url: str) -> dict:
    """Worker messages of this run stored, message ids stored twice, ids recorded (the
    year's seeded rows, ids `seed-…`, are not this run's)."""
    from sqlalchemy import create_engine, text

    ours = "message_id NOT LIKE 'seed-%'"
    engine = create_engine(url)
    with engine.connect() as db:
        user_events = db.execute(
            text(f"select count(*) from events where type='user' and {ours}")
        ).scalar()
        twice = db.execute(
            text(
                "select count(*) from (select message_id from events where type='user' "
                f"and {ours} group by message_id having count(*) > 1) t"
            )
        ).scalar()
        processed = db.execute(
            text(f"select count(*) from processed_messages where {ours}")
        ).scalar()
    engine.dispose()
    return {"user_events": user_events, "answered_twice": twice, "processed": processed}


def bench_echo(workers: int) -> dict:
    port = free_port()
    proc, _ = start(
        [
            str(BIN / "uvicorn"),
            "bench.echo_app:app",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        dict(os.environ),
        f"http://127.0.0.1:{port}/docs",
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wrk(url, "echo.lua", "3s")
        return wrk(url, "echo.lua", DURATION)
    finally:
        stop(proc)


def main() -> None:
    parser = argparse.ArgumentParser(description="wrk load benchmark (docs/benchmarks.md)")
    parser.add_argument(
        "--postgres", action="store_true", help="also on PostgreSQL, 1, 2 and 4 processes"
    )
    parser.add_argument(
        "--year", action="store_true", help="also on a database holding a year (1M events)"
    )
    parser.add_argument(
        "--hosts",
        action="store_true",
        help="only the runs through nginx to 1 and 2 app hosts on one PostgreSQL",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    if args.hosts:
        hosts_main(REPEATS, THREADS, CONNECTIONS, DURATION)
        return
    sys.path.insert(0, str(ROOT))
    from bot.settings import load_config

    workers = load_config(ROOT / "config.yml").server.workers
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        work, models = Path(tmp), Path(tmp) / "models"
        server = stack.enter_context(postgres_server()) if args.postgres else None
        targets = scale_targets(work, models, server, args.year)
        runs: dict[str, list[dict]] = {name: [] for name in ["sqlite", *targets]}
        echoes = []
        # this machine is shared: the runs compared are interleaved, one of each per round,
        # and the median and the worst round are reported
        for i in range(REPEATS):
            db = work / f"fresh-{i}.db"
            runs["sqlite"].append(bench_bot(f"sqlite:///{db}", models))
            remove_sqlite(db)
            echoes.append(bench_echo(workers))
            for name, target in targets.items():
                url, cleanup = target.make(i)
                runs[name].append(bench_bot(url, models, target.workers, target.config))
                cleanup()
    bots = runs["sqlite"]
    bot = sorted(bots, key=lambda r: r["rps"])[len(bots) // 2]
    echo = sorted(echoes, key=lambda r: r["rps"])[len(echoes) // 2]
    bot["all_rps"] = [round(b["rps"]) for b in bots]
    bot["all_p99_ms"] = [round(b["p99_ms"], 1) for b in bots]
    bot["answered_twice_total"] = sum(b["answered_twice"] for b in bots)
    bot["lost_total"] = sum(max(b["requests_total"] - b["user_events"], 0) for b in bots)
    print(json.dumps({"bot": bot, "echo": echo}, indent=2))
    write_doc(bot, echo, workers)
    if targets:
        write_scale_doc(runs, targets, workers, THREADS, CONNECTIONS, DURATION)


def write_doc(bot: dict, echo: dict, workers: int) -> None:
    section = f"""<!-- LOAD:BEGIN (written by bench/load.py) -->
Measured {time.strftime("%Y-%m-%d")} on this project's 2-core machine; `wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION}`,
Rasa-REST messages from 500 senders with unique message ids (`bench/rest.lua`), after a 3 s
warm-up; server started as `make run` does (SQLite file, WAL, every event persisted,
`workers: {workers}` from config.yml).

| server | requests/s | p50 ms | p90 ms | p99 ms | non-2xx |
|---|---|---|---|---|---|
| workerbot `POST /webhooks/rest/webhook` | {bot["rps"]:.0f} | {bot["p50_ms"]:.1f} | {bot["p90_ms"]:.1f} | {bot["p99_ms"]:.1f} | {bot["non_2xx"]} |
| bare FastAPI echo (`bench/echo_app.py`) | {echo["rps"]:.0f} | {echo["p50_ms"]:.1f} | {echo["p90_ms"]:.1f} | {echo["p99_ms"]:.1f} | {echo["non_2xx"]} |

- median of {REPEATS} runs, each on a fresh database; all runs: {bot["all_rps"]} requests/s,
  p99 {bot["all_p99_ms"]} ms
- workerbot / echo throughput ratio: **{bot["rps"] / echo["rps"]:.3f}**
- nothing lost or answered twice: after each run the events in the database are counted;
  median run: {bot["requests_total"]} answers counted by wrk (warm-up included),
  {bot["user_events"]} worker messages stored, {bot["processed"]} message ids recorded
  (requests still in flight when wrk stops are stored too). Over all runs:
  **{bot["lost_total"]}** answered messages missing from the database, **{bot["answered_twice_total"]}**
  message ids stored twice.
- start-up until `/health` answers (trained model present): **{bot["startup_s"]:.2f} s**
- resident memory of the server (master + workers): **{bot["rss_mb"]:.0f} MB**
<!-- LOAD:END -->"""
    write_section("LOAD", section, "## Load: REST webhook under wrk\n\n")


if __name__ == "__main__":
    main()
