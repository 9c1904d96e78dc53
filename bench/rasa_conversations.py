"""End to end on real Rasa: the same conversations through Rasa 3.6 and through workerbot.

Trains real Rasa (3.6.21, Python 3.10, outside this repository: docs/rasa.md section 1) on
this project's data as `workerbot data rasa-project` lays it out, serves it with `rasa run
--enable-api` and this project's actions under rasa_sdk, and runs the conversations of
bench/data/rasa_conversations.yml through it and through workerbot's own server, each on a
fresh SQLite database, over POST /webhooks/rest/webhook. The replies are compared turn by turn
(text and button titles); `staff:` steps do what staff do in the console, on each server's
database (bench/rasa_staff.py).

Run: `.venv/bin/python bench/rasa_conversations.py [--rasa ../rasa310] [--write]`
(the Rasa environment also from env RASA_ENV). Without a Rasa environment it says so and exits
0. The Rasa model is reused while the exported data are unchanged (training takes ~15 min on
2 cores). `--write` puts the results into docs/benchmarks.md between the RASA_E2E marks.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml
from callback_receiver import Receiver, say_callback
from docsection import write_section
from processes import Processes, free_port, run_step, wait_http
from rasa_project import (
    BIN,
    ROOT,
    export_project,
    rasa_found,
    rasa_parser,
    rasa_version,
    sdk_version,
    start_action_server,
    trained_model,
)
from rasa_report import (
    Outcome,
    Turn,
    database_counts,
    differences,
    log_checks,
    paused,
    section,
    table,
)
from rasa_staff import StaffDesk

from bot.channels.base import ChannelHub
from bot.channels.callback import CallbackChannel
from bot.channels.rasa_push import RasaPush
from bot.settings.rasa import RasaConfig

CONVERSATIONS = ROOT / "bench" / "data" / "rasa_conversations.yml"
WEBHOOK = "/webhooks/rest/webhook"


# ------------------------------------------------------------------ conversations


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


def converse(
    conversations: list[dict],
    rasa_port: int,
    bot_port: int,
    desks: dict[str, StaffDesk],
    receivers: dict[str, Receiver],
) -> list[Outcome]:
    run = time.strftime("%H%M%S")
    outcomes = []
    for n, conv in enumerate(conversations, 1):
        sender = f"e2e-{run}-{n}"
        outcome = Outcome(conv["conversation"], sender)
        channel = conv.get("channel", "rest")
        last = {"rasa": [], "bot": []}
        for step in conv["steps"]:
            if "staff" in step:  # the console, on each server's database
                seen = {
                    server: desks[server].step(str(step["staff"]), sender, channel)
                    for server in desks
                }
                outcome.turns.append(Turn(f"[staff] {step['staff']}", seen["rasa"], seen["bot"]))
                continue
            sent, replies, notes = {}, {}, []
            for server, port in (("rasa", rasa_port), ("bot", bot_port)):
                sent[server], note = message_for(step, last[server])
                if note:
                    notes.append(f"{server}: {note}")
                if channel == "callback":
                    replies[server] = say_callback(port, sender, sent[server], receivers[server])
                else:
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
    # the worker's end of the callback channel, one per server
    receivers = {server: Receiver() for server in ("rasa", "bot")}
    try:
        actions_port, rasa_port, bot_port = free_port(), free_port(), free_port()
        # staff replies for Rasa's conversations are pushed through Rasa (config's rasa:)
        envs["rasa"]["RASA_URL"] = f"http://127.0.0.1:{rasa_port}"
        envs["bot"]["CALLBACK_URL"] = receivers["bot"].url
        credentials = work / "credentials.yml"
        credentials.write_text(f'rest:\ncallback:\n  url: "{receivers["rasa"].url}"\n')
        start_action_server(procs, actions_port, envs["rasa"], logs["actions"])
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
                str(credentials),
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
        desks = {
            server: StaffDesk(work / f"{server}.db", ChannelHub(), receivers[server])
            for server in ("rasa", "bot")
        }
        # as the console delivers: through Rasa's trigger_intent for Rasa's conversations,
        # by workerbot's callback channel for its own
        rasa_push = RasaPush(desks["rasa"].db, RasaConfig(url=envs["rasa"]["RASA_URL"]))
        desks["rasa"].hub.outside = rasa_push.send
        desks["bot"].hub.register(CallbackChannel(None, receivers["bot"].url))
        try:
            outcomes = converse(conversations, rasa_port, bot_port, desks, receivers)
        finally:
            for desk in desks.values():
                desk.close()
        time.sleep(1)  # let the servers flush their logs
    finally:
        procs.stop_all()
        for receiver in receivers.values():
            receiver.stop()
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
    parser = rasa_parser(__doc__.split("\n\n")[0], "rasa-project")
    parser.add_argument("--conversations", type=Path, default=CONVERSATIONS)
    parser.add_argument("--write", action="store_true", help="write docs/benchmarks.md")
    args = parser.parse_args()

    rasa = args.rasa.resolve()
    if not rasa_found(rasa, "compare"):
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
        write_section("RASA_E2E", section(result), heading="## Real Rasa end to end\n\n")
        print("written to docs/benchmarks.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
