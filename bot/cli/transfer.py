"""`workerbot export` and `workerbot import-file`: FAQ entries and courses as YAML, CSV or Excel.

The same checks, dry run and all-or-nothing import as the admin page 导入导出.
"""

from __future__ import annotations

import getpass
from datetime import date
from pathlib import Path

import typer

from bot.cli.common import ConfigOpt, load_settings, migrated_db
from bot.transfer import FORMATS, KINDS
from bot.transfer.formats import format_of
from bot.transfer.report import ACTION_LABELS, DELETED, WRITES, ImportRefused, Plan

KindArg = typer.Argument(..., help="faq | courses")


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.secho(message, fg=typer.colors.RED, err=True)
    return typer.Exit(code)


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise _fail(f"KIND must be one of: {', '.join(KINDS)}")
    return kind


def _report(plan: Plan, dry_run: bool) -> None:
    s = plan.summary
    verb = "would" if dry_run else "did"
    if plan.only_new:
        typer.echo(
            f"{verb} create {s['create']}; {s['kept']} already stored, kept as they are; "
            f"{s['deleted']} deleted in /admin, left out; {s['errors']} errors"
        )
    else:
        typer.echo(
            f"{verb} create {s['create']}, update {s['update']}; {s['unchanged']} unchanged; "
            f"{s['errors']} errors"
        )
    for change in plan.changes:
        if change.action in (*WRITES, DELETED):  # not the unchanged or kept ones
            cols = f"：{'、'.join(change.labels)}" if change.labels else ""
            typer.echo(f"  {ACTION_LABELS[change.action]} {change.key} {change.title}{cols}")
    for error in plan.errors:
        typer.secho(f"  {error}", fg=typer.colors.RED, err=True)


def _login() -> str:
    try:
        return f"cli:{getpass.getuser()}"[:64]
    except (OSError, KeyError):
        return "cli"


def export_command(
    kind: str = KindArg,
    fmt: str = typer.Option("yaml", "--format", "-f", help="yaml | csv | xlsx"),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="File to write (default: a dated name here)."
    ),
    config: Path | None = ConfigOpt,
) -> None:
    """Export every FAQ entry or course as YAML, CSV (UTF-8 with BOM) or Excel."""
    from bot.transfer.exporter import export

    _check_kind(kind)
    if fmt not in FORMATS:
        raise _fail(f"--format must be one of: {', '.join(FORMATS)}")
    db = migrated_db(load_settings(config))
    download = export(db, kind, fmt, date.today())
    target = output or Path(download.filename)
    target.write_bytes(download.data)
    typer.echo(f"wrote {target}")


def import_file_command(
    kind: str = KindArg,
    path: Path = typer.Argument(..., exists=True, dir_okay=False, help=".yml, .csv or .xlsx"),
    dry_run: bool = typer.Option(False, "--dry-run", help="Check and report; write nothing."),
    only_new: bool = typer.Option(
        False, "--only-new", help="Add only entries not stored; leave stored ones as they are."
    ),
    fmt: str | None = typer.Option(None, "--format", "-f", help="Default: from the suffix."),
    actor: str | None = typer.Option(
        None, "--as", help="Name recorded in the FAQ history (default: cli:<login>)."
    ),
    config: Path | None = ConfigOpt,
) -> None:
    """Import FAQ entries or courses, all or nothing; rows are matched by id / code."""
    from bot.transfer.importer import dry_run as check
    from bot.transfer.importer import run_import

    _check_kind(kind)
    fmt = fmt or format_of(path.name)
    if fmt not in FORMATS:
        raise _fail("cannot tell the format: use a .yml, .csv or .xlsx file or --format")
    db = migrated_db(load_settings(config))
    data = path.read_bytes()
    if dry_run:
        plan = check(db, kind, fmt, data, only_new=only_new)
        _report(plan, dry_run=True)
        if not plan.ok:
            raise typer.Exit(1)
        return
    try:
        plan = run_import(db, kind, fmt, data, actor=actor or _login(), only_new=only_new)
    except ImportRefused as refused:
        _report(refused.plan, dry_run=True)
        raise _fail(f"nothing imported: {refused.reason}", 1) from refused
    _report(plan, dry_run=False)
