"""Enrolling several people at once: the worker and the companions told with them ("报两个
我 蒋华 137… 同事 付小军 189…"), each in the course wanted (the form's, or the one that person
alone was said to want: "我老公报书法"), one summary for all, a companion's number corrected
at it, and on confirming a place or the waiting list for each in turn."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from sqlalchemy.orm import Session

from actions.message import as_chinese, form_texts, recent_user_texts, typed_text
from bot.domain.courses import resolve, when_text
from bot.domain.party import (
    Member,
    kin_of,
    named_without_number,
    party_told,
    person_before_number,
)
from bot.domain.people import mask_phone
from bot.store import courses as repo
from bot.store.models import ENROLLED, Course
from intents.request_cues import MOBILE as _MOBILE

# "我老公也想学 把我们两个都报上 … 他叫何军189…": one partner told with a wish to come together
_TOGETHER = re.compile(
    r"我们两个|我们俩|我俩|两口子|两个都报|一起报|都报上|也想学|也要学|也想报|也报|一起学"
    r"|(?:两个|俩)(?:人)?都报"
)
_PARTNER = re.compile(
    # ("我老婆陈丽 189…": the name said right after who she is)
    r"(?:他|她|我老公|我老婆|我爱人|我媳妇|我婆娘|我男人|老公|老婆|婆娘|爱人)(?:叫|是)?\s*"
    r"(?P<name>[\u4e00-\u9fff]{2,3}?)[\s，,]*(?:电话|手机|号码)?(?:是)?[\s，,:：]*"
    r"(?P<phone>1[3-9]\d{9})(?!\d)"
)

# "我儿子电话说错了 是185…", "付小军的号码打错了": a companion's number put right
_FIXES = re.compile(r"错|不对|改成|改为|应该是|更正|打反|换成")
_PHONE_WORDS = re.compile(r"电话|手机|号码|号|phone|number", re.I)

# how far back a course one person alone wants is looked for ("我儿子想学直播带货")
RECENT_FOR_WANTS = 8


def companions_told(text: str) -> list[Member]:
    """The people to enrol with the worker that one message tells, with their numbers."""
    party = party_told(text)
    if party:
        return party[1:]
    if not _TOGETHER.search(text or ""):
        return []
    m = _PARTNER.search(text or "")
    return [Member(m.group("name"), m.group("phone"), "爱人")] if m else []


def own_name(text: str) -> str | None:
    """The worker's own name in a message that lists several people with their numbers."""
    party = party_told(text)
    return party[0].name if party else None


def own_phone(text: str) -> str | None:
    """The worker's own number in a message that lists several people with their numbers."""
    party = party_told(text)
    if party:
        return party[0].phone
    companions = companions_told(text)
    if not companions:
        return None
    others = [p for p in _MOBILE.findall(text) if p not in {c.phone for c in companions}]
    return others[0] if len(others) == 1 else None


def _named(text: str, member: Member) -> bool:
    return (
        member.name in text
        or bool(member.who and member.who in text)
        or (member.who == "爱人" and bool(re.search(r"老婆|老公|媳妇|婆娘|爱人", text)))
    )


def companion_fixed(text: str, companions: list[Member]) -> tuple[int, str] | None:
    """Which companion's number a message puts right, and the new number."""
    text = as_chinese(text)
    if not _FIXES.search(text) or not _PHONE_WORDS.search(text):
        return None
    numbers = _MOBILE.findall(text)
    named = [i for i, c in enumerate(companions) if _named(text, c)]
    if len(numbers) != 1 or len(named) != 1:
        return None
    return named[0], numbers[0]


def companions_in_form(tracker: Tracker) -> list[Member]:
    """The companions told in the enrolment form's messages (the latest that tells any),
    with the numbers put right after, and the one awaited once their details come."""
    texts = form_texts(tracker, "enrolment_form")
    companions: list[Member] = []
    at = -1
    for at in range(len(texts) - 1, -1, -1):
        companions = companions_told(texts[at])
        if companions:
            break
    for later in texts[at + 1 :] if companions else []:
        fixed = companion_fixed(later, companions)
        if fixed is not None:
            i, phone = fixed
            c = companions[i]
            companions[i] = Member(c.name, phone, c.who, c.course_words)
    came = _awaited_came(tracker, texts)
    return companions + ([came] if came is not None else [])


# "瑜伽 帮我和我男朋友报 我叫孙悦 173…": someone to come along, their details not given yet
_ALONG = re.compile(
    r"(?:我和|我跟|和我|跟我)(?:我的?)?(?P<who>男朋友|女朋友|对象|老公|老婆|爱人|媳妇|儿子|女儿"
    r"|妈妈|妈|爸爸|爸|同事|朋友|姐姐|妹妹|哥哥|弟弟)"
)
_CALLED = {"老公": "爱人", "老婆": "爱人", "媳妇": "爱人", "妈": "妈妈", "爸": "爸爸"}
_OWN = re.compile(r"我叫|我是|本人")


Awaited = tuple[int, str | None, str, str | None]  # (message, name, who, course words)


def _awaited(tracker: Tracker, texts: list[str]) -> Awaited | None:
    """Where someone to come along was told without a number: the message of the form, their
    name if told, who they are and the course they alone want ("我想考个叉车证 她想学带娃儿那种"
    then "两个都报嘛 我叫谭志刚 159…": she comes too, to the course she wants)."""
    for at, text in enumerate(texts):
        named = named_without_number(text)
        if named is not None:
            return at, named[0], named[1], None
        along = _ALONG.search(text)
        if along and not companions_told(text):
            who = along.group("who")
            return at, None, _CALLED.get(who, who), None
    if texts and (BOTH_PEOPLE.search(texts[0]) and not companions_told(texts[0])):
        others = [(who, words) for who, words in wishes_before(tracker).items() if who != "我"]
        if len(others) == 1:
            who, words = others[0]
            return 0, None, kin_of(who) or who, words
    return None


def _awaited_came(tracker: Tracker, texts: list[str]) -> Member | None:
    """The one awaited, once a later message gives their number (and name, if not known)."""
    awaited = _awaited(tracker, texts)
    if awaited is None:
        return None
    at, name, who, words = awaited
    for later in texts[at + 1 :]:
        told = person_before_number(later)
        numbers = _MOBILE.findall(later)
        if told is not None and not _OWN.search(later):
            return Member(name or told[0], told[1], who, words)
        if name and len(numbers) == 1 and not _OWN.search(later):
            return Member(name, numbers[0], who, words)
    return None


def awaited_line(tracker: Tracker) -> str | None:
    """The summary's line for someone to come along whose details are not given yet."""
    texts = form_texts(tracker, "enrolment_form")
    awaited = _awaited(tracker, texts)
    if awaited is None or _awaited_came(tracker, texts) is not None:
        return None
    _, name, who, _ = awaited
    if name:
        return f"{name}的手机号还没给：发过来就一起报上；只报上面的人，点“确认报名”。"
    called = who if who in ("他", "她") else f"您{who}"
    return f"{called}的姓名和手机号还没给：发过来就一起报上；只报您自己，点“确认报名”。"


def companion_fix_in_message(tracker: Tracker) -> tuple[Member, str] | None:
    """The companion whose number this message corrects, and the new number."""
    companions = companions_in_form(tracker)
    if not companions:
        return None
    fixed = companion_fixed(typed_text(tracker), companions)
    return (companions[fixed[0]], fixed[1]) if fixed else None


# "我想学育婴员 我儿子想学直播带货": what each person was said to want, earlier
_WISH = re.compile(
    r"(?P<who>我(?:儿子|女儿|老婆|老公|爱人|媳妇|妈|爸|同事|妹妹?|姐姐?|弟弟?|哥哥?)?|她|他)"
    # ("我想考个叉车证 她想学带娃儿那种": a certificate to take, a kind of course)
    r"(?:也)?(?:想|要)?(?:学|报|考|读|当)(?:个|一个|点)?"
    r"(?P<course>[\u4e00-\u9fff]{2,10}?)(?=[\s，,。]|$)"
)
# "两个都报嘛", "我们两个都报": both people (each to the course they were said to want)
BOTH_PEOPLE = re.compile(r"两个都报|都报上|我们两个|我们俩|两个人都|一起报")


def wishes_before(tracker: Tracker) -> dict[str, str]:
    """Who wanted which course in the worker's recent messages: {"我": "育婴员", "我儿子": …}."""
    found: dict[str, str] = {}
    for text in recent_user_texts(tracker, RECENT_FOR_WANTS):
        for m in _WISH.finditer(text):
            if not _VAGUE.fullmatch(m.group("course")):
                found.setdefault(m.group("who"), m.group("course"))
    return found


# "我跟我爱人想学点手艺": no course named
_VAGUE = re.compile(r"(?:手艺|东西|技术|本事|技能|啥子|什么|课|班)(?:的|嘛|哦)?")


def course_of(s: Session, member: Member, course: Course, wishes: dict[str, str]) -> Course:
    """The course this companion goes to: the one they alone were said to want, when it is
    one open course, else the worker's."""
    words = member.course_words
    if words is None and member.who:
        words = next((c for who, c in wishes.items() if kin_of(who) == member.who), None)
    if not words:
        return course
    found = [c for c in resolve(repo.all_courses(s), words) if c.status == "open"]
    return found[0] if len(found) == 1 else course


def summary_lines(s: Session, tracker: Tracker, course: Course, phone: str | None) -> list[str]:
    """The summary's lines for the companions: each with their number, in another course
    with its time and place, and the places left when they are fewer than the people."""
    companions = [c for c in companions_in_form(tracker) if c.phone != phone]
    if not companions:
        return []
    wishes = wishes_before(tracker)
    lines, same = [], 1
    for c in companions:
        theirs = course_of(s, c, course, wishes)
        line = f"一起报名：{c.name}（{c.phone}）"
        if theirs.id != course.id:
            line += (
                f"，报「{theirs.name}」（{when_text(theirs)}，{theirs.venue or '地点另行通知'}）"
            )
        else:
            same += 1
        lines.append(line)
    seats = repo.seats_left(s, course)
    if seats is not None and 0 < seats < same:
        lines.append(
            f"「{course.name}」只剩{seats}个名额：按上面的顺序，前{seats}位报上，其余的登记候补。"
        )
    return lines


def enrol_companions(
    s: Session, tracker: Tracker, course: Course, worker: Any, phone: str, enrol: Any
) -> list[str]:
    """Each companion enrolled (or on the waiting list) in their course, one line each."""
    wishes = wishes_before(tracker)
    lines = []
    for c in companions_in_form(tracker):
        if c.phone == phone:
            continue
        theirs = course_of(s, c, course, wishes)
        result = enrol(s, theirs, worker, c.name, c.phone, someone_else=True)
        who = f"{c.name}（{mask_phone(c.phone)}）"
        if result.already:
            lines.append(f"{who}已经报过「{theirs.name}」了，不用重复报名。")
        elif result.enrolment.status == ENROLLED:
            lines.append(f"也已为{who}报名「{theirs.name}」。")
        else:
            lines.append(f"「{theirs.name}」名额已满，{who}已登记候补，是第 {result.position} 位。")
    return lines


def companion_told_before(tracker: Tracker, called: str | None) -> Member | None:
    """The companion the worker enrols now ("把我老公也报上那个": `called` 您爱人), named with
    their number in one of the worker's recent messages."""
    who = (called or "").removeprefix("您")
    if not who:
        return None
    for text in recent_user_texts(tracker, RECENT_FOR_WANTS):
        found = [m for m in companions_told(text) if m.who == who]
        if len(found) == 1:
            return found[0]
    return None


# a clause about someone else ("我老婆只有高中", "他报叉车", "我哥只读了小学")
_OTHERS = re.compile(
    r"他|她|老婆|老公|爱人|媳妇|婆娘|男朋友|女朋友|儿子|女儿|孙|妈|爸|姐|妹|哥|弟|同事|工友|朋友"
)
_CLAUSE = re.compile(r"[\s，,。；;]+")


def own_words(text: str) -> str:
    """The clauses of a message that are about the worker, not about someone else."""
    return " ".join(c for c in _CLAUSE.split(text or "") if c and not _OTHERS.search(c))


def party_course(tracker: Tracker) -> str | None:
    """The course the worker alone wants in a message that lists several people, in the
    worker's words ("我报烹调师 他报面点 …": 烹调师)."""
    party = party_told(typed_text(tracker))
    return party[0].course_words if party else None


def own_wish_in_view(services: Any, tracker: Tracker) -> str | None:
    """ "两个都报嘛" after "我想考个叉车证 她想学带娃儿那种" with both courses in view: the
    worker's own course (hers follows her), not both for the worker."""
    if not (BOTH_PEOPLE.search(typed_text(tracker)) or _ALL.search(typed_text(tracker))):
        return None
    wishes = wishes_before(tracker)
    codes = [str(c) for c in tracker.get_slot("course_list") or []]
    if "我" not in wishes or len(wishes) < 2 or len(codes) < 2:
        return None
    with services.db.session() as s:
        in_view = [c for c in (repo.get_by_code(s, code) for code in codes) if c is not None]
        mine = resolve(in_view, wishes["我"])
        theirs = [c for who, w in wishes.items() if who != "我" for c in resolve(in_view, w)]
        if len(mine) == 1 and theirs and mine[0] not in theirs:
            return mine[0].code
    return None


_ALL = re.compile(r"两个都|都报|都要")
