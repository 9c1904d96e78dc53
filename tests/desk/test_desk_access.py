"""Who may open what: a mediator sees their own cases (and, when configured, their firm's
queue) and nothing else — not another mediator's case, not /admin, not the staff console."""

from __future__ import annotations

import pytest

from tests.desk.conftest import OTHER_WORKER, WORKER, case_row, file_case, timeline
from tests.support import TLS

FIRM_LIU = "重庆正衡律师事务所"
FIRM_WANG = "重庆明理律师事务所"


def test_a_mediator_cannot_open_another_mediators_case_by_url_or_by_form(bot, desk):
    mine = file_case(bot, WORKER, mediator="刘芳")
    theirs = file_case(bot, OTHER_WORKER, mediator="王志强")
    liu = desk["liu"]
    assert liu.get(f"/desk/case/{mine}").status_code == 200
    page = liu.get(f"/desk/case/{theirs}")
    # the same page as for a case that does not exist: nothing about the other case leaks
    assert page.status_code == 404 and "没有这个案件" in page.text
    other_no = case_row(bot, theirs).case_no
    assert other_no not in page.text and "陈小红" not in page.text
    assert liu.get("/desk/case/999999").status_code == 404
    assert liu.get("/desk/case/abc").status_code == 404
    before = timeline(bot, theirs)
    for action, fields in (
        ("accept", {}),
        ("ask", {"question": "请发一下合同"}),
        ("note", {"note": "看看别人的案件"}),
        ("close", {"note": "结了"}),
        ("schedule", {"day": "2030-01-02", "time": "10:00", "place": "三楼", "mode": "place"}),
    ):
        r = liu.act(theirs, action, **fields)
        assert r.status_code == 404, (action, r.status_code)
    assert timeline(bot, theirs) == before and case_row(bot, theirs).status == "submitted"
    listing = liu.get("/desk").text
    assert case_row(bot, mine).case_no in listing
    assert case_row(bot, theirs).case_no not in listing


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/dashboard",
        "/admin/committee",
        "/admin/mediation-case/list",
        "/admin/mediation-case/details/1",
        "/admin/staff-user/list",
        "/admin/staff-user/create",
        "/admin/faq-entry/list",
        "/admin/mediator/list",
    ],
)
def test_a_mediator_opens_no_admin_page(bot, desk, path):
    file_case(bot, WORKER, mediator="刘芳")
    r = desk["liu"].get(path)
    assert r.status_code == 403 and "没有权限" in r.text


def test_a_mediator_cannot_change_a_case_through_admin_forms(bot, desk):
    case_id = file_case(bot, WORKER, mediator="刘芳")
    liu = desk["liu"]
    r = liu.http.post(
        f"/admin/mediation-case/status/{case_id}",
        data={"csrf_token": liu.csrf, "status": "accepted", "note": "我自己受理"},
    )
    assert r.status_code == 403 and case_row(bot, case_id).status == "submitted"


def test_a_mediator_never_sees_the_staff_console(bot, desk):
    from tests.desk.conftest import say

    say(bot, WORKER, "转人工", "h1")
    liu = desk["liu"]
    front = liu.get("/console")
    assert front.status_code == 303 and front.headers["location"] == "/desk"
    assert liu.get("/console/c/1").status_code == 403
    for path in (
        "/console/api/queue",
        "/console/api/conversations/1",
        "/console/api/conversations/1/stream",
        "/console/api/stream",
        "/console/api/canned",
    ):
        r = liu.get(path)
        assert r.status_code == 403 and r.json()["error"] == "forbidden", path
    r = liu.http.post(
        "/console/api/conversations/1/claim", headers={"X-CSRF-Token": liu.csrf}, json={}
    )
    assert r.status_code == 403


def test_staff_and_admins_have_no_desk_and_strangers_are_sent_to_sign_in(bot, desk, server):
    import httpx

    case_id = file_case(bot, WORKER, mediator="刘芳")
    for name in ("alice", "root"):
        assert desk[name].get("/desk").status_code == 403
        assert desk[name].get(f"/desk/case/{case_id}").status_code == 403
    r = httpx.get(server.url + "/desk", follow_redirects=False, verify=TLS)
    assert r.status_code == 303 and r.headers["location"].startswith("/console/login")


def test_a_desk_form_without_the_sessions_token_changes_nothing(bot, desk):
    case_id = file_case(bot, WORKER, mediator="刘芳")
    r = desk["liu"].http.post(f"/desk/case/{case_id}/accept", data={"csrf_token": "forged"})
    assert r.status_code == 403 and case_row(bot, case_id).status == "submitted"


def test_the_list_shows_the_workers_given_name_only(bot, desk):
    case_id = file_case(bot, WORKER, mediator="刘芳")
    listing = desk["liu"].get("/desk").text
    assert "小红" in listing and "陈小红" not in listing and "13912345678" not in listing
    # the case page is where the mediator reads the whole request
    page = desk["liu"].get(f"/desk/case/{case_id}").text
    assert "陈小红" in page and "13912345678" in page and "公司拖欠我三个月工资" in page


def test_the_firm_queue_is_seen_only_when_the_committee_works_that_way(bot, desk):
    queued = file_case(bot, WORKER, firm=FIRM_LIU)
    elsewhere = file_case(bot, OTHER_WORKER, firm=FIRM_WANG)
    liu = desk["liu"]
    assert bot.settings.config.mediation.firm_queue is False  # the default
    assert liu.get(f"/desk/case/{queued}").status_code == 404
    assert case_row(bot, queued).case_no not in liu.get("/desk").text

    bot.settings.config.mediation.firm_queue = True
    listing = liu.get("/desk").text
    assert case_row(bot, queued).case_no in listing and "律所待分配" in listing
    assert case_row(bot, elsewhere).case_no not in listing
    assert liu.get(f"/desk/case/{elsewhere}").status_code == 404
    # accepting a queued case makes it hers: another mediator of the firm would not see it
    assert liu.act(queued, "accept").status_code == 303
    row = case_row(bot, queued)
    assert row.status == "accepted" and row.mediator == "刘芳"
    assert desk["wang"].get(f"/desk/case/{queued}").status_code == 404
