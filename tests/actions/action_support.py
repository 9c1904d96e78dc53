"""Helpers for action tests: hand-built trackers, a runner that checks every button, fakes."""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.knowledge.index import Hit

ROOT = Path(__file__).resolve().parents[2]
DOMAIN: dict[str, Any] = yaml.safe_load((ROOT / "data" / "domain.yml").read_text(encoding="utf-8"))
TODAY = date(2026, 11, 22)
PAYLOAD = re.compile(r"^/[a-z_]+(\{.*\})?$")


@dataclass
class FakeKnowledge:
    """Fixed scores, to pin the answer / suggest / none decisions exactly at the thresholds."""

    hits: list[Hit] = field(default_factory=list)

    def search(self, text: str, k: int = 5) -> list[Hit]:
        return self.hits[:k]

    def hits_for(self, latest_message: dict, text: str, k: int = 5) -> list[Hit]:
        return self.search(text, k)

    def get(self, slug: str) -> Any:
        return next((h.answer for h in self.hits if h.answer.slug == slug), None)

    def heard(self, text: str) -> str:
        return text  # (no terms typed by sound to put right in these fixed scores)


def ent(entity: str, value: str) -> dict[str, Any]:
    return {"entity": entity, "value": value, "start": 0, "end": 0, "extractor": "test"}


def user_event(text: str, intent: str | None = None, entities: list | None = None) -> dict:
    parse = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "entities": entities or [],
    }
    return {"event": "user", "text": text, "parse_data": parse}


def make_tracker(
    text: str = "",
    intent: str | None = None,
    entities: list[dict[str, Any]] | None = None,
    slots: dict[str, Any] | None = None,
    history: list[dict[str, Any]] | None = None,
    candidates: dict[str, Any] | None = None,
    active_loop: str | None = None,
    channel: str = "telegram",
    sender: str = "1001",
) -> Tracker:
    """A tracker as the engine builds it: this message last, then any slot candidates."""
    all_slots: dict[str, Any] = {name: None for name in DOMAIN["slots"]}
    all_slots["requested_slot"] = None
    all_slots.update(slots or {})
    all_slots.update(candidates or {})
    if text.startswith("/"):  # a button: Rasa takes intent and entities from the payload
        name, _, raw = text[1:].partition("{")
        intent = intent or name
        if entities is None:
            entities = [ent(k, v) for k, v in json.loads("{" + raw).items()] if raw else []
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.9},
        "intent_ranking": [{"name": intent, "confidence": 0.9}],
        "entities": entities or [],
        "metadata": {
            "channel": channel,
            "sender_id": sender,
            "conversation_id": None,
            "display_name": "测试",
        },
    }
    events = list(history or []) + [user_event(text, intent, entities)]
    events += [{"event": "slot", "name": k, "value": v} for k, v in (candidates or {}).items()]
    return Tracker(
        sender_id=f"{channel}:{sender}",
        slots=all_slots,
        latest_message=latest,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name=None,
    )


def check_buttons(messages: list[dict[str, Any]]) -> None:
    """Every payload we send must parse as Rasa syntax and fit Telegram's 64-byte limit."""
    for m in messages:
        for b in m.get("buttons") or []:
            assert b["title"], b
            assert PAYLOAD.match(b["payload"]), b["payload"]
            assert len(b["payload"].encode("utf-8")) <= 64, b["payload"]
            _, _, raw = b["payload"].partition("{")
            if raw:
                json.loads("{" + raw)


def run(action: Any, tracker: Tracker) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Run one action as the engine does; returns (messages, events)."""
    dispatcher = CollectingDispatcher()
    result = action.run(dispatcher, tracker, DOMAIN)
    if asyncio.iscoroutine(result):
        result = asyncio.run(result)
    check_buttons(dispatcher.messages)
    return dispatcher.messages, list(result or [])


def text_of(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in messages)


def payloads(messages: list[dict[str, Any]]) -> list[str]:
    return [b["payload"] for m in messages for b in m.get("buttons") or []]


def slot_events(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
