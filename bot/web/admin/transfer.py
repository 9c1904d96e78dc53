"""Admin page 导入导出: upload → 预检 (dry run) → 确认导入; exports; course rosters.

The confirm form names the staged upload by its SHA-256 and the dry run's digest, so it
applies exactly what the admin saw checked (bot/transfer/staging.py). 只添加新条目 (only_new)
adds the entries not stored and leaves the stored ones as they are (bot/transfer/importer.py). Rosters carry
personal data: admins only (ConsoleAuth), never logged, never cached (no-store).
"""

from __future__ import annotations

import asyncio
from datetime import date
from typing import TYPE_CHECKING, Any

from sqladmin import BaseView, expose
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import Response

from bot.transfer import CSV, FORMATS, KIND_LABELS, KINDS, XLSX, staging
from bot.transfer.columns import KINDS as COLUMN_KINDS
from bot.transfer.exporter import Download, export
from bot.transfer.formats import content_disposition, format_of
from bot.transfer.importer import dry_run, run_import
from bot.transfer.report import CREATE, DELETED, KEPT, UPDATE, ImportRefused, Plan
from bot.transfer.roster import load_roster, roster_file
from bot.web.admin.csrf import checks_own_token
from bot.web.admin.posting import bot_of
from bot.web.session import CSRF_FIELD, csrf_ok, read_session

if TYPE_CHECKING:
    from bot.web.admin.deps import AdminDeps

MAX_UPLOAD = 5 * 1024 * 1024
_FORM_OVERHEAD = 64 * 1024
TEMPLATE = "admin/transfer.html"


def _download(file: Download) -> Response:
    return Response(
        file.data,
        media_type=file.media_type,
        headers={"Content-Disposition": content_disposition(file.filename, file.fallback)},
    )


async def _drain(request: Request) -> None:
    """Read and drop a refused body, so the browser gets our answer, not a reset."""
    async for _chunk in request.stream():
        pass


class TransferView(BaseView):
    name = "导入导出"
    icon = "fa-solid fa-file-import"

    # the first route declared is the menu's (sqladmin registers them last-to-first)
    @expose("/transfer", methods=["GET"], identity="transfer")
    async def page(self, request: Request) -> Response:
        return await self._render(request, {})

    @expose("/transfer/check", methods=["POST"], identity="transfer-check")
    @checks_own_token  # the upload's size is checked before its form is read (_upload)
    async def check(self, request: Request) -> Response:
        """预检: stage the upload and show what importing it would do; writes nothing."""
        form, problem, status = await self._upload(request)
        if problem:
            return await self._render(request, {"problem": problem}, status)
        kind, fmt, data, only_new = form["kind"], form["fmt"], form["data"], form["only_new"]
        db = bot_of(request).db
        plan = await asyncio.to_thread(dry_run, db, kind, fmt, data, only_new)
        sha = None
        if plan.ok and plan.writes:  # something to confirm
            sha = await asyncio.to_thread(staging.stage, self._owner(request), fmt, data)
        context = {"plan": plan, "kind": kind, "fmt": fmt, "sha": sha, "filename": form["name"]}
        return await self._render(request, context)

    @expose("/transfer/apply", methods=["POST"], identity="transfer-apply")
    async def apply(self, request: Request) -> Response:
        """确认导入: the staged file, re-checked and written in one transaction, or nothing."""
        try:
            form = await request.form(max_files=0, max_fields=10)
        except MultiPartException:
            return await self._render(request, {"problem": "请求不对，请重新预检"}, 400)
        if not csrf_ok(request, str(form.get(CSRF_FIELD) or "")):
            return await self._render(request, {"problem": "页面已过期，请刷新后重新预检"}, 403)
        kind, fmt = str(form.get("kind") or ""), str(form.get("fmt") or "")
        sha, digest = str(form.get("sha") or ""), str(form.get("digest") or "")
        only_new = form.get("only_new") == "1"
        owner = self._owner(request)
        data = await asyncio.to_thread(staging.staged, owner, sha, fmt)
        if kind not in KINDS or data is None:
            problem = "找不到预检过的文件（可能已超过一小时），请重新上传预检"
            return await self._render(request, {"problem": problem}, 410)
        actor = request.state.admin_staff.username
        db = bot_of(request).db
        try:
            plan = await asyncio.to_thread(run_import, db, kind, fmt, data, actor, digest, only_new)
        except ImportRefused as refused:
            context = {"plan": refused.plan, "kind": kind, "problem": refused.reason}
            return await self._render(request, context, 409)
        await asyncio.to_thread(staging.discard, owner, sha, fmt)
        return await self._render(request, {"plan": plan, "kind": kind, "applied": True})

    @expose("/transfer/export", methods=["GET"], identity="transfer-export")
    async def download(self, request: Request) -> Response:
        kind = request.query_params.get("kind", "")
        fmt = request.query_params.get("format", XLSX)
        if kind not in KINDS or fmt not in FORMATS:
            return await self._render(request, {"problem": "请选择要导出的内容和格式"}, 400)
        db = bot_of(request).db
        file = await asyncio.to_thread(export, db, kind, fmt, date.today())
        return _download(file)

    @expose("/transfer/roster/{course_id:id}", methods=["GET"], identity="transfer-roster")
    async def roster(self, request: Request) -> Response:
        """One course's enrolments and waiting list (names, phones): CSV or Excel."""
        fmt = request.query_params.get("format", XLSX)
        if fmt not in (CSV, XLSX):
            return await self._render(request, {"problem": "名单只能导出为 xlsx 或 csv"}, 400)
        bot = bot_of(request)
        found = await asyncio.to_thread(
            load_roster,
            bot.db,
            request.path_params["course_id"],
            bot.clock.tz,
            bot.settings.config.reminders.skip_dates,
        )
        if found is None:
            return await self._render(request, {"problem": "没有这门课程"}, 404)
        return _download(await asyncio.to_thread(roster_file, found, fmt, bot.clock.today()))

    # -- helpers ---------------------------------------------------------------------------
    @staticmethod
    def _owner(request: Request) -> int:
        return request.state.admin_staff.id

    async def _upload(self, request: Request) -> tuple[dict[str, Any], str | None, int]:
        """The checked upload (kind, fmt, name, data, only_new), or a problem and a status."""
        length = request.headers.get("content-length")
        if length is None or not length.isdigit():
            return {}, "请通过页面上的表单上传文件", 411
        if int(length) > MAX_UPLOAD + _FORM_OVERHEAD:
            await _drain(request)
            return {}, "文件太大：最大 5 MB。请分成几个文件导入", 413
        try:
            form = await request.form(max_files=1, max_fields=10)
        except MultiPartException:
            return {}, "上传没有成功，请重新选择文件", 400
        if not csrf_ok(request, str(form.get(CSRF_FIELD) or "")):
            return {}, "页面已过期，请刷新后重新上传", 403
        kind, upload = str(form.get("kind") or ""), form.get("file")
        if kind not in KINDS:
            return {}, "请选择要导入的是问答还是课程", 400
        if not isinstance(upload, UploadFile) or not upload.filename:
            return {}, "请选择要导入的文件", 400
        fmt = format_of(upload.filename)
        if fmt is None:
            return {}, "只能导入 .xlsx、.csv 或 .yml 文件", 400
        data = await upload.read(MAX_UPLOAD + 1)
        if len(data) > MAX_UPLOAD:
            return {}, "文件太大：最大 5 MB。请分成几个文件导入", 413
        if not data:
            return {}, "文件是空的", 400
        only_new = form.get("only_new") == "1"
        checked = {"kind": kind, "fmt": fmt, "name": upload.filename, "data": data}
        return {**checked, "only_new": only_new}, None, 200

    async def _render(
        self, request: Request, context: dict[str, Any], status: int = 200
    ) -> Response:
        session = read_session(request)
        plan: Plan | None = context.get("plan")
        rows = plan.writes if plan else []
        kept = [c for c in plan.changes if c.action in (KEPT, DELETED)] if plan else []
        return await self.templates.TemplateResponse(
            request,
            TEMPLATE,
            {
                "title": "导入导出",
                "subtitle": "问答和课程的 Excel / CSV / YAML 文件",
                "csrf": session.csrf if session else "",
                "kinds": KIND_LABELS,
                "columns": COLUMN_KINDS,
                "changes": rows,
                "kept": kept,
                "CREATE": CREATE,
                "UPDATE": UPDATE,
                "DELETED": DELETED,
                **context,
            },
            status_code=status,
        )


def views(deps: AdminDeps) -> list[type]:
    return [TransferView]
