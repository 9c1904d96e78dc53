"""More pointed rules (after bot/knowledge/pointed_asked.py): a question asked in the
situation the conversation has told — a pregnant worker's dismissal, a contract never signed, a
rider's hours, an injury under a gangmaster, retiring at the old age, quitting over a breach
before claiming unemployment pay. Each returns the entry that answers it, or None."""

from __future__ import annotations

import re

from bot.knowledge.index import Answer, Knowledge
from bot.knowledge.pointed import (
    BREACH_TOLD,
    INJURY_TOPIC,
    INJURY_UNINSURED,
    QUIT_OVER_BREACH,
    UNLAWFUL_DISMISSAL,
    WAGES_UNPAID,
)
from bot.knowledge.situations import PREGNANT

# "要是他硬是把我开了呢" in a pregnant worker's conversation: a dismissal she may not be given,
# what it is worth (2N or her job back)
_DISMISSAL_ASKED = re.compile(
    r"(?:把我|将我)(?:给)?(?:开|辞|炒|裁)(?:了|掉)|开除我|辞退我|炒了我|不要我了|喊我走|叫我走"
)


# (done, as a what-if: "要是他硬是把我开了呢"; not whether it may be done, "产假期间能不能辞退我")
_DONE_WHAT_IF = re.compile(r"要是|如果|万一|假如|硬是|硬要|真的")
_MAY_IT = re.compile(r"能不能|可不可以|可以|会不会|能否|允许|合法|让不让")


def pregnant_dismissal_asked(
    knowledge: Knowledge, previous: Answer, text: str, recent: tuple[str, ...] = ()
) -> Answer | None:
    told = any(PREGNANT.search(t) for t in (previous.question, *recent))
    if not told or not _DISMISSAL_ASKED.search(text) or previous.slug == UNLAWFUL_DISMISSAL:
        return None
    if not _DONE_WHAT_IF.search(text) or _MAY_IT.search(text):
        return None
    return knowledge.get(UNLAWFUL_DISMISSAL)


# "3月1号进去的 到现在合同都没签 这个合不合法哦": a contract never signed, whether lawful,
# under a year told (a year or more is the other entry's)
SIGN_DEADLINE = "contract_sign_deadline"
_NEVER_SIGNED = re.compile(
    r"合同[^，,。]{0,4}(?:没|没有|未)签|(?:没|没有|未)(?:跟我|给我|和我)?签(?:过)?(?:劳动)?合同"
)
_LAWFUL_ASKED = re.compile(
    r"合法|违法|合不合法|犯法|行不行|可以不|对不对"
    # "你先帮我看下嘛 我4月1号进的厂 … 老板一直没跟我签合同": the story, to be looked at
    r"|帮我看(?:下|一下|看|哈)|帮我分析"
)
_A_YEAR_OR_MORE = re.compile(r"[一二两三四五六七八九十\d]+\s*年|年多|满年")


def never_signed_asked(knowledge: Knowledge, text: str) -> Answer | None:
    if (
        _NEVER_SIGNED.search(text)
        and _LAWFUL_ASKED.search(text)
        and not _A_YEAR_OR_MORE.search(re.sub(r"\d{4}\s*年", "", text))
    ):
        return knowledge.get(SIGN_DEADLINE)
    if _NEVER_SIGNED.search(text) and _WHAT_IS_OWED.search(text):
        # "老板从来没跟我签过合同 去年11月1号进去的 一直干到现在 能找他要啥子": the double
        # wage, and a year on the open-ended contract (the entry on a year or more says both)
        over_a_year = _A_YEAR_OR_MORE.search(text) or _SINCE_LAST_YEAR.search(text)
        return knowledge.get(OVER_A_YEAR if over_a_year else SIGN_DEADLINE)
    return None


OVER_A_YEAR = "contract_over_1year"
_WHAT_IS_OWED = re.compile(
    r"能(?:找他)?要(?:啥子|什么|好多|多少)|能(?:拿|赔)(?:啥子|什么|好多|多少)|有啥子说法"
    # "现在还可以找他要钱不"
    r"|(?:可以|能)(?:找他|找老板)?要钱"
)
_SINCE_LAST_YEAR = re.compile(r"(?:去年|前年)[^，,。]{0,8}(?:进|来|入职|开始)")


# "还有我每天跑十一二个钟头 平台也从来不算加班费" after a rider's answer (or a rider's story):
# hours and overtime pay for platform work hang on whether there is a labour relation
RIDER = "flex_platform_rider"
_RIDER_TOLD = re.compile(r"众包|骑手|外卖|跑单|送餐|专送|网约车|平台")
_HOURS_ASKED = re.compile(r"加班费|加班|钟头|小时|休息|工时")


def rider_hours_asked(
    knowledge: Knowledge, previous: Answer, text: str, recent: tuple[str, ...] = ()
) -> Answer | None:
    told = previous.slug == RIDER or any(_RIDER_TOLD.search(t) for t in recent)
    if not told or previous.slug != RIDER or not _HOURS_ASKED.search(text):
        return None
    return knowledge.get(RIDER) if _RIDER_TOLD.search(text) or "平台" in text else None


# "包工头就是个人 没得公司 那我该找哪个" after an injury answer: the contractor who passed the
# work to a person answers for the injury (the uninsured injury's entry says so)
_GANGMASTER = re.compile(r"包工头|工头|个人包的|没得公司|没有公司|不是公司")


def gangmaster_injury_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if previous.category != INJURY_TOPIC or not _GANGMASTER.search(text):
        return None
    return knowledge.get(INJURY_UNINSURED)


# "那我可不可以还是满60就退嘛": retiring at the old age or earlier, asked (the retirement entry
# says who may choose to retire early, and by how much)
RETIREMENT_ENTRY = "si_retirement_age"
_RETIRE_EARLY = re.compile(
    r"满\s*(?:5[0-9]|6[0-9]|五十五|五十|六十)\s*(?:岁)?(?:就)?退|还是\s*(?:5[05]|60|五十五|五十|六十)\s*(?:岁)?退"
    r"|按原来的(?:年龄|岁数)?退|提前退休?|早点退|弹性退休"
)


def early_retirement_asked(knowledge: Knowledge, text: str) -> Answer | None:
    return knowledge.get(RETIREMENT_ENTRY) if _RETIRE_EARLY.search(text) else None


# "我辞职是因为公司拖了3个月工资一直不发" after the unemployment answer: quitting over the
# employer's breach is not leaving of one's own will (the entry says so)
UNEMPLOYMENT = "si_unemployment"
_QUIT_OVER_BREACH = re.compile(
    r"(?:拖|欠|没发|不发|克扣)[^，,。]{0,8}工资|工资[^，,。]{0,8}(?:没发|不发|拖|欠)"
    r"|(?:没|不)(?:给我|帮我)?(?:买|交|缴)社保"
)


def unemployment_reason_told(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if previous.slug != UNEMPLOYMENT or not _QUIT_OVER_BREACH.search(text):
        return None
    return knowledge.get(UNEMPLOYMENT)


# "老板说厂头生意不好 喊我这个月做完就莫来了 … 这样合法不": let go because business is slow
BUSINESS_SLOW = "quit_business_slow"
_SLOW = re.compile(
    r"生意不好|效益不好|效益差|订单少|没得订单|没有订单|没活|没得活|经营困难|亏本|亏损"
)
_LET_GO = re.compile(
    r"莫来了|不要来了|不用来了|别来了|不要我|辞退|开除|把我开|把我辞|喊我走|叫我走|让我走"
)
# (not a layoff's procedure, a pregnant worker's protection, or a sum asked)
_NOT_THIS = re.compile(r"裁员|裁人|好多|多少|几个月|怀孕|怀起|孕期|哺乳|产假")


def business_slow_dismissal_asked(knowledge: Knowledge, text: str) -> Answer | None:
    if _SLOW.search(text) and _LET_GO.search(text) and not _NOT_THIS.search(text):
        return knowledge.get(BUSINESS_SLOW)
    return None


# "公司要把我从渝北调到江津去上班 不去就算旷工": moved to work elsewhere (a change of the
# contract's terms, needing agreement), whatever is threatened for refusing
CHANGE_TERMS = "contract_change_terms"
_MOVED_TO_WORK = re.compile(
    r"(?:把我|要我|让我|喊我|叫我)?(?:从[^，,。]{1,6})?(?:调到|调去|派到|派去|弄到)[^，,。]{1,8}(?:去)?(?:上班|干活|做事|工作)"
)


# "我们厂要搬到遂宁去 不去的就喊我们自己走人": a move the workers cannot follow (第四十条), the
# substance, however many of them there are
RELOCATION = "contract_relocation"
_PLANT_MOVES = re.compile(
    r"(?:厂|公司|单位|车间|工厂|厂子|厂头)[^，,。]{0,4}(?:要|准备|打算)?搬(?:到|去|迁|走)"
)
_CANNOT_FOLLOW = re.compile(
    r"不去|不跟|不愿意去|去不了|走人|补偿|辞退|不要我们|一分钱"
    # "我屋头有老人走不脱不想去 老板说那就解除合同"
    r"|不想去|走不脱|去不成|解除|拿到啥|能拿"
)


# "老板拖了我们好几个月工资了 说是资金周转不过来 我该咋个办": wages owed for months, where
# to turn (not a site's, an agency's, a gang's: their own entries)
ARREARS = "wage_arrears_complain"
_MONTHS_UNPAID = re.compile(
    r"(?:拖|欠)了?(?:我们?)?(?:好|几|两|三|四|五|\d)+个月(?:的)?(?:工资|工钱)"
    r"|(?:好|几|两|三|四|五|\d)+个月(?:的)?(?:工资|工钱)[^，,。]{0,4}(?:没发|不发|没给|拖着)"
    # "我的工资被老板拖了两个月了 怎么办", "老板跑路了 工资还没结 咋办嘛"
    r"|(?:工资|工钱)[^，,。]{0,6}(?:拖|欠)了?[^，,。]{0,3}(?:好|几|两|三|四|五|\d)+个月"
    r"|(?:工资|工钱)[^，,。]{0,2}(?:还|都|一直)?(?:没结|没发|没给|不发|不结)"
    r"|拖欠(?:了)?(?:我们?的?)?(?:工资|工钱)"  # ("they haven't paid me" read as 拖欠工资)
)
_WHAT_NOW = re.compile(r"咋个办|怎么办|咋办|咋整|找哪个|找谁|去哪里|哪里告")
_OWN_ROUTE = re.compile(
    # (a boss who ran off is the arrears' entry's: 逃匿, reported to the police)
    r"派|工地|包工头|劳务|人力|外包|倒闭|破产"
    # (more than the wages told: "社保也没给我买 说我签了自愿放弃")
    r"|社保|保险|辞退|开除|合同|加班|工伤"
)


def months_unpaid_asked(knowledge: Knowledge, text: str) -> Answer | None:
    if _MONTHS_UNPAID.search(text) and _WHAT_NOW.search(text) and not _OWN_ROUTE.search(text):
        return knowledge.get(ARREARS)
    return None


# "拖这么久 老板除了工资还要不要赔点啥子" with wages owed told before: the extra 50 % to 100 %
# the labour inspectorate may order (《劳动合同法》第八十五条), the arrears' entry
_MORE_THAN_WAGES = re.compile(
    r"除了(?:工资|工钱|欠的|拖的)[^，,。？?]{0,6}(?:赔|补|给|罚|加)"
    r"|(?:工资|工钱)(?:以外|之外)[^，,。？?]{0,6}(?:赔|补|给|罚|加)"
)
_OWED_TOLD = re.compile(r"拖欠|欠(?:了|我|我们)|没发|不发|拖了|拖着|拖(?:这么|那么|这|好)久")


def more_than_wages_asked(
    knowledge: Knowledge, previous: Answer | None, text: str
) -> Answer | None:
    owed = _OWED_TOLD.search(text) or (previous is not None and previous.category == "工资报酬")
    return knowledge.get(ARREARS) if owed and _MORE_THAN_WAGES.search(text) else None


# "还有 我刚查出来怀起了 老板能不能因为这个把我辞了": a pregnant worker's protection, whatever
# the conversation was about before (probation, pay)
PROTECTED = "quit_protected"
_PREGNANT_NOW = re.compile(r"怀起了|怀孕|怀上了|有了身孕|查出来怀|怀了(?:孕|娃|小孩|宝宝)")
_LET_GO_ASKED = re.compile(
    r"(?:能不能|可不可以|会不会|能|可以)[^，,。]{0,8}(?:辞|开除|炒|开了|不要我|解除|赶我走)"
    # "经理叫我下周不要来了 能这样吗": let go, and whether they may
    r"|(?:叫|喊|让)我[^，,。]{0,4}(?:不要来了|不用来了|别来了|莫来了|不来了|走人)[^。]{0,8}(?:能这样|可以这样|合法|行不行|对不对)"
)


# "店长暗示我怀起了干脆自己辞职算了": pushed to quit, as she may not be let go: the protection
# of the three periods (as a first message's pregnancy and harm puts it first)
RESIGN_PRESSURE = "women_three_periods"
_PUSHED_TO_QUIT = re.compile(
    r"(?:干脆|不如|还是|让我|叫我|喊我|劝我|逼我|暗示我)[^，,。？?]{0,6}(?:自己|主动)?(?:辞职|走人|走了|离职|写辞职)"
)


def pregnant_let_go_asked(knowledge: Knowledge, text: str) -> Answer | None:
    if _PREGNANT_NOW.search(text) and _LET_GO_ASKED.search(text):
        return knowledge.get(PROTECTED)
    if _PREGNANT_NOW.search(text) and _PUSHED_TO_QUIT.search(text):
        return knowledge.get(RESIGN_PRESSURE)
    return None


# "年假是咋个算的 好多天嘛 我好几年都没休过了": the days asked (the leave not taken is told)
LEAVE_DAYS = "leave_annual_days"
_LEAVE_DAYS_ASKED = re.compile(
    r"年假[^，,。]{0,8}(?:好多天|几天|多少天)|(?:好多天|几天|多少天)[^，,。]{0,4}年假"
)
# "已经认定工伤了 现在在屋头养伤 厂头工资还要发不": the pay while an injury heals
INJURY_REST = "injury_paid_leave"
_RECOGNISED = re.compile(r"认定(?:了)?工伤|工伤(?:已经|都|也)?认定(?:了|下来)|定了工伤|算工伤了")
# (or the pay stopped while off: "工伤已经认定了 公司这两个月一分钱工资都没发")
_RESTING = re.compile(r"养伤|休息|在家|屋头|躺|歇|(?:没|不|停)发|没给|不给")
_PAY_WORDS = re.compile(r"工资|钱")


def leave_days_asked(knowledge: Knowledge, text: str) -> Answer | None:
    # (not the pay for them: "还有几天没休 能折钱吗")
    if _LEAVE_DAYS_ASKED.search(text) and not re.search(r"钱|工资|补|折|赔|扣", text):
        return knowledge.get(LEAVE_DAYS)
    return None


# "住院这段时间的工资该咋个算" after a work injury was told (its request filed too): the pay
# while it heals (停工留薪期), not sick pay
_TREATED = re.compile(r"住院|养伤|治疗|治伤|休养|停工|休息|在家|屋头|歇")
_SICK = re.compile(r"生病|病假|得病|医疗期")


def injury_rest_pay_asked(
    knowledge: Knowledge, text: str, told: tuple[str, ...] = ()
) -> Answer | None:
    said = _RECOGNISED.search(text) and _RESTING.search(text) and _PAY_WORDS.search(text)
    healing = _TREATED.search(text) and _PAY_WORDS.search(text) and not _SICK.search(text)
    injured = healing and any("工伤" in t for t in told)
    return knowledge.get(INJURY_REST) if said or injured else None


# "公司说我岗位没了 只提前5天告诉我": a post cut, a dismissal with notice (第四十条)
NOTICE_DISMISSAL = "quit_notice_dismissal"
_POST_CUT = re.compile(  # (or the unit the post is in: "质检科撤销了", "部门撤了")
    r"(?:岗位|部门|车间|科室|[\u4e00-\u9fff][科组])(?:没了|撤了|取消了|撤销了?|被撤|被取消|砍了)"
    r"|(?:撤|砍|取消)了?(?:我的)?岗位"
)


# "试用期公司是不是想开就开哦": dismissal in probation (录用条件, 说明理由)
PROBATION_LET_GO = "probation_dismissal"
_AT_WILL = re.compile(r"想开就开|说开就开|随便开|想辞就辞|说辞就辞|随便辞|想炒就炒")


def probation_at_will_asked(knowledge: Knowledge, text: str) -> Answer | None:
    if "试用" in text and _AT_WILL.search(text):
        return knowledge.get(PROBATION_LET_GO)
    return None


def post_cut_asked(knowledge: Knowledge, text: str) -> Answer | None:
    return knowledge.get(NOTICE_DISMISSAL) if _POST_CUT.search(text) else None


def relocation_asked(knowledge: Knowledge, text: str) -> Answer | None:
    if _PLANT_MOVES.search(text) and _CANNOT_FOLLOW.search(text):
        return knowledge.get(RELOCATION)
    return None


# "老板说生意不好 从8月份开始 工资从5000降到4000 也没跟我们商量 这样可以不": the pay cut
# without agreement (a change of the contract's terms, 第三十五条), whatever reason is given
_PAY_CUT = re.compile(
    r"工资[^，,。]{0,12}降(?:到|成|了)|降(?:到|了|成)?[^，,。]{0,3}(?:工资|薪)|降薪|减薪|扣(?:了)?(?:一半|[\d一二两三四五六七八九]+成)工资"
)
_NOT_AGREED_OR_MAY_IT = re.compile(
    r"(?:没|没有|不|莫)(?:跟|和|同)?(?:我们?|大家|员工|工人)?(?:商量|协商|同意|签字|打招呼|通知)"
    r"|单方面|可以不|可不可以|合法|能这样|可以这样|行不行|对不对"
)


def moved_to_work_asked(knowledge: Knowledge, text: str) -> Answer | None:
    if re.search(r"派遣|劳务|人力|中介|外包|工伤|受伤|怀孕|怀起|孕期|产假|哺乳", text):
        return None
    if _MOVED_TO_WORK.search(text):
        return knowledge.get(CHANGE_TERMS)
    if _PAY_CUT.search(text) and _NOT_AGREED_OR_MAY_IT.search(text):
        return knowledge.get(CHANGE_TERMS)
    return None


# "厂头拖了我2个月工资了 我想不干了 我个人辞职的话还拿得到补偿不": quitting over unpaid wages or
# insurance, with what it brings asked (the compensation, the 30 days' notice; "厂头从来没给我们
# 买社保 我们几个想走 要不要提前打招呼")
_QUITTING = re.compile(
    r"辞职|辞工|不干了|不想干了|不做了|走人|离职|(?<![喊叫让赶逼])(?:想|要|准备)走"
)
_WHAT_IT_BRINGS = re.compile(r"补偿|赔偿|能拿|拿得到|有没得钱|要等|提前|30天|三十天|一个月")


def quitting_over_breach_asked(knowledge: Knowledge, text: str) -> Answer | None:
    """The entry on leaving at once over the employer's breach, when the message tells the
    breach and the quitting and asks what it brings."""
    if (
        BREACH_TOLD.search(text)
        and _QUITTING.search(text)
        # ("老板三个月没发工资了 我想辞职走人": leaving over it, whether at once asked or not;
        # not wages held because the worker leaves)
        and (_WHAT_IT_BRINGS.search(text) or _WANTS_TO_QUIT.search(text))
        and not _HELD_BACK.search(text)
    ):
        return knowledge.get(QUIT_OVER_BREACH)
    return None


_HELD_BACK = re.compile(r"违约|扣着|押着|走了就|离职就|辞职就|现在走|要是走|走的话|如果走|要是我走")
_WANTS_TO_QUIT = re.compile(r"(?:想|要|准备|打算)(?:辞职|辞工|走人|不干|离职)")


# "还有上个月工资也还没发" after the compensation for a dismissal: wages owed besides, where to
# claim them (seed entry)
WAGES_OWED = "wage_arrears_complain"
_COMPENSATION_TOPIC = "经济补偿"
# wages kept back because the worker leaves (the entry on that, found by its words)
_HELD_FOR_LEAVING = re.compile(r"违约|提前走|要走|走了就|离职就|辞职就|扣着|押着")


def wages_also_unpaid_told(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if previous.category != _COMPENSATION_TOPIC or previous.slug == WAGES_OWED:
        return None
    if (
        WAGES_UNPAID.search(text)
        and not _QUITTING.search(text)
        and not _HELD_FOR_LEAVING.search(text)
    ):
        return knowledge.get(WAGES_OWED)
    return None


# "那我这个情况能赔好多钱" after a dismissal told (in the request's story too): what a dismissal
# brings — the 2N when it was without cause, else when compensation is due
_MY_CASE_PAYS = re.compile(
    r"(?:这个情况|这种情况|我这个|我这种|像我这样)[^，,。？?]{0,4}(?:能|可以|该)?(?:赔|拿|要|补)(?:好多|多少|啥子|什么)"
)
_CASE_LET_GO = re.compile(r"辞退|开除|炒了|辞了我|把我开了|不要我了|喊我走|叫我走")
_CASE_WITHOUT_CAUSE = re.compile(r"无缘无故|没有?理由|莫得理由|随便|说开就开|一句话")
UNLAWFUL_2N = "sev_unlawful_2x"
WHEN_DUE_ENTRY = "sev_when_due"


def my_case_pays_asked(
    knowledge: Knowledge, text: str, told: tuple[str, ...] = ()
) -> Answer | None:
    if not _MY_CASE_PAYS.search(text):
        return None
    said = [t for t in (text, *told) if _CASE_LET_GO.search(t)]
    if not said:
        return None
    without_cause = any(_CASE_WITHOUT_CAUSE.search(t) for t in said)
    return knowledge.get(UNLAWFUL_2N if without_cause else WHEN_DUE_ENTRY)
