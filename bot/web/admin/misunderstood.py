"""未理解的消息: groups of messages the bot did not understand, and what admins do with them.

The page lists the open groups (bot/misunderstood.py); each group is one form whose
checkboxes choose the messages (all ticked at first) and whose buttons say what to do:
新建问答 (a disabled draft entry, opened in the FAQ editor), 加为问法 (alternates of an
entry), 加为意图例句 (training examples; the model retrains in the background), 忽略.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from sqladmin import BaseView, expose
from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bot import misunderstood
from bot.core import labels
from bot.misunderstood import groups, operations
from bot.misunderstood.groups import top_guesses
from bot.nlu import retrain
from bot.store.models import FaqEntry
from bot.web.admin.posting import admin_of, bot_of, say
from bot.web.ids import parse_id
from bot.web.session import CSRF_FIELD, csrf_ok

if TYPE_CHECKING:
    from bot.web.admin.deps import AdminDeps

MAX_GROUPS_SHOWN = 100
MAX_IDS = 5000  # a group's form posts one field per message
STALE = "页面已过期，请刷新后重试。"
UNKNOWN_ACTION = "请选择要执行的操作。"
RETRAIN_STATES = {
    "running": ("info", "正在后台重新训练意图模型，完成后所有服务进程会自动换用新模型。"),
    "succeeded": ("success", "意图模型已更新"),
    "failed": ("danger", "上次重新训练失败，机器人仍在使用原来的模型"),
}


def _shared(request: Request, name: str, make: Any) -> Any:
    """One object per process, kept on sqladmin's app state (no module globals)."""
    state = request.app.state
    found = getattr(state, name, None)
    if found is None:
        found = make()
        setattr(state, name, found)
    return found


def group_cache(request: Request) -> groups.GroupCache:
    return _shared(request, "misunderstood_groups", groups.GroupCache)


def retrainer(request: Request) -> retrain.Retrainer:
    app = bot_of(request)
    return _shared(request, "retrainer", lambda: app.retrainer())


def _entries(app: AdminDeps) -> list[dict[str, Any]]:
    with app.db.read() as s:
        rows = s.execute(
            select(FaqEntry.slug, FaqEntry.question, FaqEntry.category, FaqEntry.enabled).order_by(
                FaqEntry.category, FaqEntry.slug
            )
        ).all()
    return [{"slug": r[0], "question": r[1], "category": r[2], "enabled": r[3]} for r in rows]


def _retrain_notice(app: AdminDeps) -> dict[str, str] | None:
    state = retrain.status(app.db)
    if state.get("state") not in RETRAIN_STATES:
        return None
    level, text = RETRAIN_STATES[state["state"]]
    detail = state.get("detail") or ""
    if state["state"] == "succeeded":
        detail = f"（{detail}）" if detail else ""
    elif state["state"] == "failed":
        detail = f"：{detail}" if detail else ""
    else:
        detail = ""
    return {"level": level, "text": f"{text}{detail}", "at": state.get("at", "")}


def _page_data(request: Request) -> dict[str, Any]:
    app = bot_of(request)
    groups = group_cache(request).groups(app.db)
    intents = operations.teachable_intents(app.settings)
    shown = groups[:MAX_GROUPS_SHOWN]
    sure = app.settings.config.nlu.review_threshold
    return {
        "groups": shown,
        # per group: the intent to pre-select (only a sure one) and the model's top guesses now
        "preselect": {g.key: g.suggested_intent(sure) for g in shown},
        "guesses": {g.key: top_guesses(app.rank_intents(g.representative)) for g in shown},
        "total_groups": len(groups),
        "total_items": sum(g.count for g in groups),
        "entries": _entries(app),
        "intents": [(i, misunderstood.INTENT_LABELS.get(i, i)) for i in intents],
        "reasons": misunderstood.REASON_LABELS,
        "intent_labels": misunderstood.INTENT_LABELS,
        "channels": labels.CHANNELS,
        "retrain": _retrain_notice(app),
    }


def _ids(values: list[Any]) -> list[int]:
    ids = (parse_id(v) for v in values if isinstance(v, str))
    return [i for i in ids if i is not None][:MAX_IDS]


def _summary(texts: list[str], limit: int = 3) -> str:
    shown = "、".join(f"“{t}”" for t in texts[:limit])
    return shown + (f" 等 {len(texts)} 条" if len(texts) > limit else "")


class MisunderstoodView(BaseView):
    name = "未理解的消息"
    icon = "fa-solid fa-circle-question"

    @expose("/misunderstood", methods=["GET"], identity="misunderstood")
    async def page(self, request: Request) -> Response:
        data = await asyncio.to_thread(_page_data, request)
        data.update(title="未理解的消息", local_time=bot_of(request).clock.text)
        return await self.templates.TemplateResponse(request, "admin/misunderstood.html", data)

    @expose("/misunderstood/act", methods=["POST"], identity="misunderstood_act")
    async def act(self, request: Request) -> Response:
        back = str(request.url_for("admin:view-misunderstood"))
        form = await request.form(max_fields=MAX_IDS + 10, max_files=0)
        token = form.get(CSRF_FIELD)
        if not (isinstance(token, str) and csrf_ok(request, token)):
            return _redirect(request, back, STALE, ok=False)
        ids = _ids(form.getlist("ids"))
        action = form.get("action")
        actor = admin_of(request).username
        app = bot_of(request)
        try:
            if action == "faq_draft":
                entry_id, slug = await asyncio.to_thread(
                    operations.create_faq_draft, app.db, ids, actor
                )
                edit = str(request.url_for("admin:edit", identity="faq-entry", pk=entry_id))
                return _redirect(
                    request,
                    edit,
                    f"已用所选问题新建问答草稿 {slug}（未启用）：请填写答案和依据，然后启用。",
                )
            if action == "alternates":
                slug = str(form.get("faq_slug") or "")
                done = await asyncio.to_thread(operations.add_alternates, app.db, ids, slug, actor)
                return _redirect(request, back, _alternates_message(done))
            if action == "teach":
                intent = str(form.get("intent") or "")
                written = await asyncio.to_thread(
                    operations.teach_intent, app.db, app.settings, ids, intent, actor
                )
                if written.added:
                    retrainer(request).request()
                return _redirect(request, back, _teach_message(intent, written))
            if action == "ignore":
                count = await asyncio.to_thread(operations.ignore, app.db, ids, actor)
                return _redirect(request, back, f"已忽略 {count} 条消息。")
        except operations.ActionRefused as refused:
            return _redirect(request, back, str(refused), ok=False)
        return _redirect(request, back, UNKNOWN_ACTION, ok=False)


def _redirect(request: Request, url: str, message: str, ok: bool = True) -> RedirectResponse:
    say(request, message, ok)
    return RedirectResponse(url, status_code=303)


def _alternates_message(done: operations.AlternatesAdded) -> str:
    parts = []
    if done.added:
        parts.append(f"已把 {_summary(done.added)} 加为问答 {done.slug} 的问法，几秒内生效。")
    if done.already:
        parts.append(f"{_summary(done.already)} 本来就是这个问答的问法。")
    for text, other in list(done.elsewhere.items())[:3]:
        parts.append(f"“{text}”已是问答 {other} 的问法，没有重复添加。")
    return " ".join(parts) or "没有需要添加的问法。"


def _teach_message(intent: str, written: retrain.Written) -> str:
    label = misunderstood.INTENT_LABELS.get(intent, intent)
    parts = []
    if written.added:
        parts.append(
            f"已把 {_summary(written.added)} 加为“{label}”的例句，"
            "正在后台重新训练，完成后自动生效。"
        )
    if written.duplicates:
        parts.append(f"{_summary(written.duplicates)} 已经是“{label}”的例句。")
    for text, other in list(written.conflicts.items())[:3]:
        other_label = misunderstood.INTENT_LABELS.get(other, other)
        parts.append(f"“{text}”已是“{other_label}”的例句，没有改动，仍留在列表中。")
    return " ".join(parts) or "没有需要添加的例句。"


def views(deps: AdminDeps) -> list[type]:
    return [MisunderstoodView]
