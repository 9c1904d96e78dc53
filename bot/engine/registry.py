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

    def __contains__(self, name: str) -> bool:
        return name in self.actions

    def run(
        self, name: str, tracker: Tracker, domain: dict[str, Any]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Run one action; returns (messages, events). Async actions run on a per-thread loop."""
        dispatcher = CollectingDispatcher()
        result = self.actions[name].run(dispatcher, tracker, domain)
        if inspect.isawaitable(result):
            loop = getattr(self._local, "loop", None)
            if loop is None:
                loop = self._local.loop = asyncio.new_event_loop()
            result = loop.run_until_complete(result)
        return dispatcher.messages, list(result or [])
