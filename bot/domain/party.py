"""Several people in one message, each with a name and a phone: who enrols with whom.

"报两个 我 蒋华 137… 同事 付小军 189…", "我叫邓丽萍 138… 我妹邓丽娟 159…", "I am Liu Wei
135…, my wife is Zhang Min 186…": a message that gives two or more mobile numbers, each
after a name, lists a party. The words between one number and the next are the next
person's: how the worker calls them (我妹, 同事, my wife), their name, and the course that one
person alone wants ("我老公报书法 他叫杨建国 158…").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intents.request_cues import MOBILE as _MOBILE

# how the worker calls a companion, and how the summary names them
_KIN = (
    ("爱人", r"老婆|老公|爱人|媳妇|婆娘|男人|wife|husband|lao ?po|lao ?gong|ai ?ren"),
    ("儿子", r"儿子|son\b|er ?zi"),
    ("女儿", r"女儿|daughter|nv ?er|nü ?er"),
    ("孙子", r"孙子|外孙(?!女)"),
    ("孙女", r"孙女|外孙女"),
    ("妈妈", r"妈妈|老妈|母亲|我妈|mother|mum|mom|ma ?ma"),
    ("爸爸", r"爸爸|老汉|父亲|我爸|father|dad|ba ?ba"),
    ("姐姐", r"姐姐|[大二三]姐|我姐|sister"),
    ("妹妹", r"妹妹|[二三四小幺]妹|我妹|mei ?mei"),
    ("哥哥", r"哥哥|[大二三]哥|我哥|brother"),
    ("弟弟", r"弟弟|[二三四小幺]弟|我弟|di ?di"),
    ("同事", r"同事|工友|colleague|coworker|co-worker|tong ?shi"),
    ("朋友", r"朋友|friend|peng ?you"),
)
_KIN_WORDS = re.compile("|".join(f"(?P<k{i}>{words})" for i, (_, words) in enumerate(_KIN)), re.I)

# the worker speaking of themselves: 我叫, 我是, 我 张勇, I am, wo jiao
_OWN = re.compile(
    r"我叫|我是|我(?=\s*[\u4e00-\u9fff]{2,3}\s*(?:电话|手机|号码)?\s*$)"
    r"|\bI am\b|\bI'm\b|\bmy name\b|\bwo jiao\b|\bwo shi\b|\bwo\b(?=\s+[a-z]+\s+[a-z]+\s*$)",
    re.I,
)

# words around a name that are not part of it (the last of them before the name ends them)
_NOT_NAME = re.compile(
    r"老婆|老公|爱人|媳妇|婆娘|男人|儿子|女儿|孙子|孙女|外孙女?|妈妈|老妈|母亲|爸爸|老汉|父亲"
    r"|姐姐|妹妹|哥哥|弟弟|同事|工友|朋友|师傅|徒弟|邻居|名字|姓名|我们|还有|另外|以及|加上|报名"
    r"|一个|一位|[大二三四小幺]?[姐妹哥弟]|妈|爸|叫|是|我|他|她|和|跟|同|报|学|的"
)
_LABEL_AFTER = re.compile(
    r"[\s，,：:。.;；、]*(?:的)?(?:电话|手机号?|号码|联系方式|phone|tel)?(?:号码)?(?:是|为|is)?[\s，,：:]*$",
    re.I,
)
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+$")
_LATIN_NAME = re.compile(r"(?:\b[A-Za-z]+\b[\s,]*){1,6}$")
_LATIN_CUT = re.compile(
    r"\b(?:am|is|i'm|jiao|shi|named|called|wife|husband|son|daughter|colleague|friend|mother"
    r"|father|sister|brother|po|gong|ren|zi|er|shi|and|he|she|ming|bao|up|us|me)\b",
    re.I,
)
# the course one person alone wants, said with them ("我老公报书法 他叫…", "她学瑜伽")
_WANTS = re.compile(
    r"(?:想报|要报|想学|要学|报|学|上)(?!我|两|三|几|一|个|名|他|她)(?P<course>[\u4e00-\u9fff]{2,8}?)(?=[\s，,]|他|她|叫|$)"
)


# a number put right in the same message, not a second person
_PUT_RIGHT = re.compile(r"不对|错了|说错|打错|写错|搞错|应该是|改成|改为|更正|sorry|wrong", re.I)


@dataclass(frozen=True)
class Member:
    name: str
    phone: str
    who: str | None  # how the worker calls them; None for the worker
    course_words: str | None = None  # the course this person alone wants, in their words


def _name_in(segment: str) -> str | None:
    head = _LABEL_AFTER.sub("", segment)
    run = _HAN_RUN.search(head)
    if run:
        words = run.group()
        # the last word that is no name's ends what comes before the name; a name may hold
        # such a character (王和平), so a cut leaving less than two characters is not taken
        cuts = [m.end() for m in _NOT_NAME.finditer(words) if len(words) - m.end() >= 2]
        name = words[cuts[-1] :] if cuts else words
        return name if 2 <= len(name) <= 4 else None
    latin = _LATIN_NAME.search(head)
    if latin is None:
        return None
    words = latin.group().replace(",", " ").split()
    cut = [i for i, w in enumerate(words) if _LATIN_CUT.fullmatch(w)]
    words = words[cut[-1] + 1 :] if cut else words
    return " ".join(words) if 2 <= len(words) <= 3 else None


def _kin_in(segment: str) -> tuple[str | None, int]:
    """How the segment calls its person, and where that word ends (-1 when it does not)."""
    found = None
    for m in _KIN_WORDS.finditer(segment):
        found = m
    if found is None:
        return None, -1
    label = next(_KIN[int(k[1:])][0] for k, v in found.groupdict().items() if v)
    return label, found.end()


# the words before a course wanted, since the last pause: who wants it ("那我", "他", "我老公")
_SUBJECT = re.compile(r"[^\s，,。；;]*$")
_I = re.compile(r"(?:那|就|那就|好|好的|嗯)?我(?:就|也|还是|先)?$")
_HE_OR_SHE = re.compile(r"[他她]$")


def _with_courses(members: list[Member], segments: list[str], worker: int) -> list[Member]:
    """The course each one alone wants, by who says it: "我报烹调师 他报面点" (the worker's,
    then the one other's), "我老公报书法 他叫…" (his), "我黄俊 139… 报专升本 她王小琴 …" (a
    course said right after a number is that person's)."""
    wants: dict[int, str] = {}
    for at, segment in enumerate(segments):
        for w in _WANTS.finditer(segment):
            subject = _SUBJECT.search(segment[: w.start()]).group()
            kin = _kin_in(subject)[0]
            if _I.search(subject):
                who = worker
            elif kin is not None:
                who = next((i for i, m in enumerate(members) if m.who == kin), -1)
            elif _HE_OR_SHE.search(subject):
                others = [i for i in range(len(members)) if i != worker]
                who = others[0] if len(others) == 1 else at
            elif subject:
                continue
            else:  # right after a number: that person's
                who = max(at - 1, 0)
            if 0 <= who < len(members):
                wants.setdefault(who, w.group("course"))
    return [Member(m.name, m.phone, m.who, wants.get(i)) for i, m in enumerate(members)]


def person_before_number(text: str) -> tuple[str, str] | None:
    """The one person a message names before its one number ("还有我表姐周敏 137… 也帮她
    登记个候补嘛"): (name, phone)."""
    numbers = list(_MOBILE.finditer(text or ""))
    if len({m.group() for m in numbers}) != 1:
        return None
    name = _name_in(text[: numbers[0].start()])
    return (name, numbers[0].group()) if name else None


def named_without_number(text: str) -> tuple[str, str] | None:
    """A person named after the last number, with no number of their own ("都报 我叫易红 135…
    女儿易欣然 181… 老公叫熊军"): (name, who they are to the worker)."""
    numbers = list(_MOBILE.finditer(text or ""))
    if not numbers:
        return None
    tail = text[numbers[-1].end() :]
    kin = _kin_in(tail)[0]
    name = _name_in(tail) if kin else None
    return (name, kin) if name else None


def kin_of(words: str) -> str | None:
    """How the worker calls the one these words speak of ("我儿子" -> 儿子)."""
    return _kin_in(words or "")[0]


def party_told(text: str) -> list[Member]:
    """The people a message lists with their numbers: the worker first (the one who says
    我叫 / I am, else the first), then the others in order; [] unless there are two or more
    different numbers, each after a name."""
    text = text or ""
    found = list(_MOBILE.finditer(text))
    if len({m.group() for m in found}) < 2:
        return []
    members: list[Member] = []
    mentioned: list[str] = []  # "我和我老公两个都报 我叫…": whom the worker names beside them
    owner = None  # which of them says 我叫 / I am
    segments = []
    start = 0
    for m in found:
        segment = text[start : m.start()]
        segments.append(segment)
        start = m.end()
        name = _name_in(segment)
        if name is None or _PUT_RIGHT.search(segment):
            return []  # ("我叫余红梅 电话139…12 哦不对 电话是139…21": one number put right)
        kin, kin_end = _kin_in(segment)
        own = _OWN.search(segment[kin_end if kin_end >= 0 else 0 :])
        if own:
            mentioned += [_kin_in(k.group())[0] or "" for k in _KIN_WORDS.finditer(segment)]
            owner = owner if owner is not None else len(members)
        members.append(Member(name, m.group(), None if own or kin is None else kin))
    segments.append(text[start:])
    members = _with_courses(members, segments, owner or 0)
    if len({m.phone for m in members}) < 2:
        return []
    # no one said "我": the first is the worker who writes
    worker = members[owner or 0]
    worker = Member(worker.name, worker.phone, None, worker.course_words)
    others = [m for i, m in enumerate(members) if i != (owner or 0)]
    unnamed = [m for m in others if m.who is None]
    left = [k for k in mentioned if k not in {m.who for m in others}]
    if len(left) != len(unnamed):
        # a person without a word for who they are ("还有胡涛 181…") is a companion
        left = [""] * len(unnamed)
    called = dict(zip([id(m) for m in unnamed], left, strict=True))
    return [worker] + [
        m if m.who is not None else Member(m.name, m.phone, called[id(m)], m.course_words)
        for m in others
    ]
