"""In real Chromium: an admin moves a worker's case on, and the worker's open chat shows it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from bot.store import cases as repo
from bot.store.mediators import load_mediators
from bot.store.models import CaseUpdate, Conversation
from tests.console.conftest import PASSWORD
from tests.webchat.conftest import browser  # noqa: F401 - the shared Chromium fixture

TIMEOUT = 8000  # ms; the chat stream polls the database about once a second
NOTE = "材料已收齐，调解员会在三个工作日内与您联系。"


def test_a_case_status_change_reaches_the_workers_open_chat(
    bot,
    server,
    staff,
    browser,  # noqa: F811 - the fixture imported above
    artifacts: Path,
):
    worker_ctx = browser.new_context(viewport={"width": 390, "height": 780}, locale="zh-CN")
    admin_ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    errors: list[str] = []
    try:
        chat = worker_ctx.new_page()
        admin = admin_ctx.new_page()
        for page in (chat, admin):
            page.set_default_timeout(TIMEOUT)
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

        # the worker is on the web chat
        chat.goto(f"{server.url}/chat")
        chat.locator("body[data-ready='1']").wait_for()
        chat.fill("#input", "你好")
        chat.press("#input", "Enter")
        chat.locator(".msg.bot").nth(1).wait_for()
        sender = chat.evaluate("localStorage.getItem('workerbot.sender')")
        with bot.db.read() as s:
            assert s.scalar(select(Conversation.id).where(Conversation.sender_id == sender))
        # their mediation request, filed for this conversation as the bot's action does
        load_mediators(bot.db, bot.settings.data_dir / "mediators.yml")
        with bot.db.write_lock(), bot.db.session() as s:
            case = repo.create_case(
                s,
                repo.CaseRequest(
                    "陈小红",
                    "13912345678",
                    "重庆某某物流有限公司",
                    "拖欠工资",
                    "公司拖欠我三个月工资共一万二千元",
                    "补发工资",
                ),
                channel="web",
                sender_id=sender,
                today=date(2026, 11, 22),
            )
            case_id, case_no = case.id, case.case_no

        # the admin signs in and finds the case in the list (phone masked there)
        admin.goto(f"{server.url}/admin/mediation-case/list")
        assert "/console/login" in admin.url
        admin.fill("input[name=username]", "root")
        admin.fill("input[name=password]", PASSWORD)
        admin.click("button[type=submit]")
        admin.wait_for_url(f"{server.url}/admin/mediation-case/list")
        row = admin.locator("tr", has_text=case_no)
        row.wait_for()
        assert "139****5678" in row.inner_text()
        admin.screenshot(path=str(artifacts / "admin-cases.png"), full_page=True)

        # the case page: assign a mediator, then accept it with a note for the worker
        admin.goto(f"{server.url}/admin/mediation-case/details/{case_id}")
        admin.select_option("#mediator_id", label="刘芳（重庆正衡律师事务所）")
        admin.click("#save-mediator")
        admin.locator("[data-flash]", has_text="指派调解员：刘芳").wait_for()
        admin.select_option("#status", "accepted")
        admin.fill("#note", NOTE)
        admin.click("#save-status")
        admin.locator("[data-flash]", has_text="已改为「已受理」，职工已通知").wait_for()
        assert admin.locator("#case-status").inner_text() == "已受理"
        timeline = admin.locator("#timeline").inner_text()
        assert timeline.index("已提交申请") < timeline.index("指派调解员") < timeline.index(NOTE)
        admin.screenshot(path=str(artifacts / "admin-case.png"), full_page=True)

        # the worker's open page shows the notice without a reload
        notice = chat.locator(".msg.notice", has_text=case_no)
        notice.wait_for()
        assert notice.inner_text().strip().endswith(f"状态更新为「已受理」：{NOTE}")
        # and the bot reports the new status when asked
        chat.fill("#input", "我的调解申请到哪一步了")
        chat.press("#input", "Enter")
        chat.locator(".msg.bot", has_text="当前状态：已受理").wait_for()
        chat.screenshot(path=str(artifacts / "chat-case-notice.png"), full_page=True)

        with bot.db.read() as s:
            steps = s.scalars(select(CaseUpdate).where(CaseUpdate.case_id == case_id)).all()
            assert [(u.status, u.actor) for u in steps][-1] == ("accepted", "root")
        assert not [e for e in errors if "Content Security Policy" in e], errors
    finally:
        worker_ctx.close()
        admin_ctx.close()
