"""Shared fixtures: a real migrated SQLite database, the trained model, a live HTTP server."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import pickle
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

import bot.settings as settings_package
from bot.app import App, create_app
from bot.core import yamlfile
from bot.core.logs import logging_config
from bot.nlu import model as nlu_model
from bot.settings import Settings
from bot.web.proxies import uvicorn_proxy_options
from bot.web.server import create_web
from tests.support import HTTP_TIMEOUT, TLS, postgres_server
from tests.support.chromium import close_browser
from tests.support.demo import demo_db
from tests.support.shared import locked, run_folder
from tests.support.templates import compile_each_template_once

ROOT = Path(__file__).resolve().parent.parent


def _parse_each_yaml_text_once() -> None:
    """Every test builds an App, which parses the same config, domain, rules and training
    data (a third of its set-up). Here each distinct YAML text is parsed once per test
    process (by the real parser) and later asked for as a copy of that result: the same
    objects, fresh each time. A text the parser refuses is never stored, so it fails each
    time as before; a file a test changes is a new text, parsed anew."""
    parse = yamlfile.parse_yaml
    parsed: dict[bytes, bytes] = {}

    def parse_yaml(text: str) -> Any:
        key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()
        stored = parsed.get(key)
        if stored is not None:
            return pickle.loads(stored)  # noqa: S301 - our own bytes from this process
        value = parse(text)
        parsed[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        return value

    yamlfile.parse_yaml = parse_yaml  # read_yaml looks it up at each call
    settings_package.parse_yaml = parse_yaml  # imported by name there


_parse_each_yaml_text_once()
compile_each_template_once()  # every app's Jinja environments share the compiled templates


def _train_into(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    settings = Settings.load(
        ROOT / "config.yml", workerbot_model_dir=directory, workerbot_database_url="sqlite://"
    )
    nlu_model.train(settings)


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One trained model for the whole test run (training takes seconds): under xdist the
    first worker trains it into the run's shared folder, the others wait and load it
    (tests/support/shared.py). Tests that train write into a copy (own_settings)."""
    shared = run_folder(tmp_path_factory)
    if shared is None:
        directory = tmp_path_factory.mktemp("models")
        _train_into(directory)
        return directory
    directory, done = shared / "models", shared / "models.trained"
    with locked(shared / "models.lock"):
        if not done.exists():
            shutil.rmtree(directory, ignore_errors=True)  # what a worker that died left
            _train_into(directory)
            done.touch()
    return directory


def make_settings(tmp_path: Path, model_dir: Path) -> Settings:
    settings = Settings.load(
        ROOT / "config.yml",
        workerbot_database_url=f"sqlite:///{tmp_path / 'bot.db'}",
        workerbot_model_dir=model_dir,
    )
    # a live test server must not send class reminders by the real clock (after 19:00 local
    # it would take the lease and send what a test's own job is about to send): the tests of
    # reminders run their own job with reminders enabled (tests/outreach/support.py)
    settings.config.reminders.enabled = False
    return settings


@pytest.fixture
def settings(tmp_path: Path, model_dir: Path) -> Settings:
    return make_settings(tmp_path, model_dir)


@pytest.fixture
def bot(settings: Settings) -> Iterator[App]:
    """The whole bot on a fresh database with the demo courses and FAQ."""
    demo_db(settings)
    app = create_app(settings)
    yield app
    app.db.dispose()


class _StoppableServer(uvicorn.Server):
    """uvicorn's server, stopped as soon as the test is done: uvicorn checks `should_exit`
    every 0.1 s and sleeps another 0.1 s at shutdown (for a person's Ctrl+C, fine); a test
    server stopped a thousand times a run wakes at once and waits only as long as its open
    connections and tasks really take. Serving itself is uvicorn's own."""

    _wake: asyncio.Event | None = None
    _loop: asyncio.AbstractEventLoop | None = None

    async def main_loop(self) -> None:
        self._loop, self._wake = asyncio.get_running_loop(), asyncio.Event()
        counter = 0
        while not await self.on_tick(counter):  # on_tick refreshes the Date header
            counter = (counter + 10) % 864000  # each wait below is up to a second
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=1.0)

    def exit_now(self) -> None:
        """Ask the server to stop, from any thread."""
        self.should_exit = True
        if self._loop is not None and self._wake is not None:
            with contextlib.suppress(RuntimeError):  # the loop has already ended
                self._loop.call_soon_threadsafe(self._wake.set)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        # uvicorn's shutdown without its fixed 0.1 s sleeps: stop listening, close idle
        # connections, wait for those still answering and for background tasks, then the
        # app's lifespan shutdown
        for server in self.servers:
            server.close()
        for sock in sockets or []:
            sock.close()
        for connection in list(self.server_state.connections):
            connection.shutdown()
        deadline = time.monotonic() + 10
        while self.server_state.connections or self.server_state.tasks:
            if time.monotonic() > deadline:
                for task in self.server_state.tasks:
                    task.cancel()
                break
            await asyncio.sleep(0.005)
        for server in self.servers:
            await server.wait_closed()
        await self.lifespan.shutdown()


class LiveServer:
    def __init__(self, app: App) -> None:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        # proxy headers exactly as `workerbot run` configures them (server.trusted_proxies)
        proxies = uvicorn_proxy_options(app.settings.config.server.trusted_proxies)
        config = uvicorn.Config(
            create_web(app),
            log_level="warning",
            access_log=False,
            log_config=logging_config(root=False),  # uvicorn's loggers through the mask
            # a test that opens many browsers first and posts from all at once (the login
            # limits) must not find the first ones' kept-alive connections closed after
            # uvicorn's default 5 s on a loaded machine ("Connection reset by peer")
            timeout_keep_alive=120,
            **proxies,
        )
        self.server = _StoppableServer(config)
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
        self.server.exit_now()
        self.thread.join(timeout=10)


@pytest.fixture
def server(bot: App) -> Iterator[LiveServer]:
    """The real HTTP app served by uvicorn on a free local port."""
    live = LiveServer(bot)
    yield live
    live.stop()


@pytest.fixture
def http(server: LiveServer) -> Iterator[httpx.Client]:
    # (a generous read timeout: on a shared 2-core machine under load an event stream's first
    # line or a reply can take more than 10 s; the tests bound their own waits)
    with httpx.Client(base_url=server.url, timeout=HTTP_TIMEOUT, verify=TLS) as client:
        yield client


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Screenshots and page dumps of the browser tests (one folder per xdist worker)."""
    path = ROOT / "test-artifacts" / os.environ.get("PYTEST_XDIST_WORKER", "main")
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


# -- a private PostgreSQL server (Debian's postgresql package), one per test run --


@pytest.fixture(scope="session")
def pg_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database on the run's PostgreSQL server (tests/support/postgres_server.py) on which
    tests create and drop their own databases."""
    shared = run_folder(tmp_path_factory)
    if shared is None:
        with postgres_server.own_server() as url:
            yield url
        return
    with postgres_server.shared_server(shared, os.environ["PYTEST_XDIST_WORKER"]) as url:
        yield url


# the tests that start real server processes (`workerbot run`, several hosts), each for
# seconds to a minute
SERVER_PROCESSES = ("tests/hosts/", "tests/server/")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by the real components it needs (see [tool.pytest.ini_options]); put
    the modules that start server processes first, then those with browser tests. xdist
    (`-n 2`) first hands each worker a block of consecutive tests, then the rest a few at a
    time: so one worker runs the server processes one after another from the start (two
    never compete for the cores) and the run ends on short tests, not on a minute-long one.
    (`--dist loadgroup` would say this with xdist_group marks, but pytest-xdist 3.8 cannot
    rename a pytest 9.2 node id, and its groups are silently ignored.)"""
    rank: dict[str, int] = {}
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if "browser" in names:
            item.add_marker(pytest.mark.browser)
        if "pg_url" in names:
            item.add_marker(pytest.mark.postgres)
        if "nginx" in names:
            item.add_marker(pytest.mark.nginx)
        module = item.nodeid.split("::")[0]
        slow = 0 if module.startswith(SERVER_PROCESSES) else 1 if "browser" in names else 2
        rank[module] = min(rank.get(module, 2), slow)
    items.sort(key=lambda item: rank[item.nodeid.split("::")[0]])  # stable: file order kept


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Chromium stays open from one browser test to the next, and is closed before any
    other test (tests/support/chromium.py)."""
    if "browser" not in getattr(item, "fixturenames", ()):
        close_browser()


def pytest_sessionfinish() -> None:
    close_browser()
