"""Web chat fixtures: the console's always-open desk and accounts, and one real Chromium."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.settings import Settings
from bot.settings.console import ConsoleConfig
from tests.conftest import make_settings
from tests.console.conftest import ALWAYS_OPEN, cheap_hashes, clients, staff  # noqa: F401
from tests.support.chromium import CHROMIUM, shared_browser


@pytest.fixture
def settings(tmp_path: Path, model_dir: Path) -> Settings:
    s = make_settings(tmp_path, model_dir)
    s.config.console = ConsoleConfig(**ALWAYS_OPEN)
    return s


@pytest.fixture
def browser() -> object:
    """Debian's Chromium driven by Playwright, shared by consecutive browser tests
    (tests/support/chromium.py says when it is closed)."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip("Debian's chromium is not installed (make test installs it as root)")
    return shared_browser()
