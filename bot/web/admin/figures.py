"""Admin views: local figures (minimum wage tiers, the high-temperature allowance, leave
lengths) that FAQ answers quote through `{{figure:KEY}}`.

Each row has its dates and the official notice it comes from; a new notice is a new row (the
older one stays, so an answer asked before the new date still quotes it). Checks are in
bot/knowledge/figure_rows.py. Saving goes through sqladmin's session: the ORM hook writes the
change to the audit log and bumps the knowledge version, so every process's answers use the
new figure within a second or two.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from sqladmin import ModelView
from sqladmin.flash import Flash
from sqlalchemy import select
from starlette.requests import Request
from wtforms import DateField, SelectField, StringField
from wtforms.validators import InputRequired, Length, Optional

from bot.domain.figure_catalogue import KINDS, kind_choices
from bot.domain.figures import in_force
from bot.knowledge.figure_rows import FIELD_LABELS, FigureDraft, check
from bot.store.audit import FIGURE_CREATE, FIGURE_DELETE, FIGURE_TARGET, FIGURE_UPDATE
from bot.store.models import AuditEntry, LocalFigure
from bot.web.admin.posting import bot_of
from bot.web.admin.theme import LABELS_COMMON, ZhForm, time_column

if TYPE_CHECKING:
    from bot.web.admin.deps import AdminDeps

TEXT = {"class": "form-control"}
CHANGE_LABELS = {FIGURE_CREATE: "新建", FIGURE_UPDATE: "修改", FIGURE_DELETE: "删除"}
SELECT = {"class": "form-select"}


class FigureForm(ZhForm):
    key = SelectField(
        FIELD_LABELS["key"],
        choices=kind_choices(),
        render_kw=SELECT,
        description="答案里用 {{figure:数据项}} 引用它，例如 {{figure:cq_min_wage_monthly}}",
    )
    region = StringField(
        FIELD_LABELS["region"],
        [Length(max=100)],
        render_kw=TEXT,
        description="全市统一的填「全市」（不填也按全市）；分档的写档次和区县，例如 一档：渝中区、江北区……",
    )
    label = StringField(
        FIELD_LABELS["label"],
        [Length(max=64)],
        render_kw=TEXT,
        description="答案里这一行的叫法，例如 一档、月最低工资；不填用数据项的默认叫法",
    )
    value = StringField(
        FIELD_LABELS["value"],
        [InputRequired("请填写数值。"), Length(max=32)],
        render_kw=TEXT,
        description="只填数字（月份等文字类数据项可填文字，例如 6月至9月），按文件原文填写",
    )
    unit = StringField(
        FIELD_LABELS["unit"],
        [Length(max=16)],
        render_kw=TEXT,
        description="例如 元/月、元/小时、天；不填用数据项的默认单位",
    )
    effective_from = DateField(
        FIELD_LABELS["effective_from"], [InputRequired("请填写生效日期。")], render_kw=TEXT
    )
    effective_to = DateField(
        FIELD_LABELS["effective_to"],
        [Optional()],
        render_kw=TEXT,
        description="一般不填：新文件生效后，按新录入的那一条回答",
    )
    source = StringField(
        FIELD_LABELS["source"],
        [InputRequired("请填写来源（文件名称和文号）。"), Length(max=200)],
        render_kw=TEXT,
        description="必填：发布文件的名称和文号，例如《重庆市人民政府关于……的通知》（渝府发〔20xx〕x号）",
    )
    note = StringField(
        FIELD_LABELS["note"],
        [Length(max=200)],
        render_kw=TEXT,
        description="会显示在答案里这一行的后面，例如 子女不满3周岁的，夫妻每年各可休；可不填",
    )


def status(model: LocalFigure, _attr: str, request: Request) -> str:
    """Whether the bot quotes this row today."""
    today = bot_of(request).clock.today()
    if model.effective_from > today:
        return "未到生效日期"
    if model.effective_to is not None and model.effective_to < today:
        return "已失效"
    quoted = in_force(bot_of(request).knowledge.figures, model.key, today)
    if any(r.region == model.region and r.effective_from == model.effective_from for r in quoted):
        return "今天在用"
    return "已被新标准取代"


def _short(text: str, limit: int) -> str:
    """Long text cut for the list's rows (the details page shows it whole)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _key_short(model: LocalFigure, _attr: str) -> str:
    kind = KINDS.get(model.key)
    return kind.label if kind else model.key


def _key(model: LocalFigure, _attr: str) -> str:
    kind = KINDS.get(model.key)
    return f"{kind.subject}（{model.key}）" if kind else model.key


class LocalFigureAdmin(ModelView, model=LocalFigure):
    name = "地方标准数据"
    name_plural = "地方标准数据"
    icon = "fa-solid fa-scale-balanced"
    identity = "local-figure"
    form = FigureForm
    form_columns = [
        "key",
        "region",
        "label",
        "value",
        "unit",
        "effective_from",
        "effective_to",
        "source",
        "note",
    ]
    can_export = False
    column_labels = {**LABELS_COMMON, **FIELD_LABELS, "status": "今天"}
    column_list = [
        LocalFigure.key,
        LocalFigure.region,
        LocalFigure.value,
        LocalFigure.effective_from,
        LocalFigure.effective_to,
        LocalFigure.source,
        "status",
    ]
    column_details_list = [
        LocalFigure.key,
        LocalFigure.region,
        LocalFigure.label,
        LocalFigure.value,
        LocalFigure.unit,
        LocalFigure.effective_from,
        LocalFigure.effective_to,
        LocalFigure.source,
        LocalFigure.note,
        "status",
        LocalFigure.created_at,
        LocalFigure.updated_at,
    ]
    column_formatters = {
        LocalFigure.key: _key_short,
        LocalFigure.region: lambda m, _a: _short(m.region, 8),
        LocalFigure.value: lambda m, _a: f"{m.value}{m.unit}",
        LocalFigure.source: lambda m, _a: _short(m.source, 12),
        "status": status,
    }
    column_formatters_detail = {
        LocalFigure.key: _key,
        "status": status,
        LocalFigure.created_at: time_column("created_at"),
        LocalFigure.updated_at: time_column("updated_at"),
    }
    column_searchable_list = [LocalFigure.key, LocalFigure.region, LocalFigure.source]
    column_sortable_list = [LocalFigure.key, LocalFigure.effective_from]
    column_default_sort = [(LocalFigure.key, False), (LocalFigure.effective_from, True)]

    details_template = "admin/figure_details.html"

    async def details_context(self, request: Request) -> dict[str, Any]:
        """Who changed this row and how (the audit log)."""
        row_id = int(request.path_params["pk"])

        def load() -> list[AuditEntry]:
            with bot_of(request).db.read() as s:
                query = (
                    select(AuditEntry)
                    .where(AuditEntry.target_type == FIGURE_TARGET, AuditEntry.target_id == row_id)
                    .order_by(AuditEntry.id.desc())
                )
                return list(s.scalars(query))

        return {"changes": await asyncio.to_thread(load), "change_labels": CHANGE_LABELS}

    async def on_model_change(
        self, data: dict, model: Any, is_created: bool, request: Request
    ) -> None:
        """The checks of bot/knowledge/figure_rows.py (a clash needs the database)."""
        draft = FigureDraft.from_mapping(data)
        row_id = None if is_created else model.id

        def checked() -> None:
            with bot_of(request).db.read() as s:
                check(s, draft, row_id)

        await asyncio.to_thread(checked)
        data.update(draft.fields())

    async def after_model_change(
        self, data: dict, model: Any, is_created: bool, request: Request
    ) -> None:
        Flash.success(request, "已保存。机器人几秒钟内就会按新数字回答（生效日期之后）。")


def views(deps: AdminDeps) -> list[type]:
    return [LocalFigureAdmin]
