"""A background job's loop: one round every so often on the server's event loop, a failing
round logged and the loop going on, and a last step when the server stops (handing a lease
on). The desk's sweeper, the evidence retention, the mediation and class reminders and the
notice sender each run one."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

log = logging.getLogger(__name__)


class Periodic:
    """Runs `round` every `interval` seconds between `start` and `stop`; `on_stop` (blocking,
    run in a thread) after the loop has ended, its failure only logged."""

    def __init__(
        self,
        name: str,
        interval: float,
        round: Callable[[], Awaitable[Any]],
        on_stop: Callable[[], Any] | None = None,
    ) -> None:
        self.name, self.interval, self.round, self.on_stop = name, interval, round, on_stop
        self._task: asyncio.Task[None] | None = None

    async def _loop(self) -> None:
        while True:
            try:
                await self.round()
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - the job must survive a bad round
                log.exception("%s round failed", self.name)
            await asyncio.sleep(self.interval)

    @property
    def running(self) -> bool:
        return self._task is not None

    def start(self) -> None:
        """Begin the loop on the running event loop (once)."""
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._loop())

    async def stop(self) -> None:
        """Cancel the loop, then run `on_stop` (e.g. hand the lease on)."""
        if self._task is None:
            return
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None
        if self.on_stop is not None:
            try:
                await asyncio.to_thread(self.on_stop)
            except Exception:  # noqa: BLE001 - stopping must not fail the server's shutdown
                log.exception("%s could not stop cleanly", self.name)
