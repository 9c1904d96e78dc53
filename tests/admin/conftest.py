"""Admin fixtures: the console's accounts and signed-in clients (alice is staff, root admin)."""

from __future__ import annotations

from tests.console.conftest import (  # noqa: F401 - fixtures shared with the console tests
    PASSWORD,
    StaffClient,
    any_bot,
    cheap_hashes,
    clients,
    settings,
    staff,
)
