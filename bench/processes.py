"""Servers started by a benchmark: free ports, process groups stopped at the end, waiting
for a server to answer, preparation commands that fail loudly."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Processes:
    """Every server this script starts, each in its own process group, stopped at the end."""

    def __init__(self) -> None:
        self.running: list[tuple[str, subprocess.Popen]] = []

    def start(self, name: str, cmd: list[str], cwd: Path, env: dict, log: Path) -> None:
        with log.open("wb") as out:
            proc = subprocess.Popen(
                cmd,
                cwd=cwd,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self.running.append((name, proc))

    def alive(self, name: str) -> bool:
        return any(n == name and p.poll() is None for n, p in self.running)

    def stop_all(self) -> None:
        for _, proc in reversed(self.running):
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for _, proc in reversed(self.running):
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait(timeout=10)
        self.running.clear()


def wait_http(url: str, procs: Processes, name: str, log: Path, timeout: float) -> float:
    """Seconds until `url` answers 200; fails early when the process has exited."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if not procs.alive(name):
            raise RuntimeError(f"{name} exited while starting; see {log}:\n{tail(log)}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return time.perf_counter() - start
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{name} did not answer {url} within {timeout:.0f}s; see {log}")


def tail(path: Path, lines: int = 25) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return ""


def run_step(cmd: list[str], cwd: Path, env: dict, log: Path | None = None) -> str:
    """Run a preparation command; its output, or a RuntimeError naming it."""
    out = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    text = out.stdout + out.stderr
    if log:
        log.write_text(text)
    if out.returncode != 0:
        raise RuntimeError(f"`{' '.join(cmd)}` failed ({out.returncode}):\n{text[-3000:]}")
    return text
