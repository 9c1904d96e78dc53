"""Rasa's `callback` channel: POST /webhooks/callback/webhook {"sender", "message"}, answered
"success"; every reply, and every later message (staff replies, case and waiting-list
notices), is POSTed to the integration's URL as {"recipient_id", "text"[, "buttons"]}.

The plain REST channel answers in the HTTP response only, so a REST integration never hears
from staff; an integration that wants pushes uses this channel (CALLBACK_URL).
"""

from __future__ import annotations

import logging
from typing import Any

import httpx
from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response

from bot.channels.base import ChannelPlugin
from bot.channels.rest import read_incoming, render
from bot.channels.tls import client_tls
from bot.core.messages import Push, Reply
from bot.core.ports import Handle

log = logging.getLogger(__name__)
NAME = "callback"
TIMEOUT_SECONDS = 10.0


class CallbackChannel(ChannelPlugin):
    """Receives like Rasa's REST channel, answers by POSTing to `url`."""

    name = NAME

    def __init__(self, handle: Handle, url: str, token: str | None = None) -> None:
        self.handle = handle
        self.url = url
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.client: httpx.AsyncClient | None = None

    def _client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=TIMEOUT_SECONDS, headers=self.headers, verify=client_tls())

    async def start(self) -> None:
        self.client = self._client()

    async def stop(self) -> None:
        if self.client is not None:
            await self.client.aclose()
            self.client = None

    async def post(self, recipient: str, replies: list[Reply]) -> bool:
        """POST each reply in order; False (and the rest kept in the log) on the first failure."""
        client = self.client or self._client()
        try:
            for message in render(recipient, replies):
                response = await client.post(self.url, json=message)
                if not response.is_success:
                    log.warning("callback refused a message: HTTP %s", response.status_code)
                    return False
            return True
        except httpx.HTTPError as exc:
            log.warning("callback unreachable (%s)", type(exc).__name__)
            return False
        finally:
            if client is not self.client:
                await client.aclose()

    async def send(self, push: Push) -> bool:
        return await self.post(push.sender_id, [push.reply])

    def router(self) -> APIRouter:
        api = APIRouter()

        @api.get("/webhooks/callback/")
        async def health() -> dict[str, Any]:
            return {"status": "ok"}

        @api.post("/webhooks/callback/webhook")
        async def webhook(request: Request) -> Response:
            # a retried message id posts nothing again: the copy that ran has posted its replies
            incoming = await read_incoming(request, NAME, replay=False)
            if isinstance(incoming, Response):
                return incoming
            replies = await self.handle(incoming)
            await self.post(incoming.sender_id, replies)
            # as Rasa: the replies went to the callback URL; the response only says it ran
            return PlainTextResponse("success")

        return api
