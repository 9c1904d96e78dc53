"""A real HTTP server standing in for a Rasa 3.6 server's HTTP API (Rasa is the outside world
here): `POST /conversations/{id}/trigger_intent` checked the way rasa/server.py checks it
(auth token as ?token= or a bearer JWT, the intent named in the body and known to the domain),
and answered as it answers. Like Rasa it keeps each conversation's tracker (slots, the active
form, the channel last written on) and runs what its rules and forms would run on our
action code: the pushed intent goes to validate_handoff_form while handoff_form is active,
else to the rule's action_staff_message. What the actions utter is what the output channel
would show the worker (`shown`).

The worker's own messages go through `worker_says`, which runs validate_handoff_form as Rasa
runs it for a message while the form is active.
"""

from __future__ import annotations

import asyncio
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff_rasa import ValidateHandoffForm
from actions.services import Services
from actions.staff_messages import ActionStaffMessage
from tests.actions.action_support import DOMAIN

PREFIX = "/conversations/"
SUFFIX = "/trigger_intent"


@dataclass
class Conversation:
    """Rasa's tracker for one conversation, as far as these actions read and write it."""

    input_channel: str
    slots: dict[str, Any] = field(default_factory=dict)
    active_loop: str | None = None
    shown: list[dict[str, Any]] = field(default_factory=list)

    def apply(self, events: list[dict[str, Any]]) -> None:
        for e in events:
            if e.get("event") == "slot":
                self.slots[e["name"]] = e["value"]
            elif e.get("event") == "active_loop":
                self.active_loop = e.get("name")
        if self.active_loop and self.slots.get("handoff_note") is not None:
            # the form's one slot filled: Rasa ends it, and the rule runs action_back_to_bot
            self.active_loop = None
            for name in ("handoff_note", "handoff_seen", "handoff_reason", "requested_slot"):
                self.slots[name] = None


@dataclass
class Request:
    path: str
    query: dict[str, list[str]]
    body: Any
    authorization: str | None


class FakeRasa:
    """Rasa's HTTP API on a free local port, running our actions with `services`."""

    def __init__(
        self, services: Services, token: str | None = None, jwt: str | None = None
    ) -> None:
        self.services, self.token, self.jwt = services, token, jwt
        self.conversations: dict[str, Conversation] = {}
        self.requests: list[Request] = []
        self.status = 200  # anything else: refuse every push with it
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                status, answer = fake.handle(self.path, raw, self.headers.get("Authorization"))
                body = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # -- Rasa's side of the wire ----------------------------------------------------------
    def handle(self, raw_path: str, raw: bytes, authorization: str | None) -> tuple[int, Any]:
        url = urlparse(raw_path)
        query = parse_qs(url.query)
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        with self.lock:
            self.requests.append(Request(url.path, query, body, authorization))
            if not (url.path.startswith(PREFIX) and url.path.endswith(SUFFIX)):
                return 404, {"status": "failure", "reason": "NotFound"}
            if not self._authorised(query, authorization):
                return 401, {"status": "failure", "reason": "NotAuthenticated"}
            if self.status != 200:
                return self.status, {"status": "failure", "reason": "ConversationError"}
            if not isinstance(body, dict) or not body.get("name"):
                return 400, {"status": "failure", "reason": "BadRequest"}
            if body["name"] not in DOMAIN["intents"]:
                return 404, {"status": "failure", "reason": "NotFound"}
            sender = unquote(url.path[len(PREFIX) : -len(SUFFIX)])
            conversation = self.conversations.get(sender)
            if conversation is None:
                conversation = self.conversations[sender] = Conversation("rest")
            channel = query.get("output_channel", [None])[0]
            if channel == "latest":
                channel = conversation.input_channel
            entities = body.get("entities") or []
            if isinstance(entities, dict):  # Rasa's short form
                entities = [{"entity": k, "value": v} for k, v in entities.items()]
            messages = self._external(sender, conversation, body["name"], entities)
            answer: dict[str, Any] = {"tracker": {"sender_id": sender, "slots": conversation.slots}}
            # Rasa lists the messages for any CollectingOutputChannel: its callback channel
            # (which also POSTs them to the worker) and the fallback for a channel that cannot
            # push or that it does not run (which shows them to nobody)
            answer["messages"] = messages
            if channel == "callback":
                conversation.shown.extend(messages)
            return 200, answer

    def _authorised(self, query: dict[str, list[str]], authorization: str | None) -> bool:
        if self.token is not None and query.get("token") == [self.token]:
            return True
        if self.jwt is not None:
            return authorization == f"Bearer {self.jwt}"
        return self.token is None

    def _tracker(self, sender: str, conversation: Conversation, parse: dict[str, Any]) -> Tracker:
        slots = {name: None for name in DOMAIN["slots"]}
        slots["requested_slot"] = None
        slots.update(conversation.slots)
        user = {
            "event": "user",
            "text": parse["text"],
            "parse_data": parse,
            "input_channel": conversation.input_channel,
        }
        return Tracker(
            sender_id=sender,
            slots=slots,
            latest_message=parse,
            events=[user],
            paused=False,
            followup_action=None,
            active_loop={"name": conversation.active_loop} if conversation.active_loop else {},
            latest_action_name="action_listen",
        )

    def _run(self, action: Any, tracker: Tracker) -> tuple[list[dict], list[dict]]:
        dispatcher = CollectingDispatcher()
        events = asyncio.run(action.run(dispatcher, tracker, DOMAIN))
        return dispatcher.messages, list(events or [])

    def _external(
        self, sender: str, conversation: Conversation, intent: str, entities: list[dict]
    ) -> list[dict]:
        parse = {
            "text": f"EXTERNAL: {intent}",
            "intent": {"name": intent, "confidence": 1.0},
            "entities": entities,
            "metadata": {"is_external": True},
        }
        tracker = self._tracker(sender, conversation, parse)
        if conversation.active_loop == "handoff_form":
            action: Any = ValidateHandoffForm(self.services)
        else:
            action = ActionStaffMessage(self.services)
        messages, events = self._run(action, tracker)
        conversation.apply(events)
        return messages

    # -- the worker's side ----------------------------------------------------------------
    def start(self, sender: str, input_channel: str, events: list[dict]) -> Conversation:
        """The conversation as Rasa holds it after action_handoff returned `events`."""
        with self.lock:
            conversation = Conversation(input_channel)
            conversation.apply(events)
            self.conversations[sender] = conversation
            return conversation

    def worker_says(self, sender: str, text: str) -> list[dict]:
        """A worker's message while handoff_form holds them: what Rasa sends back."""
        with self.lock:
            conversation = self.conversations[sender]
            assert conversation.active_loop == "handoff_form"
            conversation.slots["handoff_note"] = text  # from_text, as Rasa's mapping fills it
            parse = {
                "text": text,
                "intent": {"name": "inform", "confidence": 0.9},
                "entities": [],
                "metadata": {},
            }
            tracker = self._tracker(sender, conversation, parse)
            messages, events = self._run(ValidateHandoffForm(self.services), tracker)
            conversation.slots["handoff_note"] = None
            conversation.apply(events)
            return messages
