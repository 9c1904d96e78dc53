"""The login limits hold against the three bypasses a hostile tester found, over a real server.

"Checked" means the password hash was verified: every call of accounts.verify_password is
counted (the real function still runs). Each attack runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from datetime import timedelta

import httpx
import pytest

from bot.app import App
from bot.staff import accounts
from bot.staff.throttle import LoginThrottle
from bot.store.db import Database
from bot.store.models import utcnow
from tests.conftest import ROOT, LiveServer
from tests.console.conftest import PASSWORD
from tests.support import TLS

_CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def bot(any_bot: App) -> App:
    return any_bot


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> Callable[[], int]:
    """How many password hashes the server has verified so far."""
    calls, lock = [0], threading.Lock()
    real = accounts.verify_password

    def counting(password: str, stored: str) -> bool:
        with lock:
            calls[0] += 1
        return real(password, stored)

    monkeypatch.setattr(accounts, "verify_password", counting)
    return lambda: calls[0]


def login_form(url: str) -> tuple[httpx.Client, str]:
    """A fresh browser with the login form's CSRF token."""
    client = httpx.Client(base_url=url, timeout=30, follow_redirects=False, verify=TLS)
    page = client.get("/console/login")
    return client, _CSRF_FIELD.search(page.text).group(1)


def post_login(
    client: httpx.Client, token: str, username: str, password: str, headers: dict | None = None
) -> int:
    data = {"username": username, "password": password, "csrf_token": token}
    return client.post("/console/login", data=data, headers=headers or {}).status_code


def try_login(client: httpx.Client, username: str, password: str, headers: dict) -> int:
    """Open the form (each answer carries a fresh token) and sign in, all with `headers`."""
    page = client.get("/console/login", headers=headers)
    token = _CSRF_FIELD.search(page.text).group(1)
    return post_login(client, token, username, password, headers)


def in_parallel(url: str, logins: list[tuple[str, str]]) -> list[int]:
    """Every login posted at the same moment, each from its own browser; their statuses."""
    forms = [login_form(url) for _ in logins]
    barrier = threading.Barrier(len(logins))
    statuses: list[int] = [0] * len(logins)

    def run(i: int) -> None:
        client, token = forms[i]
        barrier.wait()
        statuses[i] = post_login(client, token, *logins[i])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(logins))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for client, _ in forms:
        client.close()
    return statuses


def test_parallel_wrong_passwords_are_checked_at_most_the_limit(bot, staff, server, checked):
    limit = bot.settings.config.console.login_attempts
    statuses = in_parallel(server.url, [("alice", f"wrong-{i}") for i in range(40)])
    assert checked() <= limit
    assert statuses.count(401) == checked() and statuses.count(429) == 40 - checked()
    client, token = login_form(server.url)
    assert post_login(client, token, "alice", PASSWORD) == 429  # even the right one waits
    assert checked() <= limit
    client.close()


def test_one_password_across_many_names_stops_at_the_address_limit(bot, staff, server, checked):
    per_address = bot.settings.config.console.login_attempts_per_address
    assert per_address == 20  # the default in config.yml
    statuses = in_parallel(server.url, [(f"user{i:02d}", "Password123!") for i in range(30)])
    assert checked() == per_address  # each name once, until the address has used its share
    assert statuses.count(401) == per_address and statuses.count(429) == 30 - per_address
    client, token = login_form(server.url)
    assert post_login(client, token, "bob", PASSWORD) == 429  # this address waits now
    assert checked() == per_address
    client.close()


def test_forwarded_for_from_an_unlisted_peer_is_not_believed(bot, staff, server, checked):
    assert bot.settings.config.server.trusted_proxies == []  # the default: nobody's
    limit = bot.settings.config.console.login_attempts
    client, _ = login_form(server.url)
    for i in range(60):
        forged = {"X-Forwarded-For": f"10.1.{i // 250}.{i % 250 + 1}"}
        try_login(client, "alice", f"wrong-{i}", forged)
    assert checked() == limit
    assert try_login(client, "alice", PASSWORD, {"X-Forwarded-For": "10.9.9.9"}) == 429
    client.close()


@pytest.fixture
def behind_proxy(bot: App) -> Iterator[LiveServer]:
    """The server as deployed behind a reverse proxy on this host."""
    bot.settings.config.server.trusted_proxies = ["127.0.0.1"]
    live = LiveServer(bot)
    yield live
    live.stop()


def test_a_configured_proxy_names_the_client(bot, staff, behind_proxy, checked):
    limit = bot.settings.config.console.login_attempts
    client, _ = login_form(behind_proxy.url)
    one = {"X-Forwarded-For": "203.0.113.7"}
    for i in range(limit + 3):
        try_login(client, "alice", f"wrong-{i}", one)
    assert checked() == limit
    assert try_login(client, "alice", PASSWORD, one) == 429
    other = {"X-Forwarded-For": "198.51.100.2"}  # a colleague behind the same proxy
    assert try_login(client, "alice", PASSWORD, other) == 303
    client.close()


def test_the_atomic_step_holds_across_processes(bot):
    """Two connection pools (as two server processes have) reserving at the same moment."""
    other = Database(bot.settings.database_url)
    window = timedelta(minutes=15)
    throttles = [LoginThrottle(db, 3, window, 100) for db in (bot.db, other)]
    barrier, granted = threading.Barrier(20), []

    def run(i: int) -> None:
        barrier.wait()
        if throttles[i % 2].attempt("Alice ", "10.0.0.7") == 0:
            granted.append(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(granted) == 3
    wait = throttles[0].attempt("alice", "10.0.0.7")
    assert 0 < wait <= 15 * 60
    assert throttles[1].attempt("alice", "10.0.0.8") == 0  # another address is its own
    later = utcnow() + window
    assert throttles[1].attempt("alice", "10.0.0.7", now=later) == 0  # a fresh window
    other.dispose()


def test_a_good_login_clears_the_name_and_gives_the_address_its_check_back(bot):
    throttle = LoginThrottle(bot.db, 2, timedelta(minutes=15), 3)
    assert throttle.attempt("alice", "10.0.0.7") == 0
    assert throttle.attempt("alice", "10.0.0.7") == 0
    assert throttle.attempt("alice", "10.0.0.7") > 0  # the name's two checks are used
    throttle.succeeded("alice", "10.0.0.7")  # (as if the second had been right)
    assert throttle.attempt("alice", "10.0.0.7") == 0  # the name is cleared
    assert throttle.attempt("bob", "10.0.0.7") == 0  # the address's third check
    assert throttle.attempt("carol", "10.0.0.7") > 0  # the address has used its three
    assert throttle.attempt("carol", "10.0.0.8") == 0


def test_trusted_proxies_must_be_addresses():
    from bot.settings import ServerConfig

    assert ServerConfig(trusted_proxies=["127.0.0.1", "10.0.0.0/8", "::1"]).trusted_proxies
    with pytest.raises(ValueError, match="trusted_proxies"):
        ServerConfig(trusted_proxies=["proxy.example"])


def test_workerbot_run_believes_forwarded_headers_only_from_configured_proxies(
    settings, monkeypatch, tmp_path
):
    """`workerbot run` must not keep uvicorn's default (trust 127.0.0.1, or the environment)."""
    import uvicorn
    from typer.testing import CliRunner

    from bot import cli
    from bot.cli import serve

    settings_db = Database(settings.database_url)
    settings_db.upgrade()
    settings_db.dispose()
    started: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **kw: started.append(kw))
    monkeypatch.setattr(serve, "configure_logging", lambda *a, **kw: None)
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "*")
    env = {
        "WORKERBOT_DATABASE_URL": settings.database_url,
        "WORKERBOT_MODEL_DIR": str(settings.model_dir),
        "WORKERBOT_DATA_DIR": str(settings.data_dir),
    }
    config = tmp_path / "config.yml"
    text = (ROOT / "config.yml").read_text(encoding="utf-8")
    config.write_text(text, encoding="utf-8")
    behind = tmp_path / "behind.yml"
    behind.write_text(
        text.replace("trusted_proxies: []", "trusted_proxies: [127.0.0.1, 10.0.0.0/8]"),
        encoding="utf-8",
    )
    # `run` exports WORKERBOT_CONFIG for its workers: restored after the test
    monkeypatch.setenv("WORKERBOT_CONFIG", str(config))
    runner = CliRunner()
    for path in (config, behind):
        result = runner.invoke(cli.app, ["run", "--config", str(path)], env=env)
        assert result.exit_code == 0, result.output
    assert started[0]["proxy_headers"] is False and started[0]["forwarded_allow_ips"] == ""
    assert started[1]["proxy_headers"] is True
    assert started[1]["forwarded_allow_ips"] == "127.0.0.1,10.0.0.0/8"
