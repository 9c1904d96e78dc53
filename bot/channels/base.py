"""What every channel implements: turn its wire format into Incoming, and deliver pushes."""

from __future__ import annotations

from abc import ABC, abstractmethod

from bot.engine.desk import Push


class OutputChannel(ABC):
    """Delivers messages the worker did not just ask for (staff replies, case updates)."""

    name: str

    @abstractmethod
    async def send(self, push: Push) -> bool:
        """Deliver one push; False when it could not be delivered (it stays recorded)."""


class StoredOnly(OutputChannel):
    """Channels without a push path (REST): the message stays in the log for the client to fetch."""

    def __init__(self, name: str) -> None:
        self.name = name

    async def send(self, push: Push) -> bool:
        return False


class ChannelHub:
    """Routes a push to the channel the worker uses."""

    def __init__(self) -> None:
        self._outputs: dict[str, OutputChannel] = {}

    def register(self, channel: OutputChannel) -> None:
        self._outputs[channel.name] = channel

    async def deliver(self, push: Push) -> bool:
        channel = self._outputs.get(push.channel)
        return await channel.send(push) if channel else False
