"""A private PostgreSQL server for a benchmark: Debian's binaries, initdb into a temporary
directory, a unix socket only, stopped at the end (the way tests/conftest.py starts one).

Durability stays as PostgreSQL ships it (fsync on, synchronous_commit on): the figures are
what a real deployment gets on this disk.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from processes import free_port


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise SystemExit("PostgreSQL is not installed: apt-get install postgresql")
    return found[-1]


def _as_postgres(args: list[str]) -> list[str]:
    """initdb and the server refuse to run as root: use the postgres system user then."""
    if os.geteuid() == 0:
        return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(f"'{a}'" for a in args)]
    return args


@contextmanager
def postgres_server(max_connections: int = 200) -> Iterator[str]:
    """The URL of a fresh server's `postgres` database (superuser, trust over the socket)."""
    base = Path(tempfile.mkdtemp(prefix="workerbot-bench-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
    port = free_port()
    initdb = [_bin("initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8"]
    subprocess.run(_as_postgres([*initdb, "--locale=C.UTF-8"]), check=True, capture_output=True)
    options = f"-p {port} -k {sock} -c listen_addresses= -c max_connections={max_connections}"
    pg_ctl = [_bin("pg_ctl"), "-D", str(data), "-w", "-l", str(base / "log"), "-o", options]
    subprocess.run(_as_postgres([*pg_ctl, "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@/postgres?host={sock}&port={port}"
    finally:
        stop = [_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]
        subprocess.run(_as_postgres(stop), capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


def new_database(server_url: str, name: str, template: str | None = None) -> str:
    """A new database on the server (a copy of `template` if given); its URL."""
    from sqlalchemy import create_engine

    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        copy = f' TEMPLATE "{template}"' if template else ""
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"{copy}')
    engine.dispose()
    return server_url.replace("@/postgres?", f"@/{name}?")


def drop_database(server_url: str, name: str) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    engine.dispose()
