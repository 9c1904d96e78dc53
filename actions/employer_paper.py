"""The employer's name as a paper of the firm gives it, said at the summary (split from
actions/corrections.py): the full registered name when only a shop or a site was kept
("单位是重庆巴渝缘餐饮有限公司") or when it puts the kept one right ("公司名字是…劳务分包有限公司
刚才少打了几个字"), or the name on the business licence the worker wants written
("执照上写的是重庆市渝中区老码头餐饮店 用这个名字"). The party of a mediation request is the
employer as registered (《劳动争议调解仲裁法》第十二条: the request names the parties)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from rasa_sdk import Tracker

from actions.message import typed_text
from actions.validators import looks_like_employer

# "单位是重庆巴渝缘餐饮有限公司 …" at the summary, when only "火锅店" was kept: the full name
_EMPLOYER_NAMED = re.compile(
    r"(?:单位|公司|厂|店)(?:的)?(?:全称|全名|名字|名称)?(?:是|叫)\s*"
    r"(?P<value>[\u4e00-\u9fffA-Za-z0-9（）()]{2,30}?(?:有限责任公司|有限公司|股份公司|集团))"
)


# "重庆美佳电器销售有限公司 我10月31号辞的职 …" at the summary: the registered name first
# ("单位就填重庆渝洲建设集团有限公司 …": after the label that says where it goes)
_NAME_FIRST = re.compile(
    r"^\s*(?:(?:用人)?(?:单位|公司)(?:的)?(?:全称|全名|名字|名称)?(?:就|要|应该|得)?"
    r"(?:填成?|写成?|改成|改为)\s*)?"
    r"(?P<value>[\u4e00-\u9fff]{4,30}?(?:有限责任公司|有限公司|股份有限公司))(?=[\s，,。]|$)"
)
_FULL_NAME = re.compile(r"全名|全称|准确名字|正式名字|营业执照上")


# "等哈 执照上写的是重庆市渝中区老码头餐饮店 用这个名字": the name on a paper of the firm,
# which the worker wants written (a licence names the employer; a contract or a pay slip only
# when the worker says to use it)
_NAME_ON_PAPER = re.compile(
    r"(?P<paper>营业执照|执照|工商登记|合同|工资条|工牌)上(?:面)?(?:写的|登记的|印的|的名字|的名称)?"
    r"(?:是|叫)\s*(?P<value>[^\s，,。]{2,30})"
)
USE_THIS = re.compile(r"(?:用|写|填|按|改成)(?:这个|那个)(?:名字|名称)?")


def name_on_paper(tracker: Tracker) -> str | None:
    """The name on the firm's licence (or another paper the worker says to use) when it is
    not the one kept, at any question but the employer's."""
    if tracker.get_slot("requested_slot") in (None, "employer"):
        return None
    text = typed_text(tracker)
    m = _NAME_ON_PAPER.search(text)
    if m is None or ("执照" not in m.group("paper") and not USE_THIS.search(text)):
        return None
    value = looks_like_employer(m.group("value"))
    return value if value and value != tracker.get_slot("employer") else None


# how alike the name said and the one kept are when one was mistyped or cut short
SAME_FIRM = 0.8


def full_name_at_summary(tracker: Tracker) -> str | None:
    """The registered name said at the summary when a shop or a site was kept, or when it is
    the kept name put right ("等哈 公司名字是重庆宏达建筑劳务分包有限公司 刚才少打了几个字" when
    重庆宏达建筑劳务有限公司 was kept)."""
    if tracker.get_slot("requested_slot") != "mediation_confirm":
        return None
    kept = str(tracker.get_slot("employer") or "")
    text = typed_text(tracker)
    m = _EMPLOYER_NAMED.search(text) or _NAME_FIRST.match(text)
    value = looks_like_employer(m.group("value")) if m else None
    if not value or value == kept:
        return None
    # ("还有公司全名是…有限公司": the full name said to be this one, whatever was kept)
    shop_kept = "公司" not in kept or _FULL_NAME.search(text) is not None
    put_right = SequenceMatcher(None, kept, value).ratio() >= SAME_FIRM
    return value if shop_kept or put_right else None
