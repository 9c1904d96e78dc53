"""The web chat's bubbles in real Chromium: a number never parts from its unit, text still wraps.

The bot's replies are given by the test (the send API is answered in the browser), so each
token can be put at every place along a line, wherever a phone's line happens to end.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.webchat.conftest import browser  # noqa: F401 - Debian's Chromium via Playwright
from tests.webchat.geometry import PAGE_OVERFLOW, box, context, lines

TIMEOUT = 8000  # ms
PHONE_PROMPT = "请留一个能联系到您的手机号码（11位）。"  # utter_ask_phone in data/domain.yml
TOKENS = ["11位", "3个月", "2000元", "14:00-17:00", "2026年3月1日"]
FILLER = "您好请按照下面的说明准备好相关材料然后到区总工会服务大厅办理手续谢谢您的配合"
LONG = "工作日延长工作时间的，用人单位应当支付不低于工资的百分之一百五十的工资报酬；" * 3
# each token after 8 to 25 characters: on a 390 px phone one of them reaches the line's end
SWEEP = [(token, FILLER[:n] + token + "。") for token in TOKENS for n in range(8, 26)]


@pytest.mark.parametrize("size", ["phone", "desk"])
def test_numbers_keep_their_units_and_chinese_still_wraps(
    server,
    browser,  # noqa: F811
    artifacts: Path,
    size: str,
):
    replies = [PHONE_PROMPT, LONG, *(text for _, text in SWEEP)]
    ctx = context(browser, size)
    try:
        page = ctx.new_page()
        page.set_default_timeout(TIMEOUT)
        page.route(
            "**/chat/api/send",
            lambda route: route.fulfill(json={"replies": [{"text": t} for t in replies]}),
        )
        page.goto(f"{server.url}/chat")
        page.locator("body[data-ready='1']").wait_for()
        page.fill("#input", "我要申请调解")
        page.press("#input", "Enter")
        bubbles = page.locator(".msg.bot .bubble")
        bubbles.nth(len(replies)).wait_for()  # the welcome, then every reply
        shown = bubbles.all()[1:]
        assert [b.inner_text() for b in shown] == replies  # nothing lost or added

        prompt = shown[0]
        prompt.scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / f"chat-numbers-{size}.png"))
        assert lines(prompt, "11位") == 1

        # at every place along the line, each token stays whole
        split = [
            text for (token, text), b in zip(SWEEP, shown[2:], strict=True) if lines(b, token) != 1
        ]
        assert split == []

        # ordinary Chinese text still wraps inside the bubble, and nothing sticks out
        assert lines(shown[1]) >= (3 if size == "phone" else 2)
        assert not any(box(b)["cut"] for b in shown)
        log = box(page.locator("#log"))
        assert all(box(b)["right"] <= log["right"] for b in shown)
        assert page.evaluate(PAGE_OVERFLOW) <= 0
    finally:
        ctx.close()


@pytest.mark.parametrize("size", ["phone", "desk"])
def test_a_course_list_leaves_the_workers_question_on_the_screen(
    server,
    browser,  # noqa: F811
    artifacts: Path,
    size: str,
):
    """The real bot's list of five courses (one line each, 详情 and 报名 buttons) fits under
    the worker's question: both are on the screen at once."""
    ctx = context(browser, size)
    try:
        page = ctx.new_page()
        page.set_default_timeout(TIMEOUT)
        page.goto(f"{server.url}/chat")
        page.locator("body[data-ready='1']").wait_for()
        page.fill("#input", "有哪些课程")
        page.press("#input", "Enter")
        reply = page.locator(".msg.bot .bubble").nth(1)
        reply.wait_for()
        assert reply.inner_text().count("\n") <= 7  # a head, five lines, a tail
        page.locator(".msg.bot button", has_text="报名 书法").wait_for()
        # the log has scrolled to the newest message
        page.wait_for_function(
            "() => { const l = document.getElementById('log');"
            " return l.scrollTop + l.clientHeight >= l.scrollHeight - 2; }"
        )
        page.screenshot(path=str(artifacts / f"chat-course-list-{size}.png"))
        question = box(page.locator(".msg.user .bubble").last)
        view = page.viewport_size
        assert 0 <= question["top"] and question["bottom"] <= view["height"]
        assert box(reply)["bottom"] <= view["height"] or box(reply)["top"] >= 0
        assert page.evaluate(PAGE_OVERFLOW) <= 0
    finally:
        ctx.close()
