"""Name and phone for every form that asks who the worker is: extraction and validation."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.corrections import corrected_name, corrected_phone
from actions.enrolment_party import own_name, own_phone
from actions.mediation_text import PROPOSED
from actions.message import latest_intent, plain_answer, typed_text, understood_text
from actions.opening import from_opening, is_opening, opening_name
from actions.validators import (
    COMMON_SURNAMES,
    clean_name,
    clean_phone,
    looks_like_name,
)
from bot.domain.people import mask_phone
from bot.domain.unpaid_wages import unpaid_text
from intents.foreign import ENGLISH

_LATIN_FULL_NAME = re.compile(r"^[A-Za-z]{2,}(?: [A-Za-z]{2,}){1,2}$")
_HAS_WORDS = re.compile(r"[\u4e00-\u9fffA-Za-z]")


_NAME_MISREAD_AS = frozenset({"frustrated", "greet", "thanks", "affirm", "deny", "goodbye"})


def surname_first(tracker: Tracker) -> str | None:
    """A 2-4 character answer at the name question that starts with a common surname, even
    when the classifier read it as a feeling or a greeting."""
    if tracker.get_slot("requested_slot") != "name" or tracker.get_slot("name") is not None:
        return None
    if latest_intent(tracker) not in _NAME_MISREAD_AS:
        return None
    text = typed_text(tracker).strip()
    name = looks_like_name(text)
    return name if name and len(name) <= 4 and name[0] in COMMON_SURNAMES else None


_PHONE_PART = re.compile(
    r"(?:电话|手机|手机号|号码|联系方式)?[号码是:：\s]*\+?(?:86)?[\d\s-]{11,16}"
)


def unpaid_told(tracker: Tracker, text: str) -> tuple[str, dict[str, Any]] | None:
    """In the mediation form, unpaid wages told where something else was asked: the sum,
    and the story (and the demand, when none was given) that keep it."""
    if tracker.active_loop_name != "mediation_form":
        return None
    said = unpaid_text(text)
    if said is None:
        return None
    story = str(tracker.get_slot("description") or "")
    kept: dict[str, Any] = {"description": f"{story}；{text}" if story else text}
    if not tracker.get_slot("demand") or tracker.get_slot("demand") in PROPOSED:
        kept["demand"] = "补发拖欠的工资" + said[said.index("一共") + 2 : -1]
    return said, kept


def _english(words: str) -> bool:
    """Latin words the English reading knows ("how much"): no name."""
    folded = words.lower()
    return folded in ENGLISH or any(w in ENGLISH for w in folded.split())


def name_and_phone(text: str) -> tuple[str | None, str | None]:
    """(name, phone) of "我叫马德明 电话158…" or "郑海 电话159…", when it holds both."""
    phone = clean_phone(text)
    if phone is None:
        return None, None
    rest = _PHONE_PART.sub(" ", text).strip(" ，,。")
    # ("zhou li 13752896341": a name in pinyin or Latin letters, two or three words)
    latin = clean_name(rest) if _LATIN_FULL_NAME.match(rest) and not _english(rest) else None
    return opening_name(text) or looks_like_name(rest) or latin, phone


class PersonSlotsMixin:
    """extract_/validate_ name and phone for a FormValidationAction (mixed in, not an Action)."""

    async def extract_name(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """A bare Chinese name at the name question, unless it reads as a policy topic;
        at any other question, a correction of the name given before."""
        fixed = corrected_name(tracker)
        if fixed:
            dispatcher.utter_message(text=f"好的，姓名已改为{fixed}。")
            return {"name": fixed}
        # "我张勇 136… 我老婆陈丽 189…": the worker's own of several people told (before "他叫…")
        opened = own_name(typed_text(tracker)) if is_opening(tracker) else None
        opened = opened or from_opening(tracker, "name")  # "我叫王建国，…想申请调解"
        if opened:
            return {"name": opened}
        if tracker.get_slot("requested_slot") == "name":
            both = own_name(typed_text(tracker))  # "我叫罗建 电话158… 我老婆叫何丽 电话189…"
            if both:
                return {"name": both}
            named, _ = name_and_phone(typed_text(tracker))  # "郑海 电话159…"
            if named:
                return {"name": named}
        name = looks_like_name(plain_answer(tracker, "name")) or surname_first(tracker)
        if name is None or understood_text(tracker) != typed_text(tracker):
            return {}  # ("que ren" is 确认 in pinyin, not a name)
        services = getattr(self, "services", None)
        if services is not None:
            hits = services.knowledge.search(name, k=1)
            if hits and hits[0].score >= services.config.retrieval.answer_threshold:
                return {}  # "年假" is a question, not a person
        return {"name": name}

    async def extract_phone(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        """A mobile number at the phone question, whatever the classifier made of it; at any
        other question, a corrected number ("电话错了，是139…")."""
        fixed = corrected_phone(tracker)
        if fixed:
            # whole, so the worker can check the correction digit by digit
            dispatcher.utter_message(text=f"好的，手机号已改为{fixed}。")
            return {"phone": fixed}
        # "我叫周丽137… 他叫何军189… 把我们两个都报上": the worker's own of the two
        opened = own_phone(typed_text(tracker)) if is_opening(tracker) else None
        opened = opened or from_opening(tracker, "phone")
        if opened:
            return {"phone": opened}
        phone = clean_phone(plain_answer(tracker, "phone"))
        if phone is None and tracker.get_slot("requested_slot") in ("name", "phone"):
            phone = own_phone(typed_text(tracker))  # the worker's own of two numbers
        if phone is None and tracker.get_slot("requested_slot") == "name":
            # "我当代表 我叫马德明 电话158…", "郑海 电话159…": the number comes with the name
            named, phone = name_and_phone(typed_text(tracker))
            phone = phone if named else None
        return {"phone": phone} if phone else {}

    def validate_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict
    ) -> dict[str, Any]:
        """Strip 我叫/我是 and keep only something that can be a real name; a phone number
        given instead ("159 2345 6789") is kept as the phone, and the name asked again."""
        name = clean_name(str(value or ""))
        if name is None:
            phone = clean_phone(str(value or ""))
            if (
                phone
                and tracker.get_slot("phone") in (None, phone)  # none before, or this one
                # a bare number, or one with its label ("电话是153…"), not a sentence
                and not _HAS_WORDS.search(_PHONE_PART.sub(" ", str(value)))
            ):
                dispatcher.utter_message(text=f"手机号{mask_phone(phone)}记下了。")
                return {"name": None, "phone": phone}
            unpaid = unpaid_told(tracker, str(value or ""))
            if unpaid is not None:
                # "我每个月5千8 9月10月11月都没发" at the name question: the sum kept for the
                # mediator, then the name asked again
                said, kept = unpaid
                dispatcher.utter_message(text=f"{said}这个记下了。")
                return {"name": None, **kept}
            if tracker.slots_to_validate().get("employer"):
                # "派遣公司是… 厂是…" at the name question: the employer taken, the name asked
                dispatcher.utter_message(text="单位记下了。")
                return {"name": None}
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


def leading_name(text: str) -> str | None:
    """The name a message begins with, alone before a space ("李娟 电话等下给你 …")."""
    head = re.split(r"[\s，,。]", (text or "").strip(), maxsplit=1)[0]
    if not 2 <= len(head) <= 3 or head[0] not in COMMON_SURNAMES or head == text.strip():
        return None
    return looks_like_name(head)
