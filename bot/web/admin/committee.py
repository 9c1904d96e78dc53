"""The committee's view of the mediators' desk (调解 → 调解委员会): read-only figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqladmin import BaseView, expose
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from bot.mediation.committee import overview
from bot.web.admin.posting import bot_of

if TYPE_CHECKING:
    from bot.web.admin.deps import AdminDeps


class CommitteeView(BaseView):
    name = "调解委员会"
    icon = "fa-solid fa-people-group"
    category = "调解"

    @expose("/committee", methods=["GET"], identity="committee")
    async def page(self, request: Request) -> Response:
        app = bot_of(request)
        data = await run_in_threadpool(overview, app.db, app.clock, app.settings.config.mediation)
        return await self.templates.TemplateResponse(
            request, "admin/committee.html", {"title": "调解委员会", **data}
        )


def views(deps: AdminDeps) -> list[type]:
    return [CommitteeView]
