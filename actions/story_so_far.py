"""What happened, as the worker told it before asking to file a mediation request.

A worker usually asks first ("厂头要搬到江津去 … 是不是这样嘛"), gives figures for a sum ("我做了
5年零7个月 每个月4千8"), adds a detail ("他也没提前说 今天才说下个星期就不要来了") and only then
says "那我申请调解嘛". A desk officer would not ask what happened again: the messages the bot
answered since the last form, those that tell the dispute or its facts, are what happened (the
summary shows it, and the worker can change it there).
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.message import as_chinese, previous_action
from actions.opening import STORY_MIN, is_opening, opening_description
from actions.validators import (
    DESCRIPTION_MAX,
    clean_description,
    dispute_types_in,
    other_kind_in,
)
from bot.domain.count_corrected import sum_put_right
from bot.domain.severance import monthly_pay, months_worked

# the bot's replies to a story told before the request (an answer, or "您说的情况我记下了")
# (or the queue for staff, left to file: "算了 不等了 还是你帮我申请调解嘛" after the story)
# (or "咋办嘛" after the story, answered by the out-of-scope action with what to do about it)
_ANSWERED_BY = frozenset(
    {
        "action_answer_policy",
        "action_fallback",
        "action_handoff",
        "action_back_to_bot",
        "action_out_of_scope",
    }
)
# the worker's messages looked at, newest first
STORY_LOOKBACK = 6


def answered_messages(tracker: Tracker, count: int = STORY_LOOKBACK) -> list[str]:
    """The worker's messages before this one, newest first, back to the last form that ran (what
    was said for it is not this story); button taps are skipped (English and pinyin read in
    Chinese)."""
    return [as_chinese(text) for text in _answered_as_typed(tracker, count)]


def _answered_as_typed(tracker: Tracker, count: int = STORY_LOOKBACK) -> list[str]:
    texts: list[str] = []
    current = False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            if not current:
                current = True
                continue
            text = str(event.get("text") or "")
            if not text.startswith("/"):
                texts.append(text)
            if len(texts) >= count:
                break
        elif kind == "active_loop" and current:
            break
    return texts


# a question of a few words ("加班费咋算"), no fact of the story
_ONLY_ASKS = re.compile(
    r"^.{0,10}(?:吗|嘛|不|呢|么|[？?]|咋算|咋个算|怎么算|好多|多少|几天)[？?]*$"
)


# words of English that pinyin never spells ("the", "my", "they"): a message typed in English
_ENGLISH_WORDS = re.compile(
    r"\b(?:the|my|they|them|their|is|are|was|were|have|has|with|and|for|i|it|to|of|at|what|"
    r"how|did|not|no|last|this|without|any|month|months|salary|boss|company|worked|work|paid|"
    r"pay|want|please|in|on|do|does|be)\b",
    re.IGNORECASE,
)
ENGLISH_WORDS_SEEN = 2


def _english(typed: str) -> bool:
    """A message typed in English, not pinyin (kept as typed for the mediator)."""
    return len(_ENGLISH_WORDS.findall(typed)) >= ENGLISH_WORDS_SEEN


# the course actions a question about a course aside is answered by
_COURSE_ACTIONS = frozenset({"action_search_courses", "action_course_followup"})


def _back_to_the_dispute(tracker: Tracker) -> bool:
    """ "那工资的事帮我申请调解 …" right after a course question aside (a partner's class):
    the request names the dispute told before it."""
    said = as_chinese(str((tracker.latest_message or {}).get("text") or ""))
    return previous_action(tracker) in _COURSE_ACTIONS and (
        bool(dispute_types_in(said)) or _DISPUTE_NAMED.search(said) is not None
    )


# "那工资的事", "补偿的事情": the dispute named by its subject
_DISPUTE_NAMED = re.compile(
    r"(?:工资|工钱|补偿|赔偿|加班费|社保|保险|工伤|合同|押金|欠薪|欠款)(?:的)?(?:事|那个事|问题)"
)


# a sum or a length told with the dispute ("两个月", "八千多块", "15000")
_FIGURE = re.compile(r"\d{3,}|[一二两三四五六七八九十几]+\s*(?:个月|年|万|千|百)")


def _tells_facts(text: str) -> bool:
    """ "我做了5年零7个月 每个月4千8左右 能补好多": the years and the pay of the story."""
    return months_worked(text) is not None or monthly_pay(text) is not None


def story_before(tracker: Tracker) -> str | None:
    """What happened, told in the messages the bot answered just before the opening one
    ("…一分加班费没得 我能找哪个" answered, then "那我想申请调解"): not asked again. None
    unless one of them tells a dispute."""
    if not is_opening(tracker):
        return None
    if previous_action(tracker) not in _ANSWERED_BY and not _back_to_the_dispute(tracker):
        return None
    told: list[str] = []
    story = kind_told = False
    said = _answered_as_typed(tracker)
    for i in range(
        len(said) - 1
    ):  # ("我一个月7500" then "等哈 我说错了 是7800": the sum put right)
        said[i + 1] = sum_put_right(said[i], said[i + 1]) or said[i + 1]
    for typed in said:
        text = as_chinese(typed)
        found = opening_description(text)
        if found:
            # (a story told in English is kept as the worker wrote it; pinyin as read)
            told.append(typed.strip() if _english(typed) else found)
            story = True
        elif _tells_facts(text) or (
            (dispute_types_in(text) or other_kind_in(text)) and not _ONLY_ASKS.search(text)
        ):
            # ("他说下个星期就不要来了": a short word of the dispute, kept with the story)
            told.append(typed.strip() if _english(typed) else text.strip())
            kind_told = kind_told or bool(dispute_types_in(text) or other_kind_in(text))
    # ("我怀孕4个月了 公司说要裁我 这个合法不" then "我一个月6千 做了2年8个月": the dispute
    # in a short message and its facts in another tell the story together)
    # ("厂里欠了我两个月工资 八千多块": a short story with its figures tells enough)
    figured = any(_FIGURE.search(t) for t in told)
    if not story and not (kind_told and (figured or sum(len(t) for t in told) >= 2 * STORY_MIN)):
        return None
    kept: list[str] = []
    for text in told:  # the newest first, as many as fit
        if sum(len(t) + 1 for t in [*kept, text]) > DESCRIPTION_MAX:
            break
        kept.append(text)
    return clean_description(" ".join(reversed(kept)))


def employer_before(tracker: Tracker) -> str | None:
    """The employer named in the story told just before the request ("我在启航教育培训学校当
    老师 干了6年半 …" answered, then "我要申请调解 要他们给补偿 我叫…"): not asked again."""
    from actions.employer_named import opening_employer  # (it reads the opening's words)

    if not story_before(tracker):
        return None
    named = next(filter(None, map(opening_employer, answered_messages(tracker))), None)
    # ("我在物业公司做保洁做了七年": a kind of employer, not its name; the form asks it)
    return None if named is None or _KIND_ONLY.fullmatch(named) else named


# an employer told by its kind alone: two characters of trade, then the kind of place
_KIND_ONLY = re.compile(
    r"[\u4e00-\u9fff]{0,2}(?:公司|工厂|厂|店|超市|酒店|餐馆|饭店|学校|工地|医院|养老院|物业)"
)
