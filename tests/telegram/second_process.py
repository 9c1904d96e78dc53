"""Another real server process (as with `workerbot run --workers 2`) on the same database."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.conftest import ROOT
from tests.support import TLS
from tests.telegram.fake_api import TOKEN

START_DEADLINE = 60.0  # generous: the machine is shared and the process loads the model


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def telegram_process(
    database_url: str,
    model_dir: Path,
    telegram_base_url: str,
    webhook_url: str,
    secret: str,
    log_path: Path,
) -> Iterator[str]:
    """A uvicorn process with the Telegram channel in webhook mode; yields its base URL once
    its webhook route answers (503 until the channel has started)."""
    port = _free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TELEGRAM_", "WECHAT_", "WORKERBOT_"))
    }
    env.update(
        WORKERBOT_CONFIG=str(ROOT / "config.yml"),
        WORKERBOT_DATABASE_URL=database_url,
        WORKERBOT_MODEL_DIR=str(model_dir),
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_BASE_URL=telegram_base_url,
        TELEGRAM_WEBHOOK_URL=webhook_url,
        TELEGRAM_WEBHOOK_SECRET=secret,
    )
    log = log_path.open("wb")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "bot.web.server:create_web_from_env",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_DEADLINE
        while True:
            assert proc.poll() is None, log_path.read_text()
            try:
                # an update of a kind the bot ignores: 200 once the channel is up
                r = httpx.post(
                    f"{url}/webhooks/telegram",
                    json={"update_id": 1},
                    headers={"X-Telegram-Bot-Api-Secret-Token": secret},
                    timeout=2,
                    verify=TLS,
                )
                if r.status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "the second server did not start"
            time.sleep(0.2)
        yield url
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
