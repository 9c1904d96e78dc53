"""A private PostgreSQL server for the tests (Debian's postgresql package, started in tmp)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.app import App, create_app
from bot.settings import Settings
from bot.store import seed
from bot.store.db import Database

ROOT = Path(__file__).resolve().parents[2]


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: `make test` installs Debian's postgresql")
    return found[-1]


def _as_postgres(args: list[str]) -> list[str]:
    """initdb and the server refuse to run as root: use the postgres system user then."""
    if os.geteuid() == 0:
        return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(f"'{a}'" for a in args)]
    return args


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    # not pytest's tmp_path: its parent is private to root, and the server runs as postgres
    base = Path(tempfile.mkdtemp(prefix="workerbot-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    subprocess.run(
        _as_postgres(
            [
                _bin("initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        check=True,
        capture_output=True,
    )
    subprocess.run(
        _as_postgres(
            [
                _bin("pg_ctl"),
                "-D",
                str(data),
                "-w",
                "-l",
                str(base / "log"),
                "-o",
                f"-p {port} -k {sock} -c listen_addresses=",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@/postgres?host={sock}&port={port}"
    finally:
        subprocess.run(
            _as_postgres([_bin("pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),
            capture_output=True,
        )


@pytest.fixture
def pg_bot(pg_url: str, model_dir: Path) -> Iterator[App]:
    """The whole bot on a fresh PostgreSQL schema with the demo data."""
    db = Database(pg_url)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    db.upgrade()
    settings = Settings.load(
        ROOT / "config.yml", workerbot_database_url=pg_url, workerbot_model_dir=model_dir
    )
    seed.load_courses(db, settings.data_dir / "courses.yml")
    seed.load_faq(db, settings.data_dir / "faq.yml")
    db.dispose()
    app = create_app(settings)
    yield app
    app.db.dispose()
