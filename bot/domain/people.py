"""Showing a person's details without exposing them."""

from __future__ import annotations

import re


def mask_phone(phone: str | None) -> str:
    """138****5678: enough for the worker to recognise, not enough to leak in a screenshot."""
    if not phone or len(phone) < 7:
        return phone or ""
    return f"{phone[:3]}****{phone[-4:]}"


# two-character surnames common enough to keep apart from the given name
_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "令狐",
    "慕容",
    "尉迟",
    "公孙",
)


def person_named(name: str, text: str) -> bool:
    """The person is named in the message: whole, or by the given name (刘秀英 -> 秀英)."""
    return name in text or (len(name) >= 3 and name[1:] in text)


def given_name(name: str | None) -> str:
    """The given name alone (陈小红 -> 小红), for lists seen by people outside the union."""
    name = (name or "").strip()
    if len(name) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in name):
        return name.split()[0] if name.split() else ""  # "Anna Li" -> Anna
    surname = 2 if name.startswith(_COMPOUND_SURNAMES) and len(name) > 2 else 1
    return name[surname:]


# who a worker enrols when it is not themselves: "帮我妈报个八段锦", "给娃儿报个亲子绘本"
_FOR_SOMEONE = re.compile(
    r"(?:帮|给|替)(?P<who>(?:我|我们)?(?:妈妈|妈|母亲|老妈|爸爸|爸|父亲|老汉|老婆|媳妇|爱人|老公|婆娘"
    r"|儿子|女儿|娃儿|娃娃|孩子|小孩|外婆|奶奶|爷爷|外公|婆婆|公公|同事|朋友|工友"
    # "给姐姐报一个", "给他报一个" (a child or relative spoken of just before)
    r"|哥哥|姐姐|弟弟|妹妹|孙子|孙女|外孙女?|老大|老二|老幺|大的|小的|大娃|小娃|他|她"
    # ("再帮我妹报一个 杨雪 136…": a sister or a cousin, said short)
    r"|[大二三四小幺](?:姐|妹|哥|弟)|表妹|表弟|表姐|表哥|堂妹|堂弟|堂姐|堂哥|嫂子|弟媳|妹|弟|姐|哥))"
    # ("帮她排个候补": the waiting list)
    r"(?:也)?(?:报|登记|报名|排)"
)
_CALLED = {
    "老妈": "妈妈",
    "妈": "妈妈",
    "爸": "爸爸",
    "老汉": "爸爸",
    "婆娘": "爱人",
    "老婆": "爱人",
    "老公": "爱人",
    "媳妇": "爱人",
    # "先给大的报成长营": the elder of the children talked of
    "大的": "大孩子",
    "大娃": "大孩子",
    "小的": "小孩子",
    "小娃": "小孩子",
    "妹": "妹妹",
    "弟": "弟弟",
    "姐": "姐姐",
    "哥": "哥哥",
}


_AS_THE_FAMILY_CALLS_THEM = frozenset(
    {"孩子", "他", "她", "哥哥", "姐姐", "弟弟", "妹妹", "老大", "老二", "老幺"}
)


# "我老婆罗芳也要去", "我妈也想来": a relative coming too, after the worker enrolled
_ALSO_COMES = re.compile(
    # ("我同事也想来 还有位置没": a workmate, after the worker enrolled)
    r"^(?:那)?(?P<who>我(?:老婆|老公|爱人|媳妇|妈|爸|女儿|儿子|姐姐|妹妹|哥哥|弟弟|同事|朋友|工友))"
    r"[\u4e00-\u9fff]{0,3}?(?:也|还)(?:要|想|可以)?(?:去|来|报|参加|一起)"
)


# "把我老公也报上那个": someone put down for a course too
_PUT_DOWN = re.compile(
    r"把(?P<who>(?:我|我们)?(?:妈妈|妈|老妈|爸爸|爸|老汉|老婆|媳妇|爱人|老公|婆娘|儿子|女儿|娃儿"
    r"|孩子|同事|朋友|工友|哥哥|姐姐|弟弟|妹妹|他|她))也?(?:一起)?报上"
)


def enrolled_for(text: str | None) -> str | None:
    """Whom the message enrols when it is someone else, as the bot says it ("您妈妈", "孩子"),
    or None when the worker enrols themselves."""
    compact = re.sub(r"\s", "", text or "")
    m = _FOR_SOMEONE.search(compact) or _ALSO_COMES.search(compact) or _PUT_DOWN.search(compact)
    if m is None:
        return None
    who = m.group("who")
    mine = who.startswith("我")
    bare = who.removeprefix("我们").removeprefix("我")
    called = _CALLED.get(bare, bare)
    if called in ("娃儿", "娃娃", "小孩"):
        called = "孩子"
    # "给姐姐报一个" after "弟弟7岁 姐姐11岁": the children as the family calls them (not the
    # worker's own sister); "给我姐姐报" is the worker's
    return f"您{called}" if mine or called not in _AS_THE_FAMILY_CALLS_THEM else called


# who signs up someone else with their own name ("给娃儿报一个 我叫周丽")
CONTACT_LABEL = "报名联系人"


def said_as_own(texts: list[str], name: str | None) -> bool:
    """The worker gave `name` as their own ("我叫周丽") in one of `texts`: enrolling their
    child, that is the parent signing up, not the child's name."""
    if not name:
        return False
    # ("我是他奶奶刘桂芳": the grown-up, named after who they are to the child)
    own = re.compile(
        rf"(?:我叫|我是|我的名字是|我的名字叫|本人)(?:他|她|孩子|娃儿)?的?"
        rf"(?:奶奶|爷爷|外婆|外公|婆婆|姥姥|妈妈|爸爸|家长)?(?:叫)?{re.escape(name)}"
    )
    return any(own.search(re.sub(r"\s", "", t or "")) for t in texts)
