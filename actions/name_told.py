"""The worker's name in a message that tells more (split from actions/opening.py): "我叫…",
a name beside the phone, after a role at work (我是班组长何大兵), a relative's or a
sibling's by their order (还有三妹孙雪莲 173…), in English or pinyin."""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import lazy_pinyin

from actions.validators import COMMON_SURNAMES, clean_name, looks_like_name
from intents.foreign import read_foreign
from intents.normalise import fold

# ("我叫周丽13752860394": the number right after the name)
_STOP = r"(?=[，,。；;！!\s]|电话|手机|联系|号码|在|今年|做|是|家住|1[3-9]\d{9}|$)"
_NAME = re.compile(
    rf"(?:我叫|我是(?:他|她|孩子|娃儿)?的?(?:奶奶|爷爷|外婆|外公|婆婆|姥姥|妈妈|爸爸|家长)?"
    rf"|本人|他叫|她叫|名字(?:叫|是)?|姓名(?:是)?|(?:^|(?<=[\s，,。]))叫"
    # "孩子叫刘小雨", "我妈叫张桂英": the relative being enrolled
    rf"|(?:孩子|娃儿|娃娃|小孩|儿子|女儿|闺女|妈妈|爸爸|我妈|我爸|老婆|老公|爱人)(?:的名字)?叫)"
    rf"[：:\s]*(?P<name>[\u4e00-\u9fff·]{{2,4}}?){_STOP}"
)
_NOT_A_NAME_END = re.compile(r"[工员师人的家们]$")
# who the worker is at work, said where a name might be ("我是代表", "我是班长")
_ROLE = re.compile(
    r"(?:工人|职工|员工)?(?:代表|班长|组长|队长|主管|经理|工头|老板|负责人|领班|带班|厂长|车间主任)$"
)
# who the worker is to someone, said where a name might be ("我是他妈", "我是她爸")
_RELATION = re.compile(
    r"^(?:他|她|娃儿|孩子)?(?:妈|爸|妈妈|爸爸|爷爷|奶奶|外婆|外公|家长|老婆|老公)$"
)


# "My name is Li Wei, phone …"
# "ok sign me up. Zhang Wei, 19923459087": a name in letters right before the phone number
_LATIN_NAME_BY_PHONE = re.compile(
    # ("Huang Lina, phone 139…": the number's label between them)
    r"(?<![A-Za-z])(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,2})\s*[,，:：]?\s*"
    r"(?:(?:my )?(?:phone|tel|mobile|cell)(?: number)?(?: is)?[:：]?\s*)?(?:\+?86)?1[3-9]\d{9}"
)
_ENGLISH_NAME = re.compile(
    r"\b(?:my name is|my name's|name:|name is|name|wo jiao|ta jiao|wo de ming zi shi|wo de mingzi shi"
    # ("mingzi Luo Jiayi dianhua 199…": the name labelled in pinyin)
    r"|ming ?zi(?: shi| jiao)?|xing ?ming(?: shi)?"
    r"|i am the representative,?|i'm the representative,?|representative:?)\s+(?P<name>[A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*){0,2}?)"
    r"(?=\s*(?:[,.;!?，。]|$|\d|\s+(?:and|phone|my|tel|mobile|dianhua|dian hua|shouji|shou ji|haoma|hao ma)\b))",
    re.IGNORECASE,
)


# "bao ming zhao hai tao 13996541238": a name in pinyin after the request, before the phone
_PINYIN_NAME_BY_PHONE = re.compile(
    r"\b(?:bao ?ming|bao ?yi ?ge|bang wo bao|shen ?qing|deng ?ji)[,，\s]+"
    r"(?P<name>[a-z]+(?:\s[a-z]+){1,2})\s*[,，:：]?\s*1[3-9]\d{9}",
    re.IGNORECASE,
)


# "wang jian guo 18623150948, gong si shi …": a name in pinyin opening the message, right
# before the phone (each word one syllable, the first a common surname's)
_PINYIN_NAME_FIRST = re.compile(
    r"^\s*(?P<name>[a-z]{1,6}(?:\s[a-z]{1,6}){1,2})\s*[,，:：]?\s*(?:\+?86)?1[3-9]\d{9}",
    re.IGNORECASE,
)
_SYLLABLE = re.compile(r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:[aeiouv]+)(?:ng|n|r)?")


@lru_cache(maxsize=1)
def surname_sounds() -> frozenset[str]:
    """The toneless pinyin of the common surnames ("wang", "zhou"): a name typed in pinyin."""
    return frozenset(lazy_pinyin("".join(sorted(COMMON_SURNAMES))))


def _pinyin_name_first(text: str) -> str | None:
    """The name of "wang jian guo 186…", kept as typed (its characters cannot be known)."""
    m = _PINYIN_NAME_FIRST.search(text)
    words = m.group("name").lower().split() if m else []
    if not words or not all(_SYLLABLE.fullmatch(w) for w in words):
        return None
    if words[0] not in surname_sounds():
        return None
    return clean_name(m.group("name"))


# a bare name right beside the phone number: "帮我报上 黄丽 13752006813", "13752006813 黄丽"
_NAME_BY_PHONE = re.compile(
    r"(?:^|[\s，,：:])(?P<before>[\u4e00-\u9fff]{2,3})[\s，,]*"
    # "何建国 手机17723456018": the number's label between them
    # ("李德华 1872301456": beside a number mistyped a digit short or long, still the name)
    r"(?:(?:手机号?码?|电话号?码?|号码|联系电话)(?:是|[:：])?[\s，,]*)?1[3-9]\d{8,10}(?!\d)"
    r"|1[3-9]\d{8,10}[\s，,]*(?P<after>[\u4e00-\u9fff]{2,3})(?:$|[\s，,。])"
)


# a bare name right after the request: "报个名 邓建平", "帮我报上嘛 刘芳"
_NAME_AFTER_REQUEST = re.compile(
    r"(?:报个?名|报一个|报个|报上|帮我报|我要报|我想报|申请调解|要调解)[吧嘛哈呀噻]?[\s，,：:]+"
    # ("帮我报一个 杨建 要交钱不": a short question after the name)
    r"(?P<name>[\u4e00-\u9fff]{2,3})(?:[。!！]?$|[\s，,]+[^\s，,]{1,12}[不吗嘛么呢哦?？][。!！]?$)"
)


# "报名 我姓赵 赵丽华": the surname said first, then the whole name
_SURNAME_THEN_NAME = re.compile(
    r"(?:我|本人|免贵)?姓(?P<surname>[\u4e00-\u9fff])[\s，,]*(?:叫)?"
    r"(?P<name>(?P=surname)[\u4e00-\u9fff]{1,2})(?:$|[\s，,。!！])"
)


# "报名人写我 陈志强 158… 娃儿叫陈子涵": the worker named as the one signing up, whoever
# else the message names
_SIGNS_UP_AS_ME = re.compile(
    r"(?:报名人|联系人|申请人)(?:就)?(?:写|填|是|留)我(?:的名字)?[\s，,：:]*(?:叫)?"
    r"(?P<name>[\u4e00-\u9fff]{2,3})(?=[\s，,。\d]|$)"
)


# "我老婆罗芳也要去": the relative's name between who they are and 也
_KIN_NAMED = re.compile(
    # ("我同事黄丽娟也想去": a colleague, a friend)
    r"(?:我)?(?:老婆|老公|爱人|媳妇|妈|爸|女儿|儿子|姐姐|妹妹|哥哥|弟弟|同事|工友|朋友|邻居|同学)"
    r"(?P<name>[\u4e00-\u9fff]{2,3}?)(?=也|还|一起)"
)
# "还有三妹孙雪莲 173…": a sister or brother by their order, their name, then the number
_ORDINAL_KIN_NAMED = re.compile(
    r"(?:还有|再|给|帮)?(?:我)?[大二三四小幺](?:姐|妹|哥|弟)(?P<name>[\u4e00-\u9fff]{2,3}?)(?=\s*1[3-9]\d{9})"
)


# "我是班组长何大兵 电话…": a role at work, then the name
_ROLE_THEN_NAME = re.compile(
    r"我是(?:这个|我们|工地上?的?|车间的?|班组的?)?(?:工人|职工|员工)?"
    r"(?:班组长|代表|班长|组长|队长|工头|领班|带班|负责人|车间主任)[\s，,]*"
    r"(?:叫)?(?P<name>[\u4e00-\u9fff]{2,3}?)(?=$|[\s，,。]|电话|手机|1[3-9]\d)"
)


def opening_name(text: str) -> str | None:
    found = _opening_name(text)
    if found is None and re.search(r"[A-Za-z]{3}", text) and re.search(r"[\u4e00-\u9fff]", text):
        # "ok sign me up, name 周丽, phone 199…": English around a Chinese name, read in Chinese
        read = read_foreign(fold(text))
        if read != fold(text):
            found = _opening_name(read)
    return found


def _opening_name(text: str) -> str | None:
    role = _ROLE_THEN_NAME.search(text)
    if role is not None:
        name = looks_like_name(role.group("name"))
        if name and name[0] in COMMON_SURNAMES:
            return name
    kin = _KIN_NAMED.search(text)
    if kin is not None and looks_like_name(kin.group("name")):
        name = looks_like_name(kin.group("name"))
        if name and name[0] in COMMON_SURNAMES:
            return name
    mine = _SIGNS_UP_AS_ME.search(text)
    if mine is not None and looks_like_name(mine.group("name")):
        return looks_like_name(mine.group("name"))
    surnamed = _SURNAME_THEN_NAME.search(text)
    if surnamed is not None:
        return looks_like_name(surnamed.group("name"))
    after = _NAME_AFTER_REQUEST.search(text.strip())
    if after is not None:
        name = looks_like_name(after.group("name"))
        if name and name[0] in COMMON_SURNAMES:
            return name
    for m in _NAME.finditer(text):
        # "我是代表 叫罗建华": a role first, the name after it ("我是他妈 我叫陈晓燕": a
        # relation first)
        if not _NOT_A_NAME_END.search(m.group("name")) and not _ROLE.match(m.group("name")):
            name = looks_like_name(m.group("name"))
            if name and not _RELATION.match(name):
                return name
    beside = _NAME_BY_PHONE.search(text)
    if beside is not None:
        name = looks_like_name(beside.group("before") or beside.group("after"))
        if name and name[0] in COMMON_SURNAMES:
            return name
    ordinal = _ORDINAL_KIN_NAMED.search(text)
    if ordinal is not None:
        name = looks_like_name(ordinal.group("name"))
        if name and name[0] in COMMON_SURNAMES:
            return name
    english = (
        _ENGLISH_NAME.search(text)
        or _LATIN_NAME_BY_PHONE.search(text)
        or _PINYIN_NAME_BY_PHONE.search(text)
    )
    return clean_name(english.group("name")) if english else _pinyin_name_first(text)
