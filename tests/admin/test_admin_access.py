"""Who reaches /admin: admins only; staff get 403, strangers the login form (or a 401).

The walk covers every route sqladmin has, including each view's own pages and endpoints, so
a view added later is checked without touching this file.
"""

from __future__ import annotations

import re

import httpx
import pytest
from sqladmin import Admin, ModelView
from starlette.routing import Mount, Route

from tests.support import TLS

OPEN = {"/login", "/logout"}  # sqladmin's own sign-in pages (ours redirect to the console)
PARAMS = {"pk": "1", "export_type": "csv", "column_name": "x"}


def _admin(server) -> Admin:
    web = server.server.config.app
    mount = next(r for r in web.routes if isinstance(r, Mount) and r.path == "/admin")
    index = next(r for r in mount.routes if isinstance(r, Route) and r.path == "/")
    return index.endpoint.__self__


def _requests(server) -> list[tuple[str, str]]:
    """(method, path) for every admin route, with each model view's identity filled in."""
    admin = _admin(server)
    identities = [v.identity for v in admin.views if isinstance(v, ModelView)]
    assert "faq-entry" in identities
    out: list[tuple[str, str]] = []
    for route in admin.admin.routes:
        if not isinstance(route, Route) or route.path in OPEN:
            continue
        names = re.findall(r"{(\w+)(?::\w+)?}", route.path)
        fills = [{"identity": i} for i in identities] if "identity" in names else [{}]
        for fill in fills:
            path = route.path
            for name in names:
                value = fill.get(name) or PARAMS.get(name, "1")
                path = re.sub(r"\{" + name + r"(?::\w+)?\}", value, path)
            for method in sorted((route.methods or {"GET"}) - {"HEAD"}):
                out.append((method, "/admin" + path))
    return out


def test_every_admin_route_is_closed_to_strangers_and_staff(server, clients):
    requests = _requests(server)
    assert ("POST", "/admin/faq-entry/try") in requests
    assert ("GET", "/admin/faq-entry/history/1") in requests
    alice = clients["alice"]
    with httpx.Client(
        base_url=server.url, follow_redirects=False, timeout=10, verify=TLS
    ) as stranger:
        for method, path in requests:
            r = stranger.request(method, path)
            assert r.status_code == 303, (method, path, r.status_code)
            assert r.headers["location"].startswith("/console/login?next="), (method, path)
            r = stranger.request(method, path, headers={"Accept": "application/json"})
            assert r.status_code == 401 and r.json()["error"] == "login_required", (method, path)
            r = alice.http.request(method, path, headers={"X-CSRF-Token": alice.csrf})
            assert r.status_code == 403, (method, path, r.status_code)
            assert "管理员" in r.text, (method, path)


def test_strangers_are_sent_to_the_login_form(server):
    with httpx.Client(base_url=server.url, follow_redirects=False, verify=TLS) as http:
        for path in ("/admin", "/admin/", "/admin/faq-entry/list"):
            r = http.get(path)
            if r.status_code == 307:  # /admin -> /admin/
                r = http.get(r.headers["location"])
            assert r.status_code == 303, path
            assert r.headers["location"].startswith("/console/login?next=")


def test_staff_are_refused_and_admins_get_the_pages(clients):
    alice, root = clients["alice"], clients["root"]
    r = alice.get("/admin/")
    assert r.status_code == 403 and "管理员" in r.text
    page = root.get("/admin/")
    assert page.status_code == 200 and "管理后台" in page.text


@pytest.mark.parametrize("origin", ["https://evil.example", "null"])
def test_admin_changes_started_by_another_site_are_refused(clients, origin):
    root = clients["root"]
    token = {"X-CSRF-Token": root.csrf}  # even with the token: another site's request
    r = root.http.request(
        "DELETE", "/admin/faq-entry/delete?pks=1", headers={"Origin": origin, **token}
    )
    assert r.status_code == 403
    r = root.http.post(
        "/admin/faq-entry/edit/1",
        data={"question": "x", "csrf_token": root.csrf},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    assert r.status_code == 403
    assert root.get("/admin/faq-entry/details/1").status_code == 200  # still there
