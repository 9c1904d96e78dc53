"""Finds the rasa_sdk actions in the `actions` package and runs them with our services."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import pkgutil
import threading
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher


class ActionRegistry:
    """name -> action instance; built once per app."""

    def __init__(self, services: Any, package: str = "actions") -> None:
        self.actions: dict[str, Action] = {}
        pkg = importlib.import_module(package)
        for info in pkgutil.iter_modules(pkg.__path__, f"{package}."):
            module = importlib.import_module(info.name)
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if not issubclass(cls, Action) or inspect.isabstract(cls):
                    continue
                if cls.__module__ != module.__name__:
                    continue
                try:
                    instance = cls(services)
                except TypeError:
                    instance = cls()
                try:
                    name = instance.name()
                except Exception:  # noqa: BLE001 - base classes without a name
                    continue
                if isinstance(name, str) and name:
                    self.actions[name] = instance
        self._local = threading.local()

    def _loop(self) -> asyncio.AbstractEventLoop:
        loop = getattr(self._local, "loop", None)
        if loop is None:
            loop = self._local.loop = asyncio.new_event_loop()
        return loop

    def _finish(self, coro: Any) -> Any:
        """Run an action's coroutine: most never wait on real I/O and finish in one step."""
        loop = self._loop()
        asyncio.events._set_running_loop(loop)  # asyncio calls inside see this thread's loop
        try:
            awaited = coro.send(None)
        except StopIteration as done:
            return done.value
        finally:
            asyncio.events._set_running_loop(None)
        # it awaits something real: hand the rest to the event loop
        return loop.run_until_complete(_resume(coro, awaited))

    def __contains__(self, name: str) -> bool:
        return name in self.actions

    def run(
        self, name: str, tracker: Tracker, domain: dict[str, Any]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Run one action; returns (messages, events). Async actions run on a per-thread loop."""
        dispatcher = CollectingDispatcher()
        result = self.actions[name].run(dispatcher, tracker, domain)
        if inspect.iscoroutine(result):
            result = self._finish(result)
        elif inspect.isawaitable(result):
            result = self._loop().run_until_complete(result)
        return dispatcher.messages, list(result or [])


async def _resume(coro: Any, awaited: Any) -> Any:
    """Continue a coroutine that yielded once, inside the running loop (as a Task would)."""
    while True:
        if awaited is None:
            await asyncio.sleep(0)  # a bare yield: give the loop one turn
        else:
            # wait until the future is done; the coroutine reads its result or error itself
            await asyncio.wait([awaited])
        try:
            awaited = coro.send(None)
        except StopIteration as done:
            return done.value
