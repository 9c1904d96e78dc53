"""`workerbot backup DEST` and `workerbot restore SRC`: the SQLite database, online."""

from __future__ import annotations

from pathlib import Path

import typer

from bot.cli.common import ConfigOpt, load_settings


def backup_command(
    dest: Path = typer.Argument(..., help="New file to write the backup to."),
    config: Path | None = ConfigOpt,
) -> None:
    """Back up the SQLite database while the server runs (PostgreSQL: use pg_dump)."""
    from bot.store.backup import BackupError, backup

    settings = load_settings(config)
    try:
        revision = backup(settings.database_url, dest)
    except BackupError as exc:
        typer.secho(str(exc), fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc
    typer.echo(f"backed up to {dest} (migration {revision})")


def restore_command(
    src: Path = typer.Argument(..., help="A file written by `workerbot backup`."),
    force: bool = typer.Option(False, "--force", help="Overwrite a database in use."),
    config: Path | None = ConfigOpt,
) -> None:
    """Restore the SQLite database from a backup (refuses a database in use without --force)."""
    from bot.store.backup import BackupError, restore

    settings = load_settings(config)
    try:
        revision = restore(src, settings.database_url, force=force)
    except BackupError as exc:
        typer.secho(str(exc), fg=typer.colors.RED, err=True)
        raise typer.Exit(2) from exc
    typer.echo(
        f"restored {src} (migration {revision}); run `workerbot db upgrade` if the code is newer"
    )
