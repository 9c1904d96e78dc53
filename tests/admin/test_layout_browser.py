"""The admin pages' layout in real Chromium, on a 390 px phone and at a 1366 px desk.

- the FAQ list shows every column at a desk, with no sideways scrolling;
- the dashboard's date range fits a phone;
- every date box reads 年-月-日 in an English browser too (a native <input type=date> shows
  the browser's format, mm/dd/yyyy there, whatever <html lang> says), and a bad date typed by
  hand is explained in Chinese, by the page and by the server.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.store.models import FaqEntry, LocalFigure
from bot.web.admin.dashboard import BAD_DATE
from tests.console.conftest import PASSWORD
from tests.webchat.conftest import browser  # noqa: F401 - Debian's Chromium via Playwright
from tests.webchat.geometry import PAGE_OVERFLOW, box, context, lines, sign_in

TIMEOUT = 8000  # ms
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TYPED_BAD = "日期格式不对，请按“年-月-日”填写，例如 2026-12-04。"  # static/dates.js
SIZES = ["phone", "desk"]


@contextmanager
def _signed_in(chromium, url: str, size: str, locale: str = "zh-CN"):  # noqa: ANN001, ANN202
    """An admin's page in a phone or desk window, and the script errors it reports."""
    ctx = context(chromium, size, locale=locale)
    problems: list[str] = []
    try:
        page = ctx.new_page()
        page.set_default_timeout(TIMEOUT)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        sign_in(page, url, "root", PASSWORD)
        yield page, problems
    finally:
        ctx.close()


@pytest.mark.parametrize("size", SIZES)
def test_the_faq_list_shows_every_column_at_a_desk(
    bot,
    server,
    staff,
    browser,  # noqa: F811
    artifacts: Path,
    size: str,
):
    with _signed_in(browser, server.url, size) as (page, problems):
        page.goto(f"{server.url}/admin/faq-entry/list")
        page.screenshot(path=str(artifacts / f"admin-faq-list-{size}.png"), full_page=True)
        assert page.evaluate(PAGE_OVERFLOW) <= 0
        if size == "phone":  # the table scrolls inside its card; the page does not
            return
        frame = box(page.locator(".table-responsive"))
        assert not frame["cut"]  # nothing hidden to the right of the table
        heads = page.locator("table thead th")
        labels = [h.inner_text().strip() for h in heads.all()]
        assert [label for label in labels if label][-3:] == [
            "依据（法规及条款）",
            "启用",
            "更新时间",
        ]
        for head in heads.all():
            edge = box(head)
            assert frame["left"] <= edge["left"] and edge["right"] <= frame["right"], labels
            assert lines(head) <= 1
        cells = page.locator("table tbody td")
        assert cells.count() > 5 * 7
        assert not any(box(cell)["cut"] for cell in cells.all())
        assert problems == []


@pytest.mark.parametrize("size", SIZES)
def test_the_local_figures_list_fits(
    bot,
    server,
    staff,
    browser,  # noqa: F811
    artifacts: Path,
    size: str,
):
    long_region = "一档：" + "、".join(f"测试{i}区" for i in range(12))
    with bot.db.session() as s:  # invented rows: the demo data carries no figure
        for tier, day in (("一档", date(2024, 1, 1)), (long_region, date(2026, 4, 1))):
            s.add(
                LocalFigure(
                    key="cq_min_wage_monthly",
                    region=tier,
                    label="一档",
                    value="2100",
                    unit="元/月",
                    effective_from=day,
                    source="《测试用的一份名字很长很长的关于调整全市最低工资标准的通知》（测〔2026〕9号）",
                )
            )
    with _signed_in(browser, server.url, size) as (page, problems):
        page.goto(f"{server.url}/admin/local-figure/list")
        page.screenshot(path=str(artifacts / f"admin-figures-list-{size}.png"), full_page=True)
        assert page.evaluate(PAGE_OVERFLOW) <= 0
        assert page.locator("table tbody tr").count() == 2
        if size == "desk":
            frame = box(page.locator(".table-responsive"))
            assert not frame["cut"]
            assert not any(box(cell)["cut"] for cell in page.locator("table tbody td").all())
        assert problems == []


@pytest.mark.parametrize("size", SIZES)
def test_the_dashboard_dates_and_buttons_fit(
    bot,
    server,
    staff,
    browser,  # noqa: F811
    artifacts: Path,
    size: str,
):
    with _signed_in(browser, server.url, size) as (page, problems):
        page.goto(f"{server.url}/admin/dashboard")
        page.locator("body[data-charts-drawn]").wait_for(state="attached")
        page.screenshot(path=str(artifacts / f"admin-dashboard-{size}.png"))
        width = page.viewport_size["width"]
        assert page.evaluate(PAGE_OVERFLOW) <= 0
        controls = page.locator(".dashboard-range input, .dashboard-range .btn").all()
        assert len(controls) == 2 + 1 + 4  # two dates, 查看 and four quick ranges
        for control in controls:
            edge = box(control)
            assert 0 <= edge["left"] and edge["right"] <= width, edge
            assert not edge["cut"], control.evaluate("e => e.outerHTML")
        for button in page.locator(".dashboard-range .btn").all():
            assert lines(button) == 1
        # a date is shown whole: its box is wider than the text it holds
        for date in page.locator(".dashboard-range input").all():
            assert date.evaluate("e => e.clientWidth") > 8 * 10
        assert problems == []


@pytest.mark.parametrize("size", SIZES)
def test_every_date_box_reads_year_month_day_in_an_english_browser(
    bot,
    server,
    staff,
    browser,  # noqa: F811
    artifacts: Path,
    size: str,
):
    with bot.db.read() as s:
        faq_id = s.scalar(select(FaqEntry.id).limit(1))
    pages = {
        "faq": f"/admin/faq-entry/edit/{faq_id}",  # sqladmin's flatpickr box
        "dashboard": "/admin/dashboard",
        "cases": "/admin/mediation-case/list",
        "course": "/admin/course/create",  # wtforms' type=date
        "figure": "/admin/local-figure/create",
    }
    with _signed_in(browser, server.url, size, locale="en-US") as (page, problems):
        for name, path in pages.items():
            page.goto(server.url + path)
            page.screenshot(path=str(artifacts / f"admin-dates-{name}-{size}.png"), full_page=True)
            # no native date box at all (flatpickr puts one in on a phone unless told not to)
            assert page.locator("input[type=date], .flatpickr-mobile").count() == 0, name
            boxes = page.locator("input[data-date], input[data-role=datepicker]").all()
            assert boxes, name
            for date in boxes:
                value = date.input_value()
                assert (
                    ISO.match(value)
                    if value
                    else date.get_attribute("placeholder") == ("例：2026-12-04")
                )
            if name == "faq":  # the picker's calendar speaks Chinese, weeks from Monday
                page.locator("input[data-role=datepicker]").first.click()
                calendar = page.locator(".flatpickr-calendar.open")
                calendar.wait_for()
                assert "月" in calendar.inner_text()
                assert calendar.locator(".flatpickr-weekday").first.inner_text().strip() == "周一"
                page.keyboard.press("Escape")
        assert problems == []


def test_a_bad_date_typed_by_hand_is_explained_in_chinese(
    bot,
    server,
    staff,
    browser,  # noqa: F811
    artifacts: Path,
):
    with _signed_in(browser, server.url, "desk", locale="en-US") as (page, problems):
        page.goto(f"{server.url}/admin/dashboard")
        start, end = page.locator("input[name=start]"), page.locator("input[name=end]")
        go = page.locator(".dashboard-range button[type=submit]")

        # the page says what is wrong, in Chinese, and sends nothing
        start.fill("2026-02-30")
        go.click()
        assert start.evaluate("e => e.validationMessage") == TYPED_BAD
        assert page.url == f"{server.url}/admin/dashboard"
        start.fill("")
        go.click()
        assert start.evaluate("e => e.validationMessage") == "请填写日期，例如 2026-12-04。"

        # the usual ways of writing a date by hand are understood
        start.fill("2026/2/20")
        end.fill("2026年3月5日")
        go.click()
        page.wait_for_url("**/admin/dashboard?start=2026-02-20&end=2026-03-05")
        assert "2026-02-20 至 2026-03-05" in page.locator(".page-pretitle").inner_text()

        # sent anyway (no checks in the browser): the server explains, and the page still works
        page.locator(".dashboard-range").evaluate("f => { f.noValidate = true; }")
        start.fill("2026-13-45")
        with page.expect_response(lambda r: "start=2026-13-45" in r.url) as answer:
            go.click()
        assert answer.value.status == 400
        assert BAD_DATE in page.locator(".dashboard-error").inner_text()
        page.locator("body[data-charts-drawn]").wait_for(state="attached")
        page.screenshot(path=str(artifacts / "admin-dashboard-bad-date.png"))
        assert len(problems) == 1 and "status of 400" in problems[0]  # that answer, logged
        problems.clear()

        # the case list's date filter: explained in Chinese; sent anyway, it is ignored
        page.goto(f"{server.url}/admin/mediation-case/list")
        since = page.locator("input[name=created_from]")
        since.fill("12/04/2026")
        since.locator("xpath=..").locator("button[type=submit]").click()
        assert since.evaluate("e => e.validationMessage") == TYPED_BAD
        assert "created_from" not in page.url
        since.locator("xpath=..").evaluate("f => { f.noValidate = true; }")
        with page.expect_response(lambda r: "created_from=12" in r.url) as answer:
            since.locator("xpath=..").locator("button[type=submit]").click()
        assert answer.value.status == 200
        page.locator("#filter-sidebar").wait_for()

        # a course's dates (wtforms' type=date, made a text box by the page)
        page.goto(f"{server.url}/admin/course/create")
        first = page.locator("input[name=start_date]")
        first.fill("2026.3.1")
        first.blur()
        assert first.input_value() == "2026-03-01"
        first.fill("31/12/2026")
        assert first.evaluate("e => e.validationMessage") == TYPED_BAD
        assert problems == []
