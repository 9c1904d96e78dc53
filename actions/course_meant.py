"""Which course a follow-up means: a button's code, a position in the list in view, a name,
or the one talked about just before ("第二个", "那个厨师的烹调师", "娃儿那个几岁能去")."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.course_context import FOCUS_SLOT
from actions.course_filters import wanted_course
from actions.course_narrowing import ABOUT_THE_LEARNER, AS_A_CLASS, named_in
from actions.message import entity_words, latest_entity, recent_user_texts
from actions.services import Services
from bot.domain.course_questions import ABOUT_ME, about_me, ordinal, pick, points_back
from bot.knowledge.followups import leans_on_context
from bot.store import courses as repo
from bot.store.models import Course

# "周四那个", "星期六的那个": a course of the list named by its day
_DAY_POINTED = re.compile(r"(?:周|星期|礼拜)(?P<d>[一二三四五六日天])(?:的)?那个")


def course_meant(
    services: Services,
    s: Any,
    tracker: Tracker,
    text: str,
    listed: list[Course],
    context: bool,
) -> Course | None:
    """The course meant: a button's code, a position in the list, a name, or the one
    talked about just before."""
    code = latest_entity(tracker, "course_id")
    if code:
        return repo.get_by_code(s, code)
    position = ordinal(text)
    entity = wanted_course(tracker)
    by_name = repo.get_by_name(s, entity) if entity else None
    enrolling = (
        tracker.get_slot("course_id") if tracker.active_loop_name == "enrolment_form" else None
    )
    if enrolling and by_name is None and position is None:
        # "等哈 这个文凭国家认不认哦" at the enrolment's summary: the course enrolled in
        return repo.get_by_code(s, str(enrolling))
    day = _DAY_POINTED.search(text)
    if day is not None and position is None and by_name is None and len(listed) > 1:
        # "周四那个在哪里 学些啥子" with two courses in view: the one that meets on that day
        named = "周" + ("日" if day.group("d") in "天日" else day.group("d"))
        meets = [c for c in listed if named in (c.weekdays or [])]
        if len(meets) == 1:
            return meets[0]
    theirs = _theirs(tracker, text, listed) if position is None and by_name is None else None
    if theirs is not None:  # "她那个呢 哪天上课": the course she was said to want
        return theirs
    named = _named_in_order(tracker)
    if position is not None and 0 < position <= len(named) and len(named) >= NAMED_TO_COUNT:
        # "我看到有烘焙 乒乓球 还有电工 第三个要啥子条件": the third the worker named
        return repo.get_by_name(s, named[position - 1]) or None
    if position is not None and listed:
        picked = pick(listed, position)
        if by_name is not None and by_name in listed and picked is not by_name:
            return by_name  # "那第一个 手机拍照那个": the name says which, not the count
        return picked
    focus = tracker.get_slot(FOCUS_SLOT) if context else None
    words = (
        entity_words(tracker, "course_name", entity) or entity_words(tracker, "course_name") or ""
    )
    if by_name is not None and words and AS_A_CLASS.match(text[text.find(words) + len(words) :]):
        return by_name  # "家政那个班又是在哪点": the course named, not the one in view
    if focus and points_back(text):
        # "娃儿那个几岁能去": the course a word before 那个 names, else the one in focus
        pointed = [
            c
            for c in repo.open_courses(s, services.today())
            if any(
                k in text and AS_A_CLASS.match(text[text.find(k) + len(k) :])
                for k in [c.name, *(c.keywords or [])]
                if len(k) >= 2
            )
        ]
        if len(pointed) == 1:
            return pointed[0]
        if by_name is not None and not any(w in words for w in ABOUT_THE_LEARNER):
            return by_name  # "那个厨师的烹调师哪天上课": the course it names
        return repo.get_by_code(s, str(focus))
    if (
        by_name is not None
        and focus
        and by_name.code != focus
        # (a word of one course only names it: "书法课在哪里", "叉车证好多钱")
        and (any(w in words for w in ABOUT_THE_LEARNER) or ABOUT_ME.search(text) is not None)
        # (a course named by its own name is meant: "等我大专毕业了再读专升本 每年交好多";
        # not a name that is the worker's schooling: "我大专还差一年毕业")
        and (words not in by_name.name or about_me(text, words))
        and all(c.code != by_name.code for c in listed)
        and not leans_on_context(text)
    ):
        # "我读书的时候成绩不好 要考试不" about the course in view: a keyword of another
        # course (读书 for 亲子绘本阅读) in a question about this one does not move on, nor
        # does the worker's own schooling ("我大专还没毕业 能报吗" about 专升本)
        return repo.get_by_code(s, str(focus))
    if by_name is not None:
        return by_name
    named = named_in(
        listed or repo.open_courses(s, services.today()),
        text,
        focus_held=focus is not None,
    )
    if len(named) == 1:
        return named[0]
    if focus:
        return repo.get_by_code(s, str(focus))
    return listed[0] if len(listed) == 1 else None


# courses a message names that its "第三个" may count among ("烘焙 乒乓球 还有电工 第三个…")
NAMED_TO_COUNT = 2


def _named_in_order(tracker: Tracker) -> list[str]:
    """The courses the message names, in the order it names them (each once)."""
    found = sorted(
        (
            e
            for e in (tracker.latest_message or {}).get("entities") or []
            if e.get("entity") == "course_name" and e.get("value")
        ),
        key=lambda e: e.get("start") if isinstance(e.get("start"), int) else 0,
    )
    return list(dict.fromkeys(str(e["value"]) for e in found))


# "她那个呢", "我老婆那个": the course someone other than the worker was said to want
_THEIRS = re.compile(r"(?P<who>他|她|我?(?:老婆|老公|爱人|媳妇|儿子|女儿|妈|爸|同事))的?那个")
# "她想学带娃儿那种 当育儿嫂": what that person wants, said before
_WANTS = r"(?:想|要)?(?:学|考|报|读|当|做)"
THEIRS_LOOKBACK = 6


def _theirs(tracker: Tracker, text: str, listed: list[Course]) -> Course | None:
    """The one course of those in view that the person named was said to want."""
    m = _THEIRS.search(text)
    if m is None or len(listed) < 2:
        return None
    who = re.escape(m.group("who").removeprefix("我"))
    said = re.compile(rf"{who}{_WANTS}(?P<words>[^，,。？?]{{2,16}})")
    for before in recent_user_texts(tracker, THEIRS_LOOKBACK):
        wish = said.search(before)
        if wish is None:
            continue
        found = named_in(listed, wish.group("words"))
        if len(found) == 1:
            return found[0]
    return None
