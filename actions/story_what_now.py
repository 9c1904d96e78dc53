"""What to do about a grievance told as a story ("老板拖了我3个月工资 一共15000"), asked in a word
after it ("咋办嘛") or not asked at all: a person at the union desk says what the worker can do
(where to complain, mediation, arbitration), reading the story with the question, instead of
"说您的问题" or "帮不上忙"."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.message import recent_user_texts, typed_text
from bot.domain.told import only_told, told_not_asked
from bot.knowledge.answers import answer_text

# "咋办嘛", "那我该咋个办", "怎么处理": what to do, asked and nothing else
WHAT_NOW = re.compile(
    r"^(?:[那哦唉嗯啊哎]\s*)*(?:我们?)?(?:该|应该|要)?(?:咋个|怎么|咋|如何)(?:办|整|搞|弄|处理)"
    r"(?:嘛|呢|哦|啊|喃|哇|才好)?[?？。！!~]*$"
)
ASKED_HOW = "怎么办"


def grievance_told(text: str) -> bool:
    """A story of something done to the worker, told without a question."""
    return told_not_asked(text) and not only_told(text)


def what_now_answer(
    services: Any, dispatcher: CollectingDispatcher, tracker: Tracker, story: str
) -> list[EventType] | None:
    """The entry the story reads with "怎么办" (the pointed rules first: months unpaid and
    what to do is where to complain), answered when sure; None otherwise."""
    from actions.policy_followups import find_answer  # (it reads the actions around it)

    verdict, hits = find_answer(services, tracker, f"{story} {ASKED_HOW}")
    if verdict != "answer":
        # (a guess would not help: "…10月31号自己走的 一直没跟我签过合同" waits for its question)
        return None
    top = hits[0].answer
    dispatcher.utter_message(text=answer_text(top), faq=top.slug)
    return [SlotSet("last_faq", top.slug), SlotSet("last_topic", top.category)]


def what_now_instead(
    services: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[EventType] | None:
    """ "咋办嘛" right after a grievance told as a story: what to do about it."""
    if tracker.active_loop_name or not WHAT_NOW.match(typed_text(tracker).strip()):
        return None
    before = recent_user_texts(tracker, 1)
    if not before or not grievance_told(before[0]):
        return None
    return what_now_answer(services, dispatcher, tracker, before[0])
