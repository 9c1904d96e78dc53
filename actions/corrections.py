"""Corrections of what the worker told in a form, at any point of it ("电话错了 是…",
"名字写错了", "单位名称不对", "类型错了", "还要…", "经过说错了…"), and a detail added to the
story already told."""

from __future__ import annotations

import re
from collections.abc import Callable

from rasa_sdk import Tracker

from actions.assent import clean_demand
from actions.employer_named import REGISTERED_NAME
from actions.employer_paper import full_name_at_summary, name_on_paper
from actions.enrolment_party import companion_fix_in_message
from actions.group_claims import member_phone_fixed, story_with_sum_fixed
from actions.message import as_chinese, typed_text
from actions.story_added import story_added
from actions.sum_fixed import story_with_sum_corrected
from actions.validators import (
    clean_phone,
    dispute_types_in,
    looks_like_employer,
    looks_like_name,
)

# "电话错了，是139…", "手机号改成…", "名字写错了，应该是周晓"; taken whatever the form asks now
_CORRECTS = re.compile(
    r"错|不对|改成|改为|改一下|换成|应该是|更正|写成了|打错|换一个|换个|换了|新号|换号|停机"
    # "电话后头是0396 打反了": two digits swapped
    r"|打反|反了|颠倒"
    # "电话后两位是48 不是84": the right digits, then the wrong ones
    r"|\d\s*[，,]?\s*不是\s*\d"
)
_PHONE_WORDS = re.compile(r"电话|手机|号码|号")
_NAME_CORRECTION = re.compile(
    r"(?<![位司厂店])(?:名字|姓名)[^，,。]*(?:错|不对)[^，,。]*[，,。\s]*(?:是|叫|应该是|改成|改为)?\s*"
    r"(?P<value>[\u4e00-\u9fff·]{2,5})$"
)
# "名字写错了 是黄莉 草字头那个莉", "名字错了 少了个字 是牟红梅": the name right after 是/叫,
# with a few words of explanation before or after it
_NAME_CORRECTION_THEN_MORE = re.compile(
    r"(?<![位司厂店])(?:名字|姓名)[^，,。]*?(?:错|不对)[了啦]?[^，,。]{0,8}?[，,。\s]*(?:是|叫|应该是|改成|改为)\s*"
    r"(?P<value>[\u4e00-\u9fff·]{2,4})(?=[\s，,。]|$)"
)


# "修改姓名 是黎晓冬 冬天的冬", "改一下名字：周晓": the field named, then the new name
_NAME_EDIT = re.compile(
    r"(?:修改|更改|改)(?:一下)?(?:姓名|名字)[，,：:\s]*(?:是|为|成|改成|改为)?\s*"
    r"(?P<value>[\u4e00-\u9fff·]{2,4})(?=[\s，,。]|$)"
)


def corrected_phone(tracker: Tracker) -> str | None:
    """A new phone number given as a correction while the form asks something else
    ("sorry the phone is wrong, it is 135…" read in Chinese)."""
    text = as_chinese(typed_text(tracker))
    if tracker.get_slot("requested_slot") in (None, "phone") or not _CORRECTS.search(text):
        return None
    if companion_fix_in_message(tracker) is not None:
        return None  # "我儿子电话说错了 是185…": his, not the worker's
    if member_phone_fixed(str(tracker.get_slot("description") or ""), text) is not None:
        return None  # "汪平的电话写错了 是139…": a workmate's, in what happened
    if not _PHONE_WORDS.search(text):
        return None
    whole = clean_phone(text)
    if whole:
        return whole
    # "电话打错了 最后两位是25 不是52", "尾数是6349 不是6394": the last digits put right
    ending = _LAST_DIGITS.search(text)
    kept = str(tracker.get_slot("phone") or "")
    if ending and len(kept) == 11:
        digits = ending.group("d")
        return clean_phone(kept[: 11 - len(digits)] + digits)
    return None


# the end of the number said again ("最后两位是25", "尾数是6349", "后四位应该是0416")
_LAST_DIGITS = re.compile(
    r"(?:最后|末|后|尾数|尾号)[^，,。\d]{0,6}?(?:是|应该是|为|改成)?\s*(?P<d>\d{1,4})(?!\d)"
)


_EMPLOYER_CORRECTION = re.compile(
    r"(?:公司|单位|厂)(?:的)?(?:名字|名称|名)?[^，,。]*?(?:错|不对|漏|不全|没写全|少写|写少)[了啦]?[^，,。\s]{0,4}?[，,。\s]*"
    r"(?:(?:全称|全名|名字|名称)?(?:是|叫|应该是|改成|改为))?\s*(?P<value>.{2,40})$"
)


def _correction(
    tracker: Tracker, slot: str, pattern: re.Pattern[str], check: Callable[[str], str | None]
) -> str | None:
    """`slot`'s new value when the message corrects it while the form asks something else."""
    if tracker.get_slot("requested_slot") in (None, slot):
        return None
    text = typed_text(tracker).strip().rstrip("。！!")
    if slot == "name":
        # "是桂花的桂 张桂英": the character explained, then the name
        text = _CHARACTER_EXPLAINED.sub(" ", text)
    m = pattern.search(text)
    return check(m.group("value")) if m else None


# "桂花的桂", "木子李", "弓长张": a character of the name explained, not the name
_CHARACTER_EXPLAINED = re.compile(
    r"(?P<c>[\u4e00-\u9fff])[\u4e00-\u9fff]{0,2}的(?P=c)(?:字)?"
    r"|[\u4e00-\u9fff]{0,2}(?P<d>[\u4e00-\u9fff])的(?P=d)(?:字)?"
    r"|木子李|弓长张|口天吴|立早章|耳东陈"
)


# "还有我名字是李春妹 妹妹的妹 不是梅花的梅": the name said again, with what was wrong
_NAME_SAID_AGAIN = re.compile(
    r"(?<![厂司位店])(?:我的?)?(?:名字|姓名)(?:是|叫|应该是)\s*(?P<value>[\u4e00-\u9fff·]{2,4}?)(?=[\s，,。]|$)"
)
_NOT_THAT = re.compile(r"不是|错|打错|写错|搞错|弄错")


def _said_again(
    tracker: Tracker,
    slot: str,
    pattern: re.Pattern[str],
    group: str,
    check: Callable[[str], str | None],
) -> str | None:
    """`slot`'s value said again in a message that says what was wrong ("…不是梅花的梅"),
    while the form asks something else, when it differs from the one kept."""
    text = typed_text(tracker)
    if tracker.get_slot("requested_slot") in (None, slot) or not _NOT_THAT.search(text):
        return None
    m = pattern.search(text)
    value = check(m.group(group)) if m else None
    return value if value and value != tracker.get_slot(slot) else None


# "Sorry, my name is spelled Lin Xiaoyue, with an e at the end.": a name put right in English
_ENGLISH_NAME_FIX = re.compile(
    r"(?:sorry|wrong|actually|not|spelled|spelt|typo)[^.]*?\b(?:my name is|name is|my name's|it's|it is)"
    r"(?: spelled| spelt| actually)?\s+(?P<value>[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,2})"
    r"|\b(?:my name is|name is) (?:spelled|spelt|actually)\s+(?P<value2>[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,2})",
    re.IGNORECASE,
)


_FIRM_NAME = re.compile(
    r"\b(?:company|employer|factory|school|shop|store|restaurant|hotel|firm)(?:'s)? name\b",
    re.IGNORECASE,
)


def _english_name_fixed(tracker: Tracker) -> str | None:
    if tracker.get_slot("requested_slot") in (None, "name"):
        return None
    text = typed_text(tracker)
    if _FIRM_NAME.search(text):
        return None  # "oh wrong company name, it's …": the firm's name, not the worker's
    m = _ENGLISH_NAME_FIX.search(text)
    value = (m.group("value") or m.group("value2")) if m else None
    return value if value and value != tracker.get_slot("name") else None


def corrected_name(tracker: Tracker) -> str | None:
    """A new name given as a correction ("名字写错了，是周晓")."""
    english = _english_name_fixed(tracker)
    if english:
        return english
    found = (
        _correction(tracker, "name", _NAME_CORRECTION_THEN_MORE, looks_like_name)
        or _correction(tracker, "name", _NAME_CORRECTION, looks_like_name)
        or _correction(tracker, "name", _NAME_EDIT, looks_like_name)
    )
    return found or _said_again(tracker, "name", _NAME_SAID_AGAIN, "value", looks_like_name)


# "不对不对 单位要写重庆速达劳务公司 站点是他们管的": what the form should say instead
_EMPLOYER_TO_WRITE = re.compile(
    r"(?:错|不对)[^，,。]{0,6}?[，,。\s]*(?:用人)?(?:单位|公司)(?:名字|名称)?(?:要|应该|得|就)?"
    r"(?:写成?|填成?|改成|改为)\s*(?P<value>[^\s，,。]{2,30})"
)


# "sorry school name is wrong, on my contract it is 小树苗双语幼儿园": corrected in English
_EMPLOYER_FIX_IN_ENGLISH = re.compile(
    r"(?i:(?:school|company|employer|factory|shop|store|restaurant|hotel)(?: name)?"
    r"(?: is)? (?:wrong|incorrect|not right))"
    r"[^。]*?(?i:it is|it's|its|should be|actually|is)\s*(?P<value>[^\s，,。]{2,40})$"
    # ("sorry the company name is wrong, its Chongqing Hengxing Electronics, with a g": a
    # name of several words, then a word on its spelling)
    r"|(?i:(?:company|employer|factory|shop|store|restaurant|hotel|school)(?: name)?"
    r"(?: is)? (?:wrong|incorrect|not right))[^。]*?(?i:it is|it's|its|should be|is)\s+"
    r"(?P<value2>[A-Z][A-Za-z&]*(?:\s+[A-Z][A-Za-z&.]*){1,6})"
    # ("oh wrong company name, it's Chongqing Hengrui Commerce Co": the wrong word first)
    r"|(?i:(?:wrong|incorrect) (?:company|employer|factory|shop|store|restaurant|hotel|school)"
    r"(?: name)?)[^。]*?(?i:it is|it's|its|should be|is)\s+"
    r"(?P<value3>[A-Z][A-Za-z&]*(?:\s+[A-Z][A-Za-z&.]*){1,6})"
    # ("sorry the company is Chongqing Ruixing Electronics, with a g at the end": a sorry
    # first, the name said again)
    r"|(?i:(?:sorry|oops|actually|wait)[,.]?\s+(?:the |my )?"
    r"(?:company|employer|factory|shop|store|restaurant|hotel|school)(?: name)? is)\s+"
    r"(?P<value4>[A-Z][A-Za-z&]*(?:\s+[A-Z][A-Za-z&.]*){1,6})"
)


# "厂名字写错了 是鑫达 金字旁那个达 不是大小的大": a part of the name put right
_EMPLOYER_PART_FIX = re.compile(
    r"(?:公司|单位|厂|店)(?:的)?(?:名字|名称|名)[^，,。]*?(?:错|不对)[了啦]?[^，,。]{0,6}?[，,。\s]*"
    r"(?:是|应该是|改成|改为)\s*(?P<value>[\u4e00-\u9fff]{1,6})(?=[\s，,。]|$)"
)


def part_put_right(kept: str, part: str) -> str | None:
    """`kept` with the one stretch of it that `part` puts right (as long as `part`, differing
    in at most half its characters and sharing at least one), or None when there is none or
    more than one such stretch ("渝北鑫大机械厂" with "鑫达" is "渝北鑫达机械厂")."""
    if not part or part in kept:
        return None
    size, best, at = len(part), max(1, len(part) // 2), []
    for i in range(len(kept) - size + 1):
        differs = sum(a != b for a, b in zip(kept[i : i + size], part, strict=True))
        if 0 < differs <= best:
            if differs < best:
                best, at = differs, []
            at.append(i)
    if len(at) != 1 or best >= size:
        return None
    i = at[0]
    return kept[:i] + part + kept[i + size :]


def _part_of_employer(tracker: Tracker) -> str | None:
    kept = str(tracker.get_slot("employer") or "")
    if not kept or tracker.get_slot("requested_slot") in (None, "employer"):
        return None
    m = _EMPLOYER_PART_FIX.search(typed_text(tracker))
    if m is None:
        return None
    # (taken already this turn, the form validating after extracting: still a correction)
    return kept if m.group("value") in kept else part_put_right(kept, m.group("value"))


def _english_firm_fixed(tracker: Tracker) -> str | None:
    """An English firm's name of several words put right ("…, its Chongqing Hengxing …")."""
    if tracker.get_slot("requested_slot") in (None, "employer"):
        return None
    m = _EMPLOYER_FIX_IN_ENGLISH.search(typed_text(tracker))
    return (m.group("value2") or m.group("value3") or m.group("value4")) if m else None


def corrected_employer(tracker: Tracker) -> str | None:
    """A new employer given as a correction ("公司名字写错了，是某某物流有限公司"), a part of it
    put right ("厂名字写错了 是鑫达 …"), or the full name given at the summary when only a shop
    or a site was kept."""
    found = (
        _part_of_employer(tracker)
        or _correction(tracker, "employer", _EMPLOYER_CORRECTION, looks_like_employer)
        or _correction(tracker, "employer", _EMPLOYER_FIX_IN_ENGLISH, looks_like_employer)
        or _english_firm_fixed(tracker)
        or _correction(tracker, "employer", _EMPLOYER_TO_WRITE, looks_like_employer)
        or full_name_at_summary(tracker)
        or name_on_paper(tracker)
    )
    # a registered name in a correction ("哎呀打错了 厂名字是美嘉 嘉陵江那个嘉 重庆美嘉食品有限公司")
    return found or _said_again(
        tracker, "employer", REGISTERED_NAME, "employer", looks_like_employer
    )


# "纠纷类型选错了，应该是工伤": the type named after the correction
_TYPE_CORRECTION = re.compile(r"(?:纠纷)?类型[^，,。]*?(?:错|不对)[了啦]?(?P<rest>.*)$")


def corrected_dispute_type(tracker: Tracker) -> str | None:
    """A new dispute type given as a correction while the form asks something else."""
    if tracker.get_slot("requested_slot") in (None, "dispute_type"):
        return None
    m = _TYPE_CORRECTION.search(typed_text(tracker))
    found = dispute_types_in(m.group("rest")) if m else []
    return found[0] if len(found) == 1 else None


# "诉求改成补发加班费并且补缴社保", "要求改为支付经济补偿"
DEMAND_CORRECTION = re.compile(
    r"(?:调解)?(?:诉求|要求)[^，,。]{0,4}?"
    r"(?:改成|改为|换成|写成|应该是|改一下|改下|改一哈|改哈|换一下|要改|加一条|加一个|加上|补充一下|补充"
    # ("诉求就是不愿意去长寿的 公司要按工龄给经济补偿": the demand said outright)
    # ("那诉求就写要他赔26000")
    # (not "诉求写清楚 我看一哈": written out clearly, nothing new said)
    r"|就是|就写|写(?!清楚|明白)|填|就填)"
    r"[：:\s，,]*(?P<value>.{2,60})$"
)
# "诉求改一哈 还要补签合同": a demand added to the one given
_ADDED = re.compile(r"^(?:另外|而且)?(?:还要|还有|再加|加上|也要|同时要|另外要)[：:\s，,]*")


# "等哈 我不光要钱 还要他以后按时结": one more thing wanted, besides what was asked for
_DEMAND_MORE = re.compile(
    r"(?:不光|不只|不仅|除了)(?:是)?要?[^，,。\s]{0,6}[\s，,]*(?:还要|也要|还得|还想)(?P<value>[^，,。]{2,30})"
)


def corrected_demand(tracker: Tracker) -> str | None:
    """A new demand given as a correction while the form asks something else (added to the
    one given when it says 还要…)."""
    more = _DEMAND_MORE.search(typed_text(tracker))
    old = tracker.get_slot("demand")
    if more and old and tracker.get_slot("requested_slot") not in (None, "demand"):
        wanted = clean_demand(more.group("value"))
        if wanted and wanted not in str(old):
            return clean_demand(f"{old}；{wanted}") or None
        if wanted:
            return str(old)  # (taken already this turn: still a correction)
    new = _correction(tracker, "demand", DEMAND_CORRECTION, clean_demand)
    old = tracker.get_slot("demand")
    added = _ADDED.match(new or "")
    if new and added and old and new[added.end() :]:
        return clean_demand(f"{old}；{new[added.end() :]}") or new
    return new


# "搞错了 我是做了九年 不是八年", "说错了 不是三月份 是五月份": a word of the story told wrong
_STORY_MISTAKE = re.compile(r"搞错|说错|写错|打错|弄错|记错|更正|不对")
_STORY_FIX = re.compile(
    r"(?:是|做了|干了)(?P<new>[^\s，,。不]{1,8}?)[\s，,。]*不是(?P<old>[^\s，,。]{1,8})"
    r"|不是(?P<old2>[^\s，,。]{1,8}?)[\s，,。]*(?:而是|应该是|是)(?P<new2>[^\s，,。]{1,8})"
)
_DOING = re.compile(r"^(?:做了|干了|做的|干的)")


def corrected_description(tracker: Tracker) -> str | None:
    """What happened, with the word the worker corrects replaced ("八年" by "九年"), when the
    story kept holds that word and the form asks something else."""
    story = str(tracker.get_slot("description") or "")
    text = typed_text(tracker).strip()
    if not story or tracker.get_slot("requested_slot") in (None, "description"):
        return None
    # ("汪平的电话写错了 是139…": one workmate's number put right)
    fixed_phone = member_phone_fixed(story, text)
    if fixed_phone is not None:
        return fixed_phone
    # ("sorry Gao Jun is 4900 not 4700": one worker's sum of a group's list put right)
    fixed_sum = story_with_sum_fixed(story, text)
    if fixed_sum is not None:
        return fixed_sum
    fixed_total = story_with_sum_corrected(story, text)  # ("算错了 是三万六": the sum)
    if fixed_total is not None:
        return fixed_total
    if not _STORY_MISTAKE.search(text):
        return None
    m = _STORY_FIX.search(text)
    if m is None:
        return None
    old = _DOING.sub("", m.group("old") or m.group("old2") or "")
    new = _DOING.sub("", m.group("new") or m.group("new2") or "")
    if not old or not new or old == new:
        return None
    if old in story:
        return story.replace(old, new)
    # taken already this turn (the form validates after extracting): still a correction
    return story if new in story else None


def corrected(tracker: Tracker) -> bool:
    """The message corrects an earlier answer (name, phone, employer, dispute type, demand,
    a word of what happened)."""
    return bool(
        corrected_phone(tracker)
        or corrected_name(tracker)
        or corrected_employer(tracker)
        or corrected_dispute_type(tracker)
        or corrected_demand(tracker)
        or corrected_description(tracker)
        or story_added(tracker)
        or corrected_headcount(tracker) is not None
    )


# intents a bare name is sometimes read as (鲁智 -> frustrated, 高兴 -> affirm)


# "人数说错了 是31个 有一个已经签字走了": the number of workers corrected
_HEADCOUNT_FIX = re.compile(
    r"(?:人数|多少人|几个人|人头)[^，,。\d]{0,6}(?:说错|搞错|写错|打错|记错|不对)了?[\s，,]*"
    r"(?:是|应该是|其实是|改成)?\s*(?P<n>\d{1,4})\s*(?:个人|个|人|名)"
    # "等哈 是16个人 我把我兄弟算漏了": the count said again, with what went wrong after it
    r"|(?:^|[\s，,])(?:等哈|等下|不对|哦|噢)?[\s，,]*(?:是|应该是|其实是|一共是?|总共是?)\s*"
    r"(?P<m>\d{1,4})\s*(?:个人|个|人|名)[^。]{0,12}(?:算漏|漏了|漏算|少算|多算|算错|数错|说错|搞错)"
)


def corrected_headcount(tracker: Tracker) -> int | None:
    """The workers' number corrected while a request is filled in, when the story holds one."""
    if not tracker.get_slot("description"):
        return None
    m = _HEADCOUNT_FIX.search(typed_text(tracker))
    n = int(m.group("n") or m.group("m")) if m else None
    return n if n is not None and 2 <= n <= 10000 else None
