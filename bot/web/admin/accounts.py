"""Admin views: staff and admin accounts, and the console's canned replies.

Accounts go through bot/staff/accounts.py (scrypt hashes, the password rules, ending
sessions); a password hash is never shown or edited. Disabling an account or resetting its
password ends every session it has. An admin cannot disable themselves, change their own
role, or leave the deployment without an active admin.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from sqladmin import ModelView, expose
from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import Response
from wtforms import PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import EqualTo, InputRequired, Length, Regexp

from bot.staff import accounts
from bot.store.db import Database
from bot.store.models import ROLE_ADMIN, ROLE_MEDIATOR, ROLE_STAFF, CannedReply, Mediator, StaffUser
from bot.web.admin.posting import Posted, admin_of, bot_of, button, local_time
from bot.web.admin.theme import ZhForm

if TYPE_CHECKING:
    from bot.web.admin.deps import AdminDeps

ROLE_LABELS = {ROLE_STAFF: "客服", ROLE_ADMIN: "管理员", ROLE_MEDIATOR: "调解员"}
NO_MEDIATOR = [("", "（不是调解员）")]
MEDIATOR_HELP = "角色为调解员时必选：TA 在调解员名单中的姓名和律所，分给这位调解员的案件就是 TA 的"
TEXT = {"class": "form-control"}
SELECT = {"class": "form-select"}
PASSWORD_HELP = f"至少 {accounts.MIN_PASSWORD} 个字符，不能包含用户名"


class AccountCreateForm(ZhForm):
    username = StringField(
        "用户名",
        [InputRequired("请填写用户名")],
        render_kw=TEXT,
        description="登录用，2–64 个字母、数字、点、下划线或连字符",
    )
    display_name = StringField(
        "显示名称", [Length(max=64)], render_kw=TEXT, description="职工看到的称呼，例如 王丽"
    )
    role = SelectField("角色", choices=list(ROLE_LABELS.items()), render_kw=SELECT)
    mediator_id = SelectField(
        "对应调解员",
        choices=NO_MEDIATOR,
        render_kw=SELECT,
        description=MEDIATOR_HELP,
        validate_choice=False,
    )
    password = PasswordField(
        "初始密码", [InputRequired("请填写初始密码")], render_kw=TEXT, description=PASSWORD_HELP
    )
    password2 = PasswordField(
        "再输一次", [EqualTo("password", message="两次输入的密码不一致")], render_kw=TEXT
    )


class AccountEditForm(ZhForm):
    display_name = StringField(
        "显示名称", [InputRequired("请填写显示名称"), Length(max=64)], render_kw=TEXT
    )
    role = SelectField("角色", choices=list(ROLE_LABELS.items()), render_kw=SELECT)
    mediator_id = SelectField(
        "对应调解员",
        choices=NO_MEDIATOR,
        render_kw=SELECT,
        description=MEDIATOR_HELP,
        validate_choice=False,
    )


def _row(db: Database, user_id: int) -> StaffUser | None:
    with db.read() as s:
        return s.get(StaffUser, user_id)


def _mediator_choices(db: Database) -> list[tuple[str, str]]:
    with db.read() as s:
        rows = s.scalars(select(Mediator).order_by(Mediator.law_firm, Mediator.name)).all()
        return NO_MEDIATOR + [(str(m.id), str(m)) for m in rows]


def _mediator_id(data: dict[str, Any]) -> int | None:
    raw = str(data.get("mediator_id") or "")
    return int(raw) if raw.isdigit() else None


def _create(db: Database, data: dict[str, Any]) -> StaffUser:
    username = (data.get("username") or "").strip()
    made = accounts.create_user(
        db,
        username,
        data.get("password") or "",
        data.get("role") or "",
        data.get("display_name"),
        _mediator_id(data),
    )
    return _row(db, made.id)


class StaffAccountAdmin(ModelView, model=StaffUser):
    name = "账号"
    name_plural = "客服、管理员与调解员账号"
    icon = "fa-solid fa-users"
    category = "客服台"
    can_delete = False  # conversations and notes name their staff: disable instead
    can_export = False
    form_create_rules = ["username", "display_name", "role", "mediator_id", "password", "password2"]
    form_edit_rules = ["display_name", "role", "mediator_id"]
    deps: AdminDeps | None = None  # set by views(): the mediators list for the forms
    column_labels = {
        StaffUser.username: "用户名",
        StaffUser.display_name: "显示名称",
        StaffUser.role: "角色",
        StaffUser.active: "状态",
        StaffUser.last_seen_at: "最近在线",
        StaffUser.created_at: "创建时间",
    }
    column_list = list(column_labels)
    column_formatters = {
        StaffUser.role: lambda m, a: ROLE_LABELS.get(m.role, m.role),
        StaffUser.active: lambda m, a: "启用" if m.active else "已停用",
        StaffUser.last_seen_at: lambda m, a, request: local_time(m.last_seen_at, request) or "—",
        StaffUser.created_at: lambda m, a, request: local_time(m.created_at, request),
    }
    # never the password hash or the session epoch, on any page
    column_details_list = column_list
    column_searchable_list = [StaffUser.username, StaffUser.display_name]
    column_default_sort = [(StaffUser.username, False)]
    details_template = "admin/account_details.html"

    async def scaffold_form(self, rules: list[str] | None = None) -> type:
        base = AccountCreateForm if rules == self.form_create_rules else AccountEditForm
        if self.deps is None:
            return base
        choices = await asyncio.to_thread(_mediator_choices, self.deps.db)
        field = SelectField(
            "对应调解员",
            choices=choices,
            render_kw=SELECT,
            description=MEDIATOR_HELP,
            validate_choice=False,
        )
        return type(base.__name__, (base,), {"mediator_id": field})

    async def get_form_data_for_edit(self, obj: Any) -> dict[str, Any]:
        return {
            "display_name": obj.display_name,
            "role": obj.role,
            "mediator_id": str(obj.mediator_id or ""),
        }

    async def insert_model(self, request: Request, data: dict) -> Any:
        try:
            return await asyncio.to_thread(_create, bot_of(request).db, data)
        except accounts.AccountError as exc:
            raise ValueError(str(exc)) from exc

    async def update_model(self, request: Request, pk: str, data: dict) -> Any:
        db = bot_of(request).db
        try:
            await asyncio.to_thread(
                accounts.update_profile,
                db,
                int(pk),
                data.get("display_name") or "",
                data.get("role") or "",
                admin_of(request).id,
                _mediator_id(data),
            )
        except accounts.AccountError as exc:
            raise ValueError(str(exc)) from exc
        return await asyncio.to_thread(_row, db, int(pk))

    async def details_context(self, request: Request) -> dict[str, Any]:
        return {
            "role_labels": ROLE_LABELS,
            "me": admin_of(request).id,
            "password_help": PASSWORD_HELP,
            "last_seen": bot_of(request).clock.text,
        }

    @expose("/active/{user_id:id}", methods=["POST"])
    @button("user_id")
    async def set_active(self, post: Posted) -> Response:
        """Disable (ends every session) or enable an account."""
        active = post.field("active") == "1"
        staff = await post.db_call(
            accounts.set_active, post.id, active, post.admin.id, errors=accounts.AccountError
        )
        said = "已启用" if active else "已停用，TA 的登录已全部失效"
        return post.done(f"账号 {staff.username} {said}。")

    @expose("/password/{user_id:id}", methods=["POST"])
    @button("user_id")
    async def reset_password(self, post: Posted) -> Response:
        """A new password chosen by the admin; every session of the account ends."""
        password, again = post.form.get("password"), post.form.get("password2")
        if not isinstance(password, str) or password != again:
            return post.done("两次输入的密码不一致，密码没有修改。", ok=False)
        staff = await post.db_call(
            accounts.reset_password,
            post.id,
            password,
            errors=accounts.AccountError,
            said="{}，密码没有修改。",
        )
        return post.done(f"已重置 {staff.username} 的密码，TA 需要用新密码重新登录。")


# -- canned replies -------------------------------------------------------------------------
class CannedForm(ZhForm):
    shortcut = StringField(
        "快捷码",
        [
            InputRequired("请填写快捷码"),
            Regexp(r"^[A-Za-z0-9]{1,32}$", message="快捷码只能用 1–32 个字母或数字"),
        ],
        render_kw=TEXT,
        description="客服在输入框里打 / 加快捷码就能插入，例如 /hello",
    )
    title = StringField("标题", [InputRequired("请填写标题"), Length(max=64)], render_kw=TEXT)
    text = TextAreaField(
        "回复内容",
        [InputRequired("请填写回复内容"), Length(max=2000)],
        render_kw={"class": "form-control", "rows": 5},
    )


def _save_canned(db: Database, reply_id: int | None, data: dict[str, Any]) -> CannedReply:
    shortcut = (data.get("shortcut") or "").strip()
    title, text = (data.get("title") or "").strip(), (data.get("text") or "").strip()
    if not title or not text:
        raise ValueError("标题和回复内容不能为空。")
    with db.write_lock(), db.session() as s:
        clash = s.scalar(
            select(CannedReply).where(
                CannedReply.shortcut == shortcut, CannedReply.id != (reply_id or 0)
            )
        )
        if clash is not None:
            raise ValueError(f"快捷码 {shortcut} 已被「{clash.title}」使用，请换一个。")
        reply = CannedReply() if reply_id is None else s.get(CannedReply, reply_id)
        if reply is None:
            raise ValueError("找不到这条快捷回复，可能已被删除。")
        reply.shortcut, reply.title, reply.text = shortcut, title, text
        s.add(reply)
        s.flush()
        return reply


class CannedReplyAdmin(ModelView, model=CannedReply):
    name = "快捷回复"
    name_plural = "快捷回复"
    icon = "fa-solid fa-comment-dots"
    category = "客服台"
    form = CannedForm
    form_columns = ["shortcut", "title", "text"]
    can_export = False
    column_labels = {
        CannedReply.shortcut: "快捷码",
        CannedReply.title: "标题",
        CannedReply.text: "回复内容",
    }
    column_list = column_details_list = list(column_labels)
    column_formatters = {
        CannedReply.shortcut: lambda m, a: f"/{m.shortcut}",
        CannedReply.text: lambda m, a: m.text if len(m.text) <= 40 else m.text[:40] + "…",
    }
    column_searchable_list = [CannedReply.shortcut, CannedReply.title, CannedReply.text]
    column_default_sort = [(CannedReply.shortcut, False)]

    async def insert_model(self, request: Request, data: dict) -> Any:
        return await asyncio.to_thread(_save_canned, bot_of(request).db, None, data)

    async def update_model(self, request: Request, pk: str, data: dict) -> Any:
        return await asyncio.to_thread(_save_canned, bot_of(request).db, int(pk), data)


def views(deps: AdminDeps) -> list[type]:
    accounts_view = type("StaffAccountAdmin", (StaffAccountAdmin,), {"deps": deps})
    return [accounts_view, CannedReplyAdmin]
