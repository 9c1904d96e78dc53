"""Fill a migrated database with a year of a district's traffic: 1,000,000 events across
50,000 workers (conversations, their events, the message ids with their replies, the
misunderstood messages an admin reviews), the shapes the engine writes (bot/engine/turn.py).

Run: `.venv/bin/python bench/seed_year.py URL [--events N --workers N]` on a database that
`workerbot db upgrade` (and `load-demo`) prepared and that holds no conversations yet.
bench/load.py --year calls it. Bulk inserts: COPY on PostgreSQL, executemany in one
transaction on SQLite (synchronous=OFF for the fill only: a benchmark fixture, rebuilt if lost).

The wrk senders of bench/rest.lua (rest channel, bench-0 … bench-499) are among the workers,
with a history, in the bot state: the load run talks to old conversations as well as new.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime, timedelta

import orjson
from sqlalchemy import create_engine, text

EVENTS = 1_000_000
WORKERS = 50_000
YEAR_END = datetime(2026, 12, 1)

MESSAGES = [
    ("你好", "greet"),
    ("加班费咋个算", "faq_overtime"),
    ("周末有没得免费的课", "course_search"),
    ("年假有几天", "faq_annual_leave"),
    ("我想学书法", "course_search"),
    ("试用期最长多久", "faq_probation"),
    ("谢谢", "thanks"),
    ("公司不签劳动合同咋个办", "faq_contract"),
    ("工伤认定要多久", "faq_injury"),
    ("我的报名", "my_enrolments"),
    ("怎么加入工会", "faq_join_union"),
    ("拜拜", "goodbye"),
    ("老板拖欠工资三个月了怎么办", "mediation_request"),
    ("我要找人工", "human_handoff"),
]
REPLY = (
    "根据《劳动法》第四十四条，安排劳动者延长工作时间的，支付不低于工资百分之一百五十的工资报酬；"
    * 2
)
CHANNELS = [("wechat", 0.6), ("telegram", 0.25), ("rest", 0.15)]


def _parse(intent: str, rng: random.Random) -> dict:
    conf = round(rng.uniform(0.3, 0.99), 4)
    ranking = [{"name": intent, "confidence": conf}, {"name": "nlu_fallback", "confidence": 0.1}]
    return {
        "intent": {"name": intent, "confidence": conf},
        "entities": [],
        "intent_ranking": ranking,
    }


def generate(n_events: int, n_workers: int, seed: int = 15):
    """(conversations, events, processed, misunderstood) rows, ids assigned in time order."""
    rng = random.Random(seed)
    convs, turns = [], []
    start = YEAR_END - timedelta(days=365)
    names = [c for c, _ in CHANNELS]
    weights = [w for _, w in CHANNELS]
    for cid in range(1, n_workers + 1):
        if cid <= 500:
            channel, sender, state = "rest", f"bench-{cid - 1}", "bot"
        else:
            channel = rng.choices(names, weights)[0]
            sender, state = f"{channel[:2]}-{cid:07d}", "closed" if rng.random() < 0.03 else "bot"
        first = start + timedelta(seconds=rng.uniform(0, 360 * 86400))
        convs.append((cid, channel, sender, state, first))
    # ~3.3 events a turn (user, action, bot; a slot now and then): turns spread over workers
    n_turns = n_events // 3 + 1  # more than needed: the loop stops at n_events
    for t in range(n_turns):
        cid = 1 + (t % n_workers if t < n_workers else rng.randrange(n_workers))
        first = convs[cid - 1][4]
        at = first + timedelta(seconds=rng.uniform(0, (YEAR_END - first).total_seconds()))
        turns.append((at, cid, t))
    turns.sort()
    events, processed, missed = [], [], []
    eid = 0
    for at, cid, t in turns:
        if eid >= n_events:
            break
        msg, intent = MESSAGES[t % len(MESSAGES)]
        mid = f"seed-{t}"
        parse = _parse(intent, rng)
        rows = [("user", msg, {"parse": parse})]
        rows.append(("action", None, {"name": f"action_{intent}"}))
        if rng.random() < 0.3:
            rows.append(("slot", None, {"name": "requested_slot", "value": None}))
        rows.append(("bot", REPLY[: rng.randint(20, len(REPLY))], {"faq": intent}))
        for type_, txt, data in rows:
            eid += 1
            events.append((eid, cid, at, type_, txt, orjson.dumps(data).decode(), mid))
        processed.append((cid, mid, orjson.dumps([{"text": rows[-1][1]}]).decode(), at))
        if parse["intent"]["confidence"] < 0.33:
            missed.append((cid, convs[cid - 1][1], msg, "low_confidence", intent, at))
    return convs, events, processed, missed


TABLES = {
    "conversations": "id, channel, sender_id, state, slots, created_at, updated_at, last_message_at",
    "events": "id, conversation_id, created_at, type, text, data, message_id",
    "processed_messages": "conversation_id, message_id, replies, created_at",
    "misunderstood_messages": "conversation_id, channel, text, reason, intent, status, created_at",
}


def rows_by_table(convs, events, processed, missed) -> dict[str, list[tuple]]:
    last = {}
    for _, cid, at, *_ in events:
        last[cid] = at
    return {
        "conversations": [
            (cid, ch, s, st, "{}", first, last.get(cid, first), last.get(cid))
            for cid, ch, s, st, first in convs
        ],
        "events": events,
        "processed_messages": processed,
        "misunderstood_messages": [(c, ch, t, r, i, "open", at) for c, ch, t, r, i, at in missed],
    }


def _copy(conn, table: str, columns: str, rows: list[tuple]) -> None:
    raw = conn.connection.dbapi_connection
    with raw.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _executemany(conn, table: str, columns: str, rows: list[tuple]) -> None:
    names = [c.strip() for c in columns.split(",")]
    sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(names))})"
    fmt = "%Y-%m-%d %H:%M:%S.%f"
    cur = conn.connection.dbapi_connection.cursor()
    converted = (tuple(v.strftime(fmt) if isinstance(v, datetime) else v for v in r) for r in rows)
    cur.executemany(sql, converted)


def seed(url: str, n_events: int = EVENTS, n_workers: int = WORKERS) -> dict[str, int]:
    """Fill the database at `url`; the number of rows written per table."""
    tables = rows_by_table(*generate(n_events, n_workers))
    engine = create_engine(url)
    sqlite = engine.dialect.name == "sqlite"
    with engine.begin() as conn:
        if conn.execute(text("SELECT count(*) FROM conversations")).scalar():
            raise SystemExit("the database already holds conversations: seed an empty one")
        if sqlite:
            conn.exec_driver_sql("PRAGMA synchronous=OFF")
        for table, columns in TABLES.items():
            (_executemany if sqlite else _copy)(conn, table, columns, tables[table])
        if not sqlite:
            for table in ("conversations", "events", "misunderstood_messages"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
    with engine.connect() as conn:  # fresh statistics, as autovacuum/ANALYZE would have
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    engine.dispose()
    return {t: len(r) for t, r in tables.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url")
    parser.add_argument("--events", type=int, default=EVENTS)
    parser.add_argument("--workers", type=int, default=WORKERS)
    args = parser.parse_args()
    began = time.perf_counter()
    counts = seed(args.url, args.events, args.workers)
    print(f"{counts} in {time.perf_counter() - began:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
