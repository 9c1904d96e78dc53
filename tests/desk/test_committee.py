"""The committee's view in /admin: cases per mediator and firm, this week's sessions,
outcomes; admins only."""

from __future__ import annotations

from datetime import timedelta

from tests.desk.conftest import OTHER_WORKER, WORKER, case_row, file_case


def test_the_committee_sees_cases_per_mediator_and_firm_sessions_and_outcomes(bot, desk):
    liu, root = desk["liu"], desk["root"]
    first = file_case(bot, WORKER, mediator="刘芳")
    second = file_case(bot, OTHER_WORKER, mediator="王志强")
    liu.act(first, "accept")
    today = bot.clock.today()
    # a day of this week still to come (or today itself, late enough)
    day = today + timedelta(days=min(1, 6 - today.weekday()))
    at = "23:50" if day == today else "10:00"
    assert (
        liu.act(
            first, "schedule", day=day.isoformat(), time=at, place="三楼", mode="place"
        ).status_code
        == 303
    )
    page = root.get("/admin/committee")
    assert page.status_code == 200
    per_mediator = page.text.split('id="per-mediator"')[1].split("</table>")[0]
    assert "刘芳（重庆正衡律师事务所）</td><td>1</td><td>1</td>" in per_mediator
    assert "王志强（重庆明理律师事务所）</td><td>1</td><td>1</td>" in per_mediator
    per_firm = page.text.split('id="per-firm"')[1].split("</table>")[0]
    assert "重庆正衡律师事务所</td><td>1</td>" in per_firm
    week = page.text.split('id="sessions-week"')[1].split("</table>")[0]
    assert case_row(bot, first).case_no in week and "待职工确认" in week
    opened = page.text.split('id="open-cases"')[1].split("</table>")[0]
    # the 15 days run from filing, before any mediator accepts the case
    assert case_row(bot, second).case_no in opened and "还有 15 天" in opened
    # only admins
    assert desk["alice"].get("/admin/committee").status_code == 403
    assert liu.get("/admin/committee").status_code == 403
