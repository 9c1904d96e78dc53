"""A private PostgreSQL server (Debian's package) for a benchmark, stopped at the end."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise SystemExit("PostgreSQL is not installed: apt-get install postgresql")
    return found[-1]


def _as_postgres(args: list[str]) -> list[str]:
    if os.geteuid() == 0:  # initdb and the server refuse to run as root
        return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(f"'{a}'" for a in args)]
    return args


@contextmanager
def postgres() -> Iterator[str]:
    """The SQLAlchemy URL of a fresh server on a Unix socket."""
    base = Path(tempfile.mkdtemp(prefix="workerbot-bench-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    init = [_bin("initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8"]
    subprocess.run(_as_postgres([*init, "--locale=C.UTF-8"]), check=True, capture_output=True)
    opts = f"-p {port} -k {sock} -c listen_addresses= -c max_connections=300"
    start = [_bin("pg_ctl"), "-D", str(data), "-w", "-l", str(base / "log"), "-o", opts, "start"]
    subprocess.run(_as_postgres(start), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@/postgres?host={sock}&port={port}"
    finally:
        stop = [_bin("pg_ctl"), "-D", str(data), "-m", "fast", "stop"]
        subprocess.run(_as_postgres(stop), capture_output=True)
        shutil.rmtree(base, ignore_errors=True)
