"""Admin views: faq (being built)."""

from __future__ import annotations


def views() -> list[type]:
    return []
