"""The `workerbot` command: run, shell, train, db upgrade, load-demo, import, handoff."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

import typer

from bot.cli_common import ConfigOpt, load_settings
from bot.cli_quality import data_app, test_app
from bot.core.logs import configure_logging
from bot.settings import Settings

app = typer.Typer(help="区总工会职工服务机器人 workerbot", no_args_is_help=True)
db_app = typer.Typer(help="Database schema.")
handoff_app = typer.Typer(help="Conversations held for a human, from the terminal.")
app.add_typer(db_app, name="db")
wechat_app = typer.Typer(help="WeChat official account (公众号).", no_args_is_help=True)
app.add_typer(handoff_app, name="handoff")
app.add_typer(wechat_app, name="wechat")
app.add_typer(test_app, name="test")
app.add_typer(data_app, name="data")


def _app(config: Path | None, train_if_missing: bool = False):  # noqa: ANN202
    from bot.app import create_app
    from bot.nlu.model import ModelMissing
    from bot.store.db import SchemaNotCurrent

    try:
        return create_app(load_settings(config), train_if_missing=train_if_missing)
    except (SchemaNotCurrent, ModelMissing) as exc:
        typer.secho(str(exc), fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc


def _migrated_db(settings: Settings):  # noqa: ANN202
    """The database, or a clear exit when it has not been migrated."""
    from bot.store.db import Database, SchemaNotCurrent

    db = Database(settings.database_url)
    try:
        db.require_current_schema()
    except SchemaNotCurrent as exc:
        typer.secho(str(exc), fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc
    return db


@db_app.command("upgrade")
def db_upgrade(config: Path | None = ConfigOpt) -> None:
    """Migrate the database to the newest schema."""
    from bot.store.db import Database

    settings = load_settings(config)
    Database(settings.database_url).upgrade()
    typer.echo("database is up to date")


@app.command()
def train(
    config: Path | None = ConfigOpt,
    if_missing: bool = typer.Option(False, help="Only train when no model matches the data."),
) -> None:
    """Train the intent model from data/nlu.yml."""
    from bot.nlu import model as nlu_model

    settings = load_settings(config)
    if if_missing and nlu_model.model_path(settings).exists():
        typer.echo(f"model is current: {nlu_model.model_path(settings)}")
        return
    started = time.perf_counter()
    path = nlu_model.train(settings)
    typer.echo(f"trained in {time.perf_counter() - started:.1f}s: {path}")


@app.command("load-demo")
def load_demo(
    config: Path | None = ConfigOpt,
    if_empty: bool = typer.Option(False, help="Skip when courses and FAQ are already loaded."),
) -> None:
    """Load the seed courses and FAQ from data/ into the database (idempotent)."""
    from bot.store import seed
    from bot.store.mediators import load_mediators

    settings = load_settings(config)
    db = _migrated_db(settings)
    if if_empty and seed.demo_is_loaded(db):
        typer.echo("demo data already loaded")
        return
    courses = seed.load_courses(db, settings.data_dir / "courses.yml")
    faq = seed.load_faq(db, settings.data_dir / "faq.yml")
    mediators = load_mediators(db, settings.data_dir / "mediators.yml")
    typer.echo(f"loaded {courses} courses, {faq} FAQ entries and {mediators} mediators")


@app.command("import")
def import_data(
    path: Path = typer.Argument(..., exists=True, help="A courses.yml or faq.yml file."),
    config: Path | None = ConfigOpt,
) -> None:
    """Import courses or FAQ entries from a YAML file (matched by code / id)."""
    import yaml

    from bot.store import seed

    settings = load_settings(config)
    db = _migrated_db(settings)
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if "courses" in raw:
        typer.echo(f"imported {seed.load_courses(db, path)} courses")
    elif "faq" in raw:
        typer.echo(f"imported {seed.load_faq(db, path)} FAQ entries")
    else:
        typer.secho("the file has neither `courses:` nor `faq:`", fg=typer.colors.RED, err=True)
        raise typer.Exit(2)


@app.command()
def shell(config: Path | None = ConfigOpt, sender: str | None = typer.Option(None)) -> None:
    """Chat with the bot in this terminal."""
    from bot.channels.shell import run_shell

    configure_logging("WARNING")
    run_shell(_app(config).engine, sender)


@app.command()
def run(
    config: Path | None = ConfigOpt,
    host: str | None = typer.Option(None),
    port: int | None = typer.Option(None),
    workers: int | None = typer.Option(None, help="Worker processes (default from config.yml)."),
) -> None:
    """Serve the HTTP API (REST webhook, /model/parse, /health)."""
    import uvicorn

    from bot.nlu import model as nlu_model

    settings = load_settings(config)
    # fail fast, before spawning workers, on an unmigrated database or a missing model
    _migrated_db(settings).dispose()
    from bot.web.console.secret import InsecureSecret, session_key

    try:
        session_key(settings)
    except InsecureSecret as exc:
        typer.secho(str(exc), fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc
    if not nlu_model.model_path(settings).exists():
        typer.secho(
            str(
                nlu_model.ModelMissing(
                    "no trained model for the current training data: run `workerbot train`"
                )
            ),
            fg=typer.colors.RED,
            err=True,
        )
        raise typer.Exit(2)
    if config:
        os.environ["WORKERBOT_CONFIG"] = str(config)
    server = settings.config.server
    configure_logging()
    from bot.core.logs import logging_config

    uvicorn.run(
        "bot.web.server:create_web_from_env",
        factory=True,
        host=host or server.host,
        port=port or server.port,
        workers=workers or server.workers,
        log_level="warning",
        access_log=False,
        # uvicorn's own loggers (and each worker's root) through the masking formatter
        log_config=logging_config(),
    )


@handoff_app.command("list")
def handoff_list(config: Path | None = ConfigOpt) -> None:
    """Conversations waiting for or held by a human."""
    from bot.staff.handoff import Desk

    items = Desk(_migrated_db(load_settings(config))).queue()
    if not items:
        typer.echo("no conversation is waiting for a human")
    for it in items:
        typer.echo(
            f"#{it.conversation_id}\t{it.channel}\t{it.state}\t{it.reason or '-'}\t{it.waiting_since}"
        )


@handoff_app.command("say")
def handoff_say(conversation_id: int, text: str, config: Path | None = ConfigOpt) -> None:
    """Send a staff message to the worker (delivered by the worker's channel)."""
    bot = _app(config)
    push = bot.desk.say(conversation_id, text)
    delivered = asyncio.run(bot.channels.deliver(push))
    typer.echo(
        "delivered"
        if delivered
        else "not delivered (see the log); it is recorded in the conversation"
    )


@handoff_app.command("release")
def handoff_release(conversation_id: int, config: Path | None = ConfigOpt) -> None:
    """Hand a conversation back to the bot."""
    bot = _app(config)
    push = bot.desk.release(conversation_id)
    asyncio.run(bot.channels.deliver(push))
    typer.echo(f"conversation #{conversation_id} is back with the bot")


@wechat_app.command("menu")
def wechat_menu(config: Path | None = ConfigOpt) -> None:
    """Create the account's custom menu from the `wechat.menu` section of config.yml."""
    from bot.channels.wechat_api import MissingSecret, make_client, menu_body

    settings = load_settings(config)
    db = _migrated_db(settings)  # the access token is cached there, shared with the server
    body = menu_body(settings.config.wechat)
    try:
        make_client(settings, db).menu.create(body)
    except MissingSecret as exc:
        typer.secho(str(exc), fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc
    except Exception as exc:  # noqa: BLE001 - WeChat's error code is what the admin needs
        code = getattr(exc, "errcode", None)
        message = getattr(exc, "errmsg", None) or type(exc).__name__
        typer.secho(f"WeChat refused the menu: {code} {message}", fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from exc
    names = " / ".join(item.name for item in settings.config.wechat.menu)
    typer.echo(f"menu created: {names}")


import bot.cli_staff  # noqa: E402, F401 - registers `workerbot create-user`
import bot.cli_transfer  # noqa: E402, F401 - registers `workerbot export` and `import-file`
