"""`workerbot db upgrade`, `train`, `load-demo` and `import`: preparing the database and model."""

from __future__ import annotations

import time
from pathlib import Path

import typer

from bot.cli.common import ConfigOpt, load_settings, migrated_db

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


def load_demo(
    config: Path | None = ConfigOpt,
    if_empty: bool = typer.Option(False, help="Skip when courses and FAQ are already loaded."),
) -> None:
    """Load the seed courses and FAQ from data/ into the database (idempotent)."""
    from bot.store.mediators import load_mediators
    from bot.transfer import seed

    settings = load_settings(config)
    db = migrated_db(settings)
    if if_empty and seed.demo_is_loaded(db):
        typer.echo("demo data already loaded")
        return
    courses = seed.load_courses(db, settings.data_dir / "courses.yml")
    faq = seed.load_faq(db, settings.data_dir / "faq.yml")
    mediators = load_mediators(db, settings.data_dir / "mediators.yml")
    typer.echo(f"loaded {courses} courses, {faq} FAQ entries and {mediators} mediators")


def import_data(
    path: Path = typer.Argument(..., exists=True, help="A courses.yml or faq.yml file."),
    config: Path | None = ConfigOpt,
) -> None:
    """Import courses or FAQ entries from a YAML file (matched by code / id)."""
    import yaml

    from bot.transfer import seed

    settings = load_settings(config)
    db = migrated_db(settings)
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if "courses" in raw:
        typer.echo(f"imported {seed.load_courses(db, path)} courses")
    elif "faq" in raw:
        typer.echo(f"imported {seed.load_faq(db, path)} FAQ entries")
    else:
        typer.secho("the file has neither `courses:` nor `faq:`", fg=typer.colors.RED, err=True)
        raise typer.Exit(2)
