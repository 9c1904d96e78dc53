"""The 导入导出 admin page over real HTTP: exports, dry run, confirm, rosters, permissions."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import httpx
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from bot.app import App
from bot.store.audit import acting_as
from bot.store.models import Course, Enrolment, FaqEntry, FaqRevision
from tests.admin.conftest import PASSWORD
from tests.support import TLS
from tests.transfer.conftest import DEMO_FAQ, snapshot
from tests.transfer.files import (
    COURSE_HEADER,
    FAQ_HEADER,
    csv_bytes,
    faq_row,
    xlsx_bytes,
    xlsx_rows,
)
from tests.webchat.conftest import browser  # noqa: F401 - the shared Chromium fixture

_HIDDEN = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)">')
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(
    client, kind: str, name: str, data: bytes, csrf: str | None = None, only_new: bool = False
) -> httpx.Response:
    fields = {"kind": kind, "csrf_token": client.csrf if csrf is None else csrf}
    if only_new:  # the box 只添加新条目（已有的不改） ticked
        fields["only_new"] = "1"
    return client.http.post("/admin/transfer/check", data=fields, files={"file": (name, data)})


def part(page: str, element_id: str) -> str:
    """The HTML of one element by id, up to its closing tag (tables and divs here don't nest)."""
    start = page.index(f'id="{element_id}"')
    tag = page[page.rindex("<", 0, start) + 1 : start].split()[0]
    return page[start : page.index(f"</{tag}>", start)]


def confirm_fields(page: str) -> dict[str, str]:
    form = page[page.index('id="transfer-confirm"') :]
    return dict(_HIDDEN.findall(form[: form.index("</form>")]))


def new_faq_csv() -> bytes:
    return csv_bytes(
        FAQ_HEADER, [faq_row("union_fee", "工会会费怎么交？", alternates="会费交多少")]
    )


def test_strangers_and_staff_reach_nothing(server, clients) -> None:
    alice = clients["alice"]
    paths = (
        "/admin/transfer",
        "/admin/transfer/export?kind=faq&format=csv",
        "/admin/transfer/roster/1?format=csv",
    )
    with httpx.Client(base_url=server.url, follow_redirects=False, verify=TLS) as stranger:
        for path in paths:
            r = stranger.get(path)
            assert r.status_code == 303 and r.headers["location"].startswith("/console/login")
    for path in paths:
        assert alice.get(path).status_code == 403, path
    assert upload(alice, "faq", "faq.csv", new_faq_csv()).status_code == 403


def test_the_page_is_in_the_admin_menu_with_export_links(clients) -> None:
    root = clients["root"]
    home = root.get("/admin/")
    assert "导入导出" in home.text and "/admin/transfer" in home.text
    page = root.get("/admin/transfer")
    assert page.status_code == 200
    assert "预检" in page.text and "kind=courses&amp;format=xlsx" in page.text
    assert "content-security-policy" in page.headers


@pytest.mark.parametrize(("kind", "fmt"), [("faq", "xlsx"), ("courses", "csv"), ("faq", "yaml")])
def test_exports_download_with_a_chinese_file_name(clients, kind: str, fmt: str) -> None:
    r = clients["root"].get(f"/admin/transfer/export?kind={kind}&format={fmt}")
    assert r.status_code == 200
    disposition = r.headers["content-disposition"]
    assert disposition.startswith(f'attachment; filename="{kind}-')
    name = unquote(disposition.split("filename*=UTF-8''")[1])
    assert name.startswith("问答库-" if kind == "faq" else "课程-") and name.endswith(
        {"xlsx": ".xlsx", "csv": ".csv", "yaml": ".yml"}[fmt]
    )
    assert r.headers["cache-control"] == "no-store"
    if fmt == "xlsx":
        assert r.headers["content-type"] == XLSX_TYPE
        rows = xlsx_rows(r.content)
        assert rows[0][:3] == ("编号", "分类", "标准问题") and len(rows) == DEMO_FAQ + 1
    elif fmt == "csv":
        assert r.content.startswith("\ufeff课程编号,课程名称".encode())


def test_dry_run_then_confirm_imports_under_the_admins_name(clients, bot: App) -> None:
    root = clients["root"]
    before = snapshot(bot.db)
    checked = upload(root, "faq", "新问答.csv", new_faq_csv())
    assert checked.status_code == 200
    assert (
        "新增 1" in checked.text
        and "union_fee" in checked.text
        and "工会会费怎么交？" in checked.text
    )
    assert snapshot(bot.db) == before  # the dry run wrote nothing
    fields = confirm_fields(checked.text)
    assert set(fields) == {"csrf_token", "kind", "fmt", "sha", "digest"}
    done = root.http.post("/admin/transfer/apply", data=fields)
    assert done.status_code == 200 and "导入完成：新增 1 条，更新 0 条" in done.text
    with bot.db.read() as s:
        entry = s.scalars(select(FaqEntry).where(FaqEntry.slug == "union_fee")).one()
        assert entry.alternates == ["会费交多少"]
        assert s.scalar(select(FaqRevision.actor).where(FaqRevision.slug == "union_fee")) == "root"
    again = root.http.post("/admin/transfer/apply", data=fields)
    assert again.status_code == 410 and "请重新上传预检" in again.text


def test_a_file_with_errors_gets_the_row_errors_and_no_confirm(clients, bot: App) -> None:
    data = xlsx_bytes(
        COURSE_HEADER,
        [
            ["NEW1", "茶艺", "幸福学堂", "周五", 15, 0, "2026-12-04", "2027-01-22"],
            ["NEW2", "电焊", "兴趣班", "周二", "十二", 0, "2026-12-04", "2027-01-22"],
        ],
    )
    before = snapshot(bot.db)
    r = upload(clients["root"], "courses", "课程.xlsx", data)
    assert r.status_code == 200
    assert "错误 2" in r.text and "第3行" in r.text and "「十二」不是数字" in r.text
    assert 'id="transfer-confirm"' not in r.text
    assert snapshot(bot.db) == before


def test_confirm_after_the_data_changed_is_refused(clients, bot: App) -> None:
    root = clients["root"]
    fields = confirm_fields(upload(root, "faq", "faq.csv", new_faq_csv()).text)
    with acting_as("someone"), bot.db.session() as s:
        s.add(FaqEntry(slug="union_fee", question="工会会费怎么交？", answer="别的答案",
                       category="工会", source="《工会法》"))  # fmt: skip
    before = snapshot(bot.db)
    r = root.http.post("/admin/transfer/apply", data=fields)
    assert r.status_code == 409 and "预检之后数据有了变动" in r.text
    assert snapshot(bot.db) == before


def test_uploads_need_the_csrf_token_a_known_kind_and_a_small_file(clients, bot: App) -> None:
    root = clients["root"]
    before = snapshot(bot.db)
    r = upload(root, "faq", "faq.csv", new_faq_csv(), csrf="forged")
    assert r.status_code == 403 and "页面已过期" in r.text
    r = upload(root, "faq", "faq.txt", b"hello")
    assert r.status_code == 400 and "只能导入 .xlsx、.csv 或 .yml 文件" in r.text
    r = upload(root, "faq", "big.csv", b"x" * (5 * 1024 * 1024 + 1))
    assert r.status_code == 413 and "文件太大：最大 5 MB" in r.text
    assert snapshot(bot.db) == before


def test_a_confirm_needs_the_csrf_token(clients, bot: App) -> None:
    root = clients["root"]
    fields = confirm_fields(upload(root, "faq", "faq.csv", new_faq_csv()).text)
    before = snapshot(bot.db)
    r = root.http.post("/admin/transfer/apply", data={**fields, "csrf_token": "forged"})
    assert r.status_code == 403
    assert snapshot(bot.db) == before


def test_course_roster_downloads(clients, bot: App) -> None:
    with bot.db.session() as s:
        course = s.scalars(select(Course).where(Course.code == "JN01")).one()
        s.add(Enrolment(course_id=course.id, channel="wechat", sender_id="o1", name="周杰",
                        phone="13900000000", status="enrolled"))  # fmt: skip
        course_id = course.id
    root = clients["root"]
    r = root.get(f"/admin/transfer/roster/{course_id}?format=csv")
    assert r.status_code == 200 and r.headers["cache-control"] == "no-store"
    assert "报名名单-JN01-" in unquote(r.headers["content-disposition"])
    lines = r.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("序号,姓名,手机号,状态,报名时间,渠道,出勤次数,请假次数,请假说明")
    assert lines[1].startswith("1,周杰,13900000000,已报名,")
    r = root.get(f"/admin/transfer/roster/{course_id}")
    assert r.headers["content-type"] == XLSX_TYPE and xlsx_rows(r.content)[1][1] == "周杰"
    assert root.get("/admin/transfer/roster/99999?format=csv").status_code == 404
    assert root.get(f"/admin/transfer/roster/{course_id}?format=pdf").status_code == 400


def test_in_chromium_an_admin_exports_edits_and_imports_the_faq(
    bot: App,
    server,
    staff,
    browser,  # noqa: F811
    artifacts: Path,
    tmp_path: Path,
) -> None:
    """Download the Excel export, change one answer, upload it, read the report, confirm."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="zh-CN", accept_downloads=True
    )
    errors: list[str] = []
    try:
        page = context.new_page()
        page.set_default_timeout(10000)
        page.goto(f"{server.url}/admin/transfer")
        page.fill("input[name=username]", "root")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{server.url}/admin/transfer")
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.reload()

        with page.expect_download() as download:
            page.locator("#transfer-export a", has_text="Excel").first.click()
        assert download.value.suggested_filename.startswith("问答库-")
        exported = tmp_path / download.value.suggested_filename
        download.value.save_as(exported)
        book = load_workbook(exported)
        sheet = book.active
        assert sheet["A1"].value == "编号" and sheet["E1"].value == "答案"
        row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "ot_pay_rates")
        row[4].value = "（新规）加班费：工作日150%，休息日200%，法定节假日300%。"
        edited = tmp_path / "问答库-改.xlsx"
        book.save(edited)

        page.select_option("#transfer-kind", "faq")
        page.set_input_files("#transfer-file", str(edited))
        page.click("#transfer-upload button[type=submit]")
        page.locator("#transfer-report").wait_for()
        assert "更新 1" in page.locator("#transfer-summary").inner_text()
        assert f"不变 {DEMO_FAQ - 1}" in page.locator("#transfer-summary").inner_text()
        changes = page.locator("#transfer-changes").inner_text()
        assert "ot_pay_rates" in changes and "答案" in changes
        page.screenshot(path=str(artifacts / "admin-transfer-dry-run.png"), full_page=True)

        page.click("#transfer-confirm button[type=submit]")
        page.locator(".alert-success", has_text="导入完成：新增 0 条，更新 1 条").wait_for()
        page.screenshot(path=str(artifacts / "admin-transfer-imported.png"), full_page=True)
    finally:
        context.close()
    assert errors == []
    with bot.db.read() as s:
        answer = s.scalar(select(FaqEntry.answer).where(FaqEntry.slug == "ot_pay_rates"))
        actor = s.scalar(
            select(FaqRevision.actor)
            .where(FaqRevision.slug == "ot_pay_rates")
            .order_by(FaqRevision.id.desc())
        )
    assert answer.startswith("（新规）") and actor == "root"


def test_a_file_that_changes_nothing_says_so(clients) -> None:
    root = clients["root"]
    export = root.get("/admin/transfer/export?kind=courses&format=csv")
    r = upload(root, "courses", "课程.csv", export.content)
    assert r.status_code == 200 and "不变 20" in r.text
    assert "没有需要导入的改动" in r.text and 'id="transfer-confirm"' not in r.text


def _edit_and_delete_as_an_admin(bot: App) -> None:
    with acting_as("alice"), bot.db.session() as s:
        pay = s.scalars(select(FaqEntry).where(FaqEntry.slug == "ot_pay_rates")).one()
        pay.answer = "管理员改过的答案"
        s.delete(s.scalars(select(FaqEntry).where(FaqEntry.slug == "hours_standard")).one())


def _seed_like_csv() -> bytes:
    """A new entry, an entry admins edited since, and one they deleted."""
    return csv_bytes(
        FAQ_HEADER,
        [
            faq_row("union_fee", "工会会费怎么交？"),
            faq_row("ot_pay_rates", "加班费按几倍算？", answer="文件里的旧答案"),
            faq_row("hours_standard", "国家规定一天上几个小时班？"),
        ],
    )


def test_only_new_adds_new_entries_and_keeps_the_admins_edits(clients, bot: App) -> None:
    root = clients["root"]
    page = root.get("/admin/transfer").text
    assert 'name="only_new"' in page and "只添加新条目（已有的不改）" in page
    _edit_and_delete_as_an_admin(bot)
    before = snapshot(bot.db)
    checked = upload(root, "faq", "新问答.csv", _seed_like_csv(), only_new=True)
    assert checked.status_code == 200 and "只添加新条目" in checked.text
    summary = part(checked.text, "transfer-summary")
    assert "新增 1" in summary and "已有，不改 1" in summary and "已删除，不恢复 1" in summary
    assert "更新" not in summary
    assert "union_fee" in part(checked.text, "transfer-changes")
    kept = part(checked.text, "transfer-kept")
    assert "ot_pay_rates" in kept and "已有，不改" in kept
    assert "hours_standard" in kept and "已删除，不恢复" in kept
    assert snapshot(bot.db) == before  # the dry run wrote nothing
    fields = confirm_fields(checked.text)
    assert fields["only_new"] == "1"
    done = root.http.post("/admin/transfer/apply", data=fields)
    assert done.status_code == 200 and "导入完成：新增 1 条，已有的 1 条没有改动" in done.text
    with bot.db.read() as s:
        answers = dict(s.execute(select(FaqEntry.slug, FaqEntry.answer)).tuples().all())
        actor = s.scalar(select(FaqRevision.actor).where(FaqRevision.slug == "union_fee"))
    assert answers["ot_pay_rates"] == "管理员改过的答案" and "hours_standard" not in answers
    assert "union_fee" in answers and actor == "root"


def test_a_confirm_stripped_of_only_new_is_refused(clients, bot: App) -> None:
    """The choice is part of what was checked: as an ordinary import the file writes more."""
    root = clients["root"]
    _edit_and_delete_as_an_admin(bot)
    fields = confirm_fields(upload(root, "faq", "faq.csv", _seed_like_csv(), only_new=True).text)
    del fields["only_new"]
    before = snapshot(bot.db)
    r = root.http.post("/admin/transfer/apply", data=fields)
    assert r.status_code == 409 and "预检之后数据有了变动" in r.text
    assert snapshot(bot.db) == before


def test_only_new_with_nothing_new_says_so(clients) -> None:
    root = clients["root"]
    export = root.get("/admin/transfer/export?kind=courses&format=csv")
    r = upload(root, "courses", "课程.csv", export.content, only_new=True)
    assert r.status_code == 200 and "已有，不改 20" in part(r.text, "transfer-summary")
    assert "没有需要添加的新条目" in r.text and 'id="transfer-confirm"' not in r.text
    assert 'id="transfer-only-new" checked' in r.text  # the choice stays ticked
