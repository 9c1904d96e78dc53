"""In real Chromium, from a filed case to its outcome: the mediator signs in on a desk-sized
screen, accepts and schedules; the worker confirms from their open web chat; the mediator
sees the answer and records the outcome; the worker sees the result. The desk also fits a
phone."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from bot.staff import accounts
from bot.store.mediators import load_mediators
from tests.desk.conftest import PASSWORD, case_row, file_case, mediator_id, timeline
from tests.webchat.conftest import browser  # noqa: F401 - the shared Chromium fixture

TIMEOUT = 8000  # ms; the chat stream polls the database about once a second
TERMS = "公司于12月31日前补发工资一万二千元"


def test_from_a_filed_case_to_the_outcome_with_the_worker_on_the_web_chat(
    bot,
    server,
    browser,  # noqa: F811 - the fixture imported above
    artifacts: Path,
):
    load_mediators(bot.db, bot.settings.data_dir / "mediators.yml")
    accounts.create_user(bot.db, "liu", PASSWORD, "mediator", "刘芳", mediator_id(bot, "刘芳"))
    worker_ctx = browser.new_context(viewport={"width": 390, "height": 780}, locale="zh-CN")
    desk_ctx = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")
    errors: list[str] = []
    try:
        chat, desk = worker_ctx.new_page(), desk_ctx.new_page()
        for page in (chat, desk):
            page.set_default_timeout(TIMEOUT)
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

        # the worker is on the web chat; their case was filed and given to 刘芳
        chat.goto(f"{server.url}/chat")
        chat.locator("body[data-ready='1']").wait_for()
        chat.fill("#input", "你好")
        chat.press("#input", "Enter")
        chat.locator(".msg.bot").nth(1).wait_for()
        sender = chat.evaluate("localStorage.getItem('workerbot.sender')")
        case_id = file_case(bot, sender, mediator="刘芳", greet=False)
        case_no = case_row(bot, case_id).case_no

        # the mediator signs in like staff and lands on their desk
        desk.goto(f"{server.url}/desk")
        assert "/console/login" in desk.url
        desk.fill("input[name=username]", "liu")
        desk.fill("input[name=password]", PASSWORD)
        desk.click("button[type=submit]")
        desk.wait_for_url(f"{server.url}/desk")
        row = desk.locator(".case-row", has_text=case_no)
        assert "小红" in row.inner_text() and "陈小红" not in row.inner_text()
        row.locator("a").click()
        desk.wait_for_url(f"**/desk/case/{case_id}")

        # 接受: the worker's chat shows it without a reload
        desk.click("button[value=accept]")
        desk.locator("p.status", has_text="已受理").wait_for()
        chat.locator(".msg.notice", has_text="已由调解员 刘芳").wait_for()

        # 安排调解: the worker confirms with the button in their chat
        day = date.today() + timedelta(days=4)
        desk.fill("input[name=day]", day.isoformat())
        desk.fill("input[name=time]", "14:30")
        desk.fill("input[name=place]", "区总工会三楼调解室")
        desk.click("text=安排并请职工确认")
        desk.locator("p.status", has_text="已安排调解").wait_for()
        notice = chat.locator(".msg.notice", has_text="已安排调解")
        notice.wait_for()
        assert "14:30" in notice.inner_text()
        chat.locator("button[data-payload]", has_text="确认").last.click()
        chat.locator(".msg.bot", has_text="已告诉调解员您会参加").wait_for()

        # the mediator sees the worker's answer in the timeline
        desk.reload()
        assert "职工已确认" in desk.locator(".timeline").inner_text()
        assert "职工已确认" in desk.locator(".sessions").inner_text()
        desk.screenshot(path=str(artifacts / "desk-case.png"), full_page=True)

        # 记录结果: 调解成功; the worker sees the result
        desk.fill("textarea[name=terms]", TERMS)
        desk.click("text=调解成功 >> nth=-1")
        desk.locator("p.status", has_text="已记录调解成功").wait_for()
        chat.locator(".msg.notice", has_text="调解成功").wait_for()
        assert TERMS in chat.locator(".msg.notice", has_text="调解成功").inner_text()
        chat.screenshot(path=str(artifacts / "desk-worker-chat.png"), full_page=True)
        kinds = [k for k, _, _ in timeline(bot, case_id)]
        assert kinds.count("session") == 1 and "session_reply" in kinds
        assert case_row(bot, case_id).status == "succeeded"

        # the same desk on a phone: nothing wider than the screen
        phone = worker_ctx.new_page()
        phone.context.add_cookies(desk_ctx.cookies())
        for path in ("/desk", f"/desk/case/{case_id}"):
            phone.goto(f"{server.url}{path}")
            wide = phone.evaluate("document.documentElement.scrollWidth")
            assert wide <= 390, (path, wide)
        phone.screenshot(path=str(artifacts / "desk-phone.png"), full_page=True)
        assert not [e for e in errors if "Content Security Policy" in e], errors
    finally:
        worker_ctx.close()
        desk_ctx.close()
