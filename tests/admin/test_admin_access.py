"""Who reaches /admin: admins only; staff get 403, strangers the login form."""

from __future__ import annotations

import httpx


def test_strangers_are_sent_to_the_login_form(server):
    with httpx.Client(base_url=server.url, follow_redirects=False) as http:
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
