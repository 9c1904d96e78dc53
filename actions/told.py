"""What a worker tells at another question of a form is kept, as a person at the desk would.

Asked for the employer, a worker writes "加班费 周末加班从来不给钱 要求补发": the kind of
dispute, what happened and what they want, all at once; asked for the kind of dispute, they
tell the whole story; asked for their name, they give "何建军 18375926608 南岸的重庆锐达电子有限公司".
Each field a message plainly holds is kept (only while that field is still empty), and the
form asks only what is still missing. Questions are not read this way: "加班费怎么算" in the
middle of the form is answered, not filed.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.employer_named import SITE, opening_employer
from actions.mediation_text import PROPOSED
from actions.message import as_chinese, latest_intent, recent_user_texts, typed_text
from actions.opening import (
    SHORT_STORY_MIN,
    opening_demand,
    opening_name,
    opening_phone,
)
from actions.side_question_cues import employer_then_story, is_side_question
from actions.validators import (
    DISPATCH_LABEL,
    DISPATCH_SITE_LABEL,
    INDUSTRY_WORDS,
    NOT_IN_A_NAME,
    STORY_AFTER,
    clean_dispute_type,
    dispute_types_in,
    looks_like_employer,
    normalise,
    other_kind_in,
)

# questions after which a message is read for other fields; at the summary and while
# choosing what to edit, changes go through 修改 (actions/person.py reads corrections)
_READ_AT = frozenset({"name", "phone", "employer", "dispute_type", "description", "demand"})
# a story: long enough to tell what happened (a dispute named, and more than its name)
STORY_MIN = 12
# a company named on its own among other details: "… 南岸的重庆锐达电子有限公司"
_BARE_EMPLOYER = re.compile(
    r"(?:^|[\s，,；;])(?:在)?(?:[\u4e00-\u9fff]{1,4}的)?"
    r"(?P<employer>[\u4e00-\u9fffA-Za-z0-9（）()·]{2,30}?"
    r"(?:有限责任公司|股份有限公司|有限公司|分公司|公司|集团|工厂|厂|超市|酒店|酒楼|酒家|宾馆|餐厅|饭店"
    r"|医院|学校|幼儿园|物业|门店|配送站|网点|火锅|火锅店|面馆|饭馆|茶楼"
    # ("解放碑小艾美甲店", "城南速达快递站": a shop, a courier's station)
    r"|[\u4e00-\u9fff]{2}店|快递站|驿站|美容院|养老院|诊所|会所|" + INDUSTRY_WORDS + r"))"
    # ("重庆顺发印刷厂欠了我一个月工资": the company, then what it did; "…老火锅当服务员":
    # the job there)
    r"(?=$|[\s，,。；;]|的|欠|拖|扣|不给|没给|没发|不发|把我|说我|要我|让我|喊我|开除|辞退"
    r"|当|做|上班|打工)"
)


# "派遣公司是重庆人和人力资源有限公司 厂是西永那边的京达电子": the dispatch firm and the
# factory where the work is done, both parties to the dispute
_DISPATCHER = re.compile(r"(?:派遣公司|劳务公司|派遣单位)(?:是|叫)\s*(?P<name>[^\s，,。；;]{2,30})")
_WORKPLACE = re.compile(
    r"(?:^|[\s，,。；;])(?:厂|厂子|厂里|用工单位|上班的厂|干活的厂)(?:是|叫)\s*(?:[^\s，,。；;]{1,6}的)?"
    r"(?P<name>[^\s，,。；;]{2,20})"
)


# "派到长江电子厂上班": the workplace a dispatched worker is sent to
_SENT_TO = re.compile(
    r"派(?:到|去|在)\s*(?P<name>[^\s，,。；;]{2,20}?)(?:上班|干活|做事|做工|工作)"
)


def dispatch_employers(text: str) -> str | None:
    firm = _DISPATCHER.search(text or "")
    site = _WORKPLACE.search(text or "") or _SENT_TO.search(text or "")
    if firm is None or site is None:
        return None
    return f"{DISPATCH_LABEL}{firm.group('name')}{DISPATCH_SITE_LABEL}{site.group('name')}"


def employer_in(text: str) -> str | None:
    """An employer named in a message of several details (a company named on its own before
    a worksite: "渝兴建筑劳务公司 在融创江畔那个工地做钢筋")."""
    both = dispatch_employers(text)
    if both is not None:
        return both
    found = opening_employer(text)
    if found and not SITE.search(found):
        return found
    site = found
    for m in _BARE_EMPLOYER.finditer(text):
        employer = m.group("employer")
        if not NOT_IN_A_NAME.search(employer):
            company = looks_like_employer(employer)
            if company and not SITE.search(company):
                return company
    return site


# words that only introduced a detail taken out into its own field, and the request itself
_ORPHAN_LABELS = re.compile(
    # ("是给渝建劳务公司做的": 做的, once the company is taken out)
    r"(?<=\s)(?:那好嘛|好嘛|好的|要得|嗯|我叫|我是|名字是|叫|在|单位是|公司是|单位|公司|是|的|做的|干的|"
    r"(?:我)?(?:想|要)?申请(?:劳动)?调解"
    # "那我申请嘛 …", "想了一哈还是申请嘛 …": applying, the thing applied for understood
    r"|(?:好|好的|好嘛|那|那我|我|想了一[哈下])?(?:还是|就)?(?:要|想)?申请(?:嘛|吧|哦|哈|一个|个|一下)?)(?=\s)"
)


_LEFT_BEFORE_EMPLOYER = re.compile(
    r"(?:^|(?<=\s))(?:店|店子|馆子|厂子|公司|单位)(?:名字|名)?(?:叫|是)[\u4e00-\u9fff]{0,4}的?(?=\s)"
)


def story_in(text: str) -> str | None:
    """The message, when it tells what happened: a kind of dispute and more than its name."""
    after = STORY_AFTER.search(text or "")
    if after:
        text = after.group("story")
    compact = re.sub(r"\s+", "", normalise(text))
    if len(compact) < STORY_MIN or not (dispute_types_in(text) or other_kind_in(text)):
        return None
    # "李国强 187… 重庆顺丰达物流有限公司 今年3月到10月的加班费…": the details have their own
    # fields (the phone number is never copied into the free text the mediator reads)
    told = text
    for field in (opening_phone(text), opening_name(text), employer_in(text)):
        if field:
            told = told.replace(field, " ")
    # ("店叫南坪的好又来超市 …": the label and the place left before the company taken out)
    told = _LEFT_BEFORE_EMPLOYER.sub(" ", told)
    told = re.sub(r"(?:电话|手机|号码)[是：:\s]*(?=\s|$)", " ", told)
    # the labels left without what they introduced: "我叫 在 叫恒安物业 每个月扣我500…"
    told = _ORPHAN_LABELS.sub(" ", f" {told} ")
    # ("工头是重庆鸿达建筑劳务有限公司的 拖了我们两个月": the 的 left after the company)
    told = re.sub(r"(?<=\s)的(?=\s)", " ", told)
    told = re.sub(r"\s{2,}", " ", told).strip(" ，,。；;")
    if len(re.sub(r"\s+", "", told)) >= STORY_MIN or (
        # "何大勇 139… 重庆长风机械厂 7到9月工资一直没发": short, but a story of its own
        len(re.sub(r"\s+", "", told)) >= SHORT_STORY_MIN and dispute_types_in(told)
    ):
        return told
    phone = opening_phone(text)
    return (text.replace(phone, " ") if phone else text).strip()


def dispute_type_in(text: str) -> str | None:
    """The one kind of dispute a story points to."""
    return (clean_dispute_type(text) or other_kind_in(text)) if story_in(text) else None


_READERS = {
    "name": opening_name,
    "phone": opening_phone,
    "employer": employer_in,
    "dispute_type": dispute_type_in,
    "description": story_in,
    "demand": opening_demand,
}


# the worker leaves the request ("算了", "还是不申请了")
_LEAVES = re.compile(r"算了|不(?:申请|弄|办|搞|调解|告|要|报|填)了|不想(?:申请|弄|办|搞|调解)了")


_SPACE_BEFORE_SUM = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=\d)")


def told_in_form(tracker: Tracker, slot: str) -> str | None:
    """`slot`'s value from a message answering another question of the form, when the
    message plainly holds it and the slot is still empty."""
    requested = tracker.get_slot("requested_slot")
    # (a demand the bot proposed gives way to one the worker says)
    held = tracker.get_slot(slot)
    empty = held is None or (slot == "demand" and held in PROPOSED)
    if requested not in _READ_AT or requested == slot or not empty:
        return None
    text = typed_text(tracker)
    if not text or text.startswith("/"):
        return None
    if slot in ("description", "demand"):
        # ("要回26天的工钱9100 对了电话打错了 是159…": the number put right is no part of it)
        text = without_phone_fix(text)
    if latest_intent(tracker) == "cancel" and _LEAVES.search(text):
        # "算了 还是不申请了 怕老板晓得了把我开了": the reason for leaving tells no story
        return None
    read = as_chinese(text)
    if read != text and slot in ("description", "demand") and opening_employer(text):
        # "gong si shi xin hua yin shua chang, lao ban qian wo liang ge yue gong zi …": the
        # employer, then the story, in pinyin or English: the story as read in Chinese (short
        # when it names its dispute: "lao ban qian wo san ge yue gong zi")
        # ("yaoqiu pei 5000", read 要求赔 5000: the sum joined to its verb)
        found = _READERS[slot](_SPACE_BEFORE_SUM.sub("", read) if slot == "demand" else read)
        if found is None and slot == "demand":
            found = opening_demand(text)  # "… We want the saturday overtime pay": as typed
        short = read.strip(" ，,。")
        if found is None and slot == "description" and dispute_types_in(short):
            found = short if len(re.sub(r"\W", "", short)) >= SHORT_STORY_MIN else None
        return found
    # (a message that gives the name and the phone answers the form, whatever question word
    # its story holds: "…又拿不出啥子证据")
    details = opening_name(text) is not None and opening_phone(text) is not None
    # "重庆顺泰物流有限公司 我在那做分拣 上个月…也没给啥子补偿": the company, then the story
    details = details or (requested == "employer" and employer_then_story(text))
    # ("电话139… 在城南美居装饰公司 试用期被辞了 …从来没跟我说过啥子条件": the phone and the
    # employer, then the story)
    details = details or (
        requested == "phone"
        and opening_phone(text) is not None
        and employer_then_story(_PHONE_FIRST.sub("", text).strip())
    )
    if not details and is_side_question(text, "employer"):
        return None
    return _READERS[slot](text)


# "对了电话打错了 是15923456781": a phone number put right inside another answer
_PHONE_FIXED = re.compile(
    r"[，,。\s]*(?:对了|哦|还有|另外)?[，,\s]*(?:我的?)?(?:电话|手机|号码)(?:号码?)?[^，,。\d]{0,6}?"
    r"(?:错|不对)[了啦]?[，,\s]*(?:是|应该是|改成|改为)?\s*1[3-9]\d{9}"
)


def without_phone_fix(text: str) -> str:
    """`text` without a phone number put right inside it (the rest is the answer)."""
    return _PHONE_FIXED.sub("", text).strip() or text


# "电话139… 在…公司 …": the number said first, before the rest of the answer
_PHONE_FIRST = re.compile(
    r"^(?:我的?)?(?:电话|手机|号码)?(?:是|号码是?)?[\s:：]*1[3-9]\d{9}[\s，,。]*"
)


# "名字电话就是刚才那个": the name and phone told earlier in the conversation, not asked again
_SAME_AS_BEFORE = re.compile(
    r"(?:名字|姓名|电话|手机)[^，,。]{0,6}?(?:就是|还是|跟|和|同)?(?:刚才|前面|之前|上面|先前)"
    r"(?:那个|说的|发的|留的|的|一样)"
)
SAME_LOOKBACK = 6


def same_as_before(tracker: Tracker, slot: str) -> str | None:
    """The name or phone the worker says is the one told before, read from their messages."""
    if slot not in ("name", "phone") or not _SAME_AS_BEFORE.search(typed_text(tracker)):
        return None
    read = opening_name if slot == "name" else opening_phone
    return next(filter(None, map(read, recent_user_texts(tracker, SAME_LOOKBACK))), None)
