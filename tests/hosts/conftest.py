"""Fixtures for several hosts: nginx in front of them (the `nginx` mark, pyproject.toml)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.staff import accounts
from tests.hosts.support import Nginx


@pytest.fixture
def nginx(tmp_path: Path) -> Iterator[Callable[[list[str]], Nginx]]:
    """Starts nginx as a load balancer in front of the given `host:port`s; stopped after."""
    started: list[Nginx] = []

    def start(upstreams: list[str]) -> Nginx:
        proxy = Nginx(upstreams, tmp_path / f"nginx-{len(started)}")
        started.append(proxy)
        return proxy

    yield start
    for proxy in started:
        proxy.stop()


@pytest.fixture
def cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Accounts made here with a low scrypt cost (stored in each hash, so still checked)."""
    monkeypatch.setattr(accounts, "SCRYPT_N", 2**10)
    monkeypatch.setattr(accounts, "SCRYPT_P", 1)
