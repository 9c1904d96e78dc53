"""Who may reach the console: accounts, sessions, CSRF, the admin guard, login throttling."""

from __future__ import annotations

import asyncio
import os
import re
import stat

import httpx
import pytest
from fastapi import FastAPI
from typer.testing import CliRunner

from bot.cli import app as cli
from bot.staff import accounts
from bot.staff.accounts import hash_password, verify_password
from bot.web.console.secret import InsecureSecret, check_secret, secret_file, session_key
from bot.web.server import create_web
from tests.console.conftest import PASSWORD, StaffClient
from tests.support import TLS

runner = CliRunner()


async def over_https(web: FastAPI, path: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=web)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as c:
        return await c.get(path)


def cli_env(bot) -> dict[str, str]:
    return {
        "WORKERBOT_DATABASE_URL": bot.settings.database_url,
        "WORKERBOT_MODEL_DIR": str(bot.settings.model_dir),
    }


def test_create_user_prompts_twice_and_stores_a_salted_scrypt_hash(bot):
    r = runner.invoke(
        cli,
        ["create-user", "zhang", "--role", "admin", "--display-name", "张老师"],
        input="first-try-password\nsomething-else\nstrong-password-1\nstrong-password-1\n",
        env=cli_env(bot),
    )
    assert r.exit_code == 0, r.output
    assert "do not match" in r.output and "created admin account zhang" in r.output
    (user,) = [u for u in accounts.list_staff(bot.db) if u.username == "zhang"]
    assert user.role == "admin" and user.display_name == "张老师"
    assert (
        user.password_hash.startswith("scrypt$") and "strong-password-1" not in user.password_hash
    )
    assert accounts.authenticate(bot.db, "zhang", "strong-password-1").is_admin
    again = runner.invoke(
        cli,
        ["create-user", "zhang"],
        input="another-password\nanother-password\n",
        env=cli_env(bot),
    )
    assert again.exit_code == 1 and "已存在" in again.output
    weak = runner.invoke(cli, ["create-user", "li"], input="short\nshort\n", env=cli_env(bot))
    assert weak.exit_code == 1 and "至少" in weak.output
    role = runner.invoke(cli, ["create-user", "li", "--role", "boss"], env=cli_env(bot))
    assert role.exit_code == 2


def test_the_real_hash_parameters(monkeypatch):
    monkeypatch.undo()  # the production cost, not the fixture's cheap one
    stored = hash_password("correct-horse-battery")
    scheme, n, r, p, salt, _ = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2**15), "8", "3")
    assert stored != hash_password("correct-horse-battery")  # a fresh salt every time
    assert verify_password("correct-horse-battery", stored)
    assert not verify_password("correct-horse-batterY", stored)
    assert not verify_password("x", "md5$abc")


def test_secret_key_placeholders_are_refused():
    for bad in ("changeme", "secret", "x" * 40, "my-secret-key-please-change-it-now-0123"):
        with pytest.raises(InsecureSecret):
            check_secret(bad)
    good = "Vq3d9LhT0pZ_s8Wm2xYbKc7RfNa4Ue1JgHiO"
    assert check_secret(good) == good


def test_without_the_variable_one_0600_key_file_is_shared(settings, monkeypatch):
    path = secret_file(settings)
    assert path.parent == settings.root or path.name == "bot.db.secret"
    first = session_key(settings)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert session_key(settings) == first and len(first) >= 32
    monkeypatch.setattr(settings.env, "workerbot_secret_key", "changeme")
    with pytest.raises(InsecureSecret):
        session_key(settings)


def test_every_console_route_refuses_a_stranger(bot, server):
    paths = create_web(bot).openapi()["paths"]  # every route the app serves
    routes = {p: set(m) for p, m in paths.items() if p.startswith(("/console", "/admin"))}
    assert len(routes) >= 15
    public = {"/console/login", "/console/logout"}
    with httpx.Client(base_url=server.url, follow_redirects=False, verify=TLS) as http:
        for route, methods in routes.items():
            if route in public:
                continue
            path = route.replace("{cid}", "1").replace("{conversation_id}", "1")
            for method in methods:
                r = http.request(method, path)
                if "/api/" in path:
                    assert r.status_code == 401, (method, path)
                    assert r.json()["error"] == "login_required"
                else:
                    assert r.status_code == 303, (method, path)
                    assert r.headers["location"].startswith("/console/login?next=")


def test_a_forged_or_missing_csrf_token_is_refused(bot, http, clients, server):
    alice = clients["alice"]
    for token in ("", "forged-token", alice.csrf[:-1] + ("A" if alice.csrf[-1] != "A" else "B")):
        r = alice.post("/console/api/presence", {"presence": "away"}, csrf=token)
        assert r.status_code == 403 and r.json()["error"] == "csrf"
    assert alice.post("/console/api/presence", {"presence": "away"}).status_code == 200
    # another session's token does not fit this session
    r = alice.post("/console/api/presence", {"presence": "away"}, csrf=clients["bob"].csrf)
    assert r.status_code == 403
    # the login form has its own token
    stranger = StaffClient(server.url)
    stranger.get("/console/login")
    r = stranger.http.post(
        "/console/login", data={"username": "alice", "password": PASSWORD, "csrf_token": "x"}
    )
    assert r.status_code == 403 and "wb_session=" in r.headers["set-cookie"]
    # logout without the token does not end the session
    assert alice.http.post("/console/logout", data={"csrf_token": "x"}).status_code == 403
    assert alice.get("/console/api/queue").status_code == 200


def test_session_cookie_flags_and_tampering(bot, staff, server):
    c = StaffClient(server.url)
    r = c.login("alice")
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")
    assert "Secure" not in cookie  # plain http on localhost
    value = c.http.cookies["wb_session"]
    payload, signature = value.split(".")
    c.http.cookies.set("wb_session", payload + "x." + signature)
    assert c.get("/console/api/queue").status_code == 401
    page = asyncio.run(over_https(create_web(bot), "/console/login"))
    assert "Secure" in page.headers["set-cookie"]
    assert "default-src 'self'" in page.headers["content-security-policy"]


def test_logout_ends_every_copy_of_the_session(staff, server):
    c = StaffClient(server.url)
    c.login("alice")
    stolen = c.http.cookies["wb_session"]
    r = c.http.post("/console/logout", data={"csrf_token": c.csrf})
    assert r.status_code == 303 and r.headers["location"] == "/console/login"
    replay = httpx.Client(base_url=server.url, cookies={"wb_session": stolen}, verify=TLS)
    assert replay.get("/console/api/queue").status_code == 401
    assert c.login("alice").status_code == 303  # a new login works


def test_logins_are_throttled_per_username_and_address(bot, staff, server):
    c = StaffClient(server.url)
    limit = bot.settings.config.console.login_attempts
    for _ in range(limit):
        assert c.login("alice", "wrong-password").status_code == 401
    r = c.login("alice")  # even the right password waits now
    assert r.status_code == 429 and "分钟后再试" in r.text
    assert c.login("bob").status_code == 303  # another account is not affected


def test_login_returns_to_the_page_asked_for_and_nowhere_else(staff, server):
    from bot.web.console.auth import safe_next

    assert safe_next("/console/c/7") == "/console/c/7"
    for bad in ("https://evil.example/", "//evil.example/x", "/\\evil.example", None, ""):
        assert safe_next(bad) == "/console"
    c = StaffClient(server.url)
    r = c.get("/console/c/7")
    assert (
        r.status_code == 303 and r.headers["location"] == "/console/login?next=%2Fconsole%2Fc%2F7"
    )
    form = c.get(r.headers["location"])
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text).group(1)
    assert 'name="next" value="/console/c/7"' in form.text
    r = c.http.post(
        "/console/login",
        data={
            "username": "alice",
            "password": PASSWORD,
            "csrf_token": token,
            "next": "/console/c/7",
        },
    )
    assert r.status_code == 303 and r.headers["location"] == "/console/c/7"
    assert c.get("/console/c/7").status_code == 404  # signed in; there is no such conversation


def test_console_config_is_checked():
    from pydantic import ValidationError

    from bot.settings.console import ConsoleConfig

    for bad in (
        {"opens": "9:00"},
        {"opens": "18:00", "closes": "09:00"},
        {"working_days": [0]},
        {"timezone": "Mars/Olympus"},
        {"unclaimed_timeout_minutes": 0},
        {"surprise": 1},
    ):
        with pytest.raises(ValidationError):
            ConsoleConfig(**bad)
