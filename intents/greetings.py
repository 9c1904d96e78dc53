"""Greetings and small talk around a question: "你好，请问加班费按几倍算" asks about overtime,
"好嘛说正事 …" goes back to business; "那女工人呢" leans on what was said before."""

from __future__ import annotations

import re

_GREETING = re.compile(
    r"^(?:你好|您好|你们好|hello|hi|哈喽|嗨|在吗|在不在|小助手|请问)+(?:呀|啊|哈|嘛)?[，,。!！~\s]+"
)
MIN_AFTER_GREETING = 4
# "那女工人呢" leans on what was said before: whatever the classifier thinks, no greeting
_LEANS_ON = re.compile(r"^(?:那|那么|如果|要是|假如|万一|换成)|(?:呢|嘞|喃)[?？。!！~～]*$")
_GREETING_WORD = re.compile(
    r"你好|您好|你们好|大家好|hello|hi|哈喽|嗨|在吗|在不在|早上好|上午好|中午好|下午好|晚上好|有人吗"
)


_ONLY_GREETING = re.compile(
    rf"^(?:{_GREETING_WORD.pattern}|小助手)+[呀啊哈嘛吗呢~～!！。.,，?？\s]*$", re.IGNORECASE
)


def is_only_greeting(text: str) -> bool:
    """ "你好", "在吗？": a greeting and nothing else, never a follow-up to an answer."""
    return _ONLY_GREETING.match((text or "").strip()) is not None


def follow_up_not_greeting(text: str) -> bool:
    """A message that only makes sense after an answer, and holds no greeting word."""
    value = text.strip()
    return bool(_LEANS_ON.search(value)) and not _GREETING_WORD.search(value)


# "好嘛说正事 …": back to business after small talk, words that ask nothing
_ASIDE = re.compile(
    r"^(?:好嘛|好吧|好了|行|那|嗯)?[，,\s]*"
    r"(?:说正事|说点正事|言归正传|不开玩笑了|不扯了|不说这些了|问个?正经?事)(?:了|哈|嘛)?[，,。!！~\s]+"
)


def without_aside(text: str) -> str:
    """The message without a "好嘛说正事" in front (kept when nothing else is left)."""
    rest = _ASIDE.sub("", text, count=1)
    return rest if len(rest.strip()) >= MIN_AFTER_GREETING else text


# "ok thanks. do you have a yoga class …", "好的谢谢 晚上有瑜伽课没": thanks for the last
# answer, then the next question
_THANKS_FIRST = re.compile(
    r"^(?:ok|okay|好的|好|嗯|哦|要得)?[，,\s]*(?:谢谢|多谢|感谢|thanks|thank you)(?:你|您|了|哈|啊|啦)?"
    r"[，,。.!！~\s]+"
)


def without_greeting(text: str) -> str:
    """ "你好，请问加班费按几倍算" is a question: the greeting (or the thanks) in front is not
    what it asks."""
    rest = _THANKS_FIRST.sub("", _GREETING.sub("", text, count=1), count=1)
    return rest if len(rest.strip()) >= MIN_AFTER_GREETING else text
