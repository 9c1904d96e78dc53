"""The rules that read a message about the union's courses by the courses it names (entities):
a question about a course named, an enrolment that names none, a course given up or changed,
a certificate course asked where to take it. The interpreter (intents/interpreter.py) applies
them over the classifier's ranking, as it does intents/overrides.py's."""

from __future__ import annotations

import re

from intents.foreign import read_foreign

# what an enrolment names: the act of enrolling or a class ("报书法" names the course by entity)
_ENROLMENT_WORDS = re.compile(
    r"报名|报个名|报一个|报个|帮我报|报班|课|班|培训|学|参加|名额|占个|这门|那门|这个|那个|一个|第.|报了|报上|enrol|sign"
)


def enrolment_without_course(text: str, entities: list[dict]) -> bool:
    """ "厂头不帮我报 我个人去报要得不" (reporting a work injury) read as an enrolment: it names
    no course and no enrolment, so it is not one."""
    if any(e.get("entity") == "course_name" for e in entities):
        return False
    return _ENROLMENT_WORDS.search(text) is None


_ENROL_VERB = re.compile(
    r"报|参加|加入|登记|预约|占个|算我|enrol|sign|join|register|apply|book|bao\s*ming",
    re.IGNORECASE,
)


def asks_about_a_course(text: str, entities: list[dict], by_name: bool = False) -> bool:
    """ "养老护理那个呢", "区里合唱团还招人不": a course named, and nothing asks to enrol in it
    (read as an enrolment or out of scope, it is a question about that course). `by_name`:
    only a course named by (part of) its own name, not by a keyword (孩子, 读书)."""
    named = [e for e in entities if e.get("entity") == "course_name"]
    if by_name:
        named = [e for e in named if _named_by_name(text, e)]
    if not named or _ENROL_VERB.search(text) is not None:
        return False
    # a course's name alone ("八段锦") may answer a question: only a question about it counts
    said = sum(e["end"] - e["start"] for e in named if isinstance(e.get("end"), int))
    return len(re.sub(r"\W", "", text)) > said + 1


# learning, classes or a certificate: "叉车证咋个考", "想学下咋个照顾老人家"
_LEARNING = re.compile(r"学|课|班|培训|证|考|教|练|锻炼|健身|养生|运动|兴趣|爱好")


def wants_to_learn(text: str) -> bool:
    """The message speaks of learning something (read as out of scope, with a course's
    words in it, it asks about that course)."""
    return _LEARNING.search(text) is not None


_CLASS_AFTER = re.compile(r"^(?:的)?(?:班|课|培训|营|兴趣班|学习班)")


def names_a_class(text: str, entities: list[dict]) -> bool:
    """ "插花班一期收好多人": a course named by its own name as a class (…班, …课)."""
    return any(
        e.get("entity") == "course_name"
        and _named_by_name(text, e)
        and _CLASS_AFTER.match(text[e["end"] :]) is not None
        for e in entities
    )


def _named_by_name(text: str, entity: dict) -> bool:
    start, end = entity.get("start"), entity.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or end - start < 2:
        return False
    return text[start:end] in str(entity.get("value") or "")


# "哎呀 下个月要倒夜班 八段锦还是取消了嘛": a course named, then its enrolment taken back
_CANCELS_LAST = re.compile(
    r"(?:还是|我|就|那就|先)?(?:取消了?|取消掉|退了|退掉)[吧嘛哈啦哦]*[\s!！。.~～]*$"
    # ("烘焙那个还是退了嘛 周六厂头要加班": the reason after it)
    r"|(?:还是|那就|就)(?:取消了?|取消掉|退了|退掉)[吧嘛哈啦哦]*(?=[\s，,。!！])"
)


def cancels_a_course(text: str, entities: list[dict]) -> bool:
    """A course named and cancelling said last (not "不取消")."""
    if not any(e.get("entity") == "course_name" for e in entities):
        return False
    m = _CANCELS_LAST.search(text)
    return m is not None and not text[: m.start()].endswith(("不", "别", "莫", "没"))


# "帮我把插花取消了 电话136…": a course named inside 把…取消, whatever follows (a phone told
# is no enrolment); not "把瑜伽退了换这个" (a change of course)
_DROP_NAMED = re.compile(
    r"把(?P<what>[^，,。？?]{1,14}?)(?:退了|退掉|取消|删了|删掉|去掉|划掉)(?![吗没不])"
)


def drops_a_course(text: str, entities: list[dict]) -> bool:
    """A course named as what is to be dropped ("把插花取消了"), with no change to another."""
    m = _DROP_NAMED.search(text)
    if m is None or switched_to_the_one_in_view(text) or re.search(_SWITCH_WORDS, text[m.end() :]):
        return False
    return any(
        e.get("entity") == "course_name"
        and isinstance(e.get("start"), int)
        and m.start("what") <= e["start"] < m.end("what")
        for e in entities
    )


# "算了瑜伽不报了 八段锦是哪天嘛": one course given up, another asked about
_GIVEN_UP_AFTER = re.compile(r"[^，,。\s]{0,2}?(?:不报了?|先不报|不要了|不学了|不去了|算了)")
_ASKS_OF_A_COURSE = re.compile(
    r"哪天|星期几|礼拜几|周几|几点|好久|啥时候|在哪|哪里|好多钱|多少钱|收费|要钱|免费|咋样|怎么样"
)


def asks_another_course(text: str, entities: list[dict]) -> bool:
    """A course named and given up, then another named and asked about."""
    named = [e for e in entities if e.get("entity") == "course_name" and e.get("end")]
    if len({e.get("value") for e in named}) < 2:
        return False
    first, last = named[0], named[-1]
    return (
        _GIVEN_UP_AFTER.match(text, first["end"]) is not None
        and _ASKS_OF_A_COURSE.search(text, last["end"]) is not None
    )


# "哎呀 忘了周二晚上我要值班 改成合唱嘛": another course instead of the one enrolled in
# ("直播不去了 … 换个手机摄影": a change said as 换个)
_SWITCH_WORDS = (
    r"(?:(?:改成|换成|改报|改为|换报|换到)(?:报)?(?:个|一个)?|(?:换|改)(?:报)?(?:个|一个))"
)
# ("换成做面包蛋糕那个", "换成做包子馒头那个": what is done in it said before its name)
_SWITCH_BEFORE = re.compile(rf"{_SWITCH_WORDS}\s*[\u4e00-\u9fff]{{0,4}}$")


_JOB_CHANGED = re.compile(r"(?:换|改)(?:个|份|一个|一份)?(?:工作|活路|厂|单位|公司|行业|工种)")


# "把瑜伽换成这个": the course in view pointed at after the word for a change
# ("帮我把直播退了换这个": 换 alone before 这个)
_SWITCH_TO_THIS = re.compile(rf"(?:{_SWITCH_WORDS}|换)\s*(?:这个|那个|这门|那门|它)")


def switched_to_the_one_in_view(text: str) -> bool:
    return _SWITCH_TO_THIS.search(text) is not None


def switches_course(text: str, entities: list[dict]) -> bool:
    """A course named right after the word for a change (or its days: "换成周一周三晚上那个嘛"),
    or the one in view pointed at after it with the course left named ("把瑜伽换成这个")."""
    if switched_to_the_one_in_view(text) and any(
        e.get("entity") == "course_name" for e in entities
    ):
        return True
    if not re.search(r"[\u4e00-\u9fff]", text):
        # "can i change to the electrician course instead?": English, its entities spanning
        # the whole message; the change read in Chinese, and a course named
        return re.search(_SWITCH_WORDS, read_foreign(text)) is not None and any(
            e.get("entity") == "course_name" for e in entities
        )
    return any(
        e.get("entity") in ("course_name", "weekday")
        and isinstance(e.get("start"), int)
        and _SWITCH_BEFORE.search(text[: e["start"]]) is not None
        # ("想换个工作去当育儿嫂": the job changed, not the course)
        and _JOB_CHANGED.search(text[: e["start"]]) is None
        # ("帮我换个周末的课嘛 有没有学做吃的": a kind of course by its days, searched)
        and not (e.get("entity") == "weekday" and _A_KIND_BY_DAYS.match(text, e["start"]))
        for e in entities
    )


# "周末的课", "周六上午的班": courses of those days, not one pointed at ("周一周三晚上那个")
_A_KIND_BY_DAYS = re.compile(r"[^，,。？?]{1,8}?的(?:课|班|培训)")


def switch_point(text: str) -> int | None:
    """Where the course switched to begins ("…换成|周一周三晚上那个嘛"), if a change is said."""
    m = re.search(_SWITCH_WORDS, text)
    return m.end() if m else None


# "叉车证哪里可以考 … 老板喊我去考个证": a course's certificate, where to take it
_WHERE_TO_TAKE = re.compile(r"哪里(?:可以|能)?考|在哪考|哪点考|咋个考|怎么考|去哪考|哪里学|哪里报")


def certificate_course_asked(text: str, entities: list[dict]) -> bool:
    """A course named by its certificate ("叉车证", "电工证") and where to take it asked."""
    return _WHERE_TO_TAKE.search(text) is not None and any(
        e.get("entity") == "course_name"
        and isinstance(e.get("end"), int)
        and text[e["start"] : e["end"]].endswith("证")
        for e in entities
    )


# "算了 那我个人去学个啥子嘛 … 想练哈毛笔字": learning the course named, whatever came before
_WANTS_TO_LEARN = re.compile(r"想学|想练|去学|学个|学点|练哈|练一下|学一下|想去学")


def learns_the_course_named(text: str, entities: list[dict]) -> bool:
    return _WANTS_TO_LEARN.search(text) is not None and any(
        e.get("entity") == "course_name" for e in entities
    )


# "我周二周四都要加班 那书法是不是去不成": whether a course named fits the worker's time
_FITS_ASKED = re.compile(
    r"去不成|去不了|上不了|赶不上|来不了|去得成|赶得上|去得了|冲突|冲不冲突|错得开|错不开"
    # "直播那个周五也要上噻": whether it meets on a day the worker is busy
    r"|(?:周[一二三四五六日天]|星期[一二三四五六日天]|礼拜[一二三四五六天])(?:也|都)要上(?:课)?(?:噻|不|吗|嘛|哦)"
)


def asks_if_a_course_fits(text: str, entities: list[dict]) -> bool:
    return any(e.get("entity") == "course_name" for e in entities) and bool(
        _FITS_ASKED.search(text)
    )


# "考出来发啥子证", "学完有证没得": the certificate of the course in view, asked
_CERTIFICATE_ASKED = re.compile(
    r"^(?:那|这个|那个)?(?:考出来|学完|学出来|结业|考过了?)?(?:了)?(?:发|拿|给|有|是)(?:个)?"
    r"(?:啥子|什么|哪样|啥|哪种)(?:样的)?证(?:书)?(?:哦|呢|嘛|啊)?[？?]*$"
)


def asks_the_certificate(text: str) -> bool:
    return bool(_CERTIFICATE_ASKED.search(text.replace(" ", "")))
