"""In real Chromium: an admin edits an FAQ answer, tries it, and the worker's chat answer changes.

Every admin page visited must load with no console error: a CSP violation (an inline script
or style in sqladmin's templates) shows up there.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from sqlalchemy import select

from bot.store.models import FaqEntry
from tests.admin.conftest import PASSWORD
from tests.webchat.conftest import browser  # noqa: F401 - the shared Chromium fixture

TIMEOUT = 10000  # ms
QUESTION = "加班费按几倍算？"
NEW_ANSWER = "（2025年新规）加班费：工作日150%，休息日200%，法定节假日300%。"
NOVEL = "赶工期连轴转加班钱咋个算"


def _try(page, text: str) -> None:
    page.fill("#faq-try-text", text)
    page.click("#faq-try-button")
    page.locator("#faq-try[data-state='done']").wait_for()


def test_an_admin_edits_an_answer_and_the_bot_answers_with_it(
    bot,
    server,
    staff,
    browser,  # noqa: F811
    artifacts: Path,
):
    with bot.db.read() as s:
        entry = s.scalar(select(FaqEntry).where(FaqEntry.question == QUESTION))
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    errors: list[str] = []
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT)
        # signs in on the console's form and lands on /admin
        page.goto(f"{server.url}/admin/")
        assert "/console/login" in page.url
        page.fill("input[name=username]", "root")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{server.url}/admin/")
        # from here on, every admin page is watched (the console's own pages are not ours)
        failed: list[str] = []
        page.on(
            "console",
            lambda m: errors.append(m.text + " @ " + page.url) if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on(
            "response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None
        )
        page.click("text=FAQ 知识库")
        page.wait_for_url(re.compile(r"/admin/faq-entry/list"))
        assert page.locator("#filter-sidebar").inner_text().count("全部") == 2
        page.screenshot(path=str(artifacts / "admin-faq-list.png"), full_page=True)

        # 试一试 on the list: the saved answer, with the top matches and their scores
        _try(page, QUESTION)
        now = page.locator("#faq-try-now")
        assert now.locator(".faq-try-reply").inner_text().startswith("平时150%、周末200%")
        assert now.locator(".faq-try-matches tr").nth(1).inner_text().startswith(QUESTION)
        assert re.search(r"0\.\d{3}", now.locator(".faq-try-score").first.inner_text())
        # a message the bot does not understand is shown as the worker gets it: not as options
        _try(page, "阿斯顿发")
        assert "没听懂" in now.locator(".faq-try-kind").inner_text()
        assert "没太明白" in now.locator(".faq-try-reply").first.inner_text()
        assert "理解为" in now.locator(".faq-try-step").inner_text()

        # edit: a new answer and a new phrasing, tried before saving (before / after)
        page.goto(f"{server.url}/admin/faq-entry/edit/{entry.id}")
        assert page.get_attribute("label[for=question]", "title") == "必填"
        page.fill("#answer", NEW_ANSWER)
        assert (
            page.locator("#answer + .chars-count-label").inner_text() == f"字数：{len(NEW_ANSWER)}"
        )
        page.fill("#alternates", page.input_value("#alternates") + "\n" + NOVEL)
        _try(page, NOVEL)
        after = page.locator("#faq-try-draft .faq-try-reply").inner_text()
        assert after.startswith(NEW_ANSWER)
        assert NEW_ANSWER not in page.locator("#faq-try-now").inner_text()
        page.screenshot(path=str(artifacts / "admin-faq-edit-try.png"), full_page=True)

        # a bad edit is explained in Chinese and saves nothing
        page.fill("#source", " ")
        page.click("input[type=submit][value='保存']")
        page.locator(".invalid-feedback", has_text="请填写依据").wait_for()
        page.fill("#source", entry.source)
        page.click("input[type=submit][value='保存']")
        page.wait_for_url(re.compile(r"/admin/faq-entry/list"))
        page.locator(".toast", has_text="已保存").wait_for()

        # within seconds the list's 试一试 (this process's live index) gives the new answer
        deadline = time.monotonic() + 30
        while True:
            _try(page, NOVEL)
            if page.locator("#faq-try-now .faq-try-reply").inner_text().startswith(NEW_ANSWER):
                break
            assert time.monotonic() < deadline, "the live index never changed"
            time.sleep(0.5)

        # the history shows who changed the answer; the diff marks old and new text
        page.goto(f"{server.url}/admin/faq-entry/history/{entry.slug}")
        newest = page.locator(".faq-rev").first
        assert "root" in newest.inner_text() and "当前版本" in newest.inner_text()
        inserted = newest.locator(".faq-change[data-field=answer] ins.diff-ins").all_inner_texts()
        assert "2025年新规" in "".join(inserted)
        assert NOVEL in newest.locator(".faq-change[data-field=alternates]").inner_text()
        page.screenshot(path=str(artifacts / "admin-faq-history.png"), full_page=True)

        # a worker on /chat gets the new answer for their own words
        chat = context.new_page()
        chat.set_default_timeout(TIMEOUT)
        chat.on("pageerror", lambda e: errors.append(str(e)))
        chat.goto(f"{server.url}/chat")
        chat.locator("body[data-ready='1']").wait_for()
        chat.fill("#input", NOVEL)
        chat.press("#input", "Enter")
        chat.locator(".msg.bot", has_text=NEW_ANSWER).wait_for()
        chat.screenshot(path=str(artifacts / "chat-new-faq-answer.png"), full_page=True)

        # one click restores the version before the edit
        page.locator(".faq-rev").nth(1).locator("button", has_text="恢复此版本").click()
        page.locator(".toast", has_text="已恢复此版本").wait_for()
        assert page.locator(".faq-rev").first.locator(".faq-rev-action").inner_text() == "恢复"
        with bot.db.read() as s:
            assert s.get(FaqEntry, entry.id).answer == entry.answer

        # sqladmin's other pages used here load under the CSP too
        page.goto(f"{server.url}/admin/faq-entry/details/{entry.id}")
        page.goto(f"{server.url}/admin/faq-entry/create")
        page.goto(f"{server.url}/admin/faq-entry/deleted")
        page.goto(f"{server.url}/admin/faq-entry/list")
        delete = page.locator("tbody a[data-bs-target='#modal-delete']").first
        doomed = int(delete.get_attribute("data-pk"))
        delete.click()
        page.locator("#modal-delete-text", has_text="确定要删除这条知识库条目吗").wait_for()
        # sqladmin's delete (jQuery DELETE) carries the CSRF token admin.js adds, so it works
        with page.expect_navigation():
            page.click("#modal-delete-button")
        with bot.db.read() as s:
            assert s.get(FaqEntry, doomed) is None
        # the only failed load is the refused edit (400, on purpose) ...
        assert len(failed) == 1 and re.match(r"400 .*/admin/faq-entry/edit/\d+$", failed[0])
        # ... and nothing else went wrong: no CSP violation, no script error
        assert len(errors) == 1 and "status of 400" in errors[0], errors
    finally:
        context.close()
