"""The console's header in real Chromium: on a phone and at a desk, nothing wraps or sticks out."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.staff import accounts
from tests.console.conftest import PASSWORD
from tests.webchat.conftest import browser  # noqa: F401 - Debian's Chromium via Playwright
from tests.webchat.geometry import PAGE_OVERFLOW, box, context, lines

TIMEOUT = 8000  # ms
LONG_NAME = "欧阳娜娜·阿卜杜热合曼·买买提"


@pytest.mark.parametrize("size", ["phone", "desk"])
@pytest.mark.parametrize("who", ["root", "long"])
def test_the_header_fits_on_a_phone_and_at_a_desk(
    bot,
    server,
    staff,
    browser,  # noqa: F811
    artifacts: Path,
    size: str,
    who: str,
):
    accounts.create_user(bot.db, "long", PASSWORD, "admin", LONG_NAME)
    ctx = context(browser, size)
    try:
        page = ctx.new_page()
        page.set_default_timeout(TIMEOUT)
        page.goto(f"{server.url}/console/login")
        page.fill("input[name=username]", who)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{server.url}/console")
        page.screenshot(path=str(artifacts / f"console-header-{who}-{size}.png"))

        width = page.viewport_size["width"]
        assert page.evaluate(PAGE_OVERFLOW) <= 0
        brand = page.locator(".top .brand")
        assert lines(brand) == 1
        items = [box(item) for item in page.locator(".top nav > *").all()]
        logout = box(page.locator(".top nav button", has_text="退出"))
        # one row: 退出 sits level with the status, the name and 账号
        row = items[0]["bottom"] - items[0]["top"]
        assert all(abs(i["middle"] - logout["middle"]) < row / 2 for i in items), items
        assert all(0 <= i["left"] and i["right"] <= width for i in items), items
        for label in ("工作时间", "退出", "账号"):
            assert lines(page.locator(".top nav"), label) == 1
        me = page.locator(".top nav .me")
        if who == "root":  # a short name is shown whole; a long one may end in …
            assert not box(me)["cut"]
            assert lines(me) == 1
    finally:
        ctx.close()
