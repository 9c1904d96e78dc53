"""What every `workerbot` command shares: --config, settings, the migrated database, the bot."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from bot.settings import ConfigError, Settings

if TYPE_CHECKING:
    from bot.app import App
    from bot.store.db import Database

ConfigOpt = typer.Option(
    None, "--config", "-c", help="config.yml (default: $WORKERBOT_CONFIG or ./config.yml)"
)


def load_settings(config: Path | None) -> Settings:
    """Settings, or exit 2 with the message that names the wrong key (no traceback)."""
    try:
        return Settings.load(config)
    except ConfigError as exc:
        typer.secho(str(exc), fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc


def migrated_db(settings: Settings) -> Database:
    """The database, or a clear exit when it has not been migrated."""
    from bot.store.db import Database, SchemaNotCurrent

    db = Database.from_settings(settings)
    try:
        db.require_current_schema()
    except SchemaNotCurrent as exc:
        typer.secho(str(exc), fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc
    return db


def built_app(config: Path | None, train_if_missing: bool = False) -> App:
    """The whole bot, or a clear exit when the database or the model is not ready."""
    from bot.app import create_app
    from bot.nlu.model import ModelMissing
    from bot.store.db import SchemaNotCurrent

    try:
        return create_app(load_settings(config), train_if_missing=train_if_missing)
    except (SchemaNotCurrent, ModelMissing) as exc:
        typer.secho(str(exc), fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc
