"""Pushing a staff reply or notice to a worker whose conversation a Rasa server runs.

Rasa owns those workers' channel connections (docs/rasa.md), so what staff and the union
send them goes through Rasa's own HTTP API: `POST {url}/conversations/{sender}/
trigger_intent?output_channel=…` with `{"name": "EXTERNAL_staff_message", "entities":
{"staff_text": …, "staff_buttons": …}}` (rasa/server.py, Rasa 3.6). Rasa runs the rule for
that intent, whose action (actions/staff_messages.py, or validate_handoff_form while the
worker is held) shows the message on the output channel and marks it seen, so the worker's
next turn does not show it again. Auth: Rasa's `--auth-token` as the `token` query
parameter, or a JWT (`--jwt-secret`) as a bearer token.

A conversation is Rasa's when the actions serving Rasa wrote it into our store (events with
`data.via == "rasa"`, bot/staff/outside.py); any other push is not this module's. A push
that Rasa refuses or that cannot reach it returns False: the message stays in our store and
the worker's next turn shows it. Rasa's `rest` channel cannot push (it answers only the
worker's own request): a push for a worker on it is not sent at all. Rasa's answer does not
say whether the output channel pushed (its callback channel collects the messages too, and
a channel name Rasa does not run falls back to collecting them): output_channel must name a
channel Rasa runs, or be `latest`.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from urllib.parse import quote

import httpx
from sqlalchemy import select

from bot.channels.tls import client_tls
from bot.core.messages import Push
from bot.settings.rasa import LATEST, RasaConfig
from bot.store.db import Database
from bot.store.models import Conversation, Event

log = logging.getLogger(__name__)

INTENT = "EXTERNAL_staff_message"
# Rasa's channels that answer only the request the worker made (get_output_channel() is
# None): a push through them is collected by Rasa and shown to nobody
CANNOT_PUSH = frozenset({"rest", "rasa"})


def rasa_sender(db: Database, conversation_id: int) -> tuple[str, str] | None:
    """(Rasa's conversation id, the channel the worker last wrote on) when Rasa runs the
    conversation, else None."""
    with db.read() as s:
        data = s.scalar(
            select(Event.data)
            .where(
                Event.conversation_id == conversation_id,
                Event.data["via"].as_string() == "rasa",
            )
            .order_by(Event.id.desc())
            .limit(1)
        )
        if data is None:
            return None
        conv = s.get(Conversation, conversation_id)
        if conv is None:
            return None
        return str(data.get("sender") or conv.sender_id), str(data.get("channel") or conv.channel)


class RasaPush:
    """Delivers pushes for Rasa's conversations through its trigger_intent endpoint."""

    def __init__(
        self,
        db: Database,
        config: RasaConfig,
        token: str | None = None,
        jwt: str | None = None,
    ) -> None:
        if not config.url:
            raise ValueError("RasaPush needs rasa.url")
        self.db, self.config = db, config
        self.url: str = config.url
        self.token = token
        self.headers = {"Authorization": f"Bearer {jwt}"} if jwt else {}
        # httpx logs every request URL at INFO, and this one holds the token and the worker
        httpx_log = logging.getLogger("httpx")
        httpx_log.setLevel(max(httpx_log.getEffectiveLevel(), logging.WARNING))

    def body(self, push: Push) -> dict[str, Any]:
        """The request body: the intent, and the message as its entities (Rasa's short form)."""
        entities: dict[str, Any] = {"staff_text": push.reply.get("text") or ""}
        if push.reply.get("buttons"):
            entities["staff_buttons"] = push.reply["buttons"]
        return {"name": INTENT, "entities": entities}

    async def send(self, push: Push) -> bool | None:
        """True when Rasa pushed it, False when it did not (shown in the next turn), None
        when Rasa does not run this conversation."""
        found = await asyncio.to_thread(rasa_sender, self.db, push.conversation_id)
        if found is None:
            return None
        sender, last_channel = found
        output = self.config.output_channel
        if (last_channel if output == LATEST else output) in CANNOT_PUSH:
            return False  # Rasa would only collect it: the next turn shows it
        params = {"output_channel": output}
        if self.token:
            params["token"] = self.token
        path = f"{self.url}/conversations/{quote(sender, safe='')}/trigger_intent"
        try:
            async with httpx.AsyncClient(
                timeout=self.config.timeout_seconds, headers=self.headers, verify=client_tls()
            ) as client:
                response = await client.post(path, params=params, json=self.body(push))
        except httpx.HTTPError as exc:
            log.warning("Rasa server unreachable for a push (%s)", type(exc).__name__)
            return False
        if not response.is_success:
            log.warning("Rasa refused a push: HTTP %s", response.status_code)
            return False
        return True
