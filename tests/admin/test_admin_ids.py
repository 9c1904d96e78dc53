"""Malformed or huge ids in /admin URLs get a polite 404 (or 400), never a 500.

The walk covers every admin route with a path parameter (sqladmin's own details / edit /
file routes for every view, its delete's `pks`, and our views' own routes), on SQLite and
on PostgreSQL, as a signed-in admin sending the CSRF token (so only the id can be at fault).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqladmin import ModelView
from sqlalchemy import func, select
from starlette.routing import Route

from bot.app import App
from bot.store.models import FaqEntry
from tests.admin.test_admin_access import _admin

BAD_IDS = [
    "abc",
    "-1",
    "99999999999999999999999",
    "1.5",
    "%00",
    "1" * 10_000,
    "2147483648",  # one past PostgreSQL's INTEGER
    "²",  # str.isdigit() says yes, int() says no
    "１",  # a full-width digit: int() reads it as 1
    "0x1",
    "%201",
    "1;2",
]
BAD_TEXT = ["%00", "x" * 10_000]  # for the text parameters (a FAQ slug, a chart key)
FILLS = {"export_type": "csv", "column_name": "x", "slug": "wage-arrears", "key": "messages"}
TEXT_PARAMS = {"slug", "key"}
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def bot(any_bot: App) -> App:
    return any_bot


def routes_with_params(server) -> Iterator[tuple[str, str, str]]:
    """(method, path template with the other parameters filled, the parameter to spoil)."""
    admin = _admin(server)
    identities = [v.identity for v in admin.views if isinstance(v, ModelView)]
    for route in admin.admin.routes:
        if not isinstance(route, Route):
            continue
        names = re.findall(r"{(\w+)(?::\w+)?}", route.path)
        for identity in identities if "identity" in names else [None]:
            path = route.path
            if identity is not None:
                path = path.replace("{identity}", identity)
            for target in (n for n in names if n != "identity" and n not in ("export_type",)):
                if target == "column_name":
                    continue
                spoiled = path
                for name in names:
                    if name not in ("identity", target):
                        spoiled = re.sub(
                            r"\{" + name + r"(?::\w+)?\}", FILLS.get(name, "1"), spoiled
                        )
                spoiled = re.sub(r"\{" + target + r"(?::\w+)?\}", "{}", spoiled)
                for method in sorted((route.methods or {"GET"}) - {"HEAD"}):
                    yield method, "/admin" + spoiled, target


def assert_polite(r, what) -> None:
    assert r.status_code in (400, 404), (what, r.status_code)
    assert CHINESE.search(r.text), (what, r.text[:200])
    assert "Traceback" not in r.text


def test_every_admin_path_id_answers_a_polite_404(server, clients):
    root = clients["root"]
    seen = set()
    for method, template, target in routes_with_params(server):
        seen.add((method, template))
        for bad in BAD_TEXT if target in TEXT_PARAMS else BAD_IDS:
            path = template.replace("{}", bad)
            r = root.http.request(method, path, headers={"X-CSRF-Token": root.csrf})
            assert_polite(r, (method, path[:80]))
    # the routes the tester named are in the walk
    assert ("GET", "/admin/mediation-case/details/{}") in seen
    assert ("GET", "/admin/transfer/roster/{}") in seen
    assert ("POST", "/admin/faq-entry/edit/{}") in seen
    assert ("GET", "/admin/faq-entry/{}/x/download/") in seen
    # good ids still open their pages
    assert root.get("/admin/mediation-case/list").status_code == 200
    assert root.get("/admin/faq-entry/details/1").status_code == 200
    assert root.get("/admin/transfer/roster/1?format=csv").status_code == 200
    assert root.get("/admin/faq-entry/details/99999").status_code == 404


def test_delete_with_a_bad_id_among_good_ones_deletes_nothing(bot, server, clients):
    root = clients["root"]

    def entries() -> int:
        with bot.db.read() as s:
            return s.scalar(select(func.count(FaqEntry.id)))

    before = entries()
    admin = _admin(server)
    identities = [v.identity for v in admin.views if isinstance(v, ModelView)]
    for identity in identities:
        for bad in BAD_IDS:
            for pks in (bad, f"1,{bad}"):
                r = root.http.request(
                    "DELETE",
                    f"/admin/{identity}/delete?pks={pks}",
                    headers={"X-CSRF-Token": root.csrf},
                )
                assert r.status_code in (400, 403, 404), (identity, pks[:40], r.status_code)
    assert entries() == before


def test_ids_in_admin_forms_are_checked_too(bot, server, clients):
    root = clients["root"]
    for bad in ("²", "99999999999999999999999", "2147483648"):
        r = root.http.post(
            "/admin/mediation-case/mediator/1",
            data={"mediator_id": bad, "csrf_token": root.csrf},
        )
        assert r.status_code == 303, bad  # back to the case page with a message
        r = root.http.post(
            "/admin/misunderstood/act",
            data={"ids": bad, "action": "ignore", "csrf_token": root.csrf},
        )
        assert r.status_code == 303, bad


def test_console_ids_answer_404_too(server, clients):
    alice = clients["alice"]
    for bad in BAD_IDS:
        for path in (f"/console/c/{bad}", f"/console/api/conversations/{bad}"):
            r = alice.http.get(path)
            assert_polite(r, path[:60])
        r = alice.post(f"/console/api/conversations/{bad}/claim")
        assert_polite(r, bad[:20])


def test_what_a_record_id_looks_like():
    from bot.web.ids import MAX_ID, parse_id

    assert parse_id("1") == 1 and parse_id(str(MAX_ID)) == MAX_ID and parse_id(7) == 7
    for bad in ("0", "01", str(MAX_ID + 1), "+1", "1 ", "١", True, None, 1.0, 0, MAX_ID + 1):
        assert parse_id(bad) is None, bad
