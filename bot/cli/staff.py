"""`workerbot create-user`: staff accounts for the console, passwords typed twice, never echoed."""

from __future__ import annotations

from pathlib import Path

import typer

from bot.cli.common import ConfigOpt, load_settings, migrated_db
from bot.staff.accounts import ROLES, AccountError, check_password, create_user, mediator_for
from bot.store.models import ROLE_MEDIATOR


def create_user_command(
    name: str = typer.Argument(..., help="Login name: letters, digits, . _ -"),
    role: str = typer.Option("staff", "--role", help="staff | admin | mediator"),
    display_name: str | None = typer.Option(
        None,
        "--display-name",
        help="The name colleagues and workers see (default: NAME); for a mediator, the name "
        "on the mediators list.",
    ),
    firm: str | None = typer.Option(
        None, "--firm", help="A mediator's law firm (required with --role mediator)."
    ),
    config: Path | None = ConfigOpt,
) -> None:
    """Add a staff, admin or mediator account; the password is prompted twice.

    A mediator account is linked to the mediators-list row with its name and firm (added to
    the list when missing), so the cases assigned to that mediator are the account's."""
    if role not in ROLES:
        typer.secho(f"--role must be one of: {', '.join(ROLES)}", fg=typer.colors.RED, err=True)
        raise typer.Exit(2)
    if (role == ROLE_MEDIATOR) != bool(firm and firm.strip()):
        typer.secho(
            "--firm is required with --role mediator, and only with it",
            fg=typer.colors.RED,
            err=True,
        )
        raise typer.Exit(2)
    db = migrated_db(load_settings(config))
    password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        check_password(name, password)  # before a mediators-list row is added for the account
        mediator_id = mediator_for(db, display_name or name, firm or "") if firm else None
        staff = create_user(db, name, password, role, display_name, mediator_id)
    except AccountError as exc:
        typer.secho(str(exc), fg=typer.colors.RED, err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"created {staff.role} account {staff.username} ({staff.display_name})")
