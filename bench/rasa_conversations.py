"""End to end on real Rasa: the same conversations through Rasa 3.6 and through workerbot.

Trains real Rasa (3.6.21, Python 3.10, outside this repository: docs/rasa.md section 1) on
this project's data as `workerbot data rasa-project` lays it out, serves it with `rasa run
--enable-api` and this project's actions under rasa_sdk, and runs the conversations of
bench/data/rasa_conversations.yml through it and through workerbot's own server, each on a
fresh SQLite database, over POST /webhooks/rest/webhook. The replies are compared turn by turn
(text and button titles).

Run: `.venv/bin/python bench/rasa_conversations.py [--rasa ../rasa310] [--write]`
(the Rasa environment also from env RASA_ENV). Without a Rasa environment it says so and exits
0. The Rasa model is reused while the exported data are unchanged (training takes ~15 min on
2 cores). `--write` puts the results into docs/benchmarks.md between the RASA_E2E marks.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin" if (ROOT / ".venv" / "bin").exists() else Path(sys.executable).parent
CONVERSATIONS = ROOT / "bench" / "data" / "rasa_conversations.yml"
WEBHOOK = "/webhooks/rest/webhook"


# ------------------------------------------------------------------ processes


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Processes:
    """Every server this script starts, each in its own process group, stopped at the end."""

    def __init__(self) -> None:
        self.running: list[tuple[str, subprocess.Popen]] = []

    def start(self, name: str, cmd: list[str], cwd: Path, env: dict, log: Path) -> None:
        with log.open("wb") as out:
            proc = subprocess.Popen(
                cmd,
                cwd=cwd,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self.running.append((name, proc))

    def alive(self, name: str) -> bool:
        return any(n == name and p.poll() is None for n, p in self.running)

    def stop_all(self) -> None:
        for _, proc in reversed(self.running):
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for _, proc in reversed(self.running):
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait(timeout=10)
        self.running.clear()


def wait_http(url: str, procs: Processes, name: str, log: Path, timeout: float) -> float:
    """Seconds until `url` answers 200; fails early when the process has exited."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if not procs.alive(name):
            raise RuntimeError(f"{name} exited while starting; see {log}:\n{tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return time.perf_counter() - start
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{name} did not answer {url} within {timeout:.0f}s; see {log}")


def tail(path: Path, lines: int = 25) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return ""


def run_step(cmd: list[str], cwd: Path, env: dict, log: Path | None = None) -> str:
    """Run a preparation command; its output, or a RuntimeError naming it."""
    out = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    text = out.stdout + out.stderr
    if log:
        log.write_text(text)
    if out.returncode != 0:
        raise RuntimeError(f"`{' '.join(cmd)}` failed ({out.returncode}):\n{text[-3000:]}")
    return text


# ------------------------------------------------------------------ Rasa project and model


def rasa_version(env_dir: Path) -> str:
    for info in env_dir.glob("lib/python3*/site-packages/rasa-*.dist-info"):
        return info.name.removeprefix("rasa-").removesuffix(".dist-info")
    return "unknown"


def sdk_version() -> str:
    for info in (ROOT / ".venv").glob("lib/python3*/site-packages/rasa_sdk-*.dist-info"):
        return info.name.removeprefix("rasa_sdk-").removesuffix(".dist-info")
    return "unknown"


def export_project(project: Path, env: dict) -> None:
    """`workerbot data rasa-project`, into a data folder emptied of earlier exports."""
    for old in (project / "data").glob("*.yml"):
        old.unlink()
    run_step([str(BIN / "workerbot"), "data", "rasa-project", str(project)], ROOT, env)


def data_hash(project: Path, version: str) -> str:
    """What a trained model depends on: domain, training data, pipeline, Rasa's version."""
    digest = hashlib.sha256(version.encode())
    files = [project / "domain.yml", project / "config.yml", *sorted(project.glob("data/*.yml"))]
    for path in files:
        digest.update(path.relative_to(project).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def trained_model(rasa: Path, project: Path, version: str, env: dict) -> tuple[Path, dict]:
    """The model for the exported data: reused when the data are unchanged, else trained."""
    name = f"e2e-{data_hash(project, version)}"
    model = project / "models" / f"{name}.tar.gz"
    info_path = project / "models" / f"{name}.json"
    if model.exists() and info_path.exists():
        info = json.loads(info_path.read_text())
        print(f"reusing the Rasa model {model} (data unchanged; trained {info['trained_on']})")
        return model, {**info, "reused": True}
    log = project / "train.log"
    print(f"training Rasa {version} in {project} (about 15 minutes on 2 cores; log: {log}) ...")
    sys.stdout.flush()
    started = time.perf_counter()
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [
                str(rasa / "bin" / "rasa"),
                "train",
                "--config",
                "config.yml",
                "--domain",
                "domain.yml",
                "--data",
                "data",
                "--out",
                "models",
                "--fixed-model-name",
                name,
            ],
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    try:
        code = proc.wait()
    except BaseException:  # interrupted: training stops with this script
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise
    seconds = time.perf_counter() - started
    if code != 0 or not model.exists():
        raise RuntimeError(f"rasa train failed ({code}); see {log}:\n{tail(log)}")
    info = {
        "seconds": round(seconds),
        "trained_on": time.strftime("%Y-%m-%d %H:%M"),
        # entity spans of data/nlu.yml that do not fall on Jieba's token boundaries: Rasa
        # warns and DIET cannot learn them
        "misaligned": log.read_text(errors="replace").count("Misaligned entity annotation"),
    }
    info_path.write_text(json.dumps(info))
    print(f"trained in {seconds / 60:.1f} min: {model}")
    return model, {**info, "reused": False}


# ------------------------------------------------------------------ conversations


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


def call(port: int, path: str, body: dict | None = None) -> dict | list:
    """POST `body` as JSON (GET without one); the JSON answer."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=120) as r:
        return json.loads(r.read() or b"[]")


def say(port: int, sender: str, message: str) -> list[dict]:
    try:
        return call(port, WEBHOOK, {"sender": sender, "message": message})
    except urllib.error.HTTPError as exc:
        return [{"text": f"HTTP {exc.code}: {exc.read()[:200].decode(errors='replace')}"}]


def understood(rasa_port: int, bot_port: int, text: str) -> str:
    """Intent and confidence on each side (POST /model/parse), for a differing typed turn."""
    parts = []
    for server, port in (("Rasa", rasa_port), ("workerbot", bot_port)):
        try:
            intent = call(port, "/model/parse", {"text": text}).get("intent") or {}
            parts.append(f"{server} {intent.get('name')} {intent.get('confidence', 0):.2f}")
        except OSError as exc:
            parts.append(f"{server} ? ({exc})")
    return ", ".join(parts)


def message_for(step: dict, previous: list[dict]) -> tuple[str, str]:
    """The message a step sends to one server, and a note when a click found no button."""
    if "user" in step:
        return str(step["user"]), ""
    title = str(step["click"])
    for reply in reversed(previous):
        for button in reply.get("buttons") or []:
            if button.get("title") == title:
                return button["payload"], ""
    return title, f"no「{title}」button: its title was sent as text"


def converse(conversations: list[dict], rasa_port: int, bot_port: int) -> list[Outcome]:
    run = time.strftime("%H%M%S")
    outcomes = []
    for n, conv in enumerate(conversations, 1):
        sender = f"e2e-{run}-{n}"
        outcome = Outcome(conv["conversation"], sender)
        last = {"rasa": [], "bot": []}
        for step in conv["steps"]:
            sent, replies, notes = {}, {}, []
            for server, port in (("rasa", rasa_port), ("bot", bot_port)):
                sent[server], note = message_for(step, last[server])
                if note:
                    notes.append(f"{server}: {note}")
                replies[server] = say(port, sender, sent[server])
                last[server] = replies[server]
            shown = (
                sent["bot"] if sent["bot"] == sent["rasa"] else f"{sent['rasa']} | {sent['bot']}"
            )
            turn = Turn(shown, replies["rasa"], replies["bot"], "; ".join(notes))
            if not turn.same and sent["rasa"] == sent["bot"] and not sent["bot"].startswith("/"):
                turn.intents = understood(rasa_port, bot_port, sent["bot"])
            outcome.turns.append(turn)
        tracker = call(rasa_port, f"/conversations/{sender}/tracker")
        outcome.rasa_paused = bool(tracker.get("paused"))
        outcomes.append(outcome)
        mark = "same" if outcome.first_difference is None else "differs"
        print(f"  {n:2d}. {outcome.name}: {mark}")
        sys.stdout.flush()
    return outcomes


# ------------------------------------------------------------------ reporting


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


# ------------------------------------------------------------------ main


def run(rasa: Path, project: Path, conversations: list[dict]) -> dict:
    version = rasa_version(rasa)
    base_env = dict(
        os.environ,
        WORKERBOT_CONFIG=str(ROOT / "config.yml"),
        PYTHONUNBUFFERED="1",
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="2",
    )
    project.mkdir(parents=True, exist_ok=True)
    export_project(project, base_env)
    model, train = trained_model(rasa, project, version, base_env)

    work = project / "e2e-run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    envs = {}
    for server in ("rasa", "bot"):
        envs[server] = dict(
            base_env,
            WORKERBOT_DATABASE_URL=f"sqlite:///{work / (server + '.db')}",
            WORKERBOT_MODEL_DIR=str(project / "workerbot-models"),
        )
        for step in (["db", "upgrade"], ["load-demo"]):
            run_step([str(BIN / "workerbot"), *step], ROOT, envs[server])
    run_step([str(BIN / "workerbot"), "train", "--if-missing"], ROOT, envs["bot"])

    procs = Processes()
    logs = {name: work / f"{name}.log" for name in ("actions", "rasa", "workerbot")}
    try:
        actions_port, rasa_port, bot_port = free_port(), free_port(), free_port()
        procs.start(
            "actions",
            [
                str(BIN / "python"),
                "-m",
                "rasa_sdk",
                "--actions",
                "actions",
                "-p",
                str(actions_port),
            ],
            ROOT,
            envs["rasa"],
            logs["actions"],
        )
        endpoints = work / "endpoints.yml"
        endpoints.write_text(
            f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n'
        )
        procs.start(
            "rasa",
            [
                str(rasa / "bin" / "rasa"),
                "run",
                "--enable-api",
                "--model",
                str(model),
                "--endpoints",
                str(endpoints),
                "--credentials",
                str(project / "credentials.yml"),
                "--interface",
                "127.0.0.1",
                "--port",
                str(rasa_port),
            ],
            project,
            envs["rasa"],
            logs["rasa"],
        )
        procs.start(
            "workerbot",
            [str(BIN / "workerbot"), "run", "--port", str(bot_port), "--workers", "1"],
            ROOT,
            envs["bot"],
            logs["workerbot"],
        )
        health = {
            "actions": f"http://127.0.0.1:{actions_port}/health",
            "workerbot": f"http://127.0.0.1:{bot_port}/health",
            "rasa": f"http://127.0.0.1:{rasa_port}/status",
        }
        for name, url in health.items():
            seconds = wait_http(url, procs, name, logs[name], 900 if name == "rasa" else 120)
            print(f"{name} answering after {seconds:.1f}s")
        print(
            f"{len(conversations)} conversations (Rasa on :{rasa_port}, workerbot on :{bot_port}):"
        )
        outcomes = converse(conversations, rasa_port, bot_port)
        time.sleep(1)  # let the servers flush their logs
    finally:
        procs.stop_all()
    return {
        "rasa_version": version,
        "sdk_version": sdk_version(),
        "train": train,
        "outcomes": outcomes,
        "checks": log_checks(logs["rasa"], logs["actions"]),
        "counts": {s: database_counts(work / f"{s}.db") for s in ("rasa", "bot")},
        "work": work,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--rasa",
        type=Path,
        default=Path(os.environ.get("RASA_ENV") or ROOT.parent / "rasa310"),
        help="the Rasa 3.6 virtualenv (default: env RASA_ENV, else ../rasa310)",
    )
    parser.add_argument(
        "--project",
        type=Path,
        default=ROOT.parent / "rasa-project",
        help="where the Rasa project is exported, trained and run (default ../rasa-project)",
    )
    parser.add_argument("--conversations", type=Path, default=CONVERSATIONS)
    parser.add_argument("--write", action="store_true", help="write docs/benchmarks.md")
    args = parser.parse_args()

    rasa = args.rasa.resolve()
    if not (rasa / "bin" / "rasa").exists():
        print(
            f"no Rasa environment at {rasa} (no bin/rasa): nothing to compare, skipped.\n"
            "Build one as docs/rasa.md section 1 says, or point --rasa / RASA_ENV at it."
        )
        return 0
    conversations = yaml.safe_load(args.conversations.read_text(encoding="utf-8"))["conversations"]
    # stop the servers on Ctrl-C or a kill as well as on errors
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        result = run(rasa, args.project.resolve(), conversations)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    outcomes = result["outcomes"]
    same = sum(1 for o in outcomes if o.first_difference is None)
    print()
    print(table(outcomes))
    print(f"\nidentical: {same} of {len(outcomes)} conversations")
    diffs = differences(outcomes)
    if diffs:
        print("\ndifferences:")
        for d in diffs:
            print(f"- {d}")
    checks = result["checks"]
    print(f"\naction server version warning: {checks['sdk_warning'] or 'none'}")
    print(f"interpolator ERROR lines in Rasa's log: {checks['interpolator_errors']}")
    print(f"ERROR lines: Rasa {checks['rasa_errors']}, action server {checks['action_errors']}")
    print(f"Rasa trackers left paused: {', '.join(paused(outcomes)) or 'none'}")
    for server, counts in result["counts"].items():
        print(f"{'Rasa' if server == 'rasa' else 'workerbot'} database: {counts}")
    print(f"logs and databases: {result['work']}")
    if args.write:
        sys.path.insert(0, str(ROOT / "bench"))
        from docsection import write_section

        write_section("RASA_E2E", section(result), heading="## Real Rasa end to end\n\n")
        print("written to docs/benchmarks.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
