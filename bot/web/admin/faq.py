"""Admin views: the FAQ knowledge base — list, edit with checks, 试一试, history and restore.

The rules live in bot/knowledge/drafts.py and bot/knowledge/history.py; this module only wires them to
sqladmin. Saving goes through sqladmin's own session, so the ORM hook records a revision
and bumps the knowledge version; every server process rebuilds its index within a second.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import orjson
from sqladmin import ModelView, expose
from sqladmin.fields import BooleanField, DateField, TextAreaField
from sqladmin.filters import AllUniqueStringValuesFilter, BooleanFilter
from sqladmin.flash import Flash
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from wtforms import validators
from wtforms.fields import StringField

from bot.knowledge.drafts import (
    FIELD_LABELS,
    Draft,
    FaqInvalid,
    check,
    new_slug,
)
from bot.knowledge.history import NothingToRestore, deleted_entries, history, restore
from bot.store.models import FaqEntry
from bot.web.admin.auth import require_csrf
from bot.web.admin.deps import AdminDeps
from bot.web.admin.posting import bot_of
from bot.web.admin.theme import LABELS_COMMON, ZhForm, time_column
from bot.web.admin.trying import tried
from bot.web.session import CSRF_FIELD, csrf_ok

if TYPE_CHECKING:
    from bot.web.admin.deps import AdminDeps

CONTROL = {"class": "form-control"}
MAX_TRY_BYTES = 64 * 1024


class LinesField(TextAreaField):
    """A list of phrasings edited as text, one per line."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        text = valuelist[0] if valuelist else ""
        self.data = [line.strip() for line in str(text).splitlines() if line.strip()]

    def _value(self) -> str:
        return "\n".join(self.data) if isinstance(self.data, list) else str(self.data or "")


def _required(message: str) -> list[Any]:
    return [validators.DataRequired(message)]


class FaqForm(ZhForm):
    question = StringField(
        FIELD_LABELS["question"],
        _required("请填写标准问题。") + [validators.Length(max=200)],
        render_kw=CONTROL,
        description="工人最常见的问法，例如：加班费怎么算？",
    )
    alternates = LinesField(
        FIELD_LABELS["alternates"],
        render_kw={**CONTROL, "rows": 5},
        enable_autoresize=False,
        description="每行一种说法；写得越像工人的原话（方言、错别字）越容易被找到。",
    )
    answer = TextAreaField(
        FIELD_LABELS["answer"],
        _required("请填写答案，不能为空。"),
        render_kw={**CONTROL, "rows": 6},
        enable_autoresize=False,
        description="第一句直接回答（不超过30个字，例如：最长6个月，看合同期限。），再写详细内容；"
        "手机上先显示第一句和前面一段，其余点「详细说明」查看。",
    )
    category = StringField(
        FIELD_LABELS["category"],
        _required("请填写分类，例如：工资与福利。") + [validators.Length(max=32)],
        render_kw=CONTROL,
    )
    source = StringField(
        FIELD_LABELS["source"],
        _required("请填写依据（法规名称及条款），例如：《劳动法》第四十四条。")
        + [validators.Length(max=200)],
        render_kw=CONTROL,
    )
    effective_date = DateField(
        FIELD_LABELS["effective_date"], [validators.Optional()], render_kw=CONTROL
    )
    enabled = BooleanField(
        FIELD_LABELS["enabled"], default=True, description="停用后机器人不再用它回答"
    )
    general = BooleanField(
        FIELD_LABELS["general"],
        default=False,
        description="这一类的一般规定（如“年假有几天”）：和细分情况（如“刚换工作的年假”）难分时先答它",
    )


class FaqAdmin(ModelView, model=FaqEntry):
    name = "知识库条目"
    name_plural = "FAQ 知识库"
    icon = "fa-solid fa-book"
    identity = "faq-entry"

    column_list = [
        FaqEntry.question,
        FaqEntry.category,
        FaqEntry.source,
        FaqEntry.enabled,
        FaqEntry.updated_at,
    ]
    column_details_list = [
        FaqEntry.slug,
        FaqEntry.question,
        FaqEntry.alternates,
        FaqEntry.answer,
        FaqEntry.category,
        FaqEntry.source,
        FaqEntry.effective_date,
        FaqEntry.enabled,
        FaqEntry.general,
        FaqEntry.created_at,
        FaqEntry.updated_at,
    ]
    column_labels = {**LABELS_COMMON, **FIELD_LABELS}
    column_searchable_list = [FaqEntry.question, FaqEntry.answer, FaqEntry.source]
    column_sortable_list = [FaqEntry.question, FaqEntry.category, FaqEntry.updated_at]
    column_default_sort = (FaqEntry.updated_at, True)
    column_filters = [
        AllUniqueStringValuesFilter(FaqEntry.category, title="分类"),
        BooleanFilter(FaqEntry.enabled, title="启用"),
    ]
    column_formatters = {
        FaqEntry.question: lambda m, _a: _short(m.question, 32),
        FaqEntry.source: lambda m, _a: _short(m.source, 18),
        FaqEntry.enabled: lambda m, _a: "启用" if m.enabled else "停用",
        FaqEntry.updated_at: time_column("updated_at"),
    }
    column_formatters_detail = {
        FaqEntry.enabled: lambda m, _a: "启用" if m.enabled else "停用",
        FaqEntry.general: lambda m, _a: "是" if m.general else "否",
        FaqEntry.alternates: lambda m, _a: "；".join(m.alternates or []),
        FaqEntry.created_at: time_column("created_at"),
        FaqEntry.updated_at: time_column("updated_at"),
    }
    form = FaqForm
    form_columns = [
        FaqEntry.question,
        FaqEntry.alternates,
        FaqEntry.answer,
        FaqEntry.category,
        FaqEntry.source,
        FaqEntry.effective_date,
        FaqEntry.enabled,
        FaqEntry.general,
    ]
    page_size = 25
    # YAML/CSV/Excel import and export of the FAQ are on the transfer page
    can_export = False
    list_template = "admin/faq_list.html"
    create_template = "admin/faq_create.html"
    edit_template = "admin/faq_edit.html"
    details_template = "admin/faq_details.html"

    async def on_model_change(
        self, data: dict, model: Any, is_created: bool, request: Request
    ) -> None:
        """Check the draft (duplicates need the database) and give a new entry its slug."""
        draft = Draft.from_mapping(data)
        entry_id = None if is_created else model.id

        def checked() -> str | None:
            with bot_of(request).db.read() as s:
                check(s, draft, entry_id)
                return new_slug(s) if is_created else None

        slug = await asyncio.to_thread(checked)
        data.update(draft.fields())
        if slug is not None:
            data["slug"] = slug

    async def after_model_change(
        self, data: dict, model: Any, is_created: bool, request: Request
    ) -> None:
        Flash.success(request, "已保存。机器人几秒钟内就会按新内容回答。")

    async def after_model_delete(self, model: Any, request: Request) -> None:
        Flash.success(request, "已删除。可在「已删除的条目」里恢复。")

    # -- 试一试 ------------------------------------------------------------------------------
    @expose("/try", methods=["POST"])
    async def try_question(self, request: Request) -> Response:
        """What the bot answers now, and (with a draft) what it would answer after saving."""
        refused = require_csrf(request)
        if refused is not None:
            return refused
        body = await request.body()
        try:
            payload = orjson.loads(body) if len(body) <= MAX_TRY_BYTES else None
        except orjson.JSONDecodeError:
            payload = None
        if not isinstance(payload, dict):
            return _bad("请求格式不对，请刷新页面后重试。")
        app = bot_of(request)
        text = payload.get("text")
        if not isinstance(text, str) or not text.strip():
            return _bad("请先输入一个问题。")
        text = text.strip()[: app.settings.config.conversation.max_message_chars]
        draft = payload.get("draft")
        entry_id = payload.get("id")
        if not isinstance(entry_id, int) or isinstance(entry_id, bool):
            entry_id = None
        result = await asyncio.to_thread(
            tried,
            app,
            text,
            Draft.from_mapping(draft) if isinstance(draft, dict) else None,
            entry_id,
        )
        return JSONResponse(result)

    # -- history -----------------------------------------------------------------------------
    @expose("/history/{slug}", methods=["GET"])
    async def history_page(self, request: Request) -> Response:
        slug = request.path_params["slug"]
        app = bot_of(request)

        def load() -> tuple[list, FaqEntry | None]:
            with app.db.read() as s:
                entry = s.query(FaqEntry).filter(FaqEntry.slug == slug).one_or_none()
                return history(s, slug), entry

        revisions, entry = await asyncio.to_thread(load)
        if not revisions and entry is None:
            raise HTTPException(status_code=404, detail="Object not found")
        title = (entry.question if entry else revisions[0].snapshot.get("question")) or slug
        context = {
            "title": "修改历史",
            "subtitle": title,
            "entry": entry,
            "revisions": revisions,
            "model_view": self,
            "csrf_field": CSRF_FIELD,
        }
        return await self.templates.TemplateResponse(request, "admin/faq_history.html", context)

    @expose("/restore/{revision:id}", methods=["POST"])
    async def restore_version(self, request: Request) -> Response:
        """One click: the entry becomes this version again (recorded as a restore)."""
        form = await request.form()
        if not csrf_ok(request, str(form.get(CSRF_FIELD) or "")):
            raise HTTPException(status_code=403, detail="Forbidden")
        app, staff = bot_of(request), request.state.admin_staff
        revision = request.path_params["revision"]
        try:
            slug = await asyncio.to_thread(restore, app.db, revision, staff.username)
        except (FaqInvalid, NothingToRestore) as exc:
            Flash.error(request, str(exc))
            back = urlsplit(request.headers.get("referer", "")).path
            if not back.startswith("/admin/"):
                back = str(request.url_for("admin:list", identity=self.identity))
            return RedirectResponse(back, status_code=303)
        Flash.success(request, "已恢复此版本，机器人几秒钟内就会按它回答。")
        url = request.url_for(f"admin:view-{self.identity}-history_page", slug=slug)
        return RedirectResponse(str(url), status_code=303)

    @expose("/deleted", methods=["GET"])
    async def deleted_page(self, request: Request) -> Response:
        app = bot_of(request)

        def load() -> list:
            with app.db.read() as s:
                return deleted_entries(s)

        context = {
            "title": "已删除的条目",
            "gone": await asyncio.to_thread(load),
            "model_view": self,
        }
        return await self.templates.TemplateResponse(request, "admin/faq_deleted.html", context)


def _short(text: str, limit: int) -> str:
    """Long text cut for the list's one-line rows (the details page shows it whole)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bad(message: str) -> JSONResponse:
    return JSONResponse({"error": "bad_request", "message": message}, status_code=400)


def views(deps: AdminDeps) -> list[type]:
    return [FaqAdmin]
