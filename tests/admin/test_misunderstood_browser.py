"""未理解的消息 in real Chromium: an admin unticks one message and ignores the rest, with no
console errors (a CSP violation would be one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings
from bot.settings.console import ConsoleConfig
from bot.store.models import MISS_IGNORED, MISS_OPEN
from tests.admin.test_misunderstood_actions import add, item, own_settings
from tests.console.conftest import ALWAYS_OPEN, PASSWORD
from tests.webchat.conftest import browser  # noqa: F401 - Debian's Chromium via Playwright

TIMEOUT = 8000  # ms


@pytest.fixture
def settings(tmp_path: Path, model_dir: Path) -> Settings:
    s = own_settings(tmp_path, model_dir)
    s.config.console = ConsoleConfig(**ALWAYS_OPEN)
    return s


def test_an_admin_unticks_a_message_and_ignores_the_rest(
    bot,
    server,
    staff,
    browser,  # noqa: F811
    artifacts: Path,
):
    ids = add(bot, "工会会费交多少", "工会会费交多少？", "工会会费要交多少")
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    problems: list[str] = []
    try:
        page = ctx.new_page()
        page.set_default_timeout(TIMEOUT)
        page.on(
            "console",
            lambda m: (
                problems.append(m.text)
                if m.type in ("error", "warning")
                and not m.location.get("url", "").endswith("favicon.ico")
                else None
            ),
        )
        page.goto(f"{server.url}/admin/misunderstood")
        page.fill("input[name=username]", "root")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.goto(f"{server.url}/admin/misunderstood")
        group = page.locator("section.misunderstood-group").first
        assert "3 条" in group.locator(".misunderstood-count").inner_text()
        group.locator("summary").click()
        group.locator(f"input[name=ids][value='{ids[0]}']").uncheck()
        page.screenshot(path=str(artifacts / "admin-misunderstood.png"), full_page=True)
        group.locator("button[value=ignore]").click()
        page.locator(".misunderstood-notice", has_text="已忽略 2 条消息").wait_for()
        assert page.locator("section.misunderstood-group").count() == 1
    finally:
        ctx.close()
    assert item(bot, ids[0]).status == MISS_OPEN
    assert {item(bot, i).status for i in ids[1:]} == {MISS_IGNORED}
    assert problems == []
