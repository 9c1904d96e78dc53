"""`workerbot db upgrade`, `train`, `load-demo` and `import`: preparing the database and model."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from bot.cli.common import ConfigOpt, load_settings, migrated_db

if TYPE_CHECKING:
    from bot.store.db import Database
    from bot.transfer.report import Plan

db_app = typer.Typer(help="Database schema.")


@db_app.command("upgrade")
def db_upgrade(config: Path | None = ConfigOpt) -> None:
    """Migrate the database to the newest schema."""
    from bot.store.db import Database

    settings = load_settings(config)
    db = Database.from_settings(settings)
    before = db.current_revision()
    db.upgrade()
    after = db.current_revision()
    db.dispose()
    if before is None:
        typer.echo(f"created the database schema (revision {after})")
    elif before == after:
        typer.echo(f"database is up to date (revision {after})")
    else:
        typer.echo(f"upgraded the database from revision {before} to {after}")


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


def _kept(plan: Plan) -> str:
    """An only-new import in a few words: added, kept, and any left out as deleted."""
    s = plan.summary
    told = f"added {s['create']}, kept {s['kept']} as they are"
    if s["deleted"]:
        told += f", left out {s['deleted']} deleted in /admin"
    return told


def _seed_failed(exc: Exception) -> typer.Exit:
    typer.secho(f"nothing imported from {exc}", fg=typer.colors.RED, err=True)
    return typer.Exit(1)


def _add_missing(db: Database, data_dir: Path) -> None:
    """The seed entries the database lacks, each file all or nothing; stored ones untouched."""
    from bot.store.mediators import MediatorFileError, add_missing_mediators
    from bot.transfer import COURSES, FAQ, seed

    try:
        courses = seed.load(db, data_dir / "courses.yml", COURSES, only_new=True)
        typer.echo(f"courses: {_kept(courses)}")
        faq = seed.load(db, data_dir / "faq.yml", FAQ, only_new=True)
        typer.echo(f"FAQ entries: {_kept(faq)}")
        added, kept = add_missing_mediators(db, data_dir / "mediators.yml")
    except (seed.SeedError, MediatorFileError) as exc:
        raise _seed_failed(exc) from exc
    typer.echo(f"mediators: added {added}, kept {kept} as they are")


def load_demo(
    config: Path | None = ConfigOpt,
    if_empty: bool = typer.Option(False, help="Skip when courses and FAQ are already loaded."),
    add_missing: bool = typer.Option(
        False,
        help="Add only the seed entries the database lacks; stored ones stay as admins left them.",
    ),
) -> None:
    """Load the seed courses and FAQ from data/ into the database (idempotent)."""
    from bot.store.mediators import MediatorFileError, load_mediators
    from bot.transfer import seed

    settings = load_settings(config)
    db = migrated_db(settings)
    if if_empty and seed.demo_is_loaded(db):
        typer.echo("demo data already loaded")
        return
    if add_missing:
        _add_missing(db, settings.data_dir)
        return
    try:
        courses = seed.load_courses(db, settings.data_dir / "courses.yml")
        faq = seed.load_faq(db, settings.data_dir / "faq.yml")
        mediators = load_mediators(db, settings.data_dir / "mediators.yml")
    except (seed.SeedError, MediatorFileError) as exc:
        raise _seed_failed(exc) from exc
    typer.echo(f"loaded {courses} courses, {faq} FAQ entries and {mediators} mediators")


def import_data(
    path: Path = typer.Argument(..., exists=True, help="A courses.yml or faq.yml file."),
    only_new: bool = typer.Option(
        False, "--only-new", help="Add only entries not stored; leave stored ones as they are."
    ),
    config: Path | None = ConfigOpt,
) -> None:
    """Import courses or FAQ entries from a YAML file (matched by code / id)."""
    import yaml

    from bot.transfer import COURSES, FAQ, seed

    settings = load_settings(config)
    db = migrated_db(settings)
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if "courses" in raw:
        kind, noun = COURSES, "courses"
    elif "faq" in raw:
        kind, noun = FAQ, "FAQ entries"
    else:
        typer.secho("the file has neither `courses:` nor `faq:`", fg=typer.colors.RED, err=True)
        raise typer.Exit(2)
    try:
        plan = seed.load(db, path, kind, only_new=only_new)
    except seed.SeedError as exc:
        raise _seed_failed(exc) from exc
    typer.echo(f"{noun}: {_kept(plan)}" if only_new else f"imported {len(plan.changes)} {noun}")
