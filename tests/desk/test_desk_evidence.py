"""The worker's photos and files on the mediator's case page: listed with thumbnails, opened
only by the case's own mediator (and admins in /admin), every view in the audit log."""

from __future__ import annotations

from datetime import date, timedelta

import httpx
from sqlalchemy import select

from bot.store.models import AuditEntry, Evidence
from tests.desk.conftest import WORKER, file_case, notices
from tests.evidence.samples import PDF, jpeg
from tests.support import TLS


def upload(server_url: str, sender: str, name: str, data: bytes, mid: str) -> str:
    with httpx.Client(base_url=server_url, timeout=10, verify=TLS) as http:
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
    with httpx.Client(base_url=server.url, timeout=10, verify=TLS) as stranger:
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


def _succeeded_case(bot, desk) -> int:
    case_id = file_case(bot, WORKER, mediator="刘芳")
    liu = desk["liu"]
    assert liu.act(case_id, "accept").status_code == 303
    day = (date.today() + timedelta(days=2)).isoformat()
    assert (
        liu.act(case_id, "schedule", day=day, time="10:00", place="三楼", mode="place").status_code
        == 303
    )
    assert liu.act(case_id, "succeed", terms="公司于月底前补发工资").status_code == 303
    return case_id


def _upload_agreement(client, case_id: int, name: str, data: bytes, csrf: str | None = None):
    return client.http.post(
        f"/desk/agreement/{case_id}",
        data={"csrf_token": client.csrf if csrf is None else csrf},
        files={"file": (name, data, "application/octet-stream")},
    )


def test_the_signed_agreement_is_kept_with_the_case_and_the_worker_told(bot, desk):
    case_id = _succeeded_case(bot, desk)
    page = desk["liu"].get(f"/desk/case/{case_id}").text
    assert f'action="/desk/agreement/{case_id}"' in page
    # the CSRF token is needed, only images and PDFs are kept, and only for one's own case
    assert _upload_agreement(desk["liu"], case_id, "协议.pdf", PDF, csrf="x").status_code == 403
    refused = _upload_agreement(desk["liu"], case_id, "协议.pdf", b"<html>not a pdf</html>")
    assert refused.status_code == 400 and "只能上传图片" in refused.text
    assert _upload_agreement(desk["wang"], case_id, "协议.pdf", PDF).status_code == 404
    done = _upload_agreement(desk["liu"], case_id, "协议.pdf", PDF)
    assert done.status_code == 303
    with bot.db.read() as s:
        (row,) = s.scalars(select(Evidence).where(Evidence.case_id == case_id)).all()
    assert row.channel == "desk" and row.content_type == "application/pdf"
    page = desk["liu"].get(f"/desk/case/{case_id}").text
    assert "上传签字的调解协议「协议.pdf」" in page and f"/desk/evidence/{row.id}" in page
    assert any("调解协议书已由调解员存档" in e.text for e in notices(bot, WORKER))
    again = _upload_agreement(desk["liu"], case_id, "协议.pdf", PDF)
    assert again.status_code == 400 and "已经上传过" in again.text


def test_no_agreement_before_the_mediation_succeeded(bot, desk):
    case_id = file_case(bot, WORKER, mediator="刘芳")
    assert "/desk/agreement/" not in desk["liu"].get(f"/desk/case/{case_id}").text
    refused = _upload_agreement(desk["liu"], case_id, "协议.pdf", PDF)
    assert refused.status_code == 400 and "记录调解成功后" in refused.text
