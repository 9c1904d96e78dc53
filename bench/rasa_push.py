"""Staff replies and notices pushed to a silent worker through a real Rasa 3.6 server.

Trains Rasa's dialogue part only (`rasa train core`: MemoizationPolicy and RulePolicy on this
project's domain and rules, a few minutes; DIET is not needed because the worker's messages
that choose an intent are button payloads, which Rasa parses without NLU) in a project laid
out by `workerbot data rasa-project`, then serves it with `rasa run --enable-api
--auth-token …` and the `callback` channel as the worker's channel, beside this project's
action server on a fresh database with the demo data and `rasa: url` set. The staff side is
the console's own operations (bot/staff/desk.py) delivered through the ChannelHub as the
console delivers them, i.e. through Rasa's `POST /conversations/{id}/trigger_intent`
(bot/channels/rasa_push.py). Every step says what reached the worker's end of the callback
channel (bench/callback_receiver.py) and checks it.

Run: `.venv/bin/python bench/rasa_push.py [--rasa ../rasa310] [--project DIR] [--write]`.
Without a Rasa environment it says so and exits 0. `--write` puts the result into
docs/benchmarks.md between the RASA_PUSH marks.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import secrets
import shutil
import signal
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from callback_receiver import Receiver, say_callback
from docsection import write_section
from processes import Processes, free_port, run_step, tail, wait_http
from rasa_project import (
    BIN,
    ROOT,
    export_project,
    rasa_found,
    rasa_parser,
    rasa_version,
    start_action_server,
)

from bot.channels.base import ChannelHub
from bot.channels.rasa_push import RasaPush
from bot.settings.rasa import RasaConfig
from bot.staff import accounts
from bot.staff import notices as notify
from bot.staff.desk import ConsoleDesk
from bot.staff.handoff import RELEASED_TEXT
from bot.store.db import Database
from bot.store.models import Conversation

WORKER = "push-worker-1"
NOTICE = "您报名的书法班下周二改到晚上七点上课。"


def core_model(rasa: Path, project: Path, env: dict) -> tuple[Path, float | None]:
    """Rasa's dialogue model for the exported domain and rules (reused while unchanged)."""
    digest = hashlib.sha256()
    for path in (project / "domain.yml", project / "config.yml", project / "data" / "rules.yml"):
        digest.update(path.read_bytes())
    model = project / "models" / f"core-{digest.hexdigest()[:16]}.tar.gz"
    if model.exists():
        print(f"reusing {model}")
        return model, None
    print(f"rasa train core in {project} ...")
    sys.stdout.flush()
    started = time.perf_counter()
    log = project / "train-core.log"
    run_step(
        [
            str(rasa / "bin" / "rasa"),
            "train",
            "core",
            "--config",
            "config.yml",
            "--domain",
            "domain.yml",
            "--stories",
            "data",
            "--out",
            "models",
            "--fixed-model-name",
            model.name.removesuffix(".tar.gz"),
        ],
        project,
        env,
        log,
    )
    if not model.exists():
        raise RuntimeError(f"rasa train core wrote no model; see {log}:\n{tail(log)}")
    return model, time.perf_counter() - started


class Check:
    """One step of the scenario: what was done, what reached the worker, whether it is right."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, bool]] = []

    def __call__(self, step: str, got: list[dict], ok: bool, extra: str = "") -> None:
        shown = " ‖ ".join((m.get("text") or "").replace("\n", " ")[:70] for m in got) or "—"
        if extra:
            shown += f" ({extra})"
        self.rows.append((step, shown, ok))
        print(f"  {'ok  ' if ok else 'FAIL'} {step}: {shown}")
        sys.stdout.flush()


def question(text: str) -> str:
    """A form's question: the last sentence of its message."""
    return text.rstrip("。").rsplit("。", 1)[-1].strip()


def texts(got: list[dict]) -> str:
    return "\n".join(m.get("text") or "" for m in got)


def scenario(
    db: Database,
    say: Callable[[str], list[dict]],
    push: Callable[[object], bool],
    bad_push: Callable[[object], bool],
    receiver: Receiver,
    tracker: Callable[[], dict],
) -> Check:
    check = Check()
    desk = ConsoleDesk(db)
    staff = accounts.create_user(db, "push-staff", "Xk7-push-desk-2026", "staff", "小王")

    got = say("/human_handoff")
    check("worker: /human_handoff", got, "已为您转接人工服务" in texts(got))
    got = say("公司三个月没发工资了")
    check("worker writes while queued", got, "三个月" not in texts(got))
    with db.read() as s:
        conv = s.query(Conversation).filter_by(channel="callback", sender_id=WORKER).one()
    conv_id = conv.id

    delivered = [
        push(desk.claim(conv_id, staff)),
        push(desk.reply(conv_id, staff, "您好，欠了多少？")),
    ]
    got = receiver.take(WORKER)
    check(
        "staff: claim + reply, worker silent",
        got,
        delivered == [True, True]
        and texts(got).count("已接入") == 1
        and texts(got).count("您好，欠了多少？") == 1,
        f"delivered {delivered}",
    )
    got = say("一万二")
    check("worker's next turn shows nothing pushed again", got, "欠了多少" not in texts(got))

    delivered = [bad_push(desk.reply(conv_id, staff, "签了劳动合同没有？"))]
    got = receiver.take(WORKER)
    check("staff reply, push refused (wrong token)", got, delivered == [False] and not got)
    got = say("在吗")
    check(
        "worker's next turn shows it, once",
        got,
        texts(got).count("签了劳动合同没有？") == 1,
    )
    got = say("签了")
    check("and not again", got, "签了劳动合同没有？" not in texts(got))

    delivered = [push(desk.hand_back(conv_id, staff))]
    got = receiver.take(WORKER)
    loop = (tracker().get("active_loop") or {}).get("name")
    check(
        "staff: hand back, pushed",
        got,
        delivered == [True] and RELEASED_TEXT in texts(got) and loop is None,
        f"Rasa's active loop afterwards: {loop}",
    )

    got = say("/mediation_request")
    asked = (got[-1].get("text") or "") if got else ""
    check("worker: /mediation_request (the form asks)", got, bool(asked))
    with db.session() as s:
        notice = notify.record(s, "callback", WORKER, NOTICE)
    delivered = [push(notice)]
    got = receiver.take(WORKER)
    loop = (tracker().get("active_loop") or {}).get("name")
    check(
        "a course notice inside the mediation form",
        got,
        delivered == [True]
        and NOTICE in texts(got)
        and question(got[-1].get("text") or "") == question(asked)
        and loop == "mediation_form",
        f"the form's question again; Rasa's active loop: {loop}",
    )
    return check


def section(check: Check, version: str, trained: float | None) -> str:
    passed = sum(ok for *_, ok in check.rows)
    lines = [
        "<!-- RASA_PUSH:BEGIN (written by bench/rasa_push.py) -->",
        f"Rasa {version}, `rasa train core` "
        + (f"in {trained / 60:.1f} min" if trained else "(model reused)")
        + f", on {time.strftime('%Y-%m-%d')}: the worker on Rasa's `callback` channel, staff "
        "in the console (its operations on the action server's database), pushes through "
        f"`trigger_intent` with an auth token. {passed} of {len(check.rows)} steps as expected.",
        "",
        "| step | what reached the worker | as expected |",
        "|---|---|---|",
    ]
    for step, shown, ok in check.rows:
        lines.append(f"| {step} | {shown.replace('|', '/')} | {'yes' if ok else '**no**'} |")
    lines.append("<!-- RASA_PUSH:END -->")
    return "\n".join(lines)


def run(rasa: Path, project: Path, write: bool) -> int:
    version = rasa_version(rasa)
    work = project / "push-run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    token = secrets.token_urlsafe(16)
    base = dict(
        os.environ,
        WORKERBOT_CONFIG=str(ROOT / "config.yml"),
        WORKERBOT_DATABASE_URL=f"sqlite:///{work / 'push.db'}",
        PYTHONUNBUFFERED="1",
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL="2",
    )
    export_project(project, base)
    model, trained = core_model(rasa, project, base)
    for step in (["db", "upgrade"], ["load-demo"]):
        run_step([str(BIN / "workerbot"), *step], ROOT, base)

    procs, receiver = Processes(), Receiver()
    logs = {name: work / f"{name}.log" for name in ("actions", "rasa")}
    db = Database(base["WORKERBOT_DATABASE_URL"])
    try:
        actions_port, rasa_port = free_port(), free_port()
        rasa_url = f"http://127.0.0.1:{rasa_port}"
        env = dict(base, RASA_URL=rasa_url)
        start_action_server(procs, actions_port, env, logs["actions"])
        (work / "endpoints.yml").write_text(
            f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n'
        )
        (work / "credentials.yml").write_text(f'callback:\n  url: "{receiver.url}"\n')
        procs.start(
            "rasa",
            [
                str(rasa / "bin" / "rasa"),
                "run",
                "--enable-api",
                "--auth-token",
                token,
                "--model",
                str(model),
                "--endpoints",
                str(work / "endpoints.yml"),
                "--credentials",
                str(work / "credentials.yml"),
                "--interface",
                "127.0.0.1",
                "--port",
                str(rasa_port),
            ],
            project,
            env,
            logs["rasa"],
        )
        wait_http(f"http://127.0.0.1:{actions_port}/health", procs, "actions", logs["actions"], 120)
        wait_http(f"{rasa_url}/status?token={token}", procs, "rasa", logs["rasa"], 900)
        print(f"Rasa {version} on :{rasa_port}, actions on :{actions_port}")

        def hub(with_token: str) -> ChannelHub:
            channels = ChannelHub()
            channels.outside = RasaPush(db, RasaConfig(url=rasa_url), token=with_token).send
            return channels

        good, bad = hub(token), hub("not-the-token")

        def tracker() -> dict:
            url = f"{rasa_url}/conversations/{WORKER}/tracker?token={token}"
            with urllib.request.urlopen(url, timeout=30) as r:
                return json.loads(r.read())

        check = scenario(
            db,
            lambda text: say_callback(rasa_port, WORKER, text, receiver),
            lambda p: asyncio.run(good.deliver(p)),
            lambda p: asyncio.run(bad.deliver(p)),
            receiver,
            tracker,
        )
    finally:
        procs.stop_all()
        receiver.stop()
        db.dispose()
    failed = [step for step, _, ok in check.rows if not ok]
    print(f"\n{len(check.rows) - len(failed)} of {len(check.rows)} steps as expected")
    print(f"logs and database: {work}")
    if write:
        write_section(
            "RASA_PUSH", section(check, version, trained), heading="## Real Rasa: pushes\n\n"
        )
        print("written to docs/benchmarks.md")
    return 1 if failed else 0


def main() -> int:
    parser = rasa_parser(__doc__.split("\n\n")[0], "rasa-push")
    parser.add_argument("--write", action="store_true", help="write docs/benchmarks.md")
    args = parser.parse_args()
    rasa = args.rasa.resolve()
    if not rasa_found(rasa, "check"):
        return 0
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        return run(rasa, args.project.resolve(), args.write)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
