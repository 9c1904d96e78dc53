"""A course's entry requirements (schooling, age) against what the worker says of
themselves or of the person they enrol: "我只有高中毕业，想报那个专升本" is told that 专升本
needs a 大专 certificate before any name is asked."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.domain.course_ages import age_range, child_age
from bot.store.models import Course
from intents.numbers import NUM_CN, parse_number

# schooling, lowest first; 中专 / 职高 / 技校 stand level with 高中
_LEVELS = {
    "小学": 0, "初中": 1, "高中": 2, "中专": 2, "职高": 2, "技校": 2, "大专": 3, "专科": 3,
    "本科": 4, "大学": 4,
}  # fmt: skip
_LEVEL = "|".join(sorted(_LEVELS, key=len, reverse=True))
# what the worker has: "高中毕业", "只有初中文化", "才读到初中", "学历是中专"
# (and of the one they ask for: "我老公已经是大专了", "她有本科文凭")
_HAS = re.compile(
    rf"(?:只有|才|只读了?|只读过|读到|读完|学历是|文化是|文凭是|已经是|都是|早就是)\s*({_LEVEL})"
    rf"|({_LEVEL})\s*(?:毕业|文化|学历|文凭|肄业|水平|读完了|都读完了|念完了)"
    rf"|有\s*({_LEVEL})\s*(?:毕业证|文凭|学历)"
)
# what a course asks: "初中以上文化", "要有大专毕业证", "大专及以上学历"
_NEEDS_LEVEL = re.compile(
    rf"({_LEVEL})(?:以上|及以上)(?:文化|学历)?|(?:要有|需要|需|须有|持有?)({_LEVEL})(?:毕业证|学历|文凭)"
)
_NEEDS_AGE = re.compile(r"年满(\d{1,2})(?:周)?岁")
# "我42岁", "她今年十七岁": the age of the worker or of the one they enrol
# ("我表哥25了": a relative or workmate, as well as 我/他/她)
_WHO = r"(?:[我他她]|表?[哥姐弟妹]|同事|朋友|工友|老乡|老公|老婆|爱人|媳妇)"
_OWN_AGE = re.compile(
    rf"{_WHO}(?:今年|都|已经|才|刚|刚满|满)?({NUM_CN}|\d{{1,2}})(?:多)?(?:周)?岁"
    # "我43了": the years said without 岁
    rf"|{_WHO}(?:今年|都|已经)?(\d{{2}})(?:多)?了"
)


def _level_needed(course: Course) -> str | None:
    m = _NEEDS_LEVEL.search(course.description or "")
    return (m.group(1) or m.group(2)) if m else None


def _age_needed(course: Course) -> int | None:
    m = _NEEDS_AGE.search(course.description or "")
    return int(m.group(1)) if m else None


def schooling(text: str | None) -> str | None:
    """The schooling the message says someone has, if it says it."""
    m = _HAS.search(text or "")
    return (m.group(1) or m.group(2) or m.group(3)) if m else None


# someone other than the worker spoken of ("我有个同事只有高中文凭", "他只读了初中")
_SOMEONE_ELSE = re.compile(
    r"同事|朋友|工友|老乡|亲戚|老公|老婆|媳妇|爱人|丈夫|妻子|儿子|女儿|娃|孩子|侄|外甥|弟|妹|哥|姐|[他她]"
)


def _told_before(text: str, earlier: Sequence[str]) -> str | None:
    """The schooling told in the worker's earlier messages (newest first) of the person this
    message is about: of someone else's only when this one speaks of someone else too (the
    worker enrolling herself after a workmate's "只有高中文凭" keeps her own 大专)."""
    of_another = _SOMEONE_ELSE.search(text) is not None
    for said in earlier:
        level = schooling(said)
        if level and (of_another or _SOMEONE_ELSE.search(said) is None):
            return level
    return None


def _age_before(text: str, earlier: Sequence[str]) -> int | None:
    """The adult age told in the worker's earlier messages (newest first) of the person this
    message is about, as `_told_before` reads the schooling."""
    of_another = _SOMEONE_ELSE.search(text) is not None
    for said in earlier:
        # (the worker's own age, said with 我: "my cousin is 17" read 17岁了 is no one's)
        if of_another or _SOMEONE_ELSE.search(said) is None:
            m = _OWN_AGE.search(said)
            # (said as the worker's own: "我17岁", not "我们有个小伙子才17岁")
            if m is not None and m.group(0).startswith("我"):
                value = parse_number(next(g for g in m.groups() if g))
                if value is not None and value >= ADULT:
                    return int(value)
    return None


# "我初中毕业 45岁": an adult's age said bare (a child's is read by child_age)
# ("我初中毕业 今年35": the years said without 岁)
_BARE_AGE = re.compile(
    r"(?<!\d)(\d{2})\s*(?:多)?(?:周)?岁|今年\s*(\d{2})(?!\d|\s*(?:年|个|块|元|号|月|天|万|千))"
)
ADULT = 16


def _age(text: str) -> int | None:
    m = _OWN_AGE.search(text)
    value = parse_number(m.group(1) or m.group(2)) if m else None
    if value is not None:
        return int(value)
    child = child_age(text)
    if child is not None:
        return child
    bare = _BARE_AGE.search(text)
    years = int(bare.group(1) or bare.group(2)) if bare else None
    return years if years is not None and years >= ADULT else None


def unmet(course: Course, text: str | None, earlier: Sequence[str] = ()) -> str | None:
    """Why the person the message describes cannot enrol, or None when nothing it says
    stands against the course's stated requirements. `earlier` (the worker's messages before,
    newest first) may tell the schooling: "我初中毕业 想提升下学历" … "那个专升本我能直接报不"."""
    value = text or ""
    needed = _level_needed(course)
    has = schooling(value) or _told_before(value, earlier)
    if needed and has and _LEVELS[has] < _LEVELS[needed]:
        return f"「{course.name}」报名要有{needed}毕业证（{needed}及以上学历），{has}学历暂时不能报"
    age_needed = _age_needed(course)
    age = _age(value)
    if age is None and age_needed:
        # "我17岁 … 想考低压电工证" … "那我现在能学啥子嘛": the age told before
        age = _age_before(value, earlier)
    if age_needed and age is not None and age < age_needed:
        return f"「{course.name}」要求年满{age_needed}岁，{age}岁暂时不能报"
    ages = age_range(course)
    child = child_age(value)
    if ages and child is not None and not ages[0] <= child <= ages[1]:
        # "我儿子4岁 想报寒假的小苗成长营": a children's course for other ages
        return f"「{course.name}」收{ages[0]}到{ages[1]}岁的孩子，{child}岁暂时不能报"
    return None


def not_told(course: Course, text: str | None, earlier: Sequence[str] = ()) -> list[str]:
    """The course's requirements the words (and the worker's earlier messages, for the
    schooling) say nothing about: "我55岁了能报不" tells the age, not the schooling."""
    value = text or ""
    left = []
    needed = _level_needed(course)
    if needed and not (schooling(value) or _told_before(value, earlier)):
        left.append(f"{needed}以上文化")
    age_needed = _age_needed(course)
    if age_needed and _age(value) is None:
        left.append(f"年满{age_needed}岁")
    return left


# "读完大专还可以升本科不": schooling to come, not had
_TO_COME = re.compile(
    r"读完(?!了的|了\s*$)|读出来|以后|之后|毕业后|毕业了再|拿到(?:了)?(?:大专|本科|高中)"
)


def tells_about(text: str | None) -> bool:
    """Whether the message says someone's schooling or age ("我儿子20岁 高中毕业"), not
    schooling still to come ("读完大专还可以升本科不")."""
    value = text or ""
    if _TO_COME.search(value) and _age(value) is None:
        return False
    return schooling(value) is not None or _age(value) is not None


def met_text(course: Course, text: str | None, earlier: Sequence[str] = ()) -> str | None:
    """ "我43了 初中文化 可以不": the requirements of the course told and met, said so (and
    those not told, named); None when the course asks nothing, nothing is told, or one is not
    met."""
    needed = [
        f"年满{age}岁" if (age := _age_needed(course)) else "",
        f"{level}以上文化" if (level := _level_needed(course)) else "",
    ]
    needed = [n for n in needed if n]
    if not needed or not tells_about(text) or not meets(course, text, earlier):
        return None
    left = not_told(course, text, earlier)
    if len(left) == len(needed):
        return None
    if left:
        # "我初中毕业的 可以不" for a course that also needs 18: the one told, and the other
        return f"按您说的，这一条符合；另外还要求{'、'.join(left)}，也符合的话就可以报。"
    return f"按您说的条件，符合「{course.name}」的报名要求（{'、'.join(needed)}），可以报。"


def meets(course: Course, text: str | None, earlier: Sequence[str] = ()) -> bool:
    return unmet(course, text, earlier) is None


def instead_of(
    course: Course, available: list[Course], told: str | None, earlier: Sequence[str] = ()
) -> list[Course]:
    """Up to three open courses of the same kind as `course` whose requirements the words
    (this message, and the worker's earlier ones for their schooling) meet: what to suggest
    when the worker cannot take it; never one that needs even more ("初中毕业" is not sent
    from the 大专 class to 专升本)."""
    return [
        c
        for c in available
        if c.category == course.category and c.id != course.id and meets(c, told, earlier)
    ][:3]


# "那咋个办嘛", "那怎么办": nothing asked but what to do now, about the course in view
WHAT_NOW = re.compile(
    r"^(?:[那哦唉嗯啊]\s*)*(?:我们?)?(?:该)?(?:咋个|怎么|咋)(?:办|整|搞)(?:嘛|呢|哦|啊|喃)?[?？。！!]?$"
)


def what_now_instead(
    course: Course, available: list[Course], text: str, earlier: Sequence[str] = ()
) -> Course | None:
    """ "那怎么办呢" after `course` was refused for what the worker told: the one course
    suggested instead, or None (not asked so, nothing against the course, or no one course)."""
    if not WHAT_NOW.match(text.strip()) or unmet(course, text, earlier) is None:
        return None
    instead = instead_of(course, available, text, earlier)
    return instead[0] if len(instead) == 1 else None
