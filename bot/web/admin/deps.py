"""What the admin pages are handed by the server: narrow dependencies, never the whole App."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.clock import Clock
from bot.core.messages import Reply
from bot.core.ports import Deliverer
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
    # the bot's answer when no FAQ entry fits, shown by 试一试
    not_found: Reply
    # a background retrainer that swaps the new model into this process
    retrainer: Callable[[], Retrainer]
