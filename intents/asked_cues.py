"""Questions that a word of mediation or a dispute told would make look like a request: whether
the union helps after an injury, which side a request is against, where to turn, what happens
if mediation brings nothing."""

from __future__ import annotations

import re

from intents.request_cues import MOBILE

# "…你们工会到底管不管嘛" ending a story: whether the union can help, the story answered first
# (an injury told: whether it counts comes first; not "…两个月工资都没给 你们管不管": help asked
# with unpaid wages, the request)
_DOES_THE_UNION_CARE = re.compile(r"工会(?:到底|究竟)管不管[嘛吗哦啊噻]*[？?]*$")
# "…两个月工资都没给 你们管不管": help asked with unpaid wages, the request
_YOU_CARE = re.compile(r"(?:你们|工会)(?:到底|究竟)?管不管[嘛吗哦啊噻]*[？?!！]*$")
_UNPAID = re.compile(r"工资[^，,。]{0,4}(?:没给|没发|不给|不发|拖着|欠)|欠[^，,。]{0,6}工资")


# "厂里要是不给 我们两口子可以一起找工会不": the union's help asked, should the sum be refused
_UNION_ASKED = re.compile(
    r"(?:可以|能|能不能)(?:一起|都)?(?:去)?找(?:你们)?工会(?:帮忙)?(?:不|吗|没得?)?[嘛吗哦啊噻？?]*$"
)
_REFUSED = re.compile(r"不给|不发|不赔|不补|不认")


def help_asked_with_unpaid_wages(compact: str) -> bool:
    if _UNION_ASKED.search(compact) and _REFUSED.search(compact):
        return True
    return bool(_YOU_CARE.search(compact) and _UNPAID.search(compact))


_HURT = re.compile(r"工伤|受伤|伤了|闪了|摔|压到|砸|骨折|扭伤")
# "调解的话是找派遣公司还是找厂里": which side a request is against, asked
_WHICH_PARTY = re.compile(
    r"(?:调解|仲裁|告)[^，,。？?]{0,6}?(?:是)?(?:找|告)[^，,。？?]{1,10}还是(?:找|告)?"
)
# "…我该找哪个", "应该去找谁": where to turn, asked at the end
_WHERE_TO_TURN = re.compile(
    r"(?:该|应该|要|能)(?:去)?找(?:哪个|谁|哪里|哪个部门)[嘛呢哦啊]*[？?]*$"
)
# "那要是超过15天还莫得结果呢": what happens then, not where the case stands
CASE_WHAT_IF = re.compile(r"^(?:那)?(?:要是|如果|万一|假如)|超过\d+天")
_NOTHING_COMES = re.compile(r"结果|调不|15天|十五天")


def asks_after_an_injury(compact: str) -> bool:
    return bool(
        _DOES_THE_UNION_CARE.search(compact) and _HURT.search(compact) and "调解" not in compact
    )


# "我在注塑厂上班 昨天手遭机器压了 缝了十几针 现在该咋个办": hurt at work, told by what
# happened to the body (or the stitches), and what to do asked: the work-injury answer (工伤,
# 《工伤保险条例》第十四条), not something the bot cannot help with
_INJURED = re.compile(
    r"工伤|受伤|受了伤|伤了|伤到|压了|压到|压断|压伤|砸了|砸到|砸断|砸伤|夹了|夹到|夹断|夹伤|轧"
    r"|割了|割到|割伤|切了|切到|切伤|划伤|烫伤|烧伤|扭伤|摔断|摔伤|骨折|缝了[^，,。？?]{0,3}针"
)
_AT_WORK = re.compile(r"上班|厂|车间|工地|机器|机床|冲床|干活|做工|工作|工位|产线|流水线|老板|公司")
_ASKS = re.compile(
    r"咋个办|怎么办|咋办|咋整|怎么整|咋个弄|怎么弄|该(?:咋|怎|做|干|找|去)|[?？吗]|不[嘛哦啊呢]?$"
    r"|有没有|有没得|能不能|可不可以|算不算|赔不赔|管不管"
)


def asks_after_a_work_injury(compact: str) -> bool:
    """An injury at work told and something asked of it, with no request made."""
    return bool(
        _INJURED.search(compact)
        and _AT_WORK.search(compact)
        and _ASKS.search(compact)
        and "调解" not in compact
        and not MOBILE.search(compact)
    )


def asks_which_party(compact: str) -> bool:
    return bool(_WHICH_PARTY.search(compact)) and not MOBILE.search(compact)


def asks_where_to_turn_at_the_end(compact: str) -> bool:
    return (
        bool(_WHERE_TO_TURN.search(compact))
        and "调解" not in compact
        and not MOBILE.search(compact)
    )


def asks_if_mediation_stalls(compact: str) -> bool:
    return bool(
        CASE_WHAT_IF.search(compact) and _NOTHING_COMES.search(compact) and "申请" not in compact
    )


# "工会那个调解员到底是做啥子的哦 他会帮我去找老板谈不": what mediation does, asked
MEDIATOR_ASKED = re.compile(
    r"调解员[^，,。？?]{0,6}?(?:是)?(?:做|干)(?:啥子|啥|什么)|调解[^，,。？?]{0,4}(?:咋个调|怎么调|是咋个|是怎么)"
    r"|(?:帮我|替我)(?:去)?找老板谈"
)
# "那我们这个申请现在是啥子情况了", "我的调解到哪一步了": the worker's own case asked after
OWN_CASE_STATUS = re.compile(
    r"(?:我们|我)(?:的|这个|那个|的那个)(?:调解)?(?:申请|调解|案子|案件)[^，,。？?]{0,6}?"
    r"(?:啥子情况|什么情况|啥情况|咋样了|怎么样了|到哪|进度|有人管没|结果|处理了没|受理了没)"
)


# "要钱不 要钱就算了", "要收费的话就算了": a decline only if it costs, the fee is the question
IF_IT_COSTS = re.compile(r"(?:要钱|收费|收钱|要交钱|交钱|要交费|太贵|贵)了?(?:的话)?就算了")


# "我们班组有个妹儿娃儿才半岁 也排的夜班": a nursing (or pregnant) worker put on night shifts
# or overtime, told as a question of the law, not a search for a child's course
_NURSING_OR_PREGNANT = re.compile(
    r"哺乳|喂奶|怀孕|孕期|大肚子|娃儿?(?:才|还)?(?:不满|没满)?(?:半岁|一岁|\d+个月|[一二两三四五六七八九十几]+个月)"
)
_SHIFTS = re.compile(r"夜班|晚班|加班|倒班|通宵")


def protected_worker_shifts(compact: str) -> bool:
    return bool(_NURSING_OR_PREGNANT.search(compact) and _SHIFTS.search(compact))
