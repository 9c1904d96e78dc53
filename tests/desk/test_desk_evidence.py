"""The worker's photos and files on the mediator's case page: listed with thumbnails, opened
only by the case's own mediator (and admins in /admin), every view in the audit log."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from bot.store.models import AuditEntry, Evidence
from tests.desk.conftest import WORKER, file_case
from tests.evidence.samples import PDF, jpeg


def upload(server_url: str, sender: str, name: str, data: bytes, mid: str) -> str:
    with httpx.Client(base_url=server_url, timeout=10) as http:
        r = http.post(
            "/chat/api/upload",
            data={"sender": sender, "message_id": mid},
            files={"file": (name, data, "application/octet-stream")},
        )
    assert r.status_code == 200, r.text
    return "\n".join(x["text"] for x in r.json()["replies"])


def test_the_cases_mediator_sees_and_opens_the_evidence_and_no_one_else(bot, server, desk):
    case_id = file_case(bot, WORKER, mediator="刘芳")
    assert "已附到案件" in upload(server.url, WORKER, "工资条.jpg", jpeg(), "desk-ev-0001")
    assert "已附到案件" in upload(server.url, WORKER, "合同.pdf", PDF, "desk-ev-0002")
    with bot.db.read() as s:
        photo, pdf = s.scalars(select(Evidence).order_by(Evidence.id)).all()

    page = desk["liu"].get(f"/desk/case/{case_id}").text
    section = page.split('id="attachments"')[1].split("</section>")[0]
    assert "工资条.jpg" in section and "合同.pdf" in section
    assert f"/desk/evidence/{photo.id}/thumb" in section  # a thumbnail for the photo only
    assert f"/desk/evidence/{pdf.id}/thumb" not in section

    opened = desk["liu"].get(f"/desk/evidence/{photo.id}")
    assert opened.status_code == 200 and opened.content.startswith(b"\xff\xd8")
    assert opened.headers["x-content-type-options"] == "nosniff"
    thumb = desk["liu"].get(f"/desk/evidence/{photo.id}/thumb")
    assert thumb.status_code == 200 and thumb.headers["content-type"] == "image/jpeg"
    assert (
        "attachment" in desk["liu"].get(f"/desk/evidence/{pdf.id}").headers["content-disposition"]
    )

    # another mediator, staff and strangers get nothing
    assert desk["wang"].get(f"/desk/evidence/{photo.id}").status_code == 403
    assert desk["alice"].get(f"/desk/evidence/{photo.id}").status_code == 403
    with httpx.Client(base_url=server.url, timeout=10) as stranger:
        assert stranger.get(f"/desk/evidence/{photo.id}").status_code != 200

    with bot.db.read() as s:
        views = s.scalars(
            select(AuditEntry).where(
                AuditEntry.target_type == "evidence", AuditEntry.target_id == photo.id
            )
        ).all()
    assert sorted(v.actor for v in views) == ["liu", "liu"]  # the file and its thumbnail


def test_a_case_without_evidence_says_so(bot, desk):
    case_id = file_case(bot, WORKER, mediator="刘芳")
    section = desk["liu"].get(f"/desk/case/{case_id}").text.split('id="attachments"')[1]
    assert "/desk/evidence/" not in section.split("</section>")[0]
