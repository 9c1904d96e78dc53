"""The whole handoff in real Chromium: a worker on /chat, a staff member in the console."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select

from bot.store.models import Conversation, Rating
from tests.console.conftest import PASSWORD

TIMEOUT = 8000  # ms; live updates poll the database about once a second
HOSTILE = '<script>alert("x")</script><b>粗体</b><img src=x onerror="alert(2)">'


def test_a_worker_asks_for_a_person_and_a_staff_member_helps(
    bot, server, staff, browser, artifacts: Path
):
    worker_ctx = browser.new_context(viewport={"width": 390, "height": 780}, locale="zh-CN")
    staff_ctx = browser.new_context(viewport={"width": 1280, "height": 860}, locale="zh-CN")
    dialogs: list[str] = []
    try:
        chat = worker_ctx.new_page()
        desk = staff_ctx.new_page()
        chat.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        desk.on("dialog", lambda d: (dialogs.append(d.message), d.accept()))
        chat.set_default_timeout(TIMEOUT)
        desk.set_default_timeout(TIMEOUT)

        # the staff member signs in and watches the (empty) queue
        desk.goto(f"{server.url}/console")
        assert "/console/login" in desk.url
        desk.fill("input[name=username]", "alice")
        desk.fill("input[name=password]", PASSWORD)
        desk.click("button[type=submit]")
        desk.wait_for_url(f"{server.url}/console")
        desk.locator("#queue-empty").wait_for()

        # the worker writes (markup included), then presses 人工服务
        chat.goto(f"{server.url}/chat")
        chat.locator("body[data-ready='1']").wait_for()
        chat.fill("#input", HOSTILE)
        chat.press("#input", "Enter")
        chat.locator(".msg.bot").nth(1).wait_for()
        chat.locator(".welcome button", has_text="人工服务").click()
        chat.locator(".msg.bot", has_text="已为您转接人工服务").wait_for()
        assert (
            chat.locator(".msg.user").last.inner_text() == "人工服务"
        )  # title shown, payload sent
        assert chat.locator(".msg.user").first.inner_text() == HOSTILE
        assert chat.locator(".log b, .log img").count() == 0

        # it appears in the console without a reload, and the tab title counts it
        item = desk.locator("#waiting li")
        item.wait_for()
        assert "网页" in item.inner_text() and "主动要求人工" in item.inner_text()
        assert re.match(r"^\(1\) ", desk.title())
        desk.screenshot(path=str(artifacts / "console-queue.png"), full_page=True)
        item.locator("button.claim").click()
        desk.wait_for_url(re.compile(r"/console/c/\d+$"))
        transcript = desk.locator("#transcript")
        transcript.locator(".ev-user", has_text="粗体").wait_for()
        assert HOSTILE in transcript.inner_text()  # shown as text, never run or rendered
        assert transcript.locator("b, img, script").count() == 0
        assert transcript.locator(".intent").count() >= 2  # what the bot understood

        # the worker is told a person is there, live
        chat.locator(".msg.notice", has_text="工作人员王丽已接入").wait_for()

        # a canned reply chosen by typing /, then a reply with markup in it
        desk.locator("#compose").wait_for()
        desk.fill("#text", "/hel")
        desk.locator("#canned li", has_text="问候").wait_for()
        desk.press("#text", "Enter")
        assert desk.input_value("#text").startswith("您好，我是区总工会服务台")
        desk.press("#text", "Enter")
        chat.locator(".msg.staff", has_text="您好，我是区总工会服务台").wait_for()
        desk.fill("#text", "请带上<b>劳动合同</b>")
        desk.click("#send")
        reply = chat.locator(".msg.staff", has_text="劳动合同")
        reply.wait_for()
        assert reply.locator(".bubble").inner_text() == "请带上<b>劳动合同</b>"
        assert "王丽" in reply.inner_text()

        # the worker answers and it shows in the console at once; a private note stays private
        chat.fill("#input", "好的，合同我有")
        chat.press("#input", "Enter")
        transcript.locator(".ev-user", has_text="好的，合同我有").wait_for()
        desk.click("#mode-note")
        desk.fill("#text", "内部：需要回访")
        desk.press("#text", "Enter")
        transcript.locator(".ev-note", has_text="内部：需要回访").wait_for()
        desk.screenshot(path=str(artifacts / "console-conversation.png"), full_page=True)

        # resolve: closing words, then the worker is asked for a score and gives it
        desk.click("#mode-reply")
        desk.fill("#text", "问题已登记，调解员会联系您。")
        desk.click("#resolve")
        chat.locator(".msg.staff", has_text="问题已登记").wait_for()
        prompt = chat.locator(".msg.notice", has_text="请您为本次服务打分")
        prompt.wait_for()
        prompt.locator("button", has_text="非常满意").click()
        chat.locator(".msg.bot", has_text="感谢您的评价").wait_for()
        assert "内部：需要回访" not in chat.locator("#log").inner_text()
        chat.screenshot(path=str(artifacts / "chat.png"), full_page=True)
        desk.locator("#rating", has_text="5 分").wait_for()

        with bot.db.read() as s:
            conv = s.scalar(select(Conversation).where(Conversation.channel == "web"))
            rating = s.scalar(select(Rating).where(Rating.conversation_id == conv.id))
        assert (rating.score, rating.staff) == (5, "alice")
        assert dialogs == ["结束本次人工服务？输入框里的内容会作为结束语发给职工。"]
    finally:
        worker_ctx.close()
        staff_ctx.close()
