"""How long a notice to 100,000 subscribers takes at the platforms' limits.

Measures the sender's own cost per recipient (claim the row and record the notice in the
worker's conversation, one transaction; write the result, another) on a real SQLite database
with a channel that answers at once, then computes the time at each platform's pace:
the sender sends one message at a time, so a message takes max(1 / rate, overhead + the
platform's round trip). Round trips are assumptions (--telegram-rtt-ms, --wechat-rtt-ms),
stated in the result; a Telegram 429 adds its retry_after on top.

Run: `.venv/bin/python bench/notice_rate.py [--n 2000] [--subscribers 100000]`; writes the
NOTICE_RATE section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from docsection import write_section

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from bot.core.clock import Clock  # noqa: E402
from bot.core.messages import Push  # noqa: E402
from bot.outreach import announcements  # noqa: E402
from bot.outreach.notice_sender import NoticeSender, Pacer  # noqa: E402
from bot.settings.outreach import NoticesConfig, RemindersConfig  # noqa: E402
from bot.store.db import Database  # noqa: E402
from bot.store.models import Conversation, Subscription  # noqa: E402


class Instant:
    """A channel that delivers at once (the sender's own cost alone)."""

    async def deliver(self, push: Push) -> bool:
        return True


def measure(n: int) -> float:
    """Seconds of the sender's own work per recipient, on a fresh SQLite database."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(f"sqlite:///{Path(tmp) / 'bench.db'}")
        db.upgrade()
        now = datetime.now(UTC).replace(tzinfo=None)
        ids = [f"bench-{i:06d}" for i in range(n)]
        with db.write_lock(), db.session() as s:
            s.execute(
                insert(Conversation),
                [
                    {"channel": "web", "sender_id": w, "state": "bot", "slots": {},
                     "last_message_at": now}
                    for w in ids
                ],
            )  # fmt: skip
            s.execute(
                insert(Subscription),
                [{"channel": "web", "sender_id": w, "topic": "courses"} for w in ids],
            )
        notice = announcements.create(db, "courses", None, "第二期烘焙班开始报名啦！", "bench")
        announcements.start(db, notice, now)
        never_quiet = RemindersConfig(quiet_start="00:00", quiet_end="00:00")
        sender = NoticeSender(db, Instant(), Clock(), never_quiet, NoticesConfig())
        sender.pacer = Pacer(lambda _channel: 1e9)
        began = time.perf_counter()
        sent = asyncio.run(sender.run_once(now + timedelta(seconds=1)))
        took = time.perf_counter() - began
        db.dispose()
    assert sent == n, (sent, n)
    return took / n


def hms(seconds: float) -> str:
    minutes, sec = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min {sec:02d} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="recipients measured")
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--telegram-rtt-ms", type=float, default=60.0)
    parser.add_argument("--wechat-rtt-ms", type=float, default=80.0)
    args = parser.parse_args()
    overhead = measure(args.n)
    config = NoticesConfig()
    rows = []
    for name, rate, rtt in (
        ("Telegram (configured)", config.telegram_per_second, args.telegram_rtt_ms),
        ("Telegram (platform limit)", 30.0, args.telegram_rtt_ms),
        ("WeChat customer service (configured)", config.wechat_per_second, args.wechat_rtt_ms),
    ):
        per = max(1.0 / rate, overhead + rtt / 1000)
        rows.append(
            f"| {name} | {rate:g} | {rtt:g} ms | {1 / per:.1f} | {hms(per * args.subscribers)} |"
        )
    floor = hms(overhead * args.subscribers)
    lines = [
        "<!-- NOTICE_RATE:BEGIN (bench/notice_rate.py) -->",
        f"A notice to {args.subscribers:,} subscribers (`bench/notice_rate.py`, "
        f"{datetime.now(UTC):%Y-%m-%d}). The sender's own work per recipient, measured over "
        f"{args.n:,} recipients on SQLite (claim + record the notice, then the result): "
        f"**{overhead * 1000:.2f} ms** ({floor} for all of them with an instant channel). "
        "One message at a time, so each takes max(1/rate, own work + round trip); round "
        "trips are assumptions, not measured against the real platforms.",
        "",
        "| platform | messages/s allowed | round trip (assumed) | messages/s achieved | 100,000 take |",
        "|---|---|---|---|---|",
        *rows,
        "",
        f"At the limits alone (no round trip): Telegram 30/s {hms(args.subscribers / 30)}, "
        f"configured {config.telegram_per_second:g}/s "
        f"{hms(args.subscribers / config.telegram_per_second)}; WeChat "
        f"{config.wechat_per_second:g}/s {hms(args.subscribers / config.wechat_per_second)}. "
        "With round trips above 1/rate the one-at-a-time sender is bound by the round trip, "
        "not by the limit: sending to several chats at once would be the next step.",
        "",
        "WeChat: only workers who wrote in the last 48 hours are sent to (the others are "
        "recorded as not reachable unless a template message is configured), so the real "
        "count is usually far below the subscriber count. Telegram 429s add their "
        "retry_after; quiet hours (21:30–08:00) pause the sending, which resumes in the morning.",
        "<!-- NOTICE_RATE:END -->",
    ]
    section = "\n".join(lines)
    print(section)
    write_section("NOTICE_RATE", section, "## Notices: how long 100,000 subscribers take\n\n")


if __name__ == "__main__":
    main()
