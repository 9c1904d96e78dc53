"""The load benchmark's runs beyond the fresh SQLite one (bench/load.py --postgres --year):
PostgreSQL with 1, 2 and 4 app processes, and a database that already holds a year of
traffic (bench/seed_year.py), each reported beside the SQLite run of the same round."""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from docsection import write_section
from pgserver import drop_database, new_database
from seed_year import EVENTS, WORKERS, seed

PG_PROCESSES = (1, 2, 4)
ENGINE_THREADS = 4
ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Target:
    label: str
    workers: int | None  # None: server.workers from config.yml
    make: Callable[[int], tuple[str, Callable[[], None]]]  # round -> (url, cleanup)
    config: Path | None = None  # a config.yml of its own (None: the project's)


def _config_with(work: Path, name: str, changes: dict) -> Path:
    """The project's config.yml with some sections' values changed, as a file in `work`."""
    raw = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    for section, values in changes.items():
        raw.setdefault(section, {}).update(values)
    path = work / f"config-{name}.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def remove_sqlite(db: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".lock", ".lock-workers"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


def _year_sqlite(work: Path, models: Path) -> Path:
    from load import prepare

    db = work / "year.db"
    url = f"sqlite:///{db}"
    prepare(url, models)
    began = time.perf_counter()
    seed(url)
    print(f"seeded {db} in {time.perf_counter() - began:.0f}s")
    with sqlite3.connect(db) as conn:  # one file to copy
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


def _year_pg(server: str, models: Path) -> None:
    from load import prepare

    url = new_database(server, "year")
    prepare(url, models)
    began = time.perf_counter()
    seed(url)
    print(f"seeded PostgreSQL database `year` in {time.perf_counter() - began:.0f}s")


def scale_targets(work: Path, models: Path, server: str | None, year: bool) -> dict[str, Target]:
    """The runs of one round after the fresh SQLite one, by name."""
    targets: dict[str, Target] = {}
    raw = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    threads = raw["database"]["engine_threads"]  # config.yml's, for PostgreSQL
    if server:
        for n in PG_PROCESSES:

            def fresh(i: int, n: int = n) -> tuple[str, Callable[[], None]]:
                name = f"fresh_{n}_{i}"
                return new_database(server, name), lambda: drop_database(server, name)

            label = f"PostgreSQL, {n} process{'es' * (n > 1)}, {threads} engine thread{'s' * (threads > 1)} each"
            targets[f"pg{n}"] = Target(label, n, fresh)
        # 2 processes again with the other number of engine threads: what the threads bring
        other = 1 if threads > 1 else ENGINE_THREADS

        def fresh_other(i: int) -> tuple[str, Callable[[], None]]:
            name = f"fresh_threads_{i}"
            return new_database(server, name), lambda: drop_database(server, name)

        config = _config_with(work, "threads", {"database": {"engine_threads": other}})
        label = f"PostgreSQL, 2 processes, {other} engine thread{'s' * (other > 1)} each"
        targets["pg2_threads"] = Target(label, 2, fresh_other, config)
    if year:
        year_db = _year_sqlite(work, models)

        def sqlite_copy(i: int) -> tuple[str, Callable[[], None]]:
            db = work / f"year-{i}.db"
            shutil.copyfile(year_db, db)
            return f"sqlite:///{db}", lambda: remove_sqlite(db)

        targets["sqlite_year"] = Target("SQLite, a year stored", None, sqlite_copy)
        if server:
            _year_pg(server, models)

            def pg_copy(i: int) -> tuple[str, Callable[[], None]]:
                name = f"year_{i}"
                url = new_database(server, name, template="year")
                return url, lambda: drop_database(server, name)

            label = f"PostgreSQL, 2 processes, {threads} engine thread{'s' * (threads > 1)} each, a year stored"
            targets["pg2_year"] = Target(label, 2, pg_copy)
    return targets


def _median_run(runs: list[dict]) -> dict:
    return sorted(runs, key=lambda r: r["rps"])[len(runs) // 2]


def _row(label: str, runs: list[dict], base: list[dict]) -> str:
    run = _median_run(runs)
    ratios = [r["rps"] / b["rps"] for r, b in zip(runs, base, strict=True)]
    lost = sum(max(r["requests_total"] - r["user_events"], 0) for r in runs)
    twice = sum(r["answered_twice"] for r in runs)
    answered = sum(r["requests_total"] for r in runs)
    app_cpu = statistics.median(r.get("app_cpu_ms", 0.0) for r in runs)
    db_cpu = statistics.median(r.get("db_cpu_ms", 0.0) for r in runs)
    return (
        f"| {label} | {run['rps']:.0f} | {run['p50_ms']:.1f} | {run['p99_ms']:.1f} "
        f"| {[round(r['rps']) for r in runs]} | **{statistics.median(ratios):.2f}** "
        f"{[round(x, 2) for x in ratios]} | {app_cpu:.2f} | {db_cpu:.2f} "
        f"| {answered} | {lost} | {twice} | {sum(r['non_2xx'] for r in runs)} |"
    )


def write_scale_doc(
    runs: dict[str, list[dict]],
    targets: dict[str, Target],
    workers: int,
    threads: int,
    connections: int,
    duration: str,
) -> None:
    """The SCALE section of docs/benchmarks.md."""
    rows = [
        _row(f"SQLite, {workers} processes (`make run`), fresh", runs["sqlite"], runs["sqlite"])
    ]
    rows += [_row(t.label, runs[name], runs["sqlite"]) for name, t in targets.items()]
    table = "\n".join(rows)
    rounds = len(runs["sqlite"])
    section = f"""<!-- SCALE:BEGIN (written by bench/load.py --postgres --year) -->
Measured {time.strftime("%Y-%m-%d")}; the same wrk load as above (`wrk -t{threads} -c{connections} -d{duration}`,
3 s warm-up, `bench/rest.lua`), {rounds} rounds, each round running every row once in turn
(interleaved: the machine is shared). PostgreSQL is Debian's server started by the benchmark
(`bench/pgserver.py`: initdb into a temporary directory, unix socket, **fsync and
synchronous_commit on**, as shipped), a new database per run; the pool is config.yml's
(`database.pool_size` 10 + `max_overflow` 10 per process). "A year stored": a copy of a
database filled by `bench/seed_year.py` with {EVENTS:,} events of {WORKERS:,} workers
(the 500 wrk senders among them, with a history) before the run.

| database, app processes | messages/s (median) | p50 ms | p99 ms | all rounds | / SQLite fresh, same round: median [each] | app CPU ms/message | PostgreSQL CPU ms/message | answered (wrk) | lost | stored twice | non-2xx |
|---|---|---|---|---|---|---|---|---|---|---|---|
{table}

"lost": messages wrk saw answered but not stored as a worker message; "stored twice": message
ids with two worker-message events; both counted from the database after each run, over all
rounds. CPU ms/message (median of the rounds): CPU time (user + system, from /proc) used
during the measured run by the app's processes and by the PostgreSQL server's processes,
divided by the messages answered; it depends far less than messages/s on what else the
shared machine runs, and is what the capacity model (docs/deploy.md) is built from. On
SQLite the database's work is inside the app's processes.
<!-- SCALE:END -->"""
    write_section("SCALE", section, "## Load: PostgreSQL and a year of data (issue 15)\n\n")
