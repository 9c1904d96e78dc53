"""A private PostgreSQL server (Debian's postgresql package) for the tests, one per test run.

Started the first time a test asks for `pg_url` (tests/conftest.py). Under pytest-xdist the
worker processes share it (tests/support/shared.py): the first starts it, each works in a
database of its own on it, and the last to finish stops it. initdb and the start are seconds
of CPU a worker no longer spends; what a test sees of PostgreSQL is unchanged (each test
makes its own databases, tests/support/demo.py).
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from tests.support.shared import locked


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


def server_url(base: Path, port: int) -> str:
    return f"postgresql+psycopg://postgres@/postgres?host={base / 'sock'}&port={port}"


def start(connections: int = 100) -> tuple[Path, int]:
    """A new server in a new folder: (that folder, its port)."""
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
    initdb = [_bin("initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8"]
    initdb += [
        "--locale=C.UTF-8",
        "--no-sync",  # a throwaway server: nothing of it outlives the session
    ]
    subprocess.run(_as_postgres(initdb), check=True, capture_output=True)
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
                # no waiting on the disk (fsync) for a server that never survives a crash:
                # what the tests see of PostgreSQL (SQL, locks, transactions) is unchanged
                f"-p {port} -k {sock} -c listen_addresses= -c fsync=off"
                f" -c synchronous_commit=off -c full_page_writes=off -c max_connections={connections}",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    return base, port


def stop(base: Path) -> None:
    subprocess.run(
        _as_postgres([_bin("pg_ctl"), "-D", str(base / "data"), "-m", "fast", "stop"]),
        capture_output=True,
    )


def _admin(url: str, statement: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


@contextmanager
def own_server() -> Iterator[str]:
    """A server for this process alone: the URL of its `postgres` database."""
    base, port = start()
    try:
        yield server_url(base, port)
    finally:
        stop(base)


@contextmanager
def shared_server(folder: Path, worker: str) -> Iterator[str]:
    """The run's server, started if no worker has yet: the URL of this worker's database on it.
    Its folder and port and the workers using it are kept in `folder`/postgres.json."""
    state_file, lock = folder / "postgres.json", folder / "postgres.lock"
    with locked(lock):
        if state_file.exists():
            state = json.loads(state_file.read_text())
        else:
            # room for the connections of two workers' tests at once (several app processes
            # each with their own pool, tests/hosts)
            base, port = start(connections=250)
            state = {"base": str(base), "port": port, "workers": []}
        state["workers"].append(worker)
        state_file.write_text(json.dumps(state))
    server = server_url(Path(state["base"]), state["port"])
    database = f"run_{worker}"
    _admin(server, f"CREATE DATABASE {database}")
    try:
        yield make_url(server).set(database=database).render_as_string(hide_password=False)
    finally:
        _admin(server, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        with locked(lock):
            state = json.loads(state_file.read_text())
            state["workers"].remove(worker)
            if state["workers"]:
                state_file.write_text(json.dumps(state))
            else:
                stop(Path(state["base"]))
                state_file.unlink()
