"""Admin views: mediation cases (read-mostly) and the mediators they can be assigned to.

A case changes only through its page: a status step allowed by bot/store/cases.py with a
note, or a mediator. Each goes into the case's timeline; a status change is also sent to the
worker on their channel (bot/notify.py), in the same transaction as the change.
Lists never show ID numbers and show phones masked; the case page shows the full phone.
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqladmin import ModelView, expose
from sqladmin.filters import StaticValuesFilter
from sqlalchemy import Select, select
from starlette.requests import Request
from starlette.responses import Response
from wtforms import BooleanField, StringField
from wtforms.validators import InputRequired, Length, Optional, Regexp

from bot.core import labels
from bot.core.clock import Clock
from bot.core.messages import Push
from bot.domain.cases import DISPUTE_TYPES, case_status_text
from bot.domain.evidence_files import EvidenceFiles
from bot.domain.people import mask_phone
from bot.mediation.views import KIND_LABELS, limit_of
from bot.settings.sections import MediationConfig
from bot.staff import notices as notify
from bot.store import cases as repo
from bot.store.db import Database
from bot.store.models import CASE_STATUS_LABELS, KIND_ASSIGN, CaseUpdate, MediationCase, Mediator
from bot.web import evidence
from bot.web.admin.posting import Posted, admin_of, bot_of, button, local_time, page_context
from bot.web.admin.theme import ZhForm
from bot.web.ids import parse_id

if TYPE_CHECKING:
    from bot.web.admin.deps import AdminDeps

ACTORS = {"worker": "职工本人", "system": "系统"}
TEXT = {"class": "form-control"}


class CreatedOnOrAfter:
    """List filter: cases filed on or after a local date (a date box, no script needed)."""

    has_operator = False
    template = "admin/case_date_filter.html"
    op = ">="

    def __init__(self, title: str, parameter_name: str, clock: Clock | None = None) -> None:
        self.title, self.parameter_name = title, parameter_name
        self.clock = clock or Clock()

    async def lookups(self, request: Request, model: Any, run_query: Any) -> list:
        return []

    def bound(self, value: str) -> datetime | None:
        """The local day as the naive-UTC moment it starts (or, for the upper bound, ends)."""
        try:
            day = date.fromisoformat(value)
        except (TypeError, ValueError):
            return None
        if self.op == "<":
            day += timedelta(days=1)
        return self.clock.day_start(day)

    async def get_filtered_query(self, query: Select, value: Any, model: Any) -> Select:
        moment = self.bound(str(value or ""))
        if moment is None:
            return query
        column = MediationCase.created_at
        return query.where(column >= moment if self.op == ">=" else column < moment)


class CreatedOnOrBefore(CreatedOnOrAfter):
    op = "<"


def date_filters(clock: Clock | None = None) -> list[CreatedOnOrAfter]:
    return [
        CreatedOnOrAfter("提交日期从", "created_from", clock),
        CreatedOnOrBefore("提交日期到", "created_to", clock),
    ]


# -- reading a case -----------------------------------------------------------------------
def case_page(
    db: Database, case_id: int, clock: Clock, config: MediationConfig | None = None
) -> dict[str, Any] | None:
    """The case with every field, its timeline oldest first (the mediators' private notes
    too), the 15-day limit, and what an admin may do next."""
    config = config or MediationConfig()
    with db.read() as s:
        case = s.get(MediationCase, case_id)
        if case is None:
            return None
        mediator = s.get(Mediator, case.mediator_id) if case.mediator_id else None
        return {
            "case": case,
            "status_label": repo.label(case.status),
            "channel": labels.channel(case.channel),
            "created": clock.text(case.created_at),
            "mediator": str(mediator) if mediator else (case.mediator or ""),
            "timeline": [
                {
                    "when": clock.text(u.created_at),
                    "status": repo.label(u.status),
                    "note": u.note,
                    "actor": ACTORS.get(u.actor, u.actor),
                    "kind": KIND_LABELS.get(u.kind, u.kind),
                }
                for u in case.updates  # oldest first
            ],
            "limit": limit_of(case, clock, clock.today(), config),
            "firm_queue": config.firm_queue,
            "firms": sorted({f for f in s.scalars(select(Mediator.law_firm).distinct()) if f}),
            "next": [(x, repo.label(x)) for x in repo.next_statuses(case.status)],
            "mediators": [(m.id, str(m)) for m in repo.active_mediators(s)],
            "evidence": evidence.listing(s, case.id, clock),
        }


# -- changing a case ----------------------------------------------------------------------
def change_status(
    db: Database, case_id: int, status: str, note: str, actor: str
) -> tuple[str, Push | None]:
    """One allowed step with its note, and the worker's notice, in one transaction."""
    with db.write_lock(), db.session() as s:
        case = s.get(MediationCase, case_id, with_for_update=not db.is_sqlite)
        if case is None:
            raise repo.CaseError("找不到这个案件。")
        repo.change_status(s, case, status, note, actor)
        text = case_status_text(case.case_no, status, note.strip())
        return case.case_no, notify.record(s, case.channel, case.sender_id, text)


def give_to_firm(db: Database, case_id: int, firm: str, actor: str) -> str:
    """Put an unassigned case in a law firm's queue (mediation.firm_queue), in the timeline."""
    with db.write_lock(), db.session() as s:
        case = s.get(MediationCase, case_id, with_for_update=not db.is_sqlite)
        if case is None:
            raise repo.CaseError("找不到这个案件。")
        if case.mediator_id is not None:
            raise repo.CaseError("案件已指派调解员，不能再分给律所。")
        known = set(s.scalars(select(Mediator.law_firm).where(Mediator.law_firm == firm)))
        if firm and firm not in known:
            raise repo.CaseError("请从列表中选择律所。")
        case.law_firm = firm or None
        note = f"分给律所待领取：{firm}" if firm else "取消分给律所"
        case.updates.append(
            CaseUpdate(status=case.status, note=note, actor=actor, kind=KIND_ASSIGN)
        )
        return note


def assign(db: Database, case_id: int, mediator_id: int | None, actor: str) -> str:
    """Assign (or unassign) a mediator; returns what the timeline now says."""
    with db.write_lock(), db.session() as s:
        case = s.get(MediationCase, case_id, with_for_update=not db.is_sqlite)
        if case is None:
            raise repo.CaseError("找不到这个案件。")
        mediator = s.get(Mediator, mediator_id) if mediator_id is not None else None
        if mediator_id is not None and mediator is None:
            raise repo.CaseError("找不到这位调解员。")
        update = repo.assign_mediator(s, case, mediator, actor)
        return update.note if update is not None else "调解员没有变化。"


async def evidence_view(request: Request, what: str) -> Response:
    deps = bot_of(request)
    evidence_id = parse_id(str(request.path_params.get("evidence_id", "")))
    if evidence_id is None:
        return evidence.response(evidence.Served(404))
    files = EvidenceFiles(deps.settings.evidence_dir)
    served = await asyncio.to_thread(
        evidence.serve, deps.db, files, evidence_id, admin_of(request), what
    )
    return evidence.response(served)


class CaseAdmin(ModelView, model=MediationCase):
    name = "调解案件"
    name_plural = "调解案件"
    icon = "fa-solid fa-scale-balanced"
    category = "调解"
    can_create = False
    can_edit = False
    can_delete = False
    can_export = False  # personal data: no bulk download from the list
    column_labels = {
        MediationCase.case_no: "案件编号",
        MediationCase.created_at: "提交时间",
        MediationCase.name: "姓名",
        MediationCase.phone: "电话",
        MediationCase.dispute_type: "纠纷类型",
        MediationCase.status: "状态",
        MediationCase.mediator: "调解员",
    }
    column_list = list(column_labels)
    column_formatters = {
        MediationCase.phone: lambda m, a: mask_phone(m.phone),
        MediationCase.status: lambda m, a: repo.label(m.status),
        MediationCase.created_at: lambda m, a, request: local_time(m.created_at, request),
        MediationCase.mediator: lambda m, a: m.mediator or "未指派",
    }
    column_searchable_list = [MediationCase.case_no]
    column_sortable_list = [MediationCase.case_no, MediationCase.created_at, MediationCase.status]
    column_default_sort = [(MediationCase.id, True)]
    column_filters = [
        StaticValuesFilter(MediationCase.status, list(CASE_STATUS_LABELS.items()), title="状态"),
        StaticValuesFilter(
            MediationCase.dispute_type, [(t, t) for t in DISPUTE_TYPES], title="纠纷类型"
        ),
        *date_filters(),
    ]
    details_template = "admin/case_details.html"

    def search_placeholder(self) -> str:
        return "案件编号（如 TJ 开头的编号）"

    async def details_context(self, request: Request) -> dict[str, Any]:
        config = bot_of(request).settings.config.mediation
        return await page_context(
            request, lambda db, case_id, clock: case_page(db, case_id, clock, config)
        )

    @expose("/firm/{case_id:id}", methods=["POST"])
    @button("case_id")
    async def set_firm(self, post: Posted) -> Response:
        """Put an unassigned case in a firm's queue, for that firm's mediators to take."""
        said = await post.db_call(
            give_to_firm,
            post.id,
            post.field("law_firm"),
            post.admin.username,
            errors=repo.CaseError,
        )
        return post.done(said)

    @expose("/evidence/{evidence_id:id}", methods=["GET"])
    async def evidence_file(self, request: Request) -> Response:
        """One evidence file (admins and the case's mediator; every view audited)."""
        return await evidence_view(request, evidence.FILE)

    @expose("/evidence/{evidence_id:id}/thumb", methods=["GET"])
    async def evidence_thumb(self, request: Request) -> Response:
        """A photo's thumbnail for the case page (audited like the file)."""
        return await evidence_view(request, evidence.THUMB)

    @expose("/status/{case_id:id}", methods=["POST"])
    @button("case_id")
    async def set_status(self, post: Posted) -> Response:
        """Move the case one allowed step with a note; the worker is told on their channel."""
        status, note = post.field("status"), post.field("note")
        case_no, push = await post.db_call(
            change_status, post.id, status, note, post.admin.username, errors=repo.CaseError
        )
        outcome = await notify.deliver(post.app.channels, push)
        return post.done(f"案件 {case_no} 已改为「{repo.label(status)}」，职工{outcome.label}。")

    @expose("/mediator/{case_id:id}", methods=["POST"])
    @button("case_id")
    async def set_mediator(self, post: Posted) -> Response:
        """Assign a mediator from the list (or none); kept in the timeline."""
        raw = post.field("mediator_id")
        mediator_id = parse_id(raw) if raw else None
        if raw and mediator_id is None:
            return post.done("请从列表中选择调解员。", ok=False)
        said = await post.db_call(
            assign, post.id, mediator_id, post.admin.username, errors=repo.CaseError
        )
        return post.done(said)


# -- mediators ----------------------------------------------------------------------------
class MediatorForm(ZhForm):
    name = StringField("姓名", [InputRequired("请填写调解员姓名"), Length(max=64)], render_kw=TEXT)
    law_firm = StringField("所在律所 / 单位", [Length(max=128)], render_kw=TEXT)
    phone = StringField(
        "电话",
        [Optional(), Regexp(r"^[0-9+\- ]{5,20}$", message="请填写正确的电话号码")],
        render_kw=TEXT,
    )
    active = BooleanField("可指派", default=True, description="停用后不再出现在指派列表里")


class MediatorAdmin(ModelView, model=Mediator):
    name = "调解员"
    name_plural = "调解员"
    icon = "fa-solid fa-user-tie"
    category = "调解"
    form = MediatorForm
    form_columns = ["name", "law_firm", "phone", "active"]
    can_delete = False  # cases keep their mediator: stop assigning one instead
    can_export = False
    column_labels = {
        Mediator.name: "姓名",
        Mediator.law_firm: "律所 / 单位",
        Mediator.phone: "电话",
        Mediator.active: "可指派",
    }
    column_list = column_details_list = list(column_labels)
    column_formatters = {Mediator.active: lambda m, a: "是" if m.active else "已停用"}
    column_formatters_detail = column_formatters
    column_searchable_list = [Mediator.name, Mediator.law_firm]
    column_default_sort = [(Mediator.name, False)]

    async def on_model_change(
        self, data: dict, model: Any, is_created: bool, request: Request
    ) -> None:
        for key in ("name", "law_firm", "phone"):
            data[key] = (data.get(key) or "").strip()


def views(deps: AdminDeps) -> list[type]:
    """The case views, their date filters reading days in the union's time zone."""
    filters = [*CaseAdmin.column_filters[:2], *date_filters(deps.clock)]
    return [type("CaseAdmin", (CaseAdmin,), {"column_filters": filters}), MediatorAdmin]
