"""A group's sums in the mediation form: "一共4个人 我王德明欠5600 李小兵欠4800 …" told, then
"对了加起来一共好多钱" asked with the other details ("电话137… 厂是…有限公司 就是要把工资补齐
对了加起来一共好多钱"): the total is said (bot/domain/group_amounts.py) and the rest of the
message answers the form as if the question were not there; "李小兵是4300 不是4800" puts one
sum right in what happened, and the total is said again; a group owed the same each ("9个人 …
每个人都是4500") is told the workers times the sum (bot/domain/group_same_sum.py)."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.message import recent_user_texts, typed_text, understood_text
from actions.validators import clean_description, dispute_types_in
from bot.domain.group_amounts import amount_corrected, amounts_each, group_total_text
from bot.domain.group_same_sum import parts_total, same_each_total
from bot.domain.overtime_mix import TOTAL
from bot.domain.party import party_told
from intents.request_cues import MOBILE as _MOBILE

# the sum asked: "加起来一共好多钱", "how much is that altogether" (read as 多少钱 … 一共)
_ASKS_SUM = re.compile(r"好多|多少|几多|好些钱")
# the part of the message that asks it, with the words leading into it ("对了 加起来一共好多钱")
_SUM_ASKED = re.compile(
    r"[\s，,。]*(?:对了|哦对了|还有|另外|那|那么)?[\s，,]*(?:我们|大家)?[^\s，,。]{0,4}?"
    r"(?:加起来|一共|总共|合计|加在一起)[^\s，,。]{0,8}?(?:好多|多少|几多)[^\s，,。]{0,4}[？?]*$"
)
TURNS_BACK = 6
GROUP_CLAIM = "dispute_group"  # the entry on a group's claim, whose rule the total applies


def group_pairs(tracker: Tracker) -> list[tuple[str, float]]:
    """Each worker's sum, from this message, what happened or the worker's recent messages."""
    kept = str(tracker.get_slot("description") or "")
    for text in [typed_text(tracker), kept, *recent_user_texts(tracker, TURNS_BACK)]:
        pairs = amounts_each(text)
        if pairs:
            return pairs
    return []


def group_sum_asked(tracker: Tracker) -> str | None:
    """The group's total, when the message asks it and the sums were told; else None."""
    read = understood_text(tracker)
    if not (TOTAL.search(read) and _ASKS_SUM.search(read)):
        return None
    pairs = group_pairs(tracker)
    if pairs:
        return group_total_text(pairs)
    # ("3个人每人欠12600 另外3个每人欠9800 一共好多钱": a group in parts)
    kept = str(tracker.get_slot("description") or "")
    for text in [typed_text(tracker), kept, *recent_user_texts(tracker, TURNS_BACK)]:
        total = parts_total(text)
        if total:
            return total
    # ("9个人 … 每个人都是4500" then "一共好多钱哦": the same sum each, times the workers)
    recent = recent_user_texts(tracker, TURNS_BACK)
    for text in [kept, *recent]:
        total = same_each_total(text)
        if total:
            return total
    # ("我们车间有6个人 …", then "… 每个人差不多8000" in another message, then the request
    # filed: the workers and the sum each, told apart)
    return same_each_total(" ".join(reversed(recent)))


# ... in English: "how much is that altogether", "what's the total"
_SUM_ASKED_IN_ENGLISH = re.compile(
    r"[\s,.]*(?:so\s+)?(?:how much (?:is|does|do|would)[^.?!]*(?:altogether|in total|total)"
    r"|what(?:'?s| is) (?:the|our) total)[^.?!]*[.?!]*$",
    re.IGNORECASE,
)


# ... or at its start: "一共好多钱嘛 要他全部结清"
_SUM_ASKED_FIRST = re.compile(
    r"^(?:那|那么|对了)?(?:我们|大家)?[^\s，,。]{0,4}?(?:加起来|一共|总共|合计|加在一起)"
    r"[^\s，,。]{0,6}?(?:好多|多少|几多)[^\s，,。]{0,3}?[？?]*[\s，,。]+(?=\S)"
)


def without_sum_asked(text: str) -> str:
    """The message without the question of the total at its end or start ("" if that is
    all)."""
    rest = _SUM_ASKED_IN_ENGLISH.sub("", _SUM_ASKED.sub("", text)).strip()
    return _SUM_ASKED_FIRST.sub("", rest).strip()


def only_the_list(text: str) -> bool:
    """The message (its question of the total taken out) tells each one's sum and no detail
    of the form ("3 people total. I'm owed 4500, Ma Li 4200, Gao Jun 4700")."""
    rest = without_sum_asked(text)
    listed = bool(amounts_each(rest) or parts_total(rest))  # ("3个人每人欠… 另外3个每人欠…")
    return listed and not re.search(r"1[3-9]\d{9}", rest)


def story_with_sum_fixed(story: str, text: str) -> str | None:
    """What happened with one worker's sum put right ("李小兵是4300 不是4800": 李小兵欠4800 becomes
    李小兵欠4300), when the story lists that worker; else None."""
    pairs = amounts_each(story)
    fixed = amount_corrected(text, pairs) if pairs else None
    if fixed is None:
        return None
    for (who, old), (_, new) in zip(pairs, fixed, strict=True):
        if old != new:
            at = story.find(who)
            head, tail = story[:at], story[at:]
            return head + re.sub(rf"(?<!\d){old:g}(?!\d)", f"{new:g}", tail, count=1)
    return None


def group_list_added(tracker: Tracker) -> str | None:
    """What happened with the group's list added ("一共4个人 我王德明欠5600 李小兵欠4800 …" told
    after the story), when the story kept does not hold it yet; else None."""
    story = str(tracker.get_slot("description") or "")
    said = without_sum_asked(typed_text(tracker))
    if not (amounts_each(said) or parts_total(said)) or amounts_each(story) or parts_total(story):
        return None
    return clean_description(f"{story}；{said}" if story else said)


def list_kind(tracker: Tracker, listed: str) -> dict[str, str]:
    """The dispute type the group's list names when none is held yet ("欠我9600 老李8200 …"
    after "一共欠我们好几万": wages owed), so it is not asked again; else {}."""
    kinds = [] if tracker.get_slot("dispute_type") else dispute_types_in(listed)
    return {"dispute_type": kinds[0]} if len(kinds) == 1 else {}


def members_added(tracker: Tracker) -> str | None:
    """What happened with the workmates who file together added ("我叫陈国强 136… 还有李志勇
    159… 何小平 177…": 一起申请的工友：李志勇 159…、何小平 177…), when the message names them with
    their numbers and the story does not hold them yet; else None. The mediators call them."""
    party = party_told(typed_text(tracker))
    story = str(tracker.get_slot("description") or "")
    others = [m for m in party[1:] if m.phone not in story]
    if not others:
        return None
    listed = "、".join(f"{m.name} {m.phone}" for m in others)
    return clean_description(
        f"{story}；一起申请的工友：{listed}" if story else f"一起申请的工友：{listed}"
    )


def member_phone_fixed(story: str, text: str) -> str | None:
    """What happened with one workmate's number put right ("汪平的电话写错了 是139…"), when the
    story lists that workmate with a number; else None."""
    numbers = _MOBILE.findall(text or "")
    if len(numbers) != 1 or "一起申请的工友" not in story:
        return None
    listed = re.findall(
        r"([\u4e00-\u9fffA-Za-z ]{2,12}?) (1[3-9]\d{9})", story.split("一起申请的工友：", 1)[1]
    )
    named = [(name.strip(), old) for name, old in listed if name.strip() and name.strip() in text]
    if len(named) != 1 or named[0][1] == numbers[0]:
        return None
    name, old = named[0]
    return story.replace(f"{name} {old}", f"{name} {numbers[0]}", 1)
