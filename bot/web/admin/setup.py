"""Mount sqladmin at /admin on the web app, with the console's sign-in and our views."""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI
from sqladmin import Admin, ModelView
from sqladmin.i18n import gettext
from sqlalchemy.orm import sessionmaker

from bot.web.admin import (
    accounts,
    cases,
    committee,
    courses,
    dashboard,
    faq,
    figures,
    misunderstood,
    notices,
    theme,
    transfer,
)
from bot.web.admin.auth import ConsoleAuth, csrf_token
from bot.web.admin.cited import cited_articles

if TYPE_CHECKING:
    from bot.web.admin.deps import AdminDeps
    from bot.web.session import WebContext

TEMPLATES = Path(__file__).resolve().parent / "templates"
# each module lists its views in menu order; the order here is the menu's
MODULES = (
    dashboard,
    faq,
    figures,
    misunderstood,
    courses,
    notices,
    cases,
    committee,
    transfer,
    accounts,
)


def mount_admin(web: FastAPI, context: WebContext, deps: AdminDeps) -> Admin:
    """sqladmin on the bot's own engine; every page behind ConsoleAuth (admins only), which
    reads the console's session cookie."""
    secret = hmac.new(context.codec_key, b"admin-flash", hashlib.sha256).hexdigest()
    admin = Admin(
        web,
        session_maker=sessionmaker(deps.db.engine, expire_on_commit=False),
        base_url="/admin",
        title="职工服务 · 管理后台",
        templates_dir=str(TEMPLATES),
        authentication_backend=ConsoleAuth(secret),
        i18n_config=theme.i18n_config(),
    )
    # pages with our scripts read the console's CSRF token from <meta name="csrf-token">
    admin.templates.env.globals["csrf_token"] = csrf_token
    # translate a value that may be a sqladmin label ("All", "Not Found"), never %-formatted
    admin.templates.env.globals["tr"] = gettext
    admin.templates.env.globals["local_time"] = theme.local_time
    admin.templates.env.globals["cited_articles"] = cited_articles
    # the shared web context (session codec, templates) for the auth backend, and what the
    # views use of the running bot
    admin.admin.state.console = context
    admin.admin.state.bot = deps
    for module in MODULES:
        for view in module.views(deps):
            admin.add_view(view)
    # for the URL check (bot/web/admin/urls.py): which model each view's `pk` belongs to
    admin.admin.state.admin_models = {
        view.identity: view.model for view in admin.views if isinstance(view, ModelView)
    }
    return admin
