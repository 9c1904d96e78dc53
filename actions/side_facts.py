"""Facts of the dispute told inside a question asked in the middle of the mediation form.

"等哈 先问一下 我在那做了8个月 一直没签劳动合同 可以要双倍工资不" at the employer's question is
answered (side_questions.py) and the form asks again; a desk officer would also have noted
that the worker has been there 8 months without a written contract, and not ask what happened
again. The facts are the clauses of those messages that state something of the dispute (how
long, what pay, what went wrong); the asking itself ("可以要双倍工资不", "那能多要好多") and the
leads ("等哈", "先问一下") are not what happened, and stay out of the story and the demand.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.message import EXIT_INTENTS, as_chinese, latest_intent, opening_text
from actions.opening import STORY_MIN, short_opening_story
from actions.side_question_cues import LEAD_ALONE
from actions.validators import clean_description, dispute_types_in, other_kind_in
from bot.domain.severance import monthly_pay, months_worked

_CLAUSES = re.compile(r"[\s，,。；;！!？?、]+")
# a clause that asks ("可以要双倍工资不", "那能多要好多", "合法吗")
_ASKS = re.compile(
    r"(?:不|吗|嘛|呢|么|没|哇)$|好多|多少|咋|怎么|几天|几个月|啥子|什么|哪些|哪个|能不能|"
    r"可不可以|是不是|有没有|有没得|对不对|算不算|合不合法|要不要|行不行"
)
# where the asking begins in a clause that first tells ("…一直没签劳动合同可以要双倍工资不")
_ASK_BEGINS = re.compile(r"可以|能不能|能|可不可以|该不该|应该|是不是|有没有|有没得|算不算|合法")
_FACT_MIN = 4  # characters of a told fact ("工资4500")


def _tells(clause: str) -> bool:
    """A clause that states a fact of the dispute: its length of service, its pay, or a
    kind of dispute ("一直没签劳动合同")."""
    return bool(
        months_worked(clause) is not None
        or monthly_pay(clause) is not None
        or dispute_types_in(clause)
        or other_kind_in(clause)
    )


def told_facts(text: str) -> list[str]:
    """The clauses of one message that tell facts, without the question and its lead; once
    one tells a fact of the dispute, the other plain statements with it are its facts too
    ("我在那做了两年多 每个月5200 没提前通知我 能赔好多")."""
    told: list[tuple[str, bool]] = []
    for clause in _CLAUSES.split(text.strip()):
        if not clause or LEAD_ALONE.fullmatch(clause):
            continue
        if _ASKS.search(clause):
            begins = _ASK_BEGINS.search(clause)
            clause = clause[: begins.start()] if begins else ""
            clause = re.sub(r"(?:那|那我|我)$", "", clause)
        if len(clause) >= _FACT_MIN:
            told.append((clause, _tells(clause)))
    if not any(fact for _, fact in told):
        return []
    return [clause for clause, _ in told]


def _answered_in_form(tracker: Tracker, form: str) -> list[str]:
    """The worker's messages in the current run of `form`, after the one that started it,
    that the bot answered as a question (a reply naming its FAQ entry), oldest first."""
    start = None
    for index in range(len(tracker.events) - 1, -1, -1):
        event = tracker.events[index]
        if event.get("event") == "active_loop" and event.get("name") == form:
            start = index
            break
    if start is None:
        return []
    answered: list[str] = []
    pending: str | None = None
    for event in tracker.events[start + 1 :]:
        kind = event.get("event")
        if kind == "user":
            pending = str(event.get("text") or "")
            if pending.startswith("/"):
                pending = None
        elif kind == "bot" and pending is not None:
            data = {**(event.get("metadata") or {}), **(event.get("data") or {})}
            if data.get("faq"):
                answered.append(pending)
                pending = None
    return answered


def facts_told_aside(tracker: Tracker, form: str = "mediation_form") -> list[str]:
    """The facts told in questions answered in the middle of `form`, oldest first, each once
    ("我在那做了8个月", "一直没签劳动合同", "工资4500")."""
    facts: list[str] = []
    for text in _answered_in_form(tracker, form):
        for fact in told_facts(as_chinese(text)):
            if fact not in facts:
                facts.append(fact)
    return facts


def story_with_aside(story: str | None, tracker: Tracker) -> str | None:
    """What happened, with the facts told aside after it ("公司把我开了；我在那做了8个月，一直没签
    劳动合同，工资4500"); None when no fact was told aside."""
    facts = [f for f in facts_told_aside(tracker) if not story or f not in story]
    if not facts:
        return None
    told = "，".join(facts)
    return clean_description(f"{story}；{told}" if story else told)


def story_told_aside(tracker: Tracker) -> str | None:
    """What happened, from the facts told in questions answered at other questions of the
    mediation form, with the few words the opening told ("公司把我开了"): not asked again once
    it tells a dispute. None while the story itself is asked or already told."""
    requested = tracker.get_slot("requested_slot")
    if tracker.get_slot("description") or requested in (None, "description"):
        return None
    # (only with an answer to the form's question: "算了 我先不申请了" leaves the form, and a
    # story set then would keep it going)
    if latest_intent(tracker) in EXIT_INTENTS or requested not in tracker.slots_to_validate():
        return None
    short = short_opening_story(opening_text(tracker, "mediation_form"))
    story = story_with_aside(short, tracker)
    if not story or len(story) < STORY_MIN:
        return None
    return story if dispute_types_in(story) or other_kind_in(story) else None
