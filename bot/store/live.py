"""Live updates: one LISTEN connection per process wakes the open streams whose conversation
changed (PostgreSQL); on SQLite every stream keeps polling about once a second.

Writers need do nothing: a trigger sends NOTIFY "c:<conversation id>" when a conversation or
its log changes (migration 0010). A stream waits on a Subscription and re-reads when woken,
or after `safety_seconds` anyway; after the listener reconnects every stream is woken once,
since notifications sent while it was away are lost.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy.engine import make_url

CHANNEL = "workerbot_live"
ANY = "any"  # woken by every change: the queue, or a stream whose conversation is not known yet
POLL_SECONDS = 1.0
SAFETY_SECONDS = 30.0
RETRY_SECONDS = 1.0

log = logging.getLogger(__name__)


def conversation_key(cid: int) -> str:
    return f"c:{cid}"


class Subscription:
    """What one stream waits on."""

    def __init__(self, hub: LiveUpdates, keys: set[str]) -> None:
        self.hub, self.keys, self.event = hub, keys, asyncio.Event()

    def watch(self, key: str) -> None:
        """Also wake for `key` (a conversation that came into being after the stream opened)."""
        self.hub._add(self, key)

    def unwatch(self, key: str) -> None:
        """No longer wake for `key`."""
        self.hub._remove(self, key)

    async def wait(self, timeout: float) -> bool:
        """Until something this stream watches changed (True) or `timeout` passed (False).
        On SQLite: sleep the poll interval and say "look again" (True)."""
        if not self.hub.notifying:
            await asyncio.sleep(self.hub.poll_seconds)
            return True
        try:
            await asyncio.wait_for(self.event.wait(), timeout)
        except TimeoutError:
            return False
        self.event.clear()
        return True


class LiveUpdates:
    """One per process (owned by the Database); the listener starts with the first stream."""

    def __init__(
        self,
        url: str,
        poll_seconds: float = POLL_SECONDS,
        safety_seconds: float = SAFETY_SECONDS,
    ) -> None:
        parsed = make_url(url)
        self.notifying = parsed.get_backend_name() == "postgresql"
        self._conninfo = (
            parsed.set(drivername="postgresql").render_as_string(hide_password=False)
            if self.notifying
            else ""
        )
        self.poll_seconds, self.safety_seconds = poll_seconds, safety_seconds
        self._subs: dict[str, set[Subscription]] = {}
        self._task: asyncio.Task | None = None
        self.connected = asyncio.Event() if self.notifying else None
        self.reconnects = 0

    @contextmanager
    def subscribe(self, keys: Iterable[str]) -> Iterator[Subscription]:
        """Wake the returned subscription when any of `keys` changes, until the block ends."""
        sub = Subscription(self, set())
        for key in keys:
            self._add(sub, key)
        if self.notifying and (self._task is None or self._task.done()):
            self._task = asyncio.get_running_loop().create_task(self._listen())
        try:
            yield sub
        finally:
            for key in list(sub.keys):
                self._remove(sub, key)

    def _remove(self, sub: Subscription, key: str) -> None:
        sub.keys.discard(key)
        waiting = self._subs.get(key)
        if waiting is not None:
            waiting.discard(sub)
            if not waiting:
                del self._subs[key]

    def _add(self, sub: Subscription, key: str) -> None:
        sub.keys.add(key)
        self._subs.setdefault(key, set()).add(sub)

    def _wake(self, keys: Iterable[str]) -> None:
        for key in keys:
            for sub in self._subs.get(key, ()):
                sub.event.set()

    def _wake_all(self) -> None:
        for subs in self._subs.values():
            for sub in subs:
                sub.event.set()

    async def _listen(self) -> None:
        """Hold one LISTEN connection; reconnect after a failure and wake every stream."""
        import psycopg

        while True:
            try:
                async with await psycopg.AsyncConnection.connect(
                    self._conninfo, autocommit=True
                ) as conn:
                    await conn.execute(f"LISTEN {CHANNEL}")
                    if self.connected is not None:
                        if self.reconnects:
                            self._wake_all()  # whatever changed while we were away
                        self.connected.set()
                    async for note in conn.notifies():
                        self._wake((note.payload, ANY))
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - the database went away: try again
                log.warning("live updates: listener lost (%s), reconnecting", type(exc).__name__)
            if self.connected is not None:
                self.connected.clear()
            self.reconnects += 1
            self._wake_all()
            await asyncio.sleep(RETRY_SECONDS)

    async def stop(self) -> None:
        """End the listener (server shutdown)."""
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except (asyncio.CancelledError, Exception):  # noqa: BLE001
                pass
            self._task = None
