"""`workerbot run` and `workerbot shell`: the HTTP server and a chat in the terminal."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from bot.cli.common import ConfigOpt, built_app, load_settings, migrated_db
from bot.core.logs import configure_logging


def shell(config: Path | None = ConfigOpt, sender: str | None = typer.Option(None)) -> None:
    """Chat with the bot in this terminal."""
    from bot.channels.shell import run_shell

    configure_logging("WARNING")
    run_shell(built_app(config).handle, sender)


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
    migrated_db(settings).dispose()
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
    from bot.web.proxies import uvicorn_proxy_options

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
        # X-Forwarded-For / -Proto believed only from server.trusted_proxies (none by default)
        **uvicorn_proxy_options(server.trusted_proxies),
    )
