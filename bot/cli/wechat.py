"""`workerbot wechat menu`: the official account's custom menu from config.yml."""

from __future__ import annotations

from pathlib import Path

import typer

from bot.cli.common import ConfigOpt, load_settings, migrated_db

wechat_app = typer.Typer(help="WeChat official account (公众号).", no_args_is_help=True)


@wechat_app.command("menu")
def wechat_menu(config: Path | None = ConfigOpt) -> None:
    """Create the account's custom menu from the `wechat.menu` section of config.yml."""
    from bot.channels.wechat_api import MissingSecret, make_client, menu_body

    settings = load_settings(config)
    db = migrated_db(settings)  # the access token is cached there, shared with the server
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
