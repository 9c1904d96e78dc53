"""Web chat fixtures: the console's always-open desk and accounts, and one real Chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.settings import Settings
from bot.settings.console import ConsoleConfig
from tests.conftest import make_settings
from tests.console.conftest import ALWAYS_OPEN, cheap_hashes, clients, staff  # noqa: F401

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


@pytest.fixture
def settings(tmp_path: Path, model_dir: Path) -> Settings:
    s = make_settings(tmp_path, model_dir)
    s.config.console = ConsoleConfig(**ALWAYS_OPEN)
    return s


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (never `playwright install`).

    One browser for the browser tests (they live in one module). Module scope, not session:
    Playwright's sync API leaves its event loop marked running in this thread while it is
    open, which would break later tests that call asyncio.run().
    """
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip("Debian's chromium is not installed (make test installs it as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
