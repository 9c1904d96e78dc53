"""`workerbot run --workers 2` on a busy host: a worker process whose interpreter takes longer
than uvicorn's default 5 s to come up must be waited for, not killed and replaced.

uvicorn's supervisor pings every worker through a pipe and kills one that has not answered
within `timeout_worker_healthcheck`; the answering thread starts only after the spawned
interpreter has re-imported the `workerbot` script (all of bot.cli). On a loaded 2-core
machine that alone took over 6 s, so every new worker was killed before it could answer and
replaced by another that fared the same: the server never answered /health (issue 15's
lost benchmark runs). Here a sitecustomize module delays each spawned worker's start by
DELAY_SECONDS, as that load did.
"""

from __future__ import annotations

import os
from pathlib import Path

from bot.cli.serve import WORKER_PING_SECONDS
from tests.server.conftest import workerbot_run

DELAY_SECONDS = 8  # over uvicorn's default 5 s, well under ours

SITECUSTOMIZE = f"""
import sys, time
if "--multiprocessing-fork" in sys.orig_argv and "spawn_main" in " ".join(sys.orig_argv):
    time.sleep({DELAY_SECONDS})
"""


def test_slow_starting_workers_are_waited_for_not_replaced(tmp_path: Path, model_dir: Path):
    assert DELAY_SECONDS < WORKER_PING_SECONDS / 2
    hook = tmp_path / "slow"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE)
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    with workerbot_run(tmp_path, model_dir, url, 2, extra_env={"PYTHONPATH": str(hook)}) as served:
        children = served.pids()[1:]
        workers = [p for p in children if "spawn_main" in cmdline(p)]
        tracker = [p for p in children if "resource_tracker" in cmdline(p)]
        assert len(workers) == 2 and len(tracker) == 1, [cmdline(p) for p in children]
        # both serving workers are the ones started with the resource tracker, at the
        # beginning: a replacement would have been started 5 s or more later
        began = started_at(tracker[0])
        assert all(started_at(p) - began < DELAY_SECONDS / 2 for p in workers)
    log = served.log()
    assert "died" not in log and "Traceback" not in log, log


def started_at(pid: int) -> float:
    """Seconds from boot to the process's start (/proc/PID/stat, field 22)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[19]) / os.sysconf("SC_CLK_TCK")


def cmdline(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
