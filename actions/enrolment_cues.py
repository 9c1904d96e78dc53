"""What an enrolment message says besides the course: another course instead, the worker
instead of the one refused, the course in view set aside, several or all courses in view
wanted, a question after the details, a question whether something is needed."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.message import entity_words, form_texts, typed_text

# "报错了 改成报面点烘焙那个", "换成书法": another course instead of the one being enrolled in
CHANGE_COURSE = re.compile(
    r"改成|改为|换成|换个|换一个|改报|报错|不报这个|不要这个|不是这个"
    # "等哈 我说错了 我想报的是电工证 不是叉车"
    r"|(?:想|要)?报的是"
)

# "那我自己去学嘛", "那我来报": the same course, for the worker instead of the one refused
FOR_MYSELF = re.compile(r"^(?:那|那么|那就)?\s*(?:我自己|我来|我去|换我|给我自己)")

# the course in view set aside in the same message that names another
SET_ASIDE_IN_VIEW = re.compile(r"先不管|不管了|先不报|不报了|放一边|以后再说|下回再说|算了")

# a question whether something is needed ("要不要带垫子"), not a no
ASKS_WHETHER = re.compile(r"要不要|需不需要|用不用|得不得|要不要得")

# a question about the course after the details ("我叫杨小红 对了 这个学完发证书不")
ASKED_AFTER = re.compile(r"(?:对了|顺便问一?下|顺便|另外问一?下|问一?下)[，,\s]*(?P<q>\S.*)$")

# every course in view wanted ("两个都给我报了", "这两门都报"; not "两个都有周三晚上哦 那我就报
# 直播那个": both said of something else, one chosen)
ALL_IN_VIEW = re.compile(
    r"(?:两个|两门|三个|几个)都(?:给我|帮我)?(?:报|要|想|上|学|去|参加)|都给我报|都报|都要报|一起报"
)

# "我跟我婆娘两个都报", "我们三姐妹都报": the people counted, not courses in view
PEOPLE_BOTH = re.compile(
    r"(?:我跟|我和|我们|咱们|我俩|两口子)[^，,。\d]{0,6}(?:两个|俩|三个|几个)?都"
)

# several courses wanted at once: "两个都要", "合唱和手机摄影", "书法、插花"
# ("大的报寒假营 小的报绘本那个": one course for each child)
SEVERAL = re.compile(
    r"都要|都报|都想|两个|两门|几个都|[和跟、]|还有|以及|另外"
    r"|(?:大的|小的|老大|老二|哥哥|姐姐|弟弟|妹妹)[^，,。]{0,3}报"
)

# a wish to enrol said in an earlier message
ENROLS = re.compile(r"报名|要报|想报|帮我报|报一个|报个")

# "我老公也想学 把我们两个都报上 我叫周丽137… 他叫何军189…": a partner enrolled with the worker
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
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


# "我张勇 13627740392 我老婆陈丽 …": the worker's own name said right before the number
_OWN_BEFORE_PHONE = re.compile(
    r"(?:我叫|我是|我)\s*(?P<name>[\u4e00-\u9fff]{2,3}?)\s*(?:电话|手机)?\s*1[3-9]\d{9}"
)


def own_name(text: str) -> str | None:
    """The worker's own name in a message that also enrols a partner."""
    if partner_told(text) is None:
        return None
    m = _OWN_BEFORE_PHONE.search(text or "")
    return m.group("name") if m else None


def partner_told(text: str) -> tuple[str, str] | None:
    """The name and phone of a partner to enrol too, when the message asks for both (or
    gives both people's numbers: "我叫罗建 电话158… 我老婆叫何丽 电话189…" after "我们两口子
    都要报")."""
    both_told = len(set(_MOBILE.findall(text or ""))) == 2
    if not _TOGETHER.search(text or "") and not both_told:
        return None
    m = _PARTNER.search(text or "")
    return (m.group("name"), m.group("phone")) if m else None


def own_phone(text: str) -> str | None:
    """The worker's own number in a message that also gives the partner's."""
    partner = partner_told(text)
    if partner is None:
        return None
    others = [p for p in _MOBILE.findall(text) if p != partner[1]]
    return others[0] if len(others) == 1 else None


def partner_in_form(tracker: Tracker) -> tuple[str, str] | None:
    """The partner told in any message of the enrolment form ("我们两口子都要报", then "我叫
    罗建 电话158… 我老婆叫何丽 电话189…"), the latest first."""
    for text in reversed(form_texts(tracker, "enrolment_form")):
        partner = partner_told(text)
        if partner is not None:
            return partner
    return None


# "太极拳我喜欢 就报那个嘛": liking or wanting said right after the course named
_NAMED_THEN_WANTED = re.compile(r"^[^，,。？?不没莫]{0,4}(?:喜欢|想学|想报|要报|就报|爱)")


def named_then_wanted(tracker: Tracker, named: str) -> bool:
    """The course named is the one wanted ("太极拳我喜欢 就报那个嘛"), whatever "那个" would
    point at in view."""
    words = entity_words(tracker, "course_name", named) or named
    text = typed_text(tracker)
    at = text.find(words)
    return at >= 0 and _NAMED_THEN_WANTED.search(text[at + len(words) :]) is not None
