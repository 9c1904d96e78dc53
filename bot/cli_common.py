"""What every `workerbot` command shares: the --config option and loading settings cleanly."""

from __future__ import annotations

from pathlib import Path

import typer

from bot.settings import ConfigError, Settings

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
