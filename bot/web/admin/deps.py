"""What the admin pages are handed by the server: narrow dependencies, never the whole App."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.clock import Clock
from bot.core.ports import Deliverer
from bot.engine.preview import Preview
from bot.knowledge.index import Knowledge
from bot.nlu.retrain import Retrainer
from bot.settings import Settings
from bot.store.db import Database


@dataclass(frozen=True)
class AdminDeps:
    db: Database
    # delivers the notices an admin's change causes (a case status, a freed seat)
    channels: Deliverer
    clock: Clock
    settings: Settings
    # the running FAQ index (试一试 searches it; edits reach it through the version stamps)
    knowledge: Knowledge
    # what the bot would answer a new worker's message, stored nowhere (试一试)
    preview: Callable[[str], Preview]
    # the current model's intent ranking for a message (未理解的消息 shows its top guesses)
    rank_intents: Callable[[str], list[dict]]
    # a background retrainer that swaps the new model into this process
    retrainer: Callable[[], Retrainer]
