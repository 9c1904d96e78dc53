"""What bench/rasa_conversations.py compares (each reply's text and buttons) and how it
reports it: the table, the differences and the docs/benchmarks.md section."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Turn:
    sent: str
    rasa: list[dict]
    bot: list[dict]
    note: str = ""
    intents: str = ""  # for a differing typed message: what each side understood

    @property
    def same(self) -> bool:
        return shape(self.rasa) == shape(self.bot)


@dataclass
class Outcome:
    name: str
    sender: str = ""
    turns: list[Turn] = field(default_factory=list)
    rasa_paused: bool = False  # Rasa's tracker is paused at the end (a handoff)

    @property
    def first_difference(self) -> int | None:
        return next((i for i, t in enumerate(self.turns, 1) if not t.same), None)


def shape(replies: list[dict]) -> list[tuple[str, tuple[str, ...]]]:
    """What is compared: each reply's text and its button titles."""
    out = []
    for r in replies:
        text = (r.get("text") or "").strip()
        for other in ("image", "attachment", "custom"):
            if r.get(other):
                text += f" [{other}: {json.dumps(r[other], ensure_ascii=False)}]"
        out.append((text, tuple(b.get("title", "") for b in r.get("buttons") or [])))
    return out


def one_line(replies: list[dict], limit: int = 90) -> str:
    if not replies:
        return "(no reply)"
    parts = []
    for text, titles in shape(replies):
        text = re.sub(r"\s+", " ", text)
        text = text if len(text) <= limit else text[: limit - 1] + "…"
        parts.append(text + (f" [{' / '.join(titles)}]" if titles else ""))
    return " ‖ ".join(parts)


def differences(outcomes: list[Outcome]) -> list[str]:
    lines = []
    for n, outcome in enumerate(outcomes, 1):
        for t, turn in enumerate(outcome.turns, 1):
            if turn.same:
                continue
            note = "; ".join(x for x in (turn.note, turn.intents) if x)
            note = f" ({note})" if note else ""
            lines.append(
                f"{n}. {outcome.name}, turn {t} `{turn.sent}`{note}: "
                f"Rasa: {one_line(turn.rasa)} — workerbot: {one_line(turn.bot)}"
            )
    return lines


def table(outcomes: list[Outcome]) -> str:
    rows = ["| # | conversation | turns | result | first differing turn |", "|---|---|---|---|---|"]
    for n, o in enumerate(outcomes, 1):
        first = o.first_difference
        where = f"{first}: `{o.turns[first - 1].sent}`" if first else ""
        rows.append(
            f"| {n} | {o.name} | {len(o.turns)} | {'differs' if first else 'same'} | {where} |"
        )
    return "\n".join(rows)


def log_checks(rasa_log: Path, actions_log: Path) -> dict:
    rasa_lines = rasa_log.read_text(errors="replace").splitlines()
    action_lines = actions_log.read_text(errors="replace").splitlines()
    warning = next((line.strip() for line in action_lines if "might not be compatible" in line), "")
    warning = re.sub(r"^.*site-packages/", "", warning)  # the same line on every machine
    return {
        "sdk_warning": warning,
        "interpolator_errors": sum(
            1 for line in rasa_lines if "ERROR" in line and "interpolator" in line
        ),
        "rasa_errors": sum(1 for line in rasa_lines if " ERROR " in line),
        "action_errors": sum(
            1 for line in action_lines if " ERROR " in line or "Traceback" in line
        ),
    }


def database_counts(path: Path) -> dict:
    queries = {
        "enrolments": "select count(*) from enrolments",
        "mediation cases": "select count(*) from mediation_cases",
        "FAQ feedback": "select count(*) from faq_feedback",
        "conversations": "select count(*) from conversations",
        "handoff state changes": "select count(*) from events where type='state'",
        "worker messages stored for staff": "select count(*) from events where type='user'",
        "misunderstood messages": "select count(*) from misunderstood_messages",
    }
    db = sqlite3.connect(path)
    try:
        return {name: db.execute(q).fetchone()[0] for name, q in queries.items()}
    finally:
        db.close()


def paused(outcomes: list[Outcome]) -> list[str]:
    return [f"{n}. {o.name}" for n, o in enumerate(outcomes, 1) if o.rasa_paused]


def section(result: dict) -> str:
    outcomes, train, checks = result["outcomes"], result["train"], result["checks"]
    same = sum(1 for o in outcomes if o.first_difference is None)
    turns = sum(len(o.turns) for o in outcomes)
    same_turns = sum(1 for o in outcomes for t in o.turns if t.same)
    trained = f"{train['seconds'] / 60:.1f} min on {train['trained_on']}"
    if train["reused"]:
        trained += " (model reused: data unchanged)"
    counts = result["counts"]
    diffs = differences(outcomes)
    lines = [
        "<!-- RASA_E2E:BEGIN (written by bench/rasa_conversations.py) -->",
        f"Measured {time.strftime('%Y-%m-%d')}: Rasa {result['rasa_version']} (Python 3.10, "
        f"`rasa run --enable-api`) with this project's actions under rasa_sdk "
        f"{result['sdk_version']}, against `workerbot run`; each on a fresh SQLite database "
        "with the demo data; `.venv/bin/python bench/rasa_conversations.py --write` "
        "(conversations: `bench/data/rasa_conversations.yml`; Rasa environment as in "
        "docs/rasa.md section 1).",
        "",
        f"- Rasa training (`rasa train`, 2-core machine shared with other work): {trained}",
        f"- `rasa train` warned of {train.get('misaligned', '?')} entity annotations of "
        "data/nlu.yml not on Jieba's token boundaries (`Misaligned entity annotation`)",
        f"- conversations identical (text and button titles of every reply): "
        f"**{same} of {len(outcomes)}**; turns identical: {same_turns} of {turns}",
        f"- Rasa log: {checks['interpolator_errors']} interpolator ERROR lines, "
        f"{checks['rasa_errors']} ERROR lines in all; action server: "
        + (f"`{checks['sdk_warning']}`" if checks["sdk_warning"] else "no version warning"),
        "- left in the databases (Rasa's / workerbot's): "
        + ", ".join(f"{k} {counts['rasa'][k]} / {counts['bot'][k]}" for k in counts["rasa"]),
        "- Rasa trackers left paused (a handoff: Rasa answers nothing more in them): "
        + (", ".join(paused(outcomes)) or "none"),
        "",
        table(outcomes),
        "",
        "Differences (conversation, turn, message sent: Rasa's reply — workerbot's):",
        "",
        *([f"- {d}" for d in diffs] or ["- none"]),
        "<!-- RASA_E2E:END -->",
    ]
    return "\n".join(lines)
