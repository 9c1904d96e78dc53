"""The 15-day mediation limit (调解仲裁法 第十四条) counted from the filing day: warned on the
desk and in the committee's view when 3 days or fewer remain, and when past."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import update

from bot.core.clock import utcnow
from bot.mediation.deadlines import OK, PAST, WARN, mediation_limit
from bot.store.models import MediationCase
from tests.desk.conftest import OTHER_WORKER, WORKER, case_row, file_case


def test_the_limit_runs_fifteen_days_from_filing():
    accepted = date(2026, 12, 1)
    at = lambda day: mediation_limit(accepted, "mediating", day, 15, 3)  # noqa: E731
    assert at(date(2026, 12, 12)).level == OK and at(date(2026, 12, 12)).days_left == 4
    assert at(date(2026, 12, 13)).level == WARN and at(date(2026, 12, 13)).days_left == 3
    assert at(date(2026, 12, 16)).level == WARN and "最后一天" in at(date(2026, 12, 16)).text
    past = at(date(2026, 12, 18))
    assert past.level == PAST and past.days_left == -2 and "已超过" in past.text
    assert mediation_limit(accepted, "succeeded", date(2026, 12, 30), 15, 3) is None
    assert mediation_limit(None, "submitted", date(2026, 12, 30), 15, 3) is None
    # it runs before a mediator accepts the case, too
    assert mediation_limit(accepted, "submitted", date(2026, 12, 13), 15, 3).level == WARN


def accept_days_ago(bot, desk, case_id: int, days: int) -> None:
    assert desk["liu"].act(case_id, "accept").status_code == 303
    with bot.db.write_lock(), bot.db.session() as s:
        s.execute(
            update(MediationCase)
            .where(MediationCase.id == case_id)
            .values(created_at=utcnow() - timedelta(days=days))
        )


def test_the_desk_and_the_committee_warn_when_three_days_or_fewer_remain(bot, desk):
    near = file_case(bot, WORKER, mediator="刘芳")
    fresh = file_case(bot, OTHER_WORKER, mediator="刘芳")
    accept_days_ago(bot, desk, near, 13)
    accept_days_ago(bot, desk, fresh, 1)
    page = desk["liu"].get(f"/desk/case/{near}").text
    assert "limit-banner limit-warn" in page and "距 15 日调解期限还有 2 天" in page
    assert "limit-banner" not in desk["liu"].get(f"/desk/case/{fresh}").text
    listing = desk["liu"].get("/desk").text
    assert "limit-warn" in listing and "还有 14 天" in listing
    committee = desk["root"].get("/admin/committee")
    assert committee.status_code == 200
    warning = committee.text.split('id="limit-warnings"')[1].split("</div>")[0]
    assert case_row(bot, near).case_no in warning and case_row(bot, fresh).case_no not in warning
    # past the limit
    accept_days_ago_past = utcnow() - timedelta(days=17)
    with bot.db.write_lock(), bot.db.session() as s:
        s.execute(
            update(MediationCase)
            .where(MediationCase.id == near)
            .values(created_at=accept_days_ago_past)
        )
    assert "已超过 15 日调解期限 2 天" in desk["liu"].get(f"/desk/case/{near}").text
    admin_case = desk["root"].get(f"/admin/mediation-case/details/{near}").text
    assert "alert-danger" in admin_case and "已超过 15 日调解期限" in admin_case


def test_the_warning_threshold_is_configurable(bot, desk):
    case_id = file_case(bot, WORKER, mediator="刘芳")
    accept_days_ago(bot, desk, case_id, 10)  # 5 days left
    assert "limit-banner" not in desk["liu"].get(f"/desk/case/{case_id}").text
    bot.settings.config.mediation.warn_days = 5
    assert "limit-banner limit-warn" in desk["liu"].get(f"/desk/case/{case_id}").text
