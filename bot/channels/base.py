"""What every channel implements: turn its wire format into Incoming, and deliver pushes."""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable

from bot.core.messages import Push


class OutputChannel(ABC):
    """Delivers messages the worker did not just ask for (staff replies, case updates)."""

    name: str

    @abstractmethod
    async def send(self, push: Push) -> bool:
        """Deliver one push; False when it could not be delivered (it stays recorded)."""


class StoredOnly(OutputChannel):
    """Channels without a push path (REST): the message stays in the log, and the answer to
    the worker's next message starts with it (bot/staff/missed.py)."""

    def __init__(self, name: str) -> None:
        self.name = name

    async def send(self, push: Push) -> bool:
        return False


# a push for a conversation another engine runs (a Rasa server: bot/channels/rasa_push.py):
# True / False as delivered, None when that engine does not run the push's conversation
OutsideSend = Callable[[Push], Awaitable[bool | None]]


class ChannelHub:
    """Routes a push to the channel the worker uses; `on_push_failed(channel)` is told of
    every push that was not delivered (the metrics), except on channels with no push path,
    and `on_push_sent(channel, seconds)` of the time of every push sent (delivered or not).
    `outside`, when set, is asked first: conversations a Rasa server runs are pushed there."""

    def __init__(self) -> None:
        self._outputs: dict[str, OutputChannel] = {}
        self.on_push_failed: Callable[[str], None] | None = None
        self.on_push_sent: Callable[[str, float], None] | None = None
        self.outside: OutsideSend | None = None

    def register(self, channel: OutputChannel) -> None:
        self._outputs[channel.name] = channel

    def stores_only(self, name: str) -> bool:
        """Whether `name` is a channel without a push path (REST): what staff write reaches
        its worker only with the answer to their next message (bot/staff/missed.py)."""
        return isinstance(self._outputs.get(name), StoredOnly)

    def plugins(self) -> list[ChannelPlugin]:
        """Channels with routes and background work, for the web app to mount and start."""
        return [c for c in self._outputs.values() if isinstance(c, ChannelPlugin)]

    def _timed(self, channel: str, started: float) -> None:
        if self.on_push_sent is not None:
            self.on_push_sent(channel, time.perf_counter() - started)

    async def deliver(self, push: Push) -> bool:
        if self.outside is not None:
            started = time.perf_counter()
            sent = await self.outside(push)
            if sent is not None:
                self._timed(push.channel, started)
                if not sent and self.on_push_failed is not None:
                    self.on_push_failed(push.channel)
                return sent
        channel = self._outputs.get(push.channel)
        if isinstance(channel, StoredOnly):
            return False  # nothing to send: the worker's next answer shows it
        delivered, started = False, time.perf_counter()
        try:
            delivered = bool(await channel.send(push)) if channel else False
        finally:
            if channel:
                self._timed(push.channel, started)
            if not delivered and self.on_push_failed is not None:
                self.on_push_failed(push.channel)
        return delivered


class ChannelPlugin(OutputChannel):
    """A channel with its own HTTP routes and background work (Telegram, WeChat).

    `router()` returns the channel's webhook routes (or None); `start()` / `stop()` run in the
    web app's lifespan (e.g. register a webhook, start long polling, open HTTP clients).
    """

    def router(self):  # noqa: ANN201 - an APIRouter or None
        return None

    async def start(self) -> None:
        """Begin receiving (called once per server process)."""

    async def stop(self) -> None:
        """Stop receiving and release resources."""
