"""Real files of each kind, made here: a JPEG and PNG from Pillow, a small PDF, an HEIC header."""

from __future__ import annotations

import io
from datetime import date

from PIL import Image
from sqlalchemy.orm import Session

from bot.store import cases as repo
from bot.store.models import MediationCase


def jpeg(color: str = "red", size: tuple[int, int] = (64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "JPEG")
    return out.getvalue()


def png(color: str = "blue") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 32), color).save(out, "PNG")
    return out.getvalue()


PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
# the first box of an iPhone photo: ftyp, major brand heic
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
HTML = b"<html><script>alert(1)</script></html>"


def open_case(
    s: Session, channel: str, sender_id: str, dispute: str = "拖欠工资", status: str = "submitted"
) -> MediationCase:
    """A case filed by the worker as the bot files it (the real store function)."""
    request = repo.CaseRequest(
        "张三", "13800138000", "某某公司", dispute, "工资三个月没发", "补发工资"
    )
    case = repo.create_case(s, request, channel=channel, sender_id=sender_id, today=date.today())
    if status != "submitted":
        case.status = status
    s.flush()
    return case
