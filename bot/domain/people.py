"""Showing a person's details without exposing them."""

from __future__ import annotations


def mask_phone(phone: str | None) -> str:
    """138****5678: enough for the worker to recognise, not enough to leak in a screenshot."""
    if not phone or len(phone) < 7:
        return phone or ""
    return f"{phone[:3]}****{phone[-4:]}"


# two-character surnames common enough to keep apart from the given name
_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "令狐",
    "慕容",
    "尉迟",
    "公孙",
)


def given_name(name: str | None) -> str:
    """The given name alone (陈小红 -> 小红), for lists seen by people outside the union."""
    name = (name or "").strip()
    if len(name) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in name):
        return name.split()[0] if name.split() else ""  # "Anna Li" -> Anna
    surname = 2 if name.startswith(_COMPOUND_SURNAMES) and len(name) > 2 else 1
    return name[surname:]
