"""Labour-policy answers from the FAQ: answer when sure, offer options when close, never guess."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import button, buttons
from actions.message import typed_text
from actions.services import ServiceAction
from bot.knowledge import Answer, Hit
from bot.settings import RetrievalConfig


def answer_buttons() -> list[dict[str, str]]:
    return buttons(button("转人工", "human_handoff"), button("还有别的问题", "help"))


def answer_text(answer: Answer) -> str:
    """The answer with where it comes from, so the worker can check or cite it."""
    return f"{answer.answer}\n依据：{answer.source}" if answer.source else answer.answer


def decide(hits: list[Hit], cfg: RetrievalConfig) -> tuple[str, list[Hit]]:
    """("answer", [hit]) / ("suggest", options) / ("none", []) from scores and thresholds."""
    if not hits or hits[0].score < cfg.suggest_threshold:
        return "none", []
    top = hits[0]
    close = [h for h in hits[1:] if top.score - h.score < cfg.ambiguity_margin]
    if top.score >= cfg.answer_threshold and not close:
        return "answer", [top]
    options = [
        h
        for h in hits
        if h.score >= cfg.suggest_threshold or top.score - h.score < cfg.ambiguity_margin
    ]
    return "suggest", options[: cfg.max_suggestions]


class ActionAnswerPolicy(ServiceAction, Action):
    """Answers a policy question from the FAQ, or asks "您是想问…", or offers a human."""

    def name(self) -> str:
        return "action_answer_policy"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        done: list[EventType] = [SlotSet("faq_id", None)]
        knowledge = self.services.knowledge
        slug = tracker.get_slot("faq_id")
        chosen = knowledge.get(str(slug)) if slug else None
        if chosen is not None:
            dispatcher.utter_message(text=answer_text(chosen), buttons=answer_buttons())
            return done
        if slug:  # an old "您是想问" button for an entry that has since been withdrawn
            dispatcher.utter_message(response="utter_policy_not_found")
            return done
        text = typed_text(tracker)
        if not text:
            dispatcher.utter_message(response="utter_ask_policy_topic")
            return done
        cfg = self.services.config.retrieval
        verdict, hits = decide(
            knowledge.hits_for(tracker.latest_message, text, k=max(cfg.max_suggestions, 5)), cfg
        )
        if verdict == "answer":
            dispatcher.utter_message(text=answer_text(hits[0].answer), buttons=answer_buttons())
        elif verdict == "suggest":
            options = [
                button(h.answer.question, "policy_question", faq_id=h.answer.slug) for h in hits
            ]
            dispatcher.utter_message(
                text="您是想问：",
                buttons=buttons(*options, button("都不是，转人工", "human_handoff")),
            )
        else:
            dispatcher.utter_message(response="utter_policy_not_found")
        return done
