"""Mediation asked about or asked for, read from the words (split from intents/overrides.py): a
short question about mediation itself (what it costs, how long, what if the other side does not
come) is a policy question; a request said alone or at the end of a story files; the status of
one's own case is looked up. rule_intent applies these after its other explicit patterns."""

from __future__ import annotations

import re

from intents.asked_cues import (
    CASE_WHAT_IF,
    MEDIATOR_ASKED,
    OWN_CASE_STATUS,
    asks_if_mediation_stalls,
    asks_where_to_turn_at_the_end,
)

# "…老板欠我三个月工资，想申请调解": a request for mediation, however much else the message
# says (name, phone, employer read as `inform`); never a question about mediation
MEDIATION_ASK = re.compile(
    r"(?:想|要|我要|需要|申请|请求|请|帮我|找工会|找你们|走|弄个|搞个|办个|整个)"
    # "帮我登记个调解 我是送外卖的 叫杨帆 …": registered, in the worker's word for it
    r"(?:(?:申请|登记|登)(?:一个|个|一下)?|找)?(?:工会)?(?:帮忙)?"
    r"(?:劳动(?:纠纷|争议)?)?调解(?!书|员|协议|组织|委员会)"
)
_ASKS_ABOUT = re.compile(
    r"[?？吗么]|什么|怎么|咋|多久|好久|多长|收费|收钱|要钱|交钱|几天|不成|失败|材料|流程|条件|有用|可以吗"
)
MEDIATION_MIN_CHARS = 12
# … and a short one that is only the request: "那我现在申请一个调解嘛", "帮我申请个调解"
MEDIATION_ASK_ALONE = re.compile(
    r"^(?:那|那么|好|好的|行|嗯)?我?(?:先)?(?:现在|马上|就|还是|直接)*(?:要|想|帮我)?"
    # "登个调解嘛": registered, in the worker's word for it
    r"(?:申请|登记|登)(?:一个|个|一下)?"
    r"(?:劳动(?:纠纷|争议)?)?调解(?:嘛|吧|哦|呀|啊)?[。!！]?$"
)
# "…说我不符合录用条件 又拿不出啥子证据 我要申请调解": the story, then the request said last
# (whatever question words the story holds)
FILES_AT_THE_END = re.compile(
    r"(?:我|我们)(?:就|还是|现在)?(?:要|想)(?:申请|请求|找工会|请工会)(?:劳动(?:纠纷|争议)?)?调解"
    r"(?:嘛|吧|哦|呀|啊)?[。!！]?$"
)
# "找工会调解要钱不", "申请调解要带啥材料": a short question about mediation is a policy question
# (its answer is in the FAQ), not a request to file a case
MEDIATION_QUESTION = re.compile(
    # (not "找厂头要钱": money claimed from the employer, no cost asked)
    r"收费|收钱|(?<![头板司厂他])要钱|交钱|花钱|免费|多久|好久(?!了)|多长时间|不成|失败|谈不拢|材料|证据|有用|效力|管用"
    # "我想找工会调解 要带些啥子东西": what to bring, asked
    r"|要带|带(?:啥|些|什么|哪些)"
    r"|没谈拢|没谈成|谈崩|没调成|调不成|调解不了|不同意调解"
    r"|收好多|收多少|好多钱|多少钱|收不收|贵不贵|花好多|出好多|出钱|掏钱"
)
# what the other side may do: "老板不来咋办", "调解了又反悔" (asked, unless the worker files)
_OTHER_SIDE = re.compile(
    r"不来|不到场|不露面|不理|不配合|不履行|不执行|反悔|不认账|不照着?做|不按协议|不兑现|赖账"
    # "那我先找工会调解 会不会把时间耽误了": what mediation does to the worker's claim
    r"|耽误|时效"
    # "那调解好了老板到时候还是不给钱呢": an agreement not kept
    r"|(?:调解|协议)(?:好了|成了|完了|达成了?|谈好了?|签了)[^，,。]{0,8}?(?:不给|不付|不认|反悔|不兑现)"
)
# "老板不来 我要申请调解": the worker files now, whatever the other side does
# ("老板还是不认账 我还是申请调解嘛": the worker files after all)
_FILES_NOW = re.compile(
    r"(?:要|想|准备|现在|还是|就)(?:找人|找你们|找工会|请你们)?(?:申请)?调解|帮我|给我申请"
    r"|我(?:还是|就|要)?申请(?:个|一个|一下)?调解"
)
# "如果申请调解了，老板不来咋办": a what-if about mediation itself, not a request to file
_MEDIATION_WHAT_IF = re.compile(r"^(?:那|那么)?(?:要是|如果|假如|万一|假设|若是)[^，。,]{0,10}调解")
# "我在考虑要不要找你们调解 …": a worker still deciding asks about mediation, files nothing yet
_STILL_DECIDING = re.compile(
    r"(?:考虑|在想|想一下|犹豫|拿不定主意|还没想好)[^，。,]{0,6}要不要[^，。,]{0,8}调解"
)
_WHAT_TO_DO = re.compile(r"咋个办|怎么办|咋办|咋整|会不会|[?？]")
# … but not a worker asking after their own case (我那个调解咋样了, 调解员好久联系我)
_OWN_CASE = re.compile(r"进度|到哪|我的|我那个|的事|下文|联系我|咋样了|怎么样了|结果出来")
MEDIATION_QUESTION_MAX_CHARS = 20
# … or the end of a longer message, from its last word of mediation
MEDIATION_TAIL_MAX_CHARS = 12


def mediation_read(compact: str) -> str | None:
    """`policy_question`, `mediation_status`, `mediation_request` or None for the (space-free)
    message, by its words about mediation."""
    if _STILL_DECIDING.search(compact) and (
        _OTHER_SIDE.search(compact)
        or MEDIATION_QUESTION.search(compact)
        or _WHAT_TO_DO.search(compact)
    ):
        # "我在考虑要不要找你们调解 就怕调解谈好了 老板到时候又不认账 那咋个办"
        return "policy_question"
    if (
        _MEDIATION_WHAT_IF.match(compact)
        and (MEDIATION_QUESTION.search(compact) or _OTHER_SIDE.search(compact))
        and not _OWN_CASE.search(compact)
    ):
        return "policy_question"
    if (
        "调解" in compact
        and len(compact) <= MEDIATION_QUESTION_MAX_CHARS
        and (
            MEDIATION_QUESTION.search(compact)
            or (_OTHER_SIDE.search(compact) and not _FILES_NOW.search(compact))
        )
        and not _OWN_CASE.search(compact)
    ):
        return "policy_question"
    if asks_where_to_turn_at_the_end(compact) or asks_if_mediation_stalls(compact):
        # "…我该找哪个"; "那要是超过15天还莫得结果呢"
        return "policy_question"
    if OWN_CASE_STATUS.search(compact) and not CASE_WHAT_IF.search(compact):
        return "mediation_status"
    if MEDIATOR_ASKED.search(compact):
        return "policy_question"
    if asks_about_mediation_last(compact):
        return "policy_question"
    if MEDIATION_ASK_ALONE.match(compact) or FILES_AT_THE_END.search(compact):
        return "mediation_request"
    if (
        len(compact) >= MEDIATION_MIN_CHARS
        and MEDIATION_ASK.search(compact)
        and not _ASKS_ABOUT.search(compact)
    ):
        return "mediation_request"
    return None


def asks_about_mediation_last(compact: str) -> bool:
    """ "我被厂头无缘无故开除了 听说工会可以帮到调解 这个要钱不": the story first, then a question
    about mediation at the end (what it costs, how long) — asked, not filed."""
    if "调解" not in compact or _FILES_NOW.search(compact) or _OWN_CASE.search(compact):
        return False
    tail = compact[compact.rindex("调解") :]
    return len(tail) <= MEDIATION_TAIL_MAX_CHARS and MEDIATION_QUESTION.search(tail) is not None
