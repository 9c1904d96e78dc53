"""Console fixtures: an always-open desk, staff accounts (cheap hashes), signed-in clients."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from bot.app import App, create_app
from bot.settings import Settings
from bot.settings.console import ConsoleConfig
from bot.staff import accounts
from bot.store.db import Database
from bot.store.mediators import load_mediators
from bot.transfer import seed
from tests.conftest import ROOT, LiveServer, make_settings
from tests.support import HTTP_TIMEOUT, TLS
from tests.support.demo import pg_copy

PASSWORD = "correct-horse-battery"
ALWAYS_OPEN = {"working_days": [1, 2, 3, 4, 5, 6, 7], "opens": "00:00", "closes": "24:00"}
_CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')
_CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]*)">')


@pytest.fixture(autouse=True)
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests create many accounts: a low scrypt cost (stored in each hash, so still checked)."""
    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)
    monkeypatch.setattr(accounts, "SCRYPT_P", 1)


@pytest.fixture
def settings(tmp_path: Path, model_dir: Path) -> Settings:
    """The desk is open around the clock, so results do not depend on when tests run."""
    s = make_settings(tmp_path, model_dir)
    s.config.console = ConsoleConfig(**ALWAYS_OPEN)
    return s


@pytest.fixture(params=["sqlite", "postgresql"])
def any_bot(request: pytest.FixtureRequest, settings: Settings) -> Iterator[App]:
    """The whole bot with the demo data on a fresh SQLite file, then on a fresh PostgreSQL
    database (a copy of a template). A test module names it `bot` (a fixture returning
    any_bot) to run twice."""
    if request.param == "sqlite":
        yield request.getfixturevalue("bot")
        return
    data_dir = settings.data_dir
    with pg_copy(request.getfixturevalue("pg_url"), ("demo", data_dir), _demo(data_dir)) as url:
        pg = Settings.load(
            ROOT / "config.yml",
            workerbot_database_url=url,
            workerbot_model_dir=settings.model_dir,
            workerbot_secret_key=secrets.token_urlsafe(48),  # no key file written next to config
        )
        pg.config = settings.config
        app = create_app(pg)
        yield app
        app.db.dispose()


def _demo(data_dir: Path) -> Callable[[str], None]:
    """Builds the demo database (courses, FAQ, mediators) at a URL."""

    def build(url: str) -> None:
        db = Database(url)
        try:
            db.upgrade()
            seed.load_courses(db, data_dir / "courses.yml")
            seed.load_faq(db, data_dir / "faq.yml")
            load_mediators(db, data_dir / "mediators.yml")
        finally:
            db.dispose()

    return build


@pytest.fixture
def staff(bot: App) -> dict[str, accounts.Staff]:
    """Two staff members and an admin."""
    return {
        "alice": accounts.create_user(bot.db, "alice", PASSWORD, "staff", "王丽"),
        "bob": accounts.create_user(bot.db, "bob", PASSWORD, "staff", "李强"),
        "root": accounts.create_user(bot.db, "root", PASSWORD, "admin", "管理员"),
    }


class StaffClient:
    """A browser-like HTTP client: cookies, and the CSRF token the pages carry."""

    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(
            base_url=base_url, timeout=HTTP_TIMEOUT, follow_redirects=False, verify=TLS
        )
        self.csrf = ""

    def login(self, username: str, password: str = PASSWORD) -> httpx.Response:
        form = self.http.get("/console/login")
        token = _CSRF_FIELD.search(form.text).group(1)
        r = self.http.post(
            "/console/login",
            data={"username": username, "password": password, "csrf_token": token},
        )
        if r.status_code == 303:
            page = self.http.get("/console")
            self.csrf = _CSRF_META.search(page.text).group(1)
        return r

    def post(self, path: str, body: dict | None = None, csrf: str | None = None) -> httpx.Response:
        headers = {"X-CSRF-Token": self.csrf if csrf is None else csrf}
        return self.http.post(path, json=body or {}, headers=headers)

    def get(self, path: str) -> httpx.Response:
        return self.http.get(path)

    def close(self) -> None:
        self.http.close()


@pytest.fixture
def clients(server: LiveServer, staff: dict) -> Iterator[dict[str, StaffClient]]:
    """alice, bob and root signed in over real HTTP."""
    made = {}
    for name in staff:
        made[name] = StaffClient(server.url)
        assert made[name].login(name).status_code == 303
    yield made
    for c in made.values():
        c.close()
