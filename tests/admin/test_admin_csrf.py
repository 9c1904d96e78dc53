"""Every state-changing /admin request needs the session's CSRF token, sqladmin's own included.

A signed-in admin's browser sends the cookie with any request another page makes it send;
without an Origin header (old browsers, some proxies strip it) the Origin check alone let a
forged create/edit/delete through. The token comes from the page: a hidden field in the
forms, the X-CSRF-Token header from admin.js (sqladmin's jQuery delete included).
"""

from __future__ import annotations

import re

from sqladmin import ModelView
from sqlalchemy import select, text
from starlette.routing import Route

from bot.store.models import Base, FaqEntry, Mediator
from tests.admin.faq_support import FORM
from tests.admin.test_admin_access import _admin

CHANGING = {"POST", "PUT", "PATCH", "DELETE"}
VALID = {"pk": "1", "slug": "ot_pay_rates", "key": "messages", "export_type": "csv"}
TOKEN_FIELD = re.compile(r'<input type="hidden" name="csrf_token" value="([^"]+)">')


def snapshot(bot) -> dict[str, list]:
    """Every row of every table: a refused request must leave all of them as they were.
    Not the leases: the server's background jobs renew them on their own clock while the
    test runs (on a loaded machine the loop over every route outlasts a renewal)."""
    with bot.db.read() as s:
        return {
            t.name: sorted(map(repr, s.execute(text(f"SELECT * FROM {t.name}")).all()))  # noqa: S608
            for t in Base.metadata.sorted_tables
            if t.name != "leases"
        }


def changing_requests(server) -> list[tuple[str, str]]:
    admin = _admin(server)
    identities = [v.identity for v in admin.views if isinstance(v, ModelView)]
    out = []
    for route in admin.admin.routes:
        if not isinstance(route, Route):
            continue
        names = re.findall(r"{(\w+)(?::\w+)?}", route.path)
        for identity in identities if "identity" in names else [None]:
            path = route.path.replace("{identity}", identity or "")
            for name in names:
                path = re.sub(r"\{" + name + r"(?::\w+)?\}", VALID.get(name, "1"), path)
            if route.name == "delete":
                path += "?pks=1"
            for method in sorted((route.methods or set()) & CHANGING):
                out.append((method, "/admin" + path))
    return out


def test_no_change_without_the_token_on_any_admin_route(bot, server, clients):
    root = clients["root"]
    requests = changing_requests(server)
    for expected in (
        ("POST", "/admin/faq-entry/create"),
        ("POST", "/admin/faq-entry/edit/1"),
        ("DELETE", "/admin/faq-entry/delete?pks=1"),
        ("POST", "/admin/mediator/create"),
        ("POST", "/admin/transfer/check"),
        ("POST", "/admin/staff-user/password/1"),
    ):
        assert expected in requests
    # sqladmin's own sign-in form only leads to the console's (which has its own token)
    requests.remove(("POST", "/admin/login"))
    r = root.http.post("/admin/login", data={"username": "root", "password": "x"})
    assert r.status_code == 303 and r.headers["location"] == "/console/login?next=/admin"
    before = snapshot(bot)
    for method, path in requests:
        body = {**FORM, "name": "伪造", "active": "0", "password": "x" * 12, "ids": "1"}
        for token in (None, "forged", clients["alice"].csrf):  # none, made up, another session's
            fields = body if token is None else {**body, "csrf_token": token}
            r = root.http.request(method, path, data=fields)  # no Origin header at all
            assert r.status_code in (400, 403), (method, path, token, r.status_code)
            assert re.search(r"[\u4e00-\u9fff]", r.text), (method, path)
            # a multipart form (how sqladmin's create/edit forms are sent) is no different
            r = root.http.request(method, path, data=fields, files={"_": (None, "")})
            assert r.status_code in (400, 403), (method, path, "multipart", r.status_code)
    assert snapshot(bot) == before


def test_sqladmin_forms_carry_the_token_and_work_with_it(bot, clients):
    root = clients["root"]
    page = root.get("/admin/faq-entry/create").text
    (token,) = TOKEN_FIELD.findall(page)
    assert token == root.csrf
    # the browser posts sqladmin's form as multipart/form-data
    r = root.http.post(
        "/admin/faq-entry/create", data={**FORM, "csrf_token": token}, files={"_": (None, "")}
    )
    assert r.status_code == 302, r.text
    with bot.db.read() as s:
        entry = s.scalar(select(FaqEntry).where(FaqEntry.question == FORM["question"]))
    edit = root.get(f"/admin/faq-entry/edit/{entry.id}").text
    assert TOKEN_FIELD.findall(edit) == [root.csrf]
    r = root.http.post(
        f"/admin/faq-entry/edit/{entry.id}",
        data={**FORM, "answer": "改过的答案：按单位制度和劳动合同的约定。", "csrf_token": token},
    )
    assert r.status_code == 302, r.text
    r = root.http.post(
        "/admin/mediator/create", data={"name": "周律师", "active": "y", "csrf_token": token}
    )
    assert r.status_code == 302
    with bot.db.read() as s:
        assert s.scalar(select(Mediator.name).where(Mediator.name == "周律师"))
    # sqladmin's delete, as admin.js sends it: the token in the header
    r = root.http.request("DELETE", f"/admin/faq-entry/delete?pks={entry.id}")
    assert r.status_code == 403
    r = root.http.request(
        "DELETE", f"/admin/faq-entry/delete?pks={entry.id}", headers={"X-CSRF-Token": token}
    )
    assert r.status_code == 200
    with bot.db.read() as s:
        assert s.get(FaqEntry, entry.id) is None


def test_admin_js_sends_the_token_with_jquery_requests(server, clients):
    script = clients["root"].get("/static/admin.js").text
    assert "ajaxPrefilter" in script and '"X-CSRF-Token", csrf' in script
