"""The plans of a message's queries on a database holding a year of traffic (issue 15).

Fills a SQLite file and a private PostgreSQL database (bench/pgserver.py) with
bench/seed_year.py's year (1,000,000 events of 50,000 workers), sends the load benchmark's
messages (bench/rest.lua) through the real app's REST webhook for a worker with a history
and for a new one, records every SQL statement they run, and shows each one's plan:
`EXPLAIN (ANALYZE, BUFFERS)` on PostgreSQL (writes rolled back) and `EXPLAIN QUERY PLAN` on
SQLite. A plan that scans a table of the event log is what grows with it.

Run: `.venv/bin/python bench/hot_path_plans.py [--events N --workers N]` (a few minutes:
the seeding). Writes the HOT_PATH_PLANS section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from docsection import write_section
from pgserver import new_database, postgres_server
from seed_year import EVENTS, WORKERS, seed

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# bench/rest.lua's messages, in its order
MESSAGES = [
    "你好",
    "加班费咋个算",
    "周末有没得免费的课",
    "年假有几天",
    "我想学书法",
    "试用期最长多久",
    "谢谢",
    "有啥子课",
    "公司不签劳动合同咋个办",
    "工伤认定要多久",
    "帮助",
    "我的报名",
    "怎么加入工会",
    "拜拜",
    "经济补偿怎么算",
]
# a worker of the year with a history (bench/seed_year.py seeds bench-0 … bench-499), and
# one writing for the first time
SENDERS = ("bench-7", "plan-newcomer")
SKIPPED = re.compile(
    r"^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA|LISTEN|SELECT 1\b)", re.I
)
SCAN = re.compile(r"Seq Scan on (\w+)|\bSCAN (\w+)")
# the tables that grow with the traffic (bench/seed_year.py fills them)
LOG_TABLES = {"events", "processed_messages", "conversations", "misunderstood_messages"}


@dataclass
class Statement:
    sql: str
    parameters: object
    count: int = 0
    plans: dict[str, str] = field(default_factory=dict)
    ms: float | None = None  # PostgreSQL's execution time, from EXPLAIN ANALYZE


def prepare(url: str, models: Path) -> None:
    env = dict(os.environ, WORKERBOT_DATABASE_URL=url, WORKERBOT_MODEL_DIR=str(models))
    for step in (["db", "upgrade"], ["load-demo", "--if-empty"], ["train", "--if-missing"]):
        subprocess.run(
            [str(BIN / "workerbot"), *step], env=env, cwd=ROOT, check=True, capture_output=True
        )


def capture(url: str, models: Path) -> list[Statement]:
    """Every distinct statement the REST webhook runs for the messages, in order."""
    from fastapi.testclient import TestClient
    from sqlalchemy import event

    from bot.app import create_app
    from bot.settings import Settings
    from bot.web.server import create_web

    settings = Settings.load(
        ROOT / "config.yml", workerbot_database_url=url, workerbot_model_dir=models
    )
    app = create_app(settings)
    seen: dict[str, Statement] = {}

    def record(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        if SKIPPED.match(statement):
            return
        if executemany:
            parameters = parameters[0]
        found = seen.setdefault(statement, Statement(statement, parameters))
        found.count += 1

    client = TestClient(create_web(app))  # no lifespan: no background job runs
    for sender in SENDERS:  # a first round to warm up, then the round recorded
        client.post("/webhooks/rest/webhook", json={"sender": sender, "message": "你好"})
    event.listen(app.db.engine, "before_cursor_execute", record)
    try:
        for n, text in enumerate(MESSAGES):
            for sender in SENDERS:
                body = {"sender": sender, "message": text, "message_id": f"plan-{n}"}
                r = client.post("/webhooks/rest/webhook", json=body)
                r.raise_for_status()
    finally:
        event.remove(app.db.engine, "before_cursor_execute", record)
        app.db.dispose()
    return list(seen.values())


def _explain(conn, how: str, st: Statement) -> list[str]:  # noqa: ANN001 - psycopg's
    with conn.cursor() as cur:
        cur.execute(f"{how} {st.sql}", st.parameters)
        return [row[0] for row in cur.fetchall()]


def explain_pg(url: str, statements: list[Statement]) -> None:
    import psycopg

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as conn:
        for st in statements:
            # twice, the second reported: the first on this connection also plans and compiles
            # the live-update trigger's function, which the app's pooled connections did long ago
            for _ in range(2):
                try:
                    lines = _explain(conn, "EXPLAIN (ANALYZE, BUFFERS)", st)
                except psycopg.errors.UniqueViolation:  # the row the message stored: plan only
                    conn.rollback()
                    lines = _explain(conn, "EXPLAIN", st)
                conn.rollback()  # the writes measured are not kept
            st.plans["pg"] = "\n".join(lines)
            m = re.search(r"Execution Time: ([\d.]+) ms", st.plans["pg"])
            st.ms = float(m.group(1)) if m else None


def sizes(pg_url: str, lite_path: Path) -> dict[str, float]:
    """The year's databases on disk, in MB (PostgreSQL: tables and indexes, WAL excluded)."""
    import psycopg

    with psycopg.connect(pg_url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        pg = conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    with sqlite3.connect(lite_path) as lite:  # the WAL into the file
        lite.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {"pg": pg / 1e6, "sqlite": lite_path.stat().st_size / 1e6}


def explain_sqlite(path: Path, statements: list[Statement]) -> None:
    conn = sqlite3.connect(path)
    try:
        for st in statements:
            rows = conn.execute(f"EXPLAIN QUERY PLAN {st.sql}", st.parameters).fetchall()
            st.plans["sqlite"] = "; ".join(r[-1] for r in rows) or "(no table read)"
    finally:
        conn.close()


def scans(plan: str) -> list[str]:
    """The tables of the event log a plan reads whole."""
    return sorted({a or b for a, b in SCAN.findall(plan)} & LOG_TABLES)


def pg_summary(plan: str) -> str:
    """The plan's nodes, one line each, without costs and timings."""
    nodes = []
    for line in plan.splitlines():
        node = line.strip().lstrip("->").strip()
        if node.startswith("Trigger "):  # its time is in the statement's ms
            nodes.append("trigger " + node.split(":")[0].removeprefix("Trigger ").strip())
            continue
        if not node or node.startswith(("Planning", "Execution", "Buffers")):
            continue
        if line.startswith(" ") and "->" not in line:
            continue  # a node's details (Index Cond, Filter …)
        nodes.append(re.sub(r"\s*\(cost=.*$", "", node))
    return " → ".join(nodes)


def short(sql: str, width: int = 110) -> str:
    one = re.sub(r"\s+", " ", re.sub(r"%\((\w+)\)s", r":\1", sql)).strip()
    return one if len(one) <= width else one[: width - 1] + "…"


def write_doc(
    pg: list[Statement], lite: list[Statement], events: int, workers: int, mb: dict[str, float]
) -> None:
    def mark(plan: str) -> str:
        found = scans(plan)
        return f" **reads all of {', '.join(found)}**" if found else ""

    pg_rows = "\n".join(
        f"| `{short(st.sql)}` | {st.count} | {pg_summary(st.plans['pg'])}{mark(st.plans['pg'])} "
        f"| {st.ms if st.ms is not None else '–'} |"
        for st in pg
    )
    lite_rows = "\n".join(
        f"| `{short(st.sql)}` | {st.count} | {st.plans['sqlite']}{mark(st.plans['sqlite'])} |"
        for st in lite
    )
    section = f"""<!-- HOT_PATH_PLANS:BEGIN (written by bench/hot_path_plans.py) -->
Measured {time.strftime("%Y-%m-%d")}: `.venv/bin/python bench/hot_path_plans.py`, on databases
holding {events:,} events of {workers:,} workers (bench/seed_year.py, ANALYZEd), the
{len(MESSAGES)} messages of bench/rest.lua sent through the REST webhook by a worker with a
year's history and by a new worker ({len(MESSAGES) * len(SENDERS)} messages): every distinct
statement they ran ("runs": how often), with its plan. A plan reading a whole table of the
event log would grow with it. The year's seed has no cases or enrolments: their (empty)
tables are read whole by PostgreSQL's planner, which picks their indexes once they hold
rows (SQLite's plans name them). On disk the year takes {mb["pg"]:,.0f} MB in PostgreSQL and
{mb["sqlite"]:,.0f} MB in SQLite.

PostgreSQL (`EXPLAIN (ANALYZE, BUFFERS)`, writes rolled back; ms: its execution time, one run,
on the shared machine):

| statement | runs | plan | ms |
|---|---|---|---|
{pg_rows}

SQLite (`EXPLAIN QUERY PLAN`):

| statement | runs | plan |
|---|---|---|
{lite_rows}
<!-- HOT_PATH_PLANS:END -->"""
    write_section(
        "HOT_PATH_PLANS", section, "## A message's queries on a year of data (issue 15)\n\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=EVENTS)
    parser.add_argument("--workers", type=int, default=WORKERS)
    parser.add_argument("--models", type=Path, help="a trained model directory to reuse")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp, postgres_server() as server:
        work = Path(tmp)
        models = args.models or work / "models"
        lite_path = work / "year.db"
        lite_url = f"sqlite:///{lite_path}"
        pg_url = new_database(server, "year")
        for url in (lite_url, pg_url):
            prepare(url, models)
            seed(url, args.events, args.workers)
        pg = capture(pg_url, models)
        lite = capture(lite_url, models)
        explain_pg(pg_url, pg)
        explain_sqlite(lite_path, lite)
        for st in pg:
            print(f"\n== {short(st.sql, 200)} (x{st.count})\n{st.plans['pg']}")
        for st in lite:
            print(f"\n-- {short(st.sql, 200)} (x{st.count})\n{st.plans['sqlite']}")
        mb = sizes(pg_url, lite_path)
        print(f"on disk: {mb}")
        write_doc(pg, lite, args.events, args.workers, mb)


if __name__ == "__main__":
    main()
