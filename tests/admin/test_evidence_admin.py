"""Evidence on the admin case page: who may open it, what is sent, and that each view is audited."""

from __future__ import annotations

import io
import struct
import zlib
from types import SimpleNamespace

from PIL import Image
from sqlalchemy import select

from bot.domain.evidence_access import can_view_evidence
from bot.domain.evidence_thumbs import thumbnail
from bot.store.models import AuditEntry, Evidence, MediationCase
from tests.evidence.samples import PDF, jpeg, open_case
from tests.support import TLS

SENDER = "admin0evidence000001"


def send_file(server_url: str, name: str, data: bytes, mid: str) -> None:
    import httpx

    r = httpx.post(
        f"{server_url}/chat/api/upload",
        data={"sender": SENDER, "message_id": mid},
        files={"file": (name, data, "application/octet-stream")},
        timeout=10,
        verify=TLS,
    )
    assert r.status_code == 200 and "已附到案件" in r.json()["replies"][0]["text"], r.text


def audit_rows(bot) -> list[AuditEntry]:  # noqa: ANN001
    with bot.db.read() as s:
        return list(s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all())


def test_admins_see_thumbnails_and_files_and_each_view_is_audited(bot, server, clients):
    with bot.db.session() as s:
        case = open_case(s, "web", SENDER)
        case_id, case_no = case.id, case.case_no
    photo = jpeg("teal", (1600, 1200))
    send_file(server.url, "工资条.jpg", photo, "adm-ev-0001")
    send_file(server.url, "劳动合同.pdf", PDF, "adm-ev-0002")
    with bot.db.read() as s:
        img, pdf = s.scalars(select(Evidence).order_by(Evidence.id)).all()
    root = clients["root"]

    page = root.get(f"/admin/mediation-case/details/{case_id}").text
    assert "证据材料" in page and "工资条.jpg" in page and "劳动合同.pdf" in page
    assert f"/admin/mediation-case/evidence/{img.id}/thumb" in page
    assert f"/admin/mediation-case/evidence/{pdf.id}/thumb" not in page  # PDFs: no preview

    thumb = root.get(f"/admin/mediation-case/evidence/{img.id}/thumb")
    assert thumb.status_code == 200 and thumb.headers["content-type"] == "image/jpeg"
    assert max(Image.open(io.BytesIO(thumb.content)).size) <= 240

    full = root.get(f"/admin/mediation-case/evidence/{img.id}")
    assert full.status_code == 200 and full.content == photo
    assert full.headers["content-type"] == "image/jpeg"
    assert full.headers["x-content-type-options"] == "nosniff"
    assert "sandbox" in full.headers["content-security-policy"]
    assert full.headers["content-disposition"].startswith("inline;")
    assert "no-store" in full.headers["cache-control"]

    download = root.get(f"/admin/mediation-case/evidence/{pdf.id}")
    assert download.content == PDF and download.headers["content-disposition"].startswith(
        "attachment;"
    )
    views = audit_rows(bot)
    assert [(v.actor, v.action, v.target_id) for v in views] == [
        ("root", "view_evidence", img.id),
        ("root", "view_evidence", img.id),
        ("root", "view_evidence", pdf.id),
    ]
    assert [v.detail for v in views] == [f"thumb {case_no}", f"file {case_no}", f"file {case_no}"]


def test_staff_who_are_not_admins_are_refused_and_nothing_is_logged(bot, server, clients):
    with bot.db.session() as s:
        open_case(s, "web", SENDER)
    send_file(server.url, "工资条.jpg", jpeg(), "adm-ev-0003")
    with bot.db.read() as s:
        (row,) = s.scalars(select(Evidence)).all()
    for path in (
        f"/admin/mediation-case/evidence/{row.id}",
        f"/admin/mediation-case/evidence/{row.id}/thumb",
    ):
        refused = clients["alice"].get(path)
        assert refused.status_code == 403 and refused.content != jpeg()
    assert audit_rows(bot) == []
    # unknown ids: 404, and no file is named by anything the client sends
    assert clients["root"].get("/admin/mediation-case/evidence/999999").status_code == 404
    assert clients["root"].get("/admin/mediation-case/evidence/..%2F..%2Fbot.db").status_code == 404


def test_can_view_evidence_lets_in_admins_and_the_cases_own_mediator():
    case = MediationCase(case_no="TJ20261204-0001", mediator_id=7)
    assert can_view_evidence(SimpleNamespace(role="admin", mediator_id=None), case)
    assert not can_view_evidence(SimpleNamespace(role="staff", mediator_id=None), case)
    assert not can_view_evidence(None, case)
    assert can_view_evidence(SimpleNamespace(role="mediator", mediator_id=7), case)
    assert not can_view_evidence(SimpleNamespace(role="mediator", mediator_id=8), case)
    assert not can_view_evidence(SimpleNamespace(role="mediator", mediator_id=None), case)
    unassigned = MediationCase(case_no="TJ20261204-0002", mediator_id=None)
    assert not can_view_evidence(SimpleNamespace(role="mediator", mediator_id=None), unassigned)
    # staff with a mediator id (never made so, but) are still not mediators
    assert not can_view_evidence(SimpleNamespace(role="staff", mediator_id=7), case)


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG claiming a huge size, a few hundred bytes long: a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    raw = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def test_thumbnails_refuse_decompression_bombs_and_broken_files():
    assert thumbnail(_png_header_only(100_000, 100_000), "image/png") is None
    assert thumbnail(jpeg()[:200], "image/jpeg") is None
    assert thumbnail(PDF, "application/pdf") is None
    small = thumbnail(jpeg("red", (800, 600)), "image/jpeg")
    assert small is not None and Image.open(io.BytesIO(small)).size == (240, 180)
