"""The load benchmark through a load balancer (bench/load.py --hosts): the same wrk load sent
to Debian's nginx in front of 1 or 2 app hosts (`workerbot run` processes, each its own
port, as tests/hosts runs them) sharing one PostgreSQL database; the same lost/duplicate
count from the database afterwards."""

from __future__ import annotations

import os
import secrets
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from docsection import write_section
from pgserver import drop_database, new_database
from processes import free_port

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@dataclass
class HostsRun:
    label: str
    hosts: int
    workers: int  # processes per host


# one host as `make run` (2 processes), then the same processes split over 2 hosts, then
# 2 hosts of 2 processes each (what a deployment with a spare host runs)
RUNS = (
    HostsRun("1 host × 2 processes, via nginx", 1, 2),
    HostsRun("2 hosts × 1 process, via nginx", 2, 1),
    HostsRun("2 hosts × 2 processes, via nginx", 2, 2),
)


def load_average() -> float:
    return os.getloadavg()[0]


def bench_hosts(url: str, models: Path, run: HostsRun, work: Path) -> dict:
    """wrk against nginx in front of `run.hosts` app hosts on the database at `url`."""
    sys.path.insert(0, str(ROOT))
    from load import count_stored, postmaster_pid, prepare, start, stop, tree_cpu_s, wrk

    from tests.hosts.support import Nginx

    env = prepare(url, models)
    env["WORKERBOT_SECRET_KEY"] = secrets.token_urlsafe(48)  # one key on every host
    procs = []
    began = load_average()
    try:
        for _ in range(run.hosts):
            port = free_port()
            cmd = [str(BIN / "workerbot"), "run", "--port", str(port), "--workers"]
            proc, _ = start(cmd + [str(run.workers)], env, f"http://127.0.0.1:{port}/health")
            procs.append((proc, port))
        nginx = Nginx(
            [f"127.0.0.1:{port}" for _, port in procs],
            Path(tempfile.mkdtemp(prefix="nginx-", dir=work)),
        )
        try:
            warm = wrk(nginx.url, "rest.lua", "3s", "warm")
            pids = [p.pid for p, _ in procs]
            database = postmaster_pid(url)
            before = (
                sum(tree_cpu_s(p) for p in pids),
                tree_cpu_s(database) if database else 0.0,
                tree_cpu_s(nginx.proc.pid),
            )
            from load import DURATION

            result = wrk(nginx.url, "rest.lua", DURATION)
            after = (
                sum(tree_cpu_s(p) for p in pids),
                tree_cpu_s(database) if database else 0.0,
                tree_cpu_s(nginx.proc.pid),
            )
        finally:
            nginx.stop()
        n = max(result["requests"], 1)
        result["app_cpu_ms"] = 1000 * (after[0] - before[0]) / n
        result["db_cpu_ms"] = 1000 * (after[1] - before[1]) / n
        result["lb_cpu_ms"] = 1000 * (after[2] - before[2]) / n
        result["requests_total"] = warm["requests"] + result["requests"]
    finally:
        for proc, _ in procs:
            stop(proc)
    result["load"] = (began, load_average())
    result.update(count_stored(url))
    return result


def hosts_rounds(server: str, models: Path, work: Path, repeats: int) -> dict[str, list[dict]]:
    """Every run once per round, in turn (interleaved: the machine is shared)."""
    runs: dict[str, list[dict]] = {r.label: [] for r in RUNS}
    for i in range(repeats):
        for j, run in enumerate(RUNS):
            name = f"hosts_{i}_{j}"
            url = new_database(server, name)
            try:
                runs[run.label].append(bench_hosts(url, models, run, work))
            finally:
                drop_database(server, name)
            r = runs[run.label][-1]
            print(
                f"round {i + 1}, {run.label}: {r['rps']:.0f}/s p50 {r['p50_ms']:.1f} "
                f"p99 {r['p99_ms']:.1f} load {r['load'][0]:.1f}-{r['load'][1]:.1f}",
                flush=True,
            )
    return runs


def _row(label: str, runs: list[dict], base: list[dict]) -> str:
    run = sorted(runs, key=lambda r: r["rps"])[len(runs) // 2]
    ratios = [r["rps"] / b["rps"] for r, b in zip(runs, base, strict=True)]
    lost = sum(max(r["requests_total"] - r["user_events"], 0) for r in runs)
    twice = sum(r["answered_twice"] for r in runs)
    answered = sum(r["requests_total"] for r in runs)

    def med(key: str) -> float:
        return statistics.median(r[key] for r in runs)

    return (
        f"| {label} | {run['rps']:.0f} | {run['p50_ms']:.1f} | {run['p99_ms']:.1f} "
        f"| {[round(r['rps']) for r in runs]} | **{statistics.median(ratios):.2f}** "
        f"{[round(x, 2) for x in ratios]} | {med('app_cpu_ms'):.2f} | {med('db_cpu_ms'):.2f} "
        f"| {med('lb_cpu_ms'):.2f} | {answered} | {lost} | {twice} "
        f"| {sum(r['non_2xx'] for r in runs)} |"
    )


def write_hosts_doc(
    runs: dict[str, list[dict]], threads: int, connections: int, duration: str
) -> None:
    """The HOSTS section of docs/benchmarks.md."""
    base = runs[RUNS[0].label]
    table = "\n".join(_row(label, r, base) for label, r in runs.items())
    loads = [x for rs in runs.values() for r in rs for x in r["load"]]
    rounds = len(base)
    section = f"""<!-- HOSTS:BEGIN (written by bench/load.py --hosts) -->
Measured {time.strftime("%Y-%m-%d %H:%M")} UTC; the same wrk load as above (`wrk -t{threads} -c{connections} -d{duration}`,
3 s warm-up, `bench/rest.lua`) sent to Debian's nginx (round robin, keepalive to the hosts,
the configuration of tests/hosts) in front of `workerbot run` app hosts, each its own port
and processes, all on one PostgreSQL (as in "Load: PostgreSQL", fsync on; config.yml's
pool and 4 engine threads per process), a new database per run. {rounds} rounds, each running
every row once in turn (interleaved). Load average of the shared 2-core machine during the
runs: {min(loads):.1f} to {max(loads):.1f} (mean {statistics.mean(loads):.1f}).

| app hosts | messages/s (median) | p50 ms | p99 ms | all rounds | / 1 host, same round: median [each] | app CPU ms/message | PostgreSQL CPU ms/message | nginx CPU ms/message | answered (wrk) | lost | stored twice | non-2xx |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
{table}
<!-- HOSTS:END -->"""
    write_section("HOSTS", section, "## Load: several app hosts behind nginx (issue 15)\n\n")


def hosts_main(repeats: int, threads: int, connections: int, duration: str) -> None:
    from pgserver import postgres_server

    with tempfile.TemporaryDirectory() as tmp, postgres_server() as server:
        work = Path(tmp)
        runs = hosts_rounds(server, work / "models", work, repeats)
    write_hosts_doc(runs, threads, connections, duration)
