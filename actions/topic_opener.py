"""A question announced before it is asked ("我想问一下工伤的事", "问个加班费的问题", "I have a
question about work injury"): a person at the union desk says "好的，工伤方面您想问啥子？" and
names the common questions of that topic, instead of "没太明白". (Moved here with it: whether
a message names a kind of labour dispute, and "what can the bot do" asked.)"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.buttons import button, buttons
from actions.message import understood_text

# ("你这个机器人还能干些啥子": who is asked, said twice)
WHAT_THE_BOT_DOES = re.compile(
    r"^(?:那|那么)?(?:你|你们|这里|这个|小助手|机器人|工会)(?:这个|这|个)?(?:机器人|小助手|助手)?"
    r"(?:这里|这边)?(?:还|都|到底)?(?:能|可以|会)"
    r"(?:帮我|帮忙|给我|帮)?(?:干|做|办|弄|搞)?(?:些|点)?(?:啥子?|什么|哪些)(?:事|事情|忙)?"
    r"[吗呢啊哈嘛哦。！!？?~]*$"
)


def names_a_topic_of_work(tracker: Tracker) -> bool:
    """The message names a kind of labour dispute (社保, 工伤, 加班费 …)."""
    message = tracker.latest_message or {}
    return any(e.get("entity") == "dispute_type" for e in message.get("entities") or [])


# the words that announce a question, around the topic ("我想问一下 … 的事", "咨询下 …")
_ANNOUNCE = re.compile(
    r"^(?:你好|您好|喂|请问)?[，,\s]*(?:我|我们)?(?:想|要|还想|还要)?"
    r"(?:问|咨询|了解|打听)(?:一)?(?:下|哈|个|点|些)?(?:关于)?"
    r"(?P<topic>[\u4e00-\u9fff]{2,8}?)"
    r"(?:的|方面的|这方面的|这块的|相关的)?(?:事|事情|问题|情况|政策|规定|东西)?"
    r"[吗嘛哈呢啊哦呀。！!？?~\s]*$"
)
_ENGLISH = re.compile(
    r"^(?:hi|hello)?[,.!\s]*i (?:have|got) (?:a )?(?:question|questions|query) (?:about|on|regarding)\s+"
    r"(?P<topic>[a-z' -]{3,40}?)[.!?\s]*$",
    re.IGNORECASE,
)
# the reading's words around the topic ("I have a question about …" read 我有问题 …)
_NOT_TOPIC = re.compile(r"我有|问题|关于|一个|你好|您好")
# "我想问一下", "咨询个事": a question announced, no topic yet
_BARE = re.compile(
    r"^(?:你好|您好|喂)?[，,\s]*(?:我|我们)?(?:想|要|还想)?(?:问|咨询|打听)(?:一)?(?:下|哈|个|点)?"
    r"(?:事|事情|问题)?[吗嘛哈呢啊哦呀。！!？?~\s]*$"
)
BARE_TEXT = (
    "您说，想问哪方面？可以直接说您的情况，比如加班费、工伤、社保、年假、被辞退；"
    "也可以报名工会的课程，或者申请劳动纠纷调解。"
)
# what is asked is a topic, not a whole question ("工伤", "加班费", "社保", "年假")
MAX_TOPIC = 8
SHOWN = 4
OPENER_TEXT = "好的，{topic}方面您想问啥子？直接说您的情况就行，也可以点下面常问的问题："


def _topic(tracker: Tracker) -> str | None:
    typed = str((tracker.latest_message or {}).get("text") or "").strip()
    m = _ANNOUNCE.match(typed)
    if m is None:
        english = _ENGLISH.match(typed)
        if english is None:
            return None
        named = [
            str(e.get("value"))
            for e in (tracker.latest_message or {}).get("entities") or []
            if e.get("entity") == "dispute_type"
        ]
        read = _NOT_TOPIC.sub("", understood_text(tracker) or "")
        words = named[0] if named else re.sub(r"[^\u4e00-\u9fff]", "", read)
        return words[-MAX_TOPIC:] or None
    topic = m.group("topic")
    return topic if len(topic) <= MAX_TOPIC else None


def topic_opener(
    services: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> list[EventType] | None:
    """ "好的，工伤方面您想问啥子？" with that topic's common questions, when the message only
    announces a question about a topic of work; None otherwise."""
    typed = str((tracker.latest_message or {}).get("text") or "").strip()
    if _BARE.match(typed):
        dispatcher.utter_message(text=BARE_TEXT)
        return []
    topic = _topic(tracker)
    if not topic:
        return None
    # (the entries that name the topic first, the general ones, in fewer words, before)
    found = services.knowledge.search(topic, k=2 * SHOWN)
    hits = sorted(found, key=lambda h: (topic not in h.answer.question, len(h.answer.question)))
    hits = hits[:SHOWN]
    if not hits or not (
        names_a_topic_of_work(tracker)
        or hits[0].answer.category in topic
        or topic in hits[0].answer.question
    ):
        return None
    options = [button(h.answer.question, "policy_question", faq_id=h.answer.slug) for h in hits]
    dispatcher.utter_message(
        text=OPENER_TEXT.format(topic=topic),
        buttons=buttons(*options, button("转人工", "human_handoff")),
    )
    return []
