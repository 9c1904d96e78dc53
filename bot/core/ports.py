"""The narrow doors between layers: what a channel, a feature or a background job is handed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from bot.core.messages import Incoming, Push, Reply

# one worker message in, the bot's replies out (the engine behind the composition root)
Handle = Callable[[Incoming], Awaitable[list[Reply]]]


class Deliverer(Protocol):
    """Sends a push on the worker's own channel; False when it could not be delivered."""

    async def deliver(self, push: Push) -> bool: ...
