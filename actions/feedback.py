"""有帮助 / 没帮助 on a policy answer: counted per FAQ entry; 没帮助 goes to the admins' review."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.identity import worker_from
from actions.message import latest_entity
from actions.services import ServiceAction
from bot.store import misunderstood
from bot.store.models import MISS_NOT_HELPFUL, FaqFeedback

PERSONAL_SLOTS = ("name", "phone", "employer", "description", "demand")


def _is_payload(text: str | None) -> bool:
    return (text or "").strip().startswith("/")


def answered(events: list[dict[str, Any]], slug: str | None) -> tuple[int, str] | None:
    """(index, slug) of the latest bot answer from the FAQ (of `slug`, if given)."""
    for index in range(len(events) - 1, -1, -1):
        e = events[index]
        if e.get("event") != "bot":
            continue
        # our engine keeps a message's extra keys in `data`; Rasa 3.6 in `metadata` (issue 19)
        found = (e.get("data") or {}).get("faq") or (e.get("metadata") or {}).get("faq")
        if found and (slug is None or found == slug):
            return index, str(found)
    return None


def asked_before(events: list[dict[str, Any]], index: int) -> dict[str, Any] | None:
    """The worker's own words that led to the answer at `index` (button presses skipped)."""
    for e in reversed(events[:index]):
        if e.get("event") == "user" and not _is_payload(e.get("text")):
            return e
    return None


def already_rated(events: list[dict[str, Any]], index: int) -> bool:
    """True when an earlier feedback message followed the same answer (this one excluded)."""
    users = [e for e in events[index + 1 :] if e.get("event") == "user"]
    for e in users[:-1]:
        intent = ((e.get("parse_data") or {}).get("intent") or {}).get("name")
        if intent == "faq_feedback":
            return True
    return False


class ActionFaqFeedback(ServiceAction, Action):
    """Records the worker's verdict on an answer and replies; 没帮助 offers a human."""

    def name(self) -> str:
        return "action_faq_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        done: list[EventType] = [SlotSet("faq_id", None)]
        helpful = latest_entity(tracker, "helpful") in ("1", "true", "True")
        events = list(tracker.events)
        found = answered(events, latest_entity(tracker, "faq_id"))
        if found is None:
            dispatcher.utter_message(response="utter_faq_feedback_thanks")
            return done
        index, slug = found
        if already_rated(events, index):
            dispatcher.utter_message(response="utter_faq_feedback_again")
            return done
        question = asked_before(events, index)
        secrets = [str(tracker.get_slot(k) or "") for k in PERSONAL_SLOTS]
        text = misunderstood.clean_text(question["text"], secrets) if question else None
        meta = (tracker.latest_message or {}).get("metadata") or {}
        with self.services.db.session() as s:
            s.add(
                FaqFeedback(
                    conversation_id=meta.get("conversation_id"),
                    slug=slug,
                    helpful=helpful,
                    question=text,
                )
            )
            if not helpful and question:
                parsed = (question.get("parse_data") or {}).get("intent") or {}
                row = misunderstood.miss_row(
                    meta.get("conversation_id"),
                    worker_from(tracker).channel,
                    question["text"],
                    MISS_NOT_HELPFUL,
                    parsed.get("name"),
                    parsed.get("confidence"),
                    slug,
                    secrets,
                )
                s.flush()
                misunderstood.record(s.connection(), [row])
        dispatcher.utter_message(
            response="utter_faq_helpful" if helpful else "utter_faq_not_helpful"
        )
        return done
