"""The desk's pages and forms (server-rendered, no script): mediators only.

Every form carries the session's CSRF token; a case id that names no case of this mediator
(someone else's, or none) gets the same 404 page. After an action the worker's notices are
delivered on their channel (the action committed them with the change), then the page is
shown again (POST-redirect-GET) with a fixed message.
"""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import UploadFile

from bot.core.attachments import Attachment
from bot.domain.evidence import EvidenceDesk
from bot.domain.evidence_files import EvidenceFiles
from bot.mediation import views
from bot.mediation.desk import Desk, DeskError, Done, NotYours
from bot.staff import notices
from bot.staff.accounts import Staff
from bot.web import evidence
from bot.web.ids import parse_id
from bot.web.session import (
    CSRF_FIELD,
    CsrfFailed,
    context,
    csrf_ok,
    mediator_page,
    read_form,
    read_session,
)

DONE = {
    "accept": "已受理，已通知职工。",
    "ask": "问题已发给职工，职工回复后会出现在办理记录里。",
    "schedule": "已安排调解，已请职工确认。",
    "succeed": "已记录调解成功，已通知职工。",
    "fail": "已记录调解不成，已告知职工申请仲裁的期限。",
    "close": "已结案，已通知职工。",
    "note": "备注已保存（只有调解员和管理员能看到）。",
    "agreement": "调解协议书已上传，已告知职工。",
}
# the actions posted as plain forms to /desk/case/{id}/{action} (the agreement is a file upload)
FORM_ACTIONS = frozenset(DONE) - {"agreement"}


def desk_of(request: Request) -> Desk:
    ctx = context(request)
    return Desk(ctx.db, ctx.clock, ctx.settings.config.mediation)


def render(request: Request, name: str, staff: Staff, status: int = 200, **values: Any) -> Response:
    """A desk page with what its header needs."""
    session = read_session(request)
    values.update(staff=staff, csrf=session.csrf if session else "")
    return context(request).templates.TemplateResponse(request, name, values, status_code=status)


async def _case_page(
    request: Request, staff: Staff, case_id: int, status: int = 200, **values: Any
) -> Response:
    ctx = context(request)
    config = ctx.settings.config.mediation
    detail = await asyncio.to_thread(views.case_detail, ctx.db, staff, ctx.clock, config, case_id)
    if detail is None:
        return render(request, "desk_not_found.html", staff, status=404)
    return render(request, "desk_case.html", staff, status=status, **detail, **values)


async def _act(request: Request, staff: Staff, case_id: int, action: str, form: dict) -> Done:
    desk = desk_of(request)
    field = form.get
    calls = {
        "accept": lambda: desk.accept(staff, case_id),
        "ask": lambda: desk.ask(staff, case_id, field("question", "")),
        "schedule": lambda: desk.schedule(
            staff,
            case_id,
            field("day", ""),
            field("time", ""),
            field("place", ""),
            field("mode") == "phone",
        ),
        "succeed": lambda: desk.succeed(staff, case_id, field("terms", "")),
        "fail": lambda: desk.fail(
            staff, case_id, field("reason", ""), field("known_on", ""), field("apply_by", "")
        ),
        "close": lambda: desk.close(staff, case_id, field("note", "")),
        "note": lambda: desk.note(staff, case_id, field("note", "")),
    }
    return await asyncio.to_thread(calls[action])


def router() -> APIRouter:
    """/desk, /desk/case/{id} and the case's action forms."""
    api = APIRouter()

    @api.get("/desk")
    async def my_cases(request: Request, staff: Staff = Depends(mediator_page)) -> Response:
        ctx = context(request)
        config = ctx.settings.config.mediation
        rows = await asyncio.to_thread(views.my_cases, ctx.db, staff, ctx.clock, config)
        tomorrow = await asyncio.to_thread(
            views.tomorrow_sessions, ctx.db, staff, ctx.clock, config
        )
        return render(request, "desk.html", staff, cases=rows, tomorrow=tomorrow)

    @api.get("/desk/case/{case_id}")
    async def case_page(
        request: Request, case_id: str, staff: Staff = Depends(mediator_page)
    ) -> Response:
        value = parse_id(case_id)
        if value is None:
            return render(request, "desk_not_found.html", staff, status=404)
        said = DONE.get(request.query_params.get("done", ""))
        return await _case_page(request, staff, value, said=said)

    @api.post("/desk/case/{case_id}/{action}")
    async def act(
        request: Request, case_id: str, action: str, staff: Staff = Depends(mediator_page)
    ) -> Response:
        form = await read_form(request)
        if not csrf_ok(request, form.get(CSRF_FIELD)):
            raise CsrfFailed()
        value = parse_id(case_id)
        if value is None or action not in FORM_ACTIONS:
            return render(request, "desk_not_found.html", staff, status=404)
        try:
            done = await _act(request, staff, value, action, form)
        except NotYours:
            return render(request, "desk_not_found.html", staff, status=404)
        except DeskError as exc:
            return await _case_page(request, staff, value, status=400, error=str(exc))
        await notices.deliver_all(context(request).channels, done.pushes)
        return RedirectResponse(f"/desk/case/{value}?done={action}", status_code=303)

    @api.post("/desk/agreement/{case_id}")
    async def agreement(
        request: Request, case_id: str, staff: Staff = Depends(mediator_page)
    ) -> Response:
        """The signed agreement (multipart: csrf_token and one file)."""
        value = parse_id(case_id)
        if value is None:
            return render(request, "desk_not_found.html", staff, status=404)
        ctx = context(request)
        max_bytes = ctx.settings.config.evidence.max_bytes
        try:
            form = await request.form(max_files=1, max_fields=2, max_part_size=64 * 1024)
        except Exception:  # noqa: BLE001 - a malformed or oversized multipart body
            return await _case_page(request, staff, value, status=400, error="上传的内容不正确。")
        try:
            token, file = form.get(CSRF_FIELD), form.get("file")
            if not isinstance(token, str) or not csrf_ok(request, token):
                raise CsrfFailed()
            if not isinstance(file, UploadFile):
                return await _case_page(request, staff, value, status=400, error="请选择文件。")
            data = await file.read(max_bytes + 1)  # one byte over the cap is enough to know
            too_big = len(data) > max_bytes
            attachment = Attachment(
                file.filename or "", None if too_big else data, len(data), too_big
            )
        finally:
            await form.close()
        files = EvidenceDesk(EvidenceFiles(ctx.settings.evidence_dir), ctx.settings.config.evidence)
        try:
            done = await asyncio.to_thread(
                desk_of(request).agreement, staff, value, attachment, files
            )
        except NotYours:
            return render(request, "desk_not_found.html", staff, status=404)
        except DeskError as exc:
            return await _case_page(request, staff, value, status=400, error=str(exc))
        await notices.deliver_all(ctx.channels, done.pushes)
        return RedirectResponse(f"/desk/case/{value}?done=agreement", status_code=303)

    @api.get("/desk/evidence/{evidence_id}")
    async def evidence_file(
        request: Request, evidence_id: str, staff: Staff = Depends(mediator_page)
    ) -> Response:
        return await _evidence(request, evidence_id, staff, evidence.FILE)

    @api.get("/desk/evidence/{evidence_id}/thumb")
    async def evidence_thumb(
        request: Request, evidence_id: str, staff: Staff = Depends(mediator_page)
    ) -> Response:
        return await _evidence(request, evidence_id, staff, evidence.THUMB)

    return api


async def _evidence(request: Request, evidence_id: str, staff: Staff, what: str) -> Response:
    """A file of one of this mediator's cases (another's is refused like a missing one would
    be by the admin's route: 403), the view written to the audit log first."""
    value = parse_id(evidence_id)
    if value is None:
        return evidence.response(evidence.Served(404))
    ctx = context(request)
    files = EvidenceFiles(ctx.settings.evidence_dir)
    served = await asyncio.to_thread(evidence.serve, ctx.db, files, value, staff, what)
    return evidence.response(served)
