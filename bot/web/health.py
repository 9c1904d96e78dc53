"""Health checks for load balancers and orchestrators.

- `/health/live`: the process answers; touches nothing else.
- `/health/ready` (and `/health`, the same JSON): the database answers a read within
  READY_TIMEOUT_SECONDS and the model is loaded; 503 otherwise.

Neither writes nor waits on the event loop: the read runs on one thread of its own, and a
check that finds the previous read still stuck waits on that one instead of starting another.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response

if TYPE_CHECKING:
    from bot.store.db import Database
    from intents import Interpreter

READY_TIMEOUT_SECONDS = 2.0


class Health:
    def __init__(
        self, db: Database, model: Callable[[], Interpreter | None], entries: Callable[[], int]
    ) -> None:
        """`model` gives the model serving now (a retrain swaps it), `entries` the number of
        FAQ entries in the live index."""
        self.db, self.model, self.entries = db, model, entries
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="health")
        self._ping: asyncio.Future[bool] | None = None

    async def database_ok(self) -> bool:
        """The database answered a read in time (a stuck read is shared, never repeated)."""
        if self._ping is None or self._ping.done():
            loop = asyncio.get_running_loop()
            self._ping = loop.run_in_executor(self._executor, self.db.ping)
        try:
            return await asyncio.wait_for(asyncio.shield(self._ping), READY_TIMEOUT_SECONDS)
        except TimeoutError:
            return False

    async def ready(self) -> Response:
        db_ok = await self.database_ok()
        nlu = self.model()
        model_ok = nlu is not None and bool(nlu.intents)
        ok = db_ok and model_ok
        body = {
            "status": "ok" if ok else "degraded",
            "database": "ok" if db_ok else "unreachable",
            "model": {
                "loaded": model_ok,
                "fingerprint": nlu.fingerprint[:16] if nlu is not None else None,
                "intents": len(nlu.intents) if nlu is not None else 0,
            },
            "knowledge": {"entries": self.entries()},
        }
        return JSONResponse(body, status_code=200 if ok else 503)

    def router(self) -> APIRouter:
        api = APIRouter()

        @api.get("/health/live")
        async def live() -> Response:
            return JSONResponse({"status": "ok"})

        @api.get("/health/ready")
        async def ready() -> Response:
            return await self.ready()

        @api.get("/health")
        async def health() -> Response:
            return await self.ready()

        return api

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
