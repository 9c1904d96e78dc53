"""Reading the worker's latest message from the tracker, the same way in every action."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from rasa_sdk import Tracker

from intents.foreign import read_foreign
from intents.normalise import fold

# a worker leaving or answering yes/no is never mistaken for a form answer
EXIT_INTENTS = {
    "cancel", "human_handoff", "frustrated", "help", "affirm", "deny", "thanks", "goodbye",
    "greet",
}  # fmt: skip


def latest_intent(tracker: Tracker) -> str | None:
    return ((tracker.latest_message or {}).get("intent") or {}).get("name")


def latest_confidence(tracker: Tracker) -> float:
    """How sure the classifier was of this message's intent (0 when unknown)."""
    return float(((tracker.latest_message or {}).get("intent") or {}).get("confidence") or 0)


def latest_entity(tracker: Tracker, name: str) -> str | None:
    """This message's value for an entity (a slot may still hold an older one)."""
    for e in (tracker.latest_message or {}).get("entities") or []:
        if e.get("entity") == name and e.get("value") not in (None, ""):
            return str(e["value"])
    return None


def entity_words(tracker: Tracker, name: str, value: str | None = None) -> str | None:
    """The words of this message an entity was read from ("读书" for 亲子绘本阅读); with
    `value`, of the entity with that value ("专升本" in "等我大专毕业了再读专升本")."""
    message = tracker.latest_message or {}
    text = message.get("text") or ""
    for e in message.get("entities") or []:
        if (
            e.get("entity") == name
            and (value is None or e.get("value") == value)
            and isinstance(e.get("start"), int)
            and isinstance(e.get("end"), int)
        ):
            return text[e["start"] : e["end"]]
    return None


def typed_text(tracker: Tracker) -> str:
    """What the worker wrote; a button payload carries no words of theirs."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    return "" if text.startswith("/") else text


def understood_text(tracker: Tracker) -> str:
    """What the worker wrote, with English and pinyin read as Chinese (intents/foreign.py),
    for matching words against courses; never stored or shown."""
    return as_chinese(typed_text(tracker))


def plain_answer(tracker: Tracker, slot: str) -> str | None:
    """The message, when the form asked for `slot` and the slot mappings left it empty.

    Short answers like "周晓" are sometimes classified as a question or a search; the
    mappings then skip them (not_intent), and the form would wrongly answer the "question".
    """
    if tracker.get_slot("requested_slot") != slot or tracker.get_slot(slot) is not None:
        return None
    if latest_intent(tracker) in EXIT_INTENTS:
        return None
    return typed_text(tracker) or None


def previous_value(tracker: Tracker, slot: str) -> Any:
    """The slot's value before this message (the last one set before the latest user event)."""
    seen_user = False
    for e in reversed(tracker.events):
        if e.get("event") == "user":
            seen_user = True
        elif seen_user and e.get("event") == "slot" and e.get("name") == slot:
            return e.get("value")
    return None


def _last_turn(tracker: Tracker) -> Iterator[dict[str, Any]]:
    """The events of the bot's last turn before the worker's latest message, latest first."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                return
            seen_user = True
        elif seen_user:
            yield event


def previous_action(tracker: Tracker) -> str | None:
    """The bot's last action before the worker's latest message (a wait for staff the worker
    gave up looked past: previous_actions)."""
    last = previous_actions(tracker, 1)
    return (last[0] or None) if last else None


def set_last_turn(tracker: Tracker, slot: str) -> bool:
    """The bot's last turn set `slot` to a value (a course put in view by an answer given
    inside a form, before the form's own last action)."""
    return any(
        e.get("event") == "slot" and e.get("name") == slot and e.get("value")
        for e in _last_turn(tracker)
    )


def faq_of_last_turn(tracker: Tracker) -> str | None:
    """The FAQ entry a reply of the bot's last turn answered, also a question answered in the
    middle of a form (the bot event's data says which)."""
    for event in _last_turn(tracker):
        if event.get("event") == "bot":
            faq = (event.get("data") or {}).get("faq") or (event.get("metadata") or {}).get("faq")
            if faq:
                return str(faq)
    return None


def _turn_actions(tracker: Tracker, turns: int) -> list[str]:
    """The bot's last action in each of the last `turns` turns before the latest message,
    most recent first ("" where a turn ran none)."""
    found: list[str] = []
    users = 0
    pending: str | None = None
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if users:
                found.append(pending or "")
                if len(found) == turns:
                    break
            users += 1
            pending = None
        elif users and event.get("event") == "action" and pending is None:
            if event.get("name") != "action_listen":  # Rasa's trackers hold it, ours do not
                pending = event.get("name")
    else:
        if users and len(found) < turns and pending is not None:
            found.append(pending)
    return found


HANDOFF = "action_handoff"
# the turns looked past at most: the handoff, and the messages held while waiting
_HELD_LOOKBACK = 6


def past_the_queue(last: list[str]) -> list[str]:
    """The bot's last actions with a wait for staff the worker gave up looked past ("转人工",
    then "算了 不用了 还是问你嘛 要交好多钱": the course shown before is the one asked about;
    "算了 我工作了12年" after the days of annual leave: those days); turns that ran no action
    are the messages held while waiting."""
    skipped = 0
    while skipped < len(last) and last[skipped] in ("", HANDOFF):
        skipped += 1
    return last[skipped:] if HANDOFF in last[:skipped] else last


def previous_answer(services: Any, tracker: Tracker) -> Any:
    """The FAQ entry answered in the bot's last turn, when this message may follow up on it
    (also one answered inside a form: "不用厂头批准也可以走噻" after the notice to quit, asked
    at the enrolment's name question)."""
    slug = tracker.get_slot("last_faq")
    if not slug or previous_action(tracker) != "action_answer_policy":
        slug = faq_of_last_turn(tracker) if tracker.active_loop_name else None
    return services.knowledge.get(str(slug)) if slug else None


def previous_actions(tracker: Tracker, turns: int = 2) -> list[str]:
    """The bot's last action in each of the last `turns` turns before the latest message,
    most recent first ("" where a turn ran none), a wait for staff given up looked past."""
    return past_the_queue(_turn_actions(tracker, turns + _HELD_LOOKBACK))[:turns]


def ran_this_turn(tracker: Tracker, action: str) -> bool:
    """`action` already ran for the latest message (it handed over to the one running now)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") == action:
            return True
    return False


def asked_before(tracker: Tracker, form: str) -> bool:
    """Whether the worker has said anything since `form` became active: its first question is
    being asked again (after a side question), not for the first time."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return True
        if event.get("event") == "active_loop" and event.get("name") == form:
            return False
    return False


def opening_text(tracker: Tracker, form: str) -> str:
    """The worker's message that started `form` (the last one before it became active), or
    "" when none is found."""
    started = False
    for event in reversed(tracker.events):
        if not started:
            started = event.get("event") == "active_loop" and event.get("name") == form
        elif event.get("event") == "user":
            return str(event.get("text") or "")
    return ""


def form_texts(tracker: Tracker, form: str) -> list[str]:
    """The worker's messages since `form` was started, its opening one first ([] when the
    form was never started)."""
    texts: list[str] = []
    started = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            texts.insert(0, str(event.get("text") or ""))
            if started:
                return texts
        elif event.get("event") == "active_loop" and event.get("name") == form:
            started = True
    return []


# how many of the worker's earlier messages may tell what they said of themselves
TOLD_BEFORE = 8


def last_reply(tracker: Tracker) -> list[dict[str, Any]]:
    """The bot events of the reply before this message, in the order sent."""
    seen_user, reply = False, []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                break
            seen_user = True
        elif seen_user and event.get("event") == "bot":
            reply.insert(0, event)
    return reply


def recent_bot_texts(tracker: Tracker, turns: int) -> list[str]:
    """The bot's replies in each of the last `turns` turns before this message, latest
    first (one text per turn, its messages joined)."""
    found: list[str] = []
    users, current = 0, []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if users and current:
                found.append("\n".join(reversed(current)))
            users += 1
            current = []
            if users > turns:
                break
        elif users and event.get("event") == "bot":
            current.append(str(event.get("text") or ""))
    else:
        if current and users <= turns:
            found.append("\n".join(reversed(current)))
    return found


def last_bot_text(tracker: Tracker) -> str:
    """What the bot said last, before this message ("" when nothing)."""
    reply = last_reply(tracker)
    return str(reply[-1].get("text") or "") if reply else ""


def as_chinese(text: str) -> str:
    """English and pinyin read as Chinese ("my salary is 5220 yuan a month"), else as typed."""
    chinese = read_foreign(fold(text))
    return chinese if chinese != fold(text) else text


def recent_user_texts(tracker: Tracker, count: int) -> list[str]:
    """The worker's last `count` messages before this one, newest first (English and pinyin
    read as Chinese, as understood_text reads this one); the short answers given to a form
    that has ended (a name, a phone, "确认") are skipped: "回到刚才那个补偿 …" after a request
    was filed reads the figures told before it."""
    said: list[tuple[str, bool]] = []
    started: int | None = None  # the first message answered inside the form running
    for e in tracker.events:
        kind = e.get("event")
        if kind == "user":
            said.append((str(e.get("text") or ""), False))
        elif kind == "active_loop" and e.get("name"):
            started = len(said) if started is None else started
        elif kind == "active_loop" and started is not None:
            # the form ended: its short answers are no context for what comes later
            said[started:] = [(t, True) for t, _ in said[started:]]
            started = None
    # (this message dropped first: a button's payload is this message too)
    texts = [
        t
        for t, answered in said[:-1]
        if not t.startswith("/") and not (answered and _SHORT_ANSWER.fullmatch(_PHONE.sub("", t)))
    ]
    return [as_chinese(t) for t in list(reversed(texts))[:count]]


_PHONE = re.compile(r"(?:\+?86)?1[3-9]\d{9}")
# a form's short answer: a name, a company, "确认", "要经济补偿" (no figure told)
_SHORT_ANSWER = re.compile(r"[^\d]{0,14}")


_OFFERED = re.compile(r'^/policy_question\{"faq_id":\s*"(?P<slug>[^"]+)"')


def offered_entries(tracker: Tracker) -> list[str]:
    """The FAQ entries the bot's last reply offered as buttons (related questions under an
    answer), in the order shown."""
    slugs = []
    for event in last_reply(tracker):
        shown = ((event.get("data") or {}).get("buttons")) or []
        found = [_OFFERED.match(str(b.get("payload") or "")) for b in shown]
        slugs += [m.group("slug") for m in found if m]
    return slugs


# a subject talked of before another, pointed back at ("周六下午我要上班 那算了 回到刚才 如果…")
# ("back to the leave": 回到年假)
_TAKEN_UP_AGAIN = re.compile(r"回到(?!小助手|机器人)|说回|接着刚才|接着说刚才")


def takes_up_again(text: str) -> bool:
    """The message goes back to what was talked of before the last subject."""
    return _TAKEN_UP_AGAIN.search(text or "") is not None
