"""config.yml `rasa:`: conversations a Rasa server runs (docs/rasa.md), pushed through it."""

from __future__ import annotations

import re

from pydantic import Field, field_validator

from bot.settings.sections import _Section

# Rasa's name for "the channel the worker last wrote on" (rasa/server.py)
LATEST = "latest"


class RasaConfig(_Section):
    """Where the Rasa server is that runs some workers' conversations.

    With `url` set, a staff reply or notice for a conversation our store marks as Rasa's
    (handed to staff by the actions serving that server) is pushed through Rasa's HTTP API,
    `POST /conversations/{id}/trigger_intent?output_channel=…`; unset, it waits for the
    worker's next message. The auth token or JWT comes from the environment (RASA_TOKEN,
    RASA_JWT), never from this file.
    """

    # e.g. http://localhost:5005 (`rasa run --enable-api`); unset: nothing is pushed
    url: str | None = None
    # the Rasa channel that carries the push to the worker: `latest` (the one they last
    # wrote on) or a channel's name (`callback`, `telegram`, `socketio` …). Rasa's `rest`
    # channel cannot push (it only answers the HTTP request): its workers see the message in
    # their next turn
    output_channel: str = LATEST
    timeout_seconds: float = Field(10.0, gt=0, le=120)

    @field_validator("url")
    @classmethod
    def _http(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip().rstrip("/")
        if not re.match(r"^https?://[^/\s]+", value):
            raise ValueError("must be an http:// or https:// address of the Rasa server")
        return value

    @field_validator("output_channel")
    @classmethod
    def _channel_name(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9_.-]{1,64}", value):
            raise ValueError("must be `latest` or the name of a Rasa channel")
        return value
