"""The admin menu's 退出 (GET /admin/logout) ends the session as the console's logout does."""

from __future__ import annotations

import httpx

from tests.console.conftest import StaffClient
from tests.support import TLS


def replay(server, cookie: str) -> httpx.Client:
    """Somebody else holding a copy of the cookie."""
    return httpx.Client(base_url=server.url, cookies={"wb_session": cookie}, timeout=10, verify=TLS)


def test_admin_logout_ends_every_copy_of_the_session(server, clients):
    root = clients["root"]
    copy = root.http.cookies["wb_session"]
    r = root.http.get("/admin/logout")
    assert r.status_code == 303 and r.headers["location"] == "/console/login"
    cleared = r.headers["set-cookie"]
    assert cleared.startswith('wb_session=""') or "Max-Age=0" in cleared
    with replay(server, copy) as other:
        r = other.get("/admin/", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/console/login")
        assert other.get("/console/api/queue").status_code == 401
        r = other.get("/console", follow_redirects=False)
        assert r.status_code == 303
    assert root.get("/admin/").status_code == 303  # the browser itself is signed out too
    again = StaffClient(server.url)
    assert again.login("root").status_code == 303  # a new login works
    assert again.get("/admin/").status_code == 200
    again.close()


def test_a_logout_link_on_another_site_does_not_sign_the_admin_out(server, clients):
    root = clients["root"]
    r = root.http.get("/admin/logout", headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 303 and r.headers["location"] == "/admin/"
    assert root.get("/admin/").status_code == 200
    assert root.get("/console/api/queue").status_code == 200


def test_a_stranger_logging_out_is_sent_to_the_login_form(server):
    with httpx.Client(base_url=server.url, follow_redirects=False, verify=TLS) as stranger:
        r = stranger.get("/admin/logout")
        assert r.status_code == 303 and r.headers["location"] == "/console/login"
