"""The Rasa side shared by the real-Rasa benchmarks (bench/rasa_conversations.py,
bench/rasa_push.py): the Rasa environment and its version, the exported project, the trained
model, and the command-line options that point at them."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from processes import run_step, tail

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin" if (ROOT / ".venv" / "bin").exists() else Path(sys.executable).parent


def rasa_parser(description: str, project: str) -> argparse.ArgumentParser:
    """The options every real-Rasa benchmark takes: the Rasa environment, the project folder."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--rasa",
        type=Path,
        default=Path(os.environ.get("RASA_ENV") or ROOT.parent / "rasa310"),
        help="the Rasa 3.6 virtualenv (default: env RASA_ENV, else ../rasa310)",
    )
    parser.add_argument(
        "--project",
        type=Path,
        default=ROOT.parent / project,
        help=f"where the Rasa project is exported, trained and run (default ../{project})",
    )
    return parser


def rasa_found(rasa: Path, doing: str) -> bool:
    """Whether a Rasa environment is there; says how to build one when it is not."""
    if (rasa / "bin" / "rasa").exists():
        return True
    print(
        f"no Rasa environment at {rasa} (no bin/rasa): nothing to {doing}, skipped.\n"
        "Build one as docs/rasa.md section 1 says, or point --rasa / RASA_ENV at it."
    )
    return False


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


def start_action_server(procs, port: int, env: dict, log: Path) -> None:
    """This project's actions under rasa_sdk (`python -m rasa_sdk --actions actions`), as a
    Rasa user runs them beside their server; `procs` is bench/processes.py's Processes."""
    args = [str(BIN / "python"), "-m", "rasa_sdk", "--actions", "actions", "-p", str(port)]
    procs.start("actions", args, ROOT, env, log)
