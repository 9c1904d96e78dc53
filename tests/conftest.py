"""Shared fixtures: a real migrated SQLite database, the trained model, a live HTTP server."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from bot import nlu_model
from bot.app import App, create_app
from bot.settings import Settings
from bot.store import seed
from bot.store.db import Database
from bot.web.server import create_web

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One trained model for the whole test session (training takes seconds)."""
    directory = tmp_path_factory.mktemp("models")
    settings = Settings.load(
        ROOT / "config.yml", workerbot_model_dir=directory, workerbot_database_url="sqlite://"
    )
    nlu_model.train(settings)
    return directory


def make_settings(tmp_path: Path, model_dir: Path) -> Settings:
    return Settings.load(
        ROOT / "config.yml",
        workerbot_database_url=f"sqlite:///{tmp_path / 'bot.db'}",
        workerbot_model_dir=model_dir,
    )


@pytest.fixture
def settings(tmp_path: Path, model_dir: Path) -> Settings:
    return make_settings(tmp_path, model_dir)


@pytest.fixture
def bot(settings: Settings) -> Iterator[App]:
    """The whole bot on a fresh database with the demo courses and FAQ."""
    db = Database(settings.database_url)
    db.upgrade()
    seed.load_courses(db, settings.data_dir / "courses.yml")
    seed.load_faq(db, settings.data_dir / "faq.yml")
    db.dispose()
    app = create_app(settings)
    yield app
    app.db.dispose()


class LiveServer:
    def __init__(self, app: App) -> None:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_web(app), log_level="warning", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [sock]}, daemon=True
        )
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("test server did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def server(bot: App) -> Iterator[LiveServer]:
    """The real HTTP app served by uvicorn on a free local port."""
    live = LiveServer(bot)
    yield live
    live.stop()


@pytest.fixture
def http(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=10) as client:
        yield client


@pytest.fixture(scope="session")
def artifacts() -> Path:
    path = ROOT / "test-artifacts"
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir()
    return path
