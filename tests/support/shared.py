"""Set-up done once per test run and shared by pytest-xdist's worker processes.

With `pytest -n N` every worker process builds its own session fixtures; a slow one (training
the intent model, starting PostgreSQL) is then done N times, all at the start, on a machine
with fewer cores than that. The first worker to ask does it while holding a file lock in the
folder all workers of the run share (the parent of each worker's temporary folder, as
pytest-xdist's documentation shows); the others wait for the lock and find it done. Without
xdist there is one process, and nothing to share.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """The folder the worker processes of this run share; None when not run by xdist."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return None
    return tmp_path_factory.getbasetemp().parent


@contextmanager
def locked(lock_file: Path) -> Iterator[None]:
    """Held by one process of the machine at a time (a kernel lock: freed if it dies)."""
    with lock_file.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
