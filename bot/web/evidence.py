"""Evidence files on the admin case page and the mediators' desk: the list with thumbnails,
and each file, every view audited.

Files are served from the evidence folder (outside the web root) only through these routes:
the account must pass `can_view_evidence` for the file's case, and each view (thumbnail or
file) is written to the audit log before a byte is sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sqlalchemy.orm import Session
from starlette.responses import Response

from bot.core import labels
from bot.core.clock import Clock
from bot.domain.evidence_access import can_view_evidence
from bot.domain.evidence_check import IMAGE_TYPES
from bot.domain.evidence_files import EvidenceFiles
from bot.domain.evidence_thumbs import thumbnail
from bot.store import audit
from bot.store import evidence as repo
from bot.store.db import Database
from bot.store.models import Evidence, MediationCase

if TYPE_CHECKING:
    from bot.staff.accounts import Staff

FILE, THUMB = "file", "thumb"
KIND_LABELS = {"application/pdf": "PDF", "image/heic": "HEIC"}
# a file opened from the admin: never run, never sniffed, never cached
SAFE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; img-src 'self'; sandbox",
    "Cache-Control": "no-store, private",
    "Referrer-Policy": "no-referrer",
}


def listing(s: Session, case_id: int, clock: Clock) -> list[dict[str, Any]]:
    """The case's files for its page (names, sizes, times; no content)."""
    return [
        {
            "id": e.id,
            "name": e.original_name,
            "kind": KIND_LABELS.get(e.content_type, "图片"),
            "image": e.content_type in IMAGE_TYPES,
            "size": size_text(e.size),
            "when": clock.text(e.uploaded_at),
            "channel": labels.channel(e.channel),
        }
        for e in repo.for_case(s, case_id)
    ]


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


@dataclass(frozen=True)
class Served:
    status: int
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    disposition: str = ""


def serve(db: Database, files: EvidenceFiles, evidence_id: int, user: Staff, what: str) -> Served:
    """The file or its thumbnail for this account, the view recorded in the audit log."""
    with db.write_lock(), db.session() as s:
        row = s.get(Evidence, evidence_id)
        case = s.get(MediationCase, row.case_id) if row and row.case_id else None
        if row is None or case is None:
            return Served(404, "找不到这份材料。".encode())
        if not can_view_evidence(user, case):
            return Served(403, "没有查看这份材料的权限。".encode())
        audit.record_access(
            s, audit.VIEW_EVIDENCE, "evidence", row.id, f"{what} {case.case_no}", user.username
        )
        name, content_type, stored = row.original_name, row.content_type, row.stored_name
    try:
        data = files.read(stored)
    except FileNotFoundError:
        return Served(404, "这份材料的文件已不在了（可能已按保存期限删除）。".encode())
    if what == THUMB:
        small = thumbnail(data, content_type)
        if small is None:
            return Served(404, "这份材料没有缩略图。".encode())
        return Served(200, small, "image/jpeg")
    inline = content_type in IMAGE_TYPES  # shown in the browser; PDF and HEIC are downloaded
    disposition = f"{'inline' if inline else 'attachment'}; filename*=UTF-8''{quote(name)}"
    return Served(200, data, content_type, disposition)


def response(served: Served) -> Response:
    headers = dict(SAFE_HEADERS)
    if served.disposition:
        headers["Content-Disposition"] = served.disposition
    return Response(
        served.body, status_code=served.status, media_type=served.content_type, headers=headers
    )
