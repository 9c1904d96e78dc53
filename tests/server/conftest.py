"""`workerbot run` as a real subprocess (its own workers, its own logging), on SQLite or
PostgreSQL, with everything it writes to stdout and stderr captured in one file."""

from __future__ import annotations

import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from bot.settings import Settings
from bot.store.db import Database
from tests.support import TLS
from tests.support.demo import pg_seeded, seeded_db

ROOT = Path(__file__).resolve().parents[2]
WORKERBOT = Path(sys.executable).parent / "workerbot"
START_SECONDS = 60


class Served:
    def __init__(self, proc: subprocess.Popen, url: str, log: Path, db: Database) -> None:
        self.proc, self.url, self.log_path, self.db = proc, url, log, db

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def pids(self) -> list[int]:
        """The supervisor and its worker processes."""
        found, todo = [], [self.proc.pid]
        while todo:
            pid = todo.pop()
            found.append(pid)
            for task in Path(f"/proc/{pid}/task").glob("*/children"):
                todo += [int(c) for c in task.read_text().split()]
        return found


def prepare_database(url: str, data_dir: Path) -> Database:
    """A fresh, migrated database with the demo courses and FAQ: a SQLite file is copied from
    this process's template here; a PostgreSQL URL already names such a copy (`database_url`)."""
    if make_url(url).get_backend_name() == "sqlite":
        return seeded_db(url, data_dir)
    return Database(url)


@contextmanager
def workerbot_run(
    tmp_path: Path,
    model_dir: Path,
    database_url: str,
    workers: int = 2,
    config: Path | None = None,
    extra_env: dict[str, str] | None = None,
) -> Iterator[Served]:
    """`workerbot run --workers N` on a free port, until the test is done."""
    settings = Settings.load(ROOT / "config.yml", workerbot_database_url=database_url)
    db = prepare_database(database_url, settings.data_dir)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {
        "PATH": "/usr/bin:/bin",
        "WORKERBOT_DATABASE_URL": database_url,
        "WORKERBOT_MODEL_DIR": str(model_dir),
        "WORKERBOT_SECRET_KEY": secrets.token_urlsafe(48),
        **(extra_env or {}),
    }
    args = [str(WORKERBOT), "run", "--port", str(port), "--workers", str(workers)]
    args += ["--config", str(config or ROOT / "config.yml")]
    log = tmp_path / f"server-{port}.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    served = Served(proc, f"http://127.0.0.1:{port}", log, db)
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            assert proc.poll() is None, served.log()
            try:
                if httpx.get(f"{served.url}/health", timeout=2, verify=TLS).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "workerbot run did not start:\n" + served.log()
            time.sleep(0.2)
        yield served
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        db.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new SQLite file, or a new PostgreSQL database with the demo courses and FAQ."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'bot.db'}"
        return
    with pg_seeded(request.getfixturevalue("pg_url"), ROOT / "data") as url:
        yield url
