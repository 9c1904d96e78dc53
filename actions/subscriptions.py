"""订阅 / 退订: a worker chooses the topics the union may send them notices about."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import button, buttons
from actions.identity import worker_from
from actions.services import ServiceAction
from bot.store import subscriptions as subs
from bot.store.models import TOPIC_COURSES, TOPIC_EVENTS, TOPIC_LABELS, TOPIC_POLICY

_TOPIC_WORDS = (
    (TOPIC_COURSES, re.compile(r"课|培训|学堂|班")),
    (TOPIC_POLICY, re.compile(r"政策|法律|法规|解读|权益")),
    (TOPIC_EVENTS, re.compile(r"活动")),
)
_ALL = re.compile(r"全部|所有|都不|统统|全都")


def topic_from(tracker: Tracker) -> str | None:
    """The topic a button named, else the one the worker's words name, else None."""
    value = str(tracker.get_slot("topic") or "").strip()
    if value in TOPIC_LABELS:
        return value
    text = (tracker.latest_message or {}).get("text") or ""
    for topic, words in _TOPIC_WORDS:
        if words.search(text):
            return topic
    return None


def label_list(topics: list[str]) -> str:
    return "、".join(f"「{TOPIC_LABELS[t]}」" for t in topics)


class ActionSubscribe(ServiceAction, Action):
    """订阅新课程通知: add the topic, or ask which one."""

    def name(self) -> str:
        return "action_subscribe"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        worker = worker_from(tracker)
        topic = topic_from(tracker)
        with self.services.db.session() as s:
            have = subs.topics_of(s, worker.channel, worker.sender_id)
            if topic is None:
                left = [t for t in TOPIC_LABELS if t not in have]
                if not left:
                    dispatcher.utter_message(text="三类通知您都已订阅了。不想收时说“退订”就行。")
                    return [SlotSet("topic", None)]
                dispatcher.utter_message(
                    text="您想订阅哪类通知？有新消息时我们会在这里告诉您，随时可以退订。",
                    buttons=buttons(
                        *(button(f"订阅{TOPIC_LABELS[t]}", "subscribe", topic=t) for t in left)
                    ),
                )
                return [SlotSet("topic", None)]
            added = subs.subscribe(s, worker.channel, worker.sender_id, topic)
        label = TOPIC_LABELS[topic]
        if added:
            text = f"已为您订阅「{label}」通知。有新消息会发到这里；不想收了，随时说“退订”。"
        else:
            text = f"您已经订阅了「{label}」通知，不用重复订阅。不想收了，随时说“退订”。"
        dispatcher.utter_message(text=text)
        return [SlotSet("topic", None)]


class ActionUnsubscribe(ServiceAction, Action):
    """退订: remove the topic named (or the only one, or all), or ask which one."""

    def name(self) -> str:
        return "action_unsubscribe"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        worker = worker_from(tracker)
        topic = topic_from(tracker)
        text = (tracker.latest_message or {}).get("text") or ""
        every = str(tracker.get_slot("topic") or "") == "all" or bool(_ALL.search(text))
        with self.services.db.session() as s:
            have = subs.topics_of(s, worker.channel, worker.sender_id)
            if not have:
                dispatcher.utter_message(text="您目前没有订阅任何通知，不会收到群发消息。")
                return [SlotSet("topic", None)]
            if topic is None and not every and len(have) > 1:
                dispatcher.utter_message(
                    text=f"您订阅了{label_list(have)}。要退订哪一类？",
                    buttons=buttons(
                        *(button(f"退订{TOPIC_LABELS[t]}", "unsubscribe", topic=t) for t in have),
                        button("全部退订", "unsubscribe", topic="all"),
                    ),
                )
                return [SlotSet("topic", None)]
            target = None if every or topic is None else topic
            gone = subs.unsubscribe(s, worker.channel, worker.sender_id, target)
        if not gone:
            dispatcher.utter_message(text=f"您没有订阅「{TOPIC_LABELS[topic]}」通知。")
        else:
            dispatcher.utter_message(
                text=f"已退订{label_list(gone)}通知，以后不会再发给您。想再收时说“订阅”就行。"
            )
        return [SlotSet("topic", None)]
