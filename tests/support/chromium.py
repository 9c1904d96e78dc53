"""Debian's Chromium driven by Playwright (never `playwright install`), one browser for each
run of consecutive browser tests in a test process.

The browser tests are sorted next to each other (tests/conftest.py), so a test process
launches Chromium about once instead of once per module. It is closed before the first
test that does not use it (tests/conftest.py, pytest_runtest_setup): Playwright's sync API
leaves its event loop marked running in this thread while it is open, which would break
later tests that call asyncio.run(). Each test opens its own browser context (its own
cookies, storage and pages), as before.
"""

from __future__ import annotations

import contextlib
from typing import Any

CHROMIUM = "/usr/bin/chromium"
# research/browser.md: the machine has no internet, so Chromium must not keep trying
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

_open: dict[str, Any] = {}


def shared_browser() -> Any:
    """The running Chromium, launched if there is none (or the last one has gone)."""
    browser = _open.get("browser")
    if browser is not None and not browser.is_connected():
        close_browser()
        browser = None
    if browser is None:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except BaseException:
            playwright.stop()
            raise
        _open.update(playwright=playwright, browser=browser)
    return browser


def close_browser() -> None:
    """Close Chromium and Playwright's loop, if open."""
    browser, playwright = _open.pop("browser", None), _open.pop("playwright", None)
    if browser is not None:
        with contextlib.suppress(Exception):  # already gone: nothing to close
            browser.close()
    if playwright is not None:
        playwright.stop()
