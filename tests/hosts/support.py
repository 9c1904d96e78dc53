"""Several app hosts for tests: `workerbot run` processes, each with its own port, working
directory, config file and environment, sharing one PostgreSQL database; nginx in front.

On one machine a "host" is a process of its own with nothing shared but the database, the
trained model and the data directory (shared in production too: docs/deploy.md).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import yaml

from tests.conftest import ROOT
from tests.support import TLS
from tests.support.demo import pg_seeded

START_DEADLINE = 90.0  # generous: the machine is shared and each process loads the model
WORKERBOT = Path(sys.executable).with_name("workerbot")
ALWAYS_OPEN = {"working_days": [1, 2, 3, 4, 5, 6, 7], "opens": "00:00", "closes": "24:00"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def fresh_database(pg_url: str) -> Iterator[str]:
    """A database of its own on the test PostgreSQL server, migrated, with the demo FAQ and
    courses (a copy of a template); dropped afterwards."""
    with pg_seeded(pg_url, ROOT / "data") as url:
        yield url


def _merge(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value
    return base


def write_config(directory: Path, **sections: Any) -> Path:
    """The project's config.yml with some sections changed; no class reminders by the real
    clock (tests/conftest.py says why) and a desk open around the clock."""
    raw = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    _merge(raw, {"reminders": {"enabled": False}, "console": dict(ALWAYS_OPEN)})
    _merge(raw, sections)
    path = directory / "config.yml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


class AppHost:
    """One `workerbot run` process (one uvicorn worker) in a directory of its own."""

    def __init__(
        self,
        name: str,
        base: Path,
        database_url: str,
        model_dir: Path,
        secret_key: str,
        config: dict[str, Any] | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.name = name
        self.directory = base / name
        self.directory.mkdir(parents=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config_path = write_config(self.directory, **(config or {}))
        self.env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("TELEGRAM_", "WECHAT_", "WORKERBOT_", "CALLBACK_"))
        }
        self.env.update(
            WORKERBOT_CONFIG=str(config_path),
            WORKERBOT_DATABASE_URL=database_url,
            WORKERBOT_MODEL_DIR=str(model_dir),
            WORKERBOT_DATA_DIR=str(ROOT / "data"),
            WORKERBOT_SECRET_KEY=secret_key,  # the same on every host: a session works on all
            **(env or {}),
        )
        self.log_path = self.directory / "server.log"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def start(self) -> AppHost:
        with self.log_path.open("wb") as log:
            self.proc = subprocess.Popen(
                [str(WORKERBOT), "run", "--port", str(self.port), "--workers", "1"],
                cwd=self.directory,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        return self

    def wait_ready(self) -> None:
        """Until /health/ready answers 200 (database and model), or fail with the log."""
        deadline = time.monotonic() + START_DEADLINE
        while True:
            assert self.proc is not None and self.proc.poll() is None, self.log()
            try:
                if httpx.get(f"{self.url}/health/ready", timeout=2, verify=TLS).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, f"{self.name} did not start:\n{self.log()}"
            time.sleep(0.2)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def kill(self) -> None:
        """Dies at once, as a host that loses power: nothing is handed on."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@contextmanager
def serving(started: list[AppHost]) -> Iterator[list[AppHost]]:
    """The hosts started together (they load the model side by side), ready; stopped after."""
    try:
        for host in started:
            host.start()
        for host in started:
            host.wait_ready()
        yield started
    finally:
        for host in started:
            host.stop()


def nginx_binary() -> str:
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if not found:
        raise RuntimeError("nginx is not installed: `make test` installs Debian's nginx")
    return found


NGINX_CONF = """\
daemon off;
worker_processes 1;
{user}pid {dir}/nginx.pid;
error_log {dir}/error.log notice;
events {{ worker_connections 512; }}
http {{
    access_log {dir}/access.log;
    client_body_temp_path {dir}/tmp/body;
    proxy_temp_path {dir}/tmp/proxy;
    fastcgi_temp_path {dir}/tmp/fastcgi;
    uwsgi_temp_path {dir}/tmp/uwsgi;
    scgi_temp_path {dir}/tmp/scgi;

    upstream workerbot {{
{servers}
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 12m;
        location / {{
            proxy_pass http://workerbot;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_buffering off;
            proxy_read_timeout 1h;
            # which host answered (the tests check both take their turn)
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


class Nginx:
    """nginx in the foreground as a round-robin load balancer; config, pid, logs and
    temporary files in its own directory."""

    def __init__(self, upstreams: list[str], directory: Path) -> None:
        self.directory = directory
        (directory / "tmp").mkdir(parents=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        servers = "\n".join(f"        server {u} max_fails=1 fail_timeout=5s;" for u in upstreams)
        self.conf = directory / "nginx.conf"
        self.conf.write_text(
            NGINX_CONF.format(
                dir=directory,
                port=self.port,
                servers=servers,
                # as root its workers would switch to nobody, who cannot enter pytest's tmp
                user="user root;\n" if os.geteuid() == 0 else "",
            )
        )
        binary = nginx_binary()
        check = subprocess.run(
            [
                binary,
                "-t",
                "-p",
                str(directory),
                "-c",
                str(self.conf),
                "-e",
                str(directory / "error.log"),
            ],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stderr
        self.proc = subprocess.Popen(
            [
                binary,
                "-p",
                str(directory),
                "-c",
                str(self.conf),
                "-e",
                str(directory / "error.log"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 20
        while True:
            assert self.proc.poll() is None, self.log()
            try:
                if httpx.get(f"{self.url}/health/live", timeout=2, verify=TLS).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, f"nginx did not start:\n{self.log()}"
            time.sleep(0.1)

    def log(self) -> str:
        path = self.directory / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # fast: open streams are cut
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
