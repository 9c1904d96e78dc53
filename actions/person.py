"""Name and phone for every form that asks who the worker is: extraction and validation."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.message import plain_answer
from actions.validators import clean_name, clean_phone, looks_like_name


class PersonSlotsMixin:
    """extract_/validate_ name and phone for a FormValidationAction (mixed in, not an Action)."""

    async def extract_name(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """A bare Chinese name at the name question, unless it reads as a policy topic."""
        name = looks_like_name(plain_answer(tracker, "name"))
        if name is None:
            return {}
        services = getattr(self, "services", None)
        if services is not None:
            hits = services.knowledge.search(name, k=1)
            if hits and hits[0].score >= services.config.retrieval.answer_threshold:
                return {}  # "年假" is a question, not a person
        return {"name": name}

    async def extract_phone(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """A mobile number at the phone question, whatever the classifier made of it."""
        phone = clean_phone(plain_answer(tracker, "phone"))
        return {"phone": phone} if phone else {}

    def validate_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> dict[str, Any]:
        """Strip 我叫/我是 and keep only something that can be a real name."""
        name = clean_name(str(value or ""))
        if name is None:
            dispatcher.utter_message(response="utter_invalid_name")
        return {"name": name}

    def validate_phone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> dict[str, Any]:
        """Staff call this number: only a well-formed mainland mobile is kept."""
        phone = clean_phone(str(value or ""))
        if phone is None:
            dispatcher.utter_message(response="utter_invalid_phone")
        return {"phone": phone}
