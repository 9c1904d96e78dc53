"""Showing a person's details without exposing them."""

from __future__ import annotations


def mask_phone(phone: str | None) -> str:
    """138****5678: enough for the worker to recognise, not enough to leak in a screenshot."""
    if not phone or len(phone) < 7:
        return phone or ""
    return f"{phone[:3]}****{phone[-4:]}"
