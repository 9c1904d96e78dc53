"""The cues that tell a question asked inside a form from an answer to it (split from
actions/side_questions.py): whether a message is a question of the worker's own, and whether a
message that starts with the company goes on with the story or with a short question."""

from __future__ import annotations

import re

from actions.employer_named import opening_employer
from actions.person import name_and_phone
from actions.places import LEADING_DISTRICT
from actions.validators import (
    COMMON_SURNAMES,
    dispute_types_in,
    looks_like_employer,
    normalise,
)
from bot.domain.course_questions import aspects

# slots filled from free text: the only ones a question could be mistaken for
FREE_TEXT_SLOTS = ("name", "employer", "description", "demand")
# "I am asking …": a question whatever follows
_LEAD = re.compile(
    r"^(?:(?:等一下|等等|稍等|等下|对了|哦对了|诶|欸|那个)[，,\s]*)?"
    r"(?:我(?:是|就是|只是)?(?:想)?问|想问|请问|问(?:一)?下|问问|打听(?:一)?下|"
    r"(?:我)?(?:先|顺便|再)问(?:一)?下?)"
)
# a short answer never asks: 吗/么/呢 at the end, 收不收 / 要不要, a question mark …
_ASKS = re.compile(
    # ("签不签都一样", "来不来都行" concede, they do not ask)
    # ("不对不对 合同是跟…签的" says no twice, it does not ask 对不对)
    r"[?？]|(?<!不)([\u4e00-\u9fff])[不没]\1(?![都也])|(?:吗|么|呢|不|没)[。.!！~～]*$|是不是|能不能|可不可以"
    r"|[不没](?:嘛|哦|喃|哇)[。.!！~～]*$"
    # "不用厂头批准也可以走噻": a right checked, 噻 asking to be told yes
    r"|(?:可以|能|得行|也行)[^，,。\s]{0,3}噻[。.!！~～]*$"
    # "要自己带垫子不 我屋头莫得": asked with 不, then more said
    r"|(?:要|用|能|可以|得)[^，,。\s]{1,8}不[哦嘛啊喃哇]?(?=[\s，,。]|$)"
    # ("调解收钱不哦 我手头紧": 不 and a particle close a question, whatever follows)
    r"|[^，,。\s不]{1,6}不[哦嘛喃哇](?=[\s，,。]|$)"
    # "工伤认定有时间限制没得": 有…没得 / 有…没有 asks (a bare "…从来没得" tells)
    r"|有[^，。,\s]{1,12}没(?:得|有)[。.!！~～]*$"
    # "这个押金本来就不该收的吧", "是违法的对吧": a guess put for the bot to confirm
    r"|(?:的|对|是)吧[。.!！~～？?]*$"
)
# … and names or employers never hold a question word at all
# "违法辞退能赔好多 我每个月5000": a sum asked (好多 alone may say "a lot" in a story)
_SUM_ASKED = re.compile(
    r"能(?:赔|拿|要|补)(?:好多|多少)|该(?:赔|补|给)(?:我)?(?:好多|多少)|(?:赔|补)(?:我)?(?:好多|多少)(?:钱)?$"
)
_QUESTION_WORD = re.compile(
    r"多少|好多钱|好多天|多久|好久|多长|几[天个月年点]|(?:星期|周|礼拜)几|怎么|咋|啥|什么|哪|为什么|如何|要钱|交钱"
    r"|收费|免费"
)
# "你们有没有叉车培训": whether a course exists is answered with the course
EXISTS = re.compile(r"有没有|有没得|有莫得|有不有|有吗|有没")
SHORT = 25
# a person asked for by name ("转人工", "跟真人说")
A_PERSON = re.compile(r"人工|真人|工作人员|客服|活人")
# a question word and a particle at the end ("有好多天嘛", "要咋个弄哦")
_PARTICLE_END = re.compile(r"[嘛哦喃呀啊][。.!！~～]*$")
# a Chinese name's length at most (a surname and up to three characters)
MAX_NAME = 4
SHORT_QUESTION = 10
# a labour topic named at the name question in so few words is asked about, not a name given
SHORT_TOPIC = 15
NOT_ANSWERED = "这个问题我暂时答不准，等这件事办完可以再问我，或者说“转人工”请工作人员解答。"


_CLAIM_REPORTED = re.compile(
    # (at the start: "王德明 158… 公司说不给我补偿" gives the details, then tells)
    r"^(?:但是|可是|不过|而且|他|可)?(?:老板|公司|厂头|厂里|单位|领导|经理|主管|他们)(?:说|讲)[^。？?]{0,14}"
    r"(?:不算|不是|没有|不给|不能|不用|不赔|不管)"
)


# a question this short ("要钱吗", "收费不") names no topic of its own
BARE_QUESTION = 5


def is_side_question(text: str, slot: str) -> bool:
    """Whether the answer to `slot` is really a question of the worker's own."""
    value = normalise(text)
    if not value or _LEAD.search(value):
        return bool(value)
    if slot in ("name", "employer"):
        # "学费好多": 好多 asks how much in Chongqing (in a story it may say "a lot")
        return bool(
            _ASKS.search(value)
            or _QUESTION_WORD.search(value)
            or "好多" in value
            # "老板说我是临时工 没签合同 不算工伤": what the employer claims, to be answered
            or _CLAIM_REPORTED.search(value)
            # "八段锦星期几", "在几楼": a course's part asked, never a name (钱进 is one)
            or (
                slot == "name"
                and bool(aspects(value))
                and not (len(value) <= MAX_NAME and value[0] in COMMON_SURNAMES)
            )
        )
    # ("之前 - 免费吗? 多久 usually take?": an English question read in Chinese, its words
    # left unread not counted)
    size = len(_UNREAD.sub("", value)) if re.search(r"[\u4e00-\u9fff]", value) else len(value)
    if size <= SHORT and (_ASKS.search(value) or _SUM_ASKED.search(value)):
        return True
    if size <= SHORT and _QUESTION_WORD.search(value) and _PARTICLE_END.search(value):
        # "对了 重庆这边产假有好多天嘛" at the type question: asked, not what happened
        return True
    # "调解要多久" is too short to be what happened, and asks
    return size <= SHORT_QUESTION and bool(_QUESTION_WORD.search(value))


# English words a Chinese reading left as they were
_UNREAD = re.compile(r"[A-Za-z]+")


# a question asked along with the details ("我叫陈志勇 电话133… 先问一下哈 … 应该赔我好多")
ASKS_WITH_DETAILS = re.compile(
    r"先问|顺便问|问一下|问下|问一哈|问哈|问个事|请问|想问|[吗嘛呢？?]\s*$|(?:好多|多少|几个月)\s*$|咋个算|怎么算|能拿好多|能赔好多"
    # ("电话177… 还有个事 … 酒店说产假只有98天 对不对哦")
    r"|还有个事|(?:对不对|是不是|合不合法|合法不|行不行|可以不|对吗|算不算)[哦嘛啊呀喃噻]?\s*$"
    # ("陈丽娟 139… 对了调解要准备啥子材料哦")
    r"|对了[^，,。]{0,20}?(?:啥|什么|多少|好多|多久|好久|几|哪|要不要|收不收|钱不|费不|钱吗|费吗)"
)


_YES_FIRST = re.compile(r"^(?:要得|好的|好嘛|好|嗯|行|可以|对|哦)[，,。!！\s]+")
_EMPLOYER_LABEL = re.compile(r"^(?:厂是|厂子是|厂头是|公司是|单位是|公司叫|厂叫|单位叫|厂子叫)")


def leading_employer(text: str) -> str | None:
    """The company a message starts with, asked for the employer ("重庆顺泰物流有限公司 我在那
    做分拣 上个月…", "重庆渝美服装有限公司 对了调解要钱不哦"): the answer, whatever follows."""
    # ("要得 公司是…": a yes before it)
    value = _YES_FIRST.sub("", (text or "").strip(), count=1)
    value = _EMPLOYER_LABEL.sub("", value, count=1)  # "厂是…", "公司叫…"
    value = re.sub(r"^(?:我)?在(?=[\u4e00-\u9fff]{2})", "", value)  # "在万家福超市 公司要写全称不"
    # ("解放碑那边的老码头火锅店 诶这个调解要收钱不哦": where it is, before the name)
    value = re.sub(r"^[\u4e00-\u9fff]{2,4}(?:那边|那里|那儿|这边|附近)的", "", value)
    # ("江北 快运通物流 开货车 …": the district on its own, then the firm)
    value = LEADING_DISTRICT.sub("", value, count=1)
    head = re.split(r"[\s，,。；;]", value, maxsplit=1)[0]
    found = opening_employer(head) or looks_like_employer(head) if head else None
    return found if found and head.startswith(found[:2]) else None


def asks_after(text: str, employer: str) -> bool:
    """Whether what follows the company a message starts with is a short question."""
    rest = normalise(text.split(employer, 1)[-1] if employer in text else text)
    if dispute_types_in(rest) and not rest.endswith(("吗", "么", "?", "？", "不", "嘛")):
        # "…公司 上个月被辞了 说我不合格 可从来没说过啥子标准": a dispute told, not asked
        return False
    return 0 < len(rest) <= SHORT and (
        is_side_question(rest, "employer") or ASKS_WITH_DETAILS.search(rest) is not None
    )


def employer_then_story(text: str) -> bool:
    """The company first, then what happened (not a short question after it)."""
    employer = leading_employer(text)
    return employer is not None and not asks_after(text, employer)


NAME_LABEL = re.compile(r"我叫|我是|名字(?:是|叫)|姓名")


def short_question_left(text: str) -> bool:
    """ "18725094637 调解要好久才有结果哦": what is left besides the name and the number is a
    short question (not a story: "…我在那干了好久了 老板不给钱")."""
    rest = text
    for part in name_and_phone(text):
        if part:
            rest = rest.replace(part, " ")
    rest = normalise(rest).strip(" ，,。")
    return 0 < len(rest) <= SHORT_QUESTION + 4 and is_side_question(rest, "employer")


# a lead before a question, alone ("等哈", "先问一下", "对了 顺便问个事"): no question of its own,
# and no fact of the dispute (actions/side_facts.py)
LEAD_ALONE = re.compile(
    r"(?:等一下|等等|稍等|等下|等哈|对了|哦对了|那个|还有|我)*(?:先|顺便|再|想)*(?:问|请问)(?:一|个)?"
    r"(?:下|哈|一哈|个事|问)?"
    r"|等一下|等等|稍等|等下|等哈|对了|哦对了|那个|嗯|哦|好|那"
)
