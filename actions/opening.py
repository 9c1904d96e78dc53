"""Everything a worker says in the message that opens a form is kept and never asked again.

"我叫王建国，电话13987654321，在重庆某某建筑公司做钢筋工，老板拖欠我三个月工资，想申请调解，
希望把工资补齐" gives the name, the phone, the employer, the dispute type (an entity), what
happened (the message itself) and what the worker wants; the form then asks only what is
missing and shows the summary to check.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.employer_named import NOT_A_FIRM, POINTED_AT_END, opening_employer
from actions.message import (
    as_chinese,
    latest_intent,
    previous_actions,
    ran_this_turn,
    recent_user_texts,
    typed_text,
)
from actions.name_told import opening_name
from actions.places import DISTRICT
from actions.validators import (
    DESCRIPTION_MAX,
    DESCRIPTION_MIN,
    clean_phone,
    dispute_types_in,
    other_kind_in,
)
from bot.domain.groups import group_size

# the intents whose message opens a form (rules in data/rules.yml)
OPENERS = frozenset({"mediation_request", "course_enroll"})
_DEMAND = re.compile(
    r"(?:希望|要求|想要(?!回)|想让|要让|请求|诉求是?"
    # "… 还是申请调解嘛 让公司不要辞我": what the worker wants the employer to do
    r"|(?:(?<=[\s，,。])|^)让(?=公司|老板|厂里|厂头|单位|他们)"
    # "… 就要试用期多约的那4个月的赔偿金": the sum wanted, after 就要
    r"|(?:(?<=[\s，,。])|^)(?:我)?就(?:是)?(?:想)?要(?=[^，。,\s]{0,16}?(?:赔偿金|补偿|工资|加班费|押金|赔偿|钱))"
    # ("要二倍工资差额3万5", "我要补足差额": the sum or the making up wanted)
    r"|(?:我)?要(?=(?:他们|他|她|公司|老板|厂里|单位|包工头|经济补偿|补偿|赔偿|工资|加班费|医药费"
    r"|二倍|双倍|补足|补发|补齐|补缴|退还|赔|补\s*\d|补钱))"
    # "… 重庆安居物业管理有限公司 要27000": a sum alone, wanted
    # ("就要那35000": the sum worked out before, pointed at)
    r"|(?:(?<=[\s，,。])|^)(?:我)?(?:就)?要(?:那|这)?(?=\d{3,}(?:块钱?|元)?(?:$|[\s，,。])))"
    r"[：:\s]*(?P<demand>[^，。,.!?！？；;\s]{2,60})"
    # the wish said with its verb: "过年前想拿到钱", "想把钱要回来", or starting with it
    # ("要回拖欠的工资", "追回工资")
    r"|(?P<wish>(?:(?:想|要)(?:拿到|拿回|要回|讨回|追回|把钱要回|把工资要回)|^(?:要回|拿回|讨回|追回))"
    r"[^，。,.!?！？；;\s]{0,30}"
    # "想回原来的岗位", "恢复原岗位": the old post back
    r"|(?:(?:想|要|希望)(?:回|调回)|恢复|调回)(?:到)?(?:原来|原先|以前|之前|原)的?(?:岗位|工作|位置|车间|部门|岗)"
    r"[^，。,.!?！？；;\s]{0,20}"
    # "把差的补给我", "把多扣的700退给我": what is short or was taken, made up
    r"|(?:(?<=[\s，,。])|^)把(?:差的|少的|欠的|差额|少给的|多扣的|扣的|扣我的)[^，。,.!?！？；;\s]{0,8}?"
    r"(?:补|退|还|发)[^，。,.!?！？；;\s]{0,10})"
)


# actions that open a form for a message read another way ("我叫谭明 手机号…" right after one
# course was shown: actions/course_enrol_instead.py)
# (or a course follow-up: "那现在还报得到不 报得到就帮我报 我叫冉小军 139…")
_HANDED_OVER_BY = ("action_fallback", "action_affirm", "action_course_followup")


def is_opening(tracker: Tracker) -> bool:
    """This message started the form (no question of the form has been asked yet)."""
    if tracker.get_slot("requested_slot") is not None:
        return False
    return latest_intent(tracker) in OPENERS or any(
        ran_this_turn(tracker, name) for name in _HANDED_OVER_BY
    )


def opening_phone(text: str) -> str | None:
    return clean_phone(text)


_REQUEST_WORDS = re.compile(
    # ("我们…工资都被拖了 想一起申请调解": together, with the request)
    r"(?:我们?)?(?:想|要|需要)?(?:一起)?(?:帮我)?(?:申请|找|请|登记|登|报)?(?:个|一个|一下)?(?:工会|你们)?(?:帮忙)?"
    # "想请工会帮我调解一下"
    r"(?:帮我|给我|帮忙)?(?:劳动(?:纠纷|争议)?)?调解(?:申请)?(?:一下|一哈|下)?|1[3-9]\d{9}"
)
# separators left where a field was taken out
_GAPS = re.compile(r"\s*([，,。；;])[\s，,。；;]*|\s{2,}")
_EDGES = " \t\n，,。；;：:"
STORY_MIN = 16
# what is left of a message once its name, phone and employer are taken out, when it still
# names a kind of dispute ("7到9月工资一直没发")
SHORT_STORY_MIN = 6
# a field given by its label: 姓名… / 电话… / 单位… / 类型… up to the next separator
_FIELDS = re.compile(
    # "你好 我姓杨 叫杨树林 今年56了": the greeting and the name, not what happened
    r"^(?:你好|您好|你们好)[啊呀哈]?"
    r"|(?:我|本人)姓[\u4e00-\u9fff][\s，,]*(?:叫[\u4e00-\u9fff·]{2,4})?"
    r"|(?:我叫|姓名|名字)[是为：:\s]*[\u4e00-\u9fff·]{2,4}"
    r"|(?:电话|手机|联系方式|号码)?[是为：:\s]*1[3-9]\d{9}"
    # ("公司是重庆速达通快递服务有限公司": the label said as 公司是)
    r"|(?:用人单位|单位|公司名称?|公司(?=是|叫|：|:))[是为叫：:\s]*[^，,。；;\s]{2,30}?"
    r"(?:有限公司|公司|集团|厂|店|中心|医院|学校)"
    r"|(?:纠纷类型|类型)[是为：:\s]*[^，,。；;\s]{2,6}"
    # "我要告重庆顺安保安服务有限公司 …": the company sued has its own field
    r"|^(?:我|我们)?(?:要|想|准备)(?:去)?告[^，,。；;\s]{2,30}?(?:有限公司|公司|集团|厂|店|中心|医院|学校)"
    # "那我申请嘛 …": applying, mediation understood
    r"|^(?:好|好的|好嘛|要得|行|嗯|那|那就|对了)*[，,。!！\s]*[^\s，,。]{0,8}?申请(?:一个|个|一下)?"
    r"(?:嘛|吧|哦|哈|啊|了|噻)?(?=[\s，,。!！]|$)"
)


def opening_description(text: str) -> str | None:
    """What happened, as the opening message tells it (without the request and the labelled
    details), when it tells a dispute and more than "老板欠了我工资，想申请调解" (then the form
    asks for the details)."""
    value = text.strip()
    # what is left once the fields are taken out ("姓名赵大勇，电话…，单位…，类型加班费" tells
    # who and where, not what happened)
    story = _story_of(value)
    if len(story) < max(DESCRIPTION_MIN, STORY_MIN) or not (
        dispute_types_in(value) or other_kind_in(value)
    ):
        return None
    # ("… 在重庆美亿电子有限公司 上个月…": where the worker works has its own field, unless
    # the story is too short without it)
    employer = opening_employer(value)
    if employer and f"在{employer}" in value:
        # (not "在…有限公司做钢筋工": the job told with it stays)
        where = (
            rf"(?:我是?)?在{re.escape(employer)}(?:上班|做事|打工|工作|做工|干活)?(?:的)?"
            r"(?=[\s，,。；;]|$)"
        )
        told = _told(_story_of(re.sub(where, " ", value)))
        if len(told) >= DESCRIPTION_MIN:
            return told
    told = _without_bare_fields(_told(story), value, employer or _employer_named(value))
    return told if len(told) >= DESCRIPTION_MIN else value


def short_opening_story(text: str) -> str | None:
    """A dispute told in a few words in the opening message ("我要申请调解 老板欠我两个月工资"),
    too short for what happened: kept, and the form asks only for what it leaves out."""
    if opening_description(text) is not None:
        return None
    value = text.strip()
    told = _without_bare_fields(_told(_story_of(value)), value, _employer_named(value))
    if len(told) < SHORT_STORY_MIN or not (dispute_types_in(told) or other_kind_in(told)):
        return None
    return told


def complete_but_short(text: str) -> bool:
    """The opening gives the name, the phone and the employer with a short story ("申请调解
    老板两个月没发工资 我叫周敏 电话138… 公司是…"): a complete request, filed as told (the
    summary shows it, the mediator asks the rest)."""
    return bool(
        short_opening_story(text)
        and opening_name(text)
        and opening_phone(text)
        and _employer_named(text)
    )


# "就这些" when asked to add to a short story: the opening's words are what happened
NOTHING_TO_ADD = re.compile(
    r"(?:就|就是)?(?:这些|这样|恁个|这么多)(?:了|吧|嘛)?|没(?:有|得|啥|什么)(?:了|补充的?了?|要补充的?|可补充的?)?"
    r"|没(?:有|得)?(?:别的|其他的?)(?:了)?|不用补充了?|就(?:这些|这样)[，,\s]*没(?:有|得)?了"
)


def _without_bare_fields(told: str, value: str, employer: str | None) -> str:
    """The story without the name and the company standing alone in it ("申请调解 黄伟 187…
    重庆恒通汽车配件有限公司 今年3月…": they have their own fields), unless too little is left."""
    kept = told
    for field in (opening_name(value), employer):
        if field:
            kept = re.sub(rf"(?:^|(?<=\s)){re.escape(field)}(?=\s|$)", " ", kept)
    kept = re.sub(r"\s{2,}", " ", kept).strip(_EDGES)
    return kept if len(kept) >= DESCRIPTION_MIN else told


def _story_of(value: str) -> str:
    return _ASKS_AT_THE_END.sub("", _REQUEST_WORDS.sub("", _FIELDS.sub("", value)).strip(_EDGES))


def _told(story: str) -> str:
    """What happened, without the request and the details the form keeps in their own
    fields (the phone number is not copied into the free text the mediator reads)."""
    told = _GAPS.sub(lambda m: m.group(1) or " ", story).strip(_EDGES)
    told = _ASKS_AT_THE_END.sub("", told).strip(_EDGES)
    told = _STORY_LABEL.sub("", told).strip(_EDGES)  # "事情是我生病住院…"
    # ("要得 那我申请调解嘛 …" once the request is out: "要得 那嘛" said nothing)
    return _LEFT_FILLER.sub("", told).strip(_EDGES)


_LEFT_FILLER = re.compile(
    r"^(?:(?:要得|好的?|好嘛|行|可以|对的?|嗯|那还是嘛|还是嘛|那嘛|那|嘛|吧|哦)[\s，,。]+)+"
)


# "…欠了三个月工资跑了 咋个办": the question that ends the story is not part of it
_ASKS_AT_THE_END = re.compile(
    r"[\s，,]*(?:我们|我)?(?:该|应该|可以|能)?"
    r"(?:咋个办|怎么办|咋办|咋整|怎么整|咋个整|找哪个|找谁|工会能不能帮(?:哈|下|一下)?我们?"
    # "…不退给我 能不能帮我调解" once the request words are out
    r"|能不能(?:帮我们?|帮忙)?|可不可以(?:帮我们?)?|行不行|听说(?:工会|你们)(?:可以|能)帮[到忙]?)"
    r"[嘛呢啊哦呀吗]*[？?。!！]*$"
)


_STORY_LABEL = re.compile(r"^(?:事情是|情况是|经过是|事情经过是?|是这样的)[：:，,\s]*")


def with_the_group(description: str, opening: str) -> str:
    """What happened, with the opening's words in front when they say how many workers the
    dispute concerns and the story told later does not ("我们厂二十几个人都被欠了三个月工资"
    opened the form, "从八月份开始就没发过" answered what happened): the case is recorded as
    the group's, and the mediator reads both; likewise when the story told later only adds to
    the opening's ("我想补充一下 老板还说要扣我押金")."""
    short = short_opening_story(opening)
    if short and short not in description:
        # ("我要申请调解 老板欠我两个月工资" then "从3月份开始的 一共9600"): both told it
        return f"{short}；{description}"[:DESCRIPTION_MAX]
    adds = _ADDS_TO.search(description) is not None
    if not adds and (group_size(description) is not None or group_size(opening) is None):
        return description
    told = _GAPS.sub(
        lambda m: m.group(1) or " ", _REQUEST_WORDS.sub("", _FIELDS.sub("", opening))
    ).strip(_EDGES)
    if not told or told in description or (adds and not dispute_types_in(told)):
        return description
    return f"{told}；{description}"[:DESCRIPTION_MAX]


# what happened, told as an addition to the opening ("我想补充一下 老板还说要扣我押金" after
# "老板欠我三个月工资 我要申请调解 我叫黄明…"): the opening's story is kept in front of it
_ADDS_TO = re.compile(r"补充|另外|^(?:而且|并且|还有)|(?:老板|公司|厂里|单位|他)还")


# "…, I want the 33000 and a written contract": what is wanted, in English, kept as typed
_ENGLISH_DEMAND = re.compile(
    r"\b(?:I|we|We)(?:'d| would)? (?:want|like|need|ask for|demand|expect)\b"
    # ("i want union mediation. … I want to keep my job": the process asked for is no demand)
    r"(?! (?:to )?(?:mediat|the union|union|a mediation|apply|file|talk|speak|ask|know|cancel"
    r"|withdraw|help))"
    r"\s*(?P<demand>[^.!?]{3,80})",
    re.IGNORECASE,
)


# a sum said on its own ("27000", "8000块")
_WHO_IS_ASKED = re.compile(r"(?:他们|他|她|公司|老板|厂里|单位|包工头)")
_BARE_SUM = re.compile(r"\d{3,}(?:块钱?|元)?")


def opening_demand(text: str) -> str | None:
    found = _opening_demand(text)
    if found is None and re.search(r"[A-Za-z]{2}", text):
        # "… yao qiu pei N+1": the pinyin read as Chinese (要求赔N+1)
        read = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\w+])", "", as_chinese(text))
        found = _opening_demand(read) if read != text else None
    return found


def _opening_demand(text: str) -> str | None:
    m = _DEMAND.search(text)
    if m is None:
        english = _ENGLISH_DEMAND.search(text)
        # ("I want to keep my job": what is wanted, without the "to"; not "I'd like to request
        # mediation", the process itself)
        wish = re.sub(r"^to\s+", "", english.group("demand").strip(" ,")) if english else None
        return None if wish and re.search(r"(?i)mediat|arbitrat", wish) else wish
    demand = (m.group("demand") or m.group("wish")).strip()
    if _BARE_SUM.fullmatch(demand):
        demand = f"支付{demand.rstrip('块钱元')}元"  # "要27000": the sum wanted, said as one
    if demand.startswith(("个", "一个")):
        demand = "要" + demand  # "我想要个说法": 要个说法
    elif m.group("demand") and _WHO_IS_ASKED.match(demand):
        # "要他补发": who is asked stays with the asking (not "他补发")
        verb = re.search(r"要求|要$", text[m.start() : m.start("demand")].rstrip("：: "))
        demand = (verb.group() if verb else "") + demand
    return None if "调解" in demand else demand  # "要求调解" asks for the process itself


DETAILS_LOOKBACK = 2


def told_before(tracker: Tracker, slot: str) -> str | None:
    """The name or phone the worker gave just before the request, asking about a case the bot
    could not find ("编号我搞忘了 我电话是137… 叫王德芳" then "那我重新申请一个嘛"): not asked
    again."""
    if slot not in ("name", "phone") or not is_opening(tracker):
        return None
    # (or a turn or two before: "那我转人工嘛" then "还是重新申请一个嘛 …" while waiting)
    if "action_mediation_status" not in previous_actions(tracker, 3):
        return None
    read = opening_name if slot == "name" else opening_phone
    for before in recent_user_texts(tracker, DETAILS_LOOKBACK):
        found = read(before)
        if found:
            return found
    return None


# a company's own name, not a kind of business ("物业公司扣了我…" names none)
NAMED_EMPLOYER_MIN = 6


def _employer_named(text: str) -> str | None:
    """The employer the opening message names: labelled or after 在, else one named bare
    among the details ("重庆顺发印刷厂欠了我…", actions/told.py) when it is a name."""
    from actions.told import dispatch_employers, employer_in  # (told reads the opening's)

    both = dispatch_employers(text)  # a dispatched worker's two firms, both parties
    if both:
        return both
    found = opening_employer(text)
    if found:
        return found

    bare = employer_in(text)
    if bare and (POINTED_AT_END.search(bare) or NOT_A_FIRM.search(bare)):
        # "之前开货车那个公司": the company pointed at, not named; "年假的钱公司不给": what
        # is owed, before the word 公司
        return None
    if bare and len(bare) >= NAMED_EMPLOYER_MIN:
        return bare
    # ("罗明辉 13708352916 金川机械厂 厂头一直…": a shorter name standing among the details,
    # right after the phone number, is the company's)
    if (
        bare
        and len(bare) >= BESIDE_PHONE_MIN
        # ("… 电话138… 大渡口 川味坊餐饮 申请调解": or after the district it is in)
        and re.search(rf"(?:1[3-9]\d{{9}}|{DISTRICT})\s+{re.escape(bare)}", text)
    ):
        return bare
    return None


BESIDE_PHONE_MIN = 4


def from_opening(tracker: Tracker, slot: str) -> str | None:
    """`slot`'s value from the message that opened the form, if it says it."""
    if not is_opening(tracker):
        return None
    read = {
        "name": opening_name,
        "phone": opening_phone,
        "employer": _employer_named,
        "description": opening_description,
        "demand": opening_demand,
    }[slot]
    text = typed_text(tracker)
    found = read(text)
    if found is None and slot == "description" and complete_but_short(text):
        found = short_opening_story(text)
    if found is None and slot == "description" and not re.search(r"[\u4e00-\u9fff]", text):
        # "I want to apply for mediation. … They fired me because I was pregnant": the story
        # as read in Chinese
        chinese = as_chinese(text)
        if chinese != text and read(chinese) is not None:
            # (kept as the worker wrote it, for the mediator; the number has its own field)
            found = re.sub(r"\s*(?:phone|tel|mobile)?[:：]?\s*1[3-9]\d{9}[,，]?", " ", text).strip()
    return found
