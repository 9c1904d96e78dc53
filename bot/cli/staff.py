"""`workerbot create-user`: staff accounts for the console, passwords typed twice, never echoed."""

from __future__ import annotations

from pathlib import Path

import typer

from bot.cli.common import ConfigOpt, load_settings, migrated_db
from bot.staff.accounts import ROLES, AccountError, create_user


def create_user_command(
    name: str = typer.Argument(..., help="Login name: letters, digits, . _ -"),
    role: str = typer.Option("staff", "--role", help="staff | admin"),
    display_name: str | None = typer.Option(
        None, "--display-name", help="The name colleagues and workers see (default: NAME)."
    ),
    config: Path | None = ConfigOpt,
) -> None:
    """Add a staff (or admin) account for the console; the password is prompted twice."""
    if role not in ROLES:
        typer.secho(f"--role must be one of: {', '.join(ROLES)}", fg=typer.colors.RED, err=True)
        raise typer.Exit(2)
    db = migrated_db(load_settings(config))
    password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        staff = create_user(db, name, password, role, display_name)
    except AccountError as exc:
        typer.secho(str(exc), fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"created {staff.role} account {staff.username} ({staff.display_name})")
