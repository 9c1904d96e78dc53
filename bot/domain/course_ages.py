"""Courses for children by age: the child's age a worker tells ("有没得适合5岁娃儿的",
"娃儿读小学二年级", "幼儿园大班") and the ages a course's description states ("3到8岁孩子")."""

from __future__ import annotations

import re

from bot.store.models import Course
from intents.numbers import NUM_CN, parse_number

_AGE_NUM = rf"(?:\d{{1,2}}|{NUM_CN})"
_CHILD = (
    r"(?:娃儿?|娃娃|孩子|小孩儿?|小朋友|儿子|女儿|闺女|崽儿?|宝宝|外孙女?|孙子|孙女|孙孙|侄儿|侄女|侄子"
    r"|外甥女?|哥哥|姐姐|弟弟|妹妹|老大|老二|老幺|幺儿|幺女|幺妹"
    # ("我姑娘14岁了": a daughter, in Chongqing's words)
    r"|(?<=我)姑娘|(?<=我家)姑娘|(?<=屋头)姑娘"
    # ("还有个小的才4岁": the younger one of two)
    r"|小的|大的)"
)
# "5岁的娃儿", "娃儿5岁", "孩子今年八岁半", "我家崽崽才四岁"
_AGE_BEFORE = re.compile(rf"({_AGE_NUM})\s*(?:周)?岁半?(?:多)?(?:的|大的)?\s*{_CHILD}")
_AGE_AFTER = re.compile(rf"{_CHILD}.{{0,6}}?({_AGE_NUM})\s*(?:周)?岁")
# "有没得适合5岁的": an age a course should suit is a child's
# "那5岁的有没得别的可以去": an age with 的, asked of the courses for children
_AGE_BARE = re.compile(
    # ("那5岁的有啥子可以参加的")
    rf"({_AGE_NUM})\s*(?:周)?岁半?(?:多)?的(?=\s*(?:呢|有没|有莫|有不有|可以|能|要得|咋|还|有啥|有什么|有哪些|$))"
)
# "那她5岁能去啥子嘛": the child spoken of just before, with an age under 19
_PRONOUN_AGE = re.compile(
    rf"(?:她|他)(?:今年|才|都|已经|也)?\s*({_AGE_NUM})\s*(?:周)?岁(?!以上|以下)"
)
_SUITS_AGE = re.compile(rf"(?:适合|给)\s*({_AGE_NUM})\s*(?:周)?岁")
_GRADE = re.compile(rf"(?:小学|读|上)\s*({_AGE_NUM})\s*年级")
# "读初二", "上高一" (not 正月初二: said of going to school)
_SECONDARY = re.compile(r"(?:读|上|在读)\s*(初|高)\s*([一二三])")
# (not "我幼儿园上班", "在幼儿园当老师": where the worker works)
_KINDERGARTEN = re.compile(
    r"幼儿园(小班|中班|大班)?(?![^，,。\s]{0,3}(?:上班|工作|当老师|做老师|当保育|做保育|做饭|打扫|做保洁))"
)
_KINDERGARTEN_AGE = {"小班": 3, "中班": 4, "大班": 5, None: 4}
# what a description says: "6到12岁", "3-8岁", "3至8周岁"
_RANGE = re.compile(r"(\d{1,2})\s*(?:到|至|-|~|－|—)\s*(\d{1,2})\s*周?岁")


def _number(text: str) -> int | None:
    value = parse_number(text)
    return int(value) if value is not None and 0 < value < 19 else None


def child_age(text: str | None) -> int | None:
    """The age of the worker's child the message tells, if it tells one."""
    value = text or ""
    for pattern in (_AGE_BEFORE, _AGE_AFTER, _SUITS_AGE, _AGE_BARE, _PRONOUN_AGE):
        m = pattern.search(value)
        if m:
            return _number(m.group(1))
    m = _GRADE.search(value)
    if m:
        grade = _number(m.group(1))
        return grade + 6 if grade is not None and grade <= 9 else None
    m = _SECONDARY.search(value)
    if m:
        return (12 if m.group(1) == "初" else 15) + "一二三".index(m.group(2)) + 1
    m = _KINDERGARTEN.search(value)
    if m:
        return _KINDERGARTEN_AGE.get(m.group(1))
    return None


# "一个5岁一个9岁", "大的9岁 小的5岁": several children's ages in one message
_EACH_AGE = re.compile(
    rf"(?:一个|大的|小的|老大|老二|老幺|大娃|小娃|大的那个|小的那个)\s*(?:今年|才|都)?\s*({_AGE_NUM})\s*(?:周)?岁"
)


# "弟弟7岁 姐姐11岁", "孙子8岁了 孙女12岁": a child named by who they are, with their age
_WHO = r"(哥哥|姐姐|弟弟|妹妹|老大|老二|老幺|大娃|小娃|儿子|女儿|孙子|孙女|外孙女?|小的|大的)"
_LABELLED_AGE = re.compile(
    rf"{_WHO}\s*(?:那个|这个)?\s*(?:今年|才|都|有|已经)?\s*({_AGE_NUM})\s*(?:周)?岁"
)
_WHO_NAMED = re.compile(
    rf"(?:给|帮|替|报|让)(?:我|我们)?(?:家)?{_WHO}"
    # "那小的有啥子可以耍的": the child asked for, at the start
    # ("那算了 小的有没得其他适合她的": after setting something aside)
    rf"|^(?:那?算了|好嘛|哦|嗯)?(?:那|还有|那么)?(?:个)?{_WHO}(?:那个|那一个)?(?=有|呢|可以|能|咋|去|适合)"
)


def labelled_ages(text: str | None) -> dict[str, int]:
    """Each child the message names with an age ("弟弟7岁 姐姐11岁": {弟弟: 7, 姐姐: 11})."""
    ages: dict[str, int] = {}
    for m in _LABELLED_AGE.finditer(text or ""):
        age = _number(m.group(2))
        if age:
            ages.setdefault(m.group(1), age)
    return ages


def child_named(text: str | None) -> str | None:
    """Which child a message enrols or asks for by who they are ("给姐姐报一个": 姐姐)."""
    m = _WHO_NAMED.search(re.sub(r"\s", "", text or ""))
    return (m.group(1) or m.group(2)) if m else None


# the younger or the elder of the children told, by those words
_YOUNGER_WORDS = frozenset({"小的", "小娃", "老幺", "幺儿", "幺女", "幺妹", "老二"})
_ELDER_WORDS = frozenset({"大的", "大娃", "老大"})


def age_told_before(who: str, texts: list[str]) -> int | None:
    """The age of the child called `who` in the worker's earlier messages (newest first);
    the younger or the elder ("小的能去不") of children told by other words ("儿子8岁 女儿4岁")."""
    for text in texts:
        age = labelled_ages(text).get(who)
        if age is not None:
            return age
    if who in _YOUNGER_WORDS | _ELDER_WORDS:
        for text in texts:
            ages = children_ages(text)
            if len(ages) >= 2:
                return min(ages) if who in _YOUNGER_WORDS else max(ages)
    return None


def is_child_word(text: str | None) -> bool:
    """ "娃儿", "孩子": a word for a child, which names no course (a keyword may say it)."""
    return re.fullmatch(_CHILD, (text or "").strip()) is not None


def without_child_words(text: str) -> str:
    """The message without its words for a child (a keyword of a children's course may be
    one: they say who comes, not which course)."""
    return re.sub(_CHILD, " ", text)


def children_ages(text: str | None) -> list[int]:
    """Every child's age a message tells ("两个娃儿 一个5岁一个9岁": [5, 9]); one age as one."""
    ages = [a for a in (_number(m.group(1)) for m in _EACH_AGE.finditer(text or "")) if a]
    if len(ages) < 2:
        ages = list(labelled_ages(text).values())
    if len(ages) >= 2:
        return list(dict.fromkeys(ages))
    one = child_age(text)
    return [one] if one is not None else []


def without_age(text: str) -> str:
    """The message with the child's age words taken out (they are no course's name)."""
    for pattern in (
        _EACH_AGE,
        _LABELLED_AGE,
        _AGE_BEFORE,
        _AGE_AFTER,
        _SUITS_AGE,
        _GRADE,
        _SECONDARY,
        _KINDERGARTEN,
    ):
        text = pattern.sub(" ", text)
    return text


def age_range(course: Course) -> tuple[int, int] | None:
    """The children's ages a course is for, as its description states them."""
    m = _RANGE.search(course.description or "")
    if not m:
        return None
    low, high = int(m.group(1)), int(m.group(2))
    return (low, high) if low <= high else None


def for_children(courses: list[Course]) -> list[Course]:
    """The courses that state children's ages."""
    return [c for c in courses if age_range(c) is not None]


def suits(course: Course, age: int) -> bool:
    ages = age_range(course)
    return ages is not None and ages[0] <= age <= ages[1]


def ages_text(course: Course) -> str:
    ages = age_range(course)
    return f"{course.name}（{ages[0]}到{ages[1]}岁）" if ages else course.name


def each_child_text(course: Course, ages: list[int], available: list[Course]) -> str | None:
    """Several children's ages told for one course ("我大的8岁小的5岁"), not all of them in its
    range: who may come, who may not, and the courses that take the others; None when the
    course states no ages or all fit."""
    span = age_range(course)
    if span is None or len(ages) < 2 or all(suits(course, a) for a in ages):
        return None
    low, high = span
    fit = [a for a in ages if suits(course, a)]
    out = [a for a in ages if not suits(course, a)]
    said = f"「{course.name}」收{low}到{high}岁的孩子："
    if fit:
        said += "、".join(f"{a}岁" for a in fit) + "的可以报，"
    said += "、".join(f"{a}岁" for a in out) + "的不在这个范围，不能报。"
    for age in out:
        others = [c.name for c in available if c.code != course.code and suits(c, age)]
        if others:
            said += f"适合{age}岁孩子的有「" + "」「".join(others) + "」。"
    return said
