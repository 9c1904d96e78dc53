"""Each server process watches the version stamps in `meta` and reloads what changed.

An admin edit (in any process, or the CLI) bumps a stamp in the same transaction as the
change (bot/store/audit.py). Every process polls the stamps once a second, a single cheap
query, and rebuilds the changed part in a worker thread: the FAQ index and the course
names are swapped in whole, so requests never wait for a rebuild or see half of one.
A retrained intent model is published as `model_version` (its directory name, see
bot/nlu/retrain.py); each process loads that model from disk and swaps it in the same way
(`App.load_published`). The composition root hands the watcher its reloaders.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from sqlalchemy import select

from bot.nlu.retrain import MODEL_VERSION
from bot.store.audit import CATALOGUE_VERSION, KNOWLEDGE_VERSION
from bot.store.db import Database
from bot.store.models import Meta

log = logging.getLogger(__name__)
POLL_SECONDS = 1.0


WATCHED = (KNOWLEDGE_VERSION, CATALOGUE_VERSION, MODEL_VERSION)


def read_stamps(db: Database) -> dict[str, str | None]:
    """The current version stamps (None for one never set)."""
    with db.read() as s:
        query = select(Meta.key, Meta.value).where(Meta.key.in_(WATCHED))
        rows = {k: v for k, v in s.execute(query)}
    return {key: rows.get(key) for key in WATCHED}


class VersionWatcher:
    """Polls the stamps; runs a reloader (off the event loop) when its stamp moves."""

    def __init__(
        self,
        db: Database,
        reloaders: dict[str, Callable[[], object]],
        stamps: dict[str, str | None] | None = None,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        self.db, self.actions, self.stamps = db, reloaders, stamps or {}
        self.poll_seconds = poll_seconds
        self.seen: dict[str, str | None] = {}
        self._task: asyncio.Task | None = None

    def read(self) -> dict[str, str | None]:
        return read_stamps(self.db)

    def check(self) -> list[str]:
        """Reload whatever changed since the last check; returns the keys reloaded."""
        current = self.read()
        changed = [k for k, v in current.items() if k in self.seen and self.seen[k] != v]
        reloaded = []
        for key in changed:
            try:
                self.actions[key]()
            except Exception:  # noqa: BLE001 - keep serving the old index, retry next poll
                log.exception("reloading %s failed", key)
                continue
            self.seen[key] = current[key]
            reloaded.append(key)
        for key, value in current.items():
            self.seen.setdefault(key, value)
        return reloaded

    def start(self) -> None:
        # the stamps read before the app loaded its index and names (so a change made while
        # it was loading is caught), or, for an app built some other way, the current ones
        self.seen = dict(self.stamps) if self.stamps else self.read()
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        while True:
            await asyncio.sleep(self.poll_seconds)
            try:
                await asyncio.to_thread(self.check)
            except Exception:  # noqa: BLE001 - a database hiccup must not end the watcher
                log.exception("version check failed")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
