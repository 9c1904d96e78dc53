"""The bot on a scratch SQLite database holding the demo courses, FAQ and mediators."""

from __future__ import annotations

from pathlib import Path

from bot.app import App, create_app
from bot.settings import Settings
from bot.store.db import Database
from bot.store.mediators import load_mediators
from bot.transfer import seed


def demo_database(settings: Settings) -> None:
    """Migrate `settings`' database and load the demo data of its data folder into it."""
    db = Database.from_settings(settings)
    try:
        db.upgrade()
        seed.load_courses(db, settings.data_dir / "courses.yml")
        seed.load_faq(db, settings.data_dir / "faq.yml")
        load_mediators(db, settings.data_dir / "mediators.yml")
    finally:
        db.dispose()


def scratch_app(config: Path | None, folder: Path, train_if_missing: bool = True) -> App:
    """The whole bot on `folder`/scratch.db with the demo data (the model as configured)."""
    settings = Settings.load(config, workerbot_database_url=f"sqlite:///{folder / 'scratch.db'}")
    demo_database(settings)
    return create_app(settings, train_if_missing=train_if_missing)
