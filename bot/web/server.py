"""The HTTP app: channel webhooks, the web chat, the staff console, /model/parse, health checks."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from functools import partial
from pathlib import Path

import orjson
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates

from bot.app import App, create_app
from bot.app.metrics import CONTENT_TYPE
from bot.channels import rest
from bot.core.logs import configure_logging, log_format
from bot.domain.evidence_files import EvidenceFiles
from bot.domain.evidence_retention import EvidenceRetention
from bot.engine.preview import preview
from bot.mediation.reminders import Reminders
from bot.outreach.class_reminders import ClassReminders
from bot.outreach.notice_sender import NoticeSender
from bot.settings import Settings
from bot.staff.desk import ConsoleDesk
from bot.staff.hours import WorkingHours
from bot.staff.sweeper import Sweeper
from bot.staff.throttle import LoginThrottle
from bot.store.checkpoint import WalCheckpointer
from bot.web import metrics as metrics_route
from bot.web.admin.deps import AdminDeps
from bot.web.admin.setup import mount_admin
from bot.web.body_limit import BodyLimit
from bot.web.console.secret import session_key
from bot.web.console.setup import mount_console
from bot.web.desk import pages as desk_pages
from bot.web.health import Health
from bot.web.security import SecurityHeaders
from bot.web.session import SessionCodec, WebContext

TEMPLATES = Path(__file__).resolve().parent / "templates"


def web_context(app: App) -> WebContext:
    """What the console and the admin share, built from the running bot."""
    config = app.settings.config.console
    key = session_key(app.settings)
    return WebContext(
        db=app.db,
        channels=app.channels,
        clock=app.clock,
        settings=app.settings,
        config=config,
        codec_key=key,
        codec=SessionCodec(key, config.session_hours * 3600),
        templates=Jinja2Templates(directory=str(TEMPLATES)),
        desk=ConsoleDesk(app.db),
        hours=WorkingHours(config),
        throttle=LoginThrottle(
            app.db,
            config.login_attempts,
            timedelta(minutes=config.login_window_minutes),
            config.login_attempts_per_address,
        ),
    )


def admin_deps(app: App) -> AdminDeps:
    """What the admin pages use of the running bot."""
    return AdminDeps(
        db=app.db,
        channels=app.channels,
        clock=app.clock,
        settings=app.settings,
        knowledge=app.knowledge,
        preview=partial(preview, app.engine),
        rank_intents=lambda text: app.nlu.parse(text).get("intent_ranking") or [],
        retrainer=app.retrainer,
    )


FAVICON = Path(__file__).parent / "static" / "favicon.svg"


def create_web(app: App) -> FastAPI:
    """A FastAPI application around an already-built App."""
    plugins = app.channels.plugins()
    config = app.settings.config
    sweeper = Sweeper(
        app.db,
        app.channels,
        config.console,
        keep_message_ids=timedelta(days=config.database.processed_messages_days),
    )
    reminders = Reminders(app.db, app.channels, app.clock, app.settings.config.mediation)
    class_reminders = ClassReminders(app.db, app.channels, app.clock, app.settings.config.reminders)
    notice_sender = NoticeSender(
        app.db,
        app.channels,
        app.clock,
        config.reminders,
        config.notices,
        wechat_template=bool(config.wechat.template_id),
    )
    watcher = app.version_watcher()
    retention = EvidenceRetention(
        app.db, EvidenceFiles(app.settings.evidence_dir), app.settings.config.evidence
    )
    checkpointer = WalCheckpointer(app.db)
    health = Health(app.db, lambda: app.nlu, lambda: len(app.knowledge))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        for plugin in plugins:
            await plugin.start()
        sweeper.start()
        retention.start()
        reminders.start()
        class_reminders.start()
        notice_sender.start()
        watcher.start()
        checkpointer.start()
        try:
            yield
        finally:
            checkpointer.stop()
            await app.db.live.stop()
            await watcher.stop()
            await reminders.stop()
            await class_reminders.stop()
            await notice_sender.stop()
            await sweeper.stop()
            await retention.stop()
            for plugin in reversed(plugins):
                await plugin.stop()
            health.close()

    docs = app.settings.config.server.api_docs  # a map of every route: off unless asked for
    web = FastAPI(
        title="workerbot",
        docs_url="/docs" if docs else None,
        openapi_url="/openapi.json" if docs else None,
        redoc_url=None,
        lifespan=lifespan,
    )
    web.state.bot = app
    web.add_middleware(BodyLimit, default_bytes=app.settings.config.server.max_body_bytes)
    web.include_router(health.router())
    if app.metrics is not None:
        web.include_router(
            metrics_route.router(
                app.metrics.render,
                CONTENT_TYPE,
                config.server.metrics_allowed,
                app.settings.env.workerbot_metrics_token,
            )
        )
    web.include_router(rest.router(app.handle))
    web.add_middleware(SecurityHeaders)
    context = web_context(app)
    mount_console(web, context)
    web.include_router(desk_pages.router())
    mount_admin(web, context, admin_deps(app))
    for plugin in plugins:
        routes = plugin.router()
        if routes is not None:
            web.include_router(routes)

    @web.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        """The tab icon browsers ask for on every page (an SVG, which they all draw)."""
        return FileResponse(FAVICON, media_type="image/svg+xml")

    @web.post("/model/parse")
    async def parse(request: Request) -> Response:
        try:
            body = orjson.loads(await request.body())
        except orjson.JSONDecodeError:
            return JSONResponse({"error": "bad_json", "message": "请求不是有效的 JSON。"}, 400)
        text = body.get("text") if isinstance(body, dict) else None
        if not isinstance(text, str):
            return JSONResponse({"error": "bad_text", "message": "需要 text 字段（文字）。"}, 400)
        text = text[: app.settings.config.conversation.max_message_chars]
        return Response(orjson.dumps(app.nlu.parse(text)), media_type="application/json")

    return web


def create_web_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` (one per worker process), configured from the environment."""
    # The engine thread must not sit holding the database lock while the event-loop
    # thread waits out Python's default 5 ms GIL switch interval.
    sys.setswitchinterval(0.0005)
    configure_logging()  # each worker process logs through the masking formatter
    config = os.environ.get("WORKERBOT_CONFIG")
    settings = Settings.load(Path(config) if config else None)
    configure_logging(fmt=log_format(settings.config.server.log_format))
    web = create_web(create_app(settings))
    # the model and libraries are loaded for good: keep the collector from rescanning them
    gc.collect()
    gc.freeze()
    return web
