"""Words after an answer that point at one entry whatever the scores: where to turn when a
right is refused (the circumstances told after a work injury: bot/knowledge/pointed_injury.py), by when to claim after an answer
with no time limit of its own, a dismissal without a reason or for refusing a transfer, the
plant moving (bot/knowledge/followups.py and actions/policy_followups.py read them first)."""

from __future__ import annotations

import re

from bot.domain.medical_period import DISMISSAL_ASKED, PERIOD_OVER
from bot.knowledge.index import Answer, Knowledge
from bot.knowledge.pointed_papers import LEAVING_PAPERS

# "那我该找哪个反映", "去哪里投诉": where to turn, asked after an answer about a right
_WHERE_TO_TURN = re.compile(
    r"找哪个|找谁|找哪里|找哪儿|哪个部门|什么部门|啥子部门|向哪|"
    r"(?:去|到|在)哪(?:里|儿|个地方)?(?:投诉|反映|告|举报|申请|维权)|(?:咋个|怎么|如何)维权"
    # "我想投诉他们, 该去哪里": the complaint first, where asked after it
    r"|(?:投诉|举报|告)[^。？?]{0,8}?(?:该|要|应该|可以)?(?:去|到|找)(?:哪|谁)"
    # "那公司不给咋办", "拖起不发我可以咋个办": the right refused, what to do about it
    r"|(?:不(?:得|会)?(?:给|发|付|赔|补)|不交|不缴|不执行|不履行|不认账|拖着|拖起|不帮|不肯|不报|不让|不批|不准"
    r"|不去申报|不申报|不去报|不去申请|没钱给|没得钱给|拿不出钱|给不起)"
    # ("厂里拖起不去申报 都一个多月了 咋个办": how long it has dragged on, in between)
    r"[^，,。]{0,12}?"
    r"(?:咋个办|怎么办|咋办|咋整|咋个整|如何是好)"
    # "那他要是硬是不给呢": the right refused, asked as a what-if
    r"|(?:要是|如果|万一)[^，,。]{0,6}(?:不给|不发|不赔|不付|不认|不补)[^，,。]{0,3}(?:呢|嘞|喃)[?？]?$"
    # "老板说一分都不得给 要我自己去告": told to go to law, where to go
    r"|(?:喊|叫|让|要)我(?:们)?(?:自己)?去告"
    # "那他一分都不给呢", "现在厂头说一分都不给": the right refused, asked or told bare
    r"|^(?:那|那么|现在)?(?:他|她|他们|公司|老板|单位|厂里|厂头)?(?:现在)?(?:要是|说)?(?:就是|硬是|还是)?"
    r"(?:一分钱?(?:都|也))?(?:不给|不赔|不补|不发|不认)(?:呢|嘞|喃|了)?[?？。]?$"
    # "那我现在能咋办" right after an answer: what to do about it
    r"|^(?:那|那么)?(?:我|我们)?(?:现在)?(?:能|该|应该|可以|要)?(?:咋个办|咋办|怎么办|咋整|咋个整)"
    r"(?:嘛|呢|喃|哦)?[?？]?$"
)


def asks_where_to_turn(text: str) -> bool:
    """ "那公司不给咋办", "公司不帮我申请咋办": what to do when the right just told is refused."""
    return _WHERE_TO_TURN.search(text or "") is not None


# "关键是厂头根本没给我买社保" after an injury answer: who pays for an uninsured injury (seed
# entry; when an admin withdrew it, the words decide)
INJURY_UNINSURED = "injury_no_insurance"
UNINSURED = re.compile(
    r"(?:没|莫|不)(?:有|得)?(?:给)?(?:我|我们)?(?:买|交|缴|上|办)[^，,。]{0,3}(?:社保|保险|工伤险|五险)"
    r"|(?:社保|保险|工伤险)[^，,。]{0,4}(?:没买|没交|没缴|没有买|没上|莫得)"
)


# "走了以后还能去要不 多久之内要去", "那过好久就告不到了": by when to claim, after an answer
# that gives no time limit of its own (seed entry; when an admin withdrew it, the words decide)
TIME_LIMIT = "dispute_time_limit"
INJURY_TOPIC = "工伤"
_BY_WHEN = re.compile(
    r"多久之内|多久以内|多久内|好久(?:之内|以内|内)[^，,。]{0,4}(?:告|仲裁|起诉)|多长时间内|多长时间以内|几年内|几年之内|时效|时间限制|时限"
    r"|过(?:了)?(?:好久|多久|多长时间)(?:就)?(?:告不|要不|申请不|仲裁不|不能告|不能要)"
    # "过久了是不是就要不到了", "拖久了还告得到不"
    r"|(?:过|拖|隔)(?:得)?(?:太)?久了?[^，,。]{0,6}(?:告不|要不|申请不|仲裁不|不能告|不能要|还告得|还要得)"
    r"|(?:现在|还)(?:去)?(?:告|要|申请|仲裁)[^，,。]{0,4}来得及"
    # "那现在都12月了还能要不": time gone by, whether it can still be claimed
    r"|(?:现在都|都已经|已经都|都)[^，,。]{1,5}了[^，,。]{0,3}还(?:能|可以|要得到|告得到)(?:要|告|申请|仲裁)?(?:不|吗|么|没)"
)
_COST_TOO = re.compile(r"要钱|收费|免费|花钱|交钱|收钱|好多钱|多少钱")
# an answer that states its own limit ("你本人1年内", "2年内申请")
_OWN_LIMIT = re.compile(r"[0-9一二两三]+年内|[0-9一二两三]+年之内|[0-9]+日内申请")


def time_limit_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if previous.slug == TIME_LIMIT or not _BY_WHEN.search(text):
        return None
    if previous.category == INJURY_TOPIC:
        return None  # "有时间限制没得" after an injury answer: the application's own limits
    if _COST_TOO.search(text):
        return None  # "仲裁要钱不 有没得时间限制": the entry on arbitration tells both
    if _OWN_LIMIT.search(previous.answer):
        return None  # the answer just given says by when: asked of it
    return knowledge.get(TIME_LIMIT)


# "如果老板就是随便开的人呢", "他就是看我不顺眼" after an answer on dismissal or compensation:
# a dismissal without a lawful reason (seed entry; when an admin withdrew it, the words decide)
UNLAWFUL_DISMISSAL = "sev_unlawful_2x"
_DISMISSAL_TOPICS = frozenset({"离职与解除", "经济补偿"})
_NO_REASON = re.compile(
    r"违法辞退|违法解除|违法开除|随便开|乱开|硬开|说开就开|无缘无故|无故|莫名其妙|看我不顺眼|没得?(?:任何|正当)?理由|没有(?:任何|正当)?理由"
    r"|年纪大了?(?:要|就)?(?:换|不要|开)"
    # "要是他不跟我商量硬要开我呢"
    r"|硬要(?:把我)?(?:开|辞|炒)|强行(?:把我)?(?:开|辞|炒)|不(?:跟我)?商量[^，,。]{0,8}(?:开|辞|炒)"
    # "现在说不要我了 啥子理由都没说"
    r"|(?:啥子|什么|任何)理由都(?:没|没有|不)(?:说|讲|给)|(?:没|不)(?:说|讲|给)(?:任何)?理由"
)
# a dismissal told in so many words (after an answer on the contract itself: a relation
# disguised as contracting, a contract never signed)
_LET_GO_NOW = re.compile(r"不要我了|辞退|开除|把我开|炒了我|喊我走|叫我走|让我走|不用来了|莫来了")


# what the worker may claim, asked ("那我可以要求啥子", "我能主张些什么")
_CLAIMS_ASKED = re.compile(
    r"(?:可以|能|该|能够)(?:向(?:公司|单位|老板)?)?(?:要求|主张|要|拿|得到|索赔)(?:些)?(?:啥子?|什么|哪些)"
    r"|要求些啥"
)
# an answer that says the employer may not dismiss ("也不能辞退你", "不能以…为由解除合同")
_NO_DISMISSAL_SAID = re.compile(r"不能辞退|不得辞退|不能开除|也不能辞退|不能以[^。]{0,30}解除")


# "那他说我不去就算自动离职 直接把我开了呢" after the answer on a transfer: dismissed for
# refusing a change the worker may refuse
_FIRED_FOR_REFUSING = re.compile(
    r"不(?:去|同意|答应|签|接受|服从)[^，,。]{0,12}(?:开了|开除|辞退|炒了|解除|自动离职|走人)"
)
# "要是公司整个搬到成都去了呢" after a dismissal or a transfer: the objective circumstances
# changed, the notice rule with its compensation (seed entry)
RELOCATION = "contract_relocation"
_RELOCATED = re.compile(r"(?:整个|整体|全部)?搬(?:到|去|走|迁)|迁到|迁走|搬厂")
_NOT_RELOCATED = re.compile(r"不是(?:要)?搬|没(?:有|得)?(?:要)?搬|不搬")


# the union not told of a dismissal ("工会都不晓得" is read as 没有通知工会 by the colloquial table)
UNION_NOT_NOTIFIED = "quit_union_not_notified"
_UNION_NOT_TOLD = re.compile(
    r"(?:没|没有|未|不)(?:事先|提前)?(?:通知|告诉|经过|知会)工会|工会(?:都|也)?不(?:晓得|知道)"
)


def unlawful_dismissal_told(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if asks_where_to_turn(text):
        return None
    job = previous.category in _DISMISSAL_TOPICS | {"劳动合同"}
    moved = _RELOCATED.search(text) and not _NOT_RELOCATED.search(text)  # (不是搬厂: no move)
    if job and previous.slug != RELOCATION and moved:
        return knowledge.get(RELOCATION)
    if previous.slug == UNLAWFUL_DISMISSAL:
        return None
    if _CLAIMS_ASKED.search(text) and _NO_DISMISSAL_SAID.search(previous.answer):
        # "那我可以要求啥子" after an answer that the dismissal is not allowed (pregnant, in
        # the medical period): what an unlawful dismissal lets the worker claim
        return knowledge.get(UNLAWFUL_DISMISSAL)
    dismissed = previous.category in _DISMISSAL_TOPICS or (job and _LET_GO_NOW.search(text))
    if dismissed and _NO_REASON.search(text):
        return knowledge.get(UNLAWFUL_DISMISSAL)
    if (dismissed or job) and _UNION_NOT_TOLD.search(text):
        # "开我的时候厂里工会都不晓得" after a dismissal: the union never told (第四十三条)
        return knowledge.get(UNION_NOT_NOTIFIED)
    if job and _FIRED_FOR_REFUSING.search(text):
        return knowledge.get(UNLAWFUL_DISMISSAL)
    return None


# "那我现在辞职要咋个写" after where to complain about unpaid wages: quitting over the
# employer's breach (wages unpaid or late, no insurance), which needs no 30 days' notice and
# brings compensation (劳动合同法第三十八条, seed entry)
QUIT_OVER_BREACH = "quit_immediate_38"
RESIGN_PRESSURE = "quit_resign_pressure"
_BREACH = re.compile(
    r"拖欠|欠薪|欠工资|被欠|不发工资|按时发|克扣|扣工资|不给缴社保|买社保|缴社保|放弃社保"
)
_QUITS = re.compile(  # (离职证明, "那我要离职证明 他不给呢", is a paper asked for)
    r"辞职|辞工|不干了|不想干了|不做了|走人|我要走|想走|离职(?!证明)|跳槽|解除(?:劳动)?合同|炒(?:了)?老板"
    r"|我走的话|我要是走|要是我走|我走了的话"  # ("我走的话有补偿没得")
)

# ("喊我走人" is a dismissal, not this)
# "我已经离职半年了 还能申请仲裁不", "我上个月已经辞了不做了 现在去告还来得及不": left
# already, or asking by when to claim, not about leaving
_QUIT_DONE = re.compile(
    r"(?:已经|早就|早都|去年|上个?月|上周|前几天|前段时间)[^，,。]{0,3}?(?:辞|离职|走|不干|不做)"
    r"|来得及|还能告|还能要|还要得|时效"
    r"|(?:辞职|辞工|离职|走)了?(?:有|快)?(?:半年|[0-9一二两三四五六七八九十几]+(?:个月|年|天|周))"
    r"|(?:辞职|辞工|离职)(?:后|以后|之后)"
)
_RESIGNED_ALREADY = re.compile(
    r"(?:已经|都|早就)(?:写了|签了|交了|打了)[^，,。]{0,3}(?:辞职信|辞职|辞职报告|自愿离职|离职申请)"
)
_PUSHED_OUT = re.compile(
    r"(?:逼|让|叫|喊|要|劝)我(?:自己)?(?:主动)?(?:写|打|签)?(?:辞职|辞工|自愿离职|离职申请)|逼我走"
)


# wages kept back because the worker leaves ("他说辞职就不给工资": a threat, no breach to quit over)
WAGE_WITHHELD = "quit_wage_withheld"
_HELD_FOR_LEAVING = re.compile(
    r"(?:要走|走的话|辞职|离职|不干|现在走)[^。？?]{0,10}(?:工资[^，,。？?]{0,6}(?:不发|不给|扣)|(?:不发|不给|扣)[^，,。？?]{0,2}工资)"
    # "我要是现在走 这个月的工资要等到过年才统一发": held back until later
    # ("那我走那天工资咋个算 他说要压到下个月才发": the day of leaving, the pay put off)
    r"|(?:要走|走的话|走那天|走的那天|走的时候|辞职|离职|不干|现在走)[^。？?]{0,10}工资[^，,。？?]{0,8}?(?:要)?(?:等到|拖到|压到)[^，,。？?]{1,6}(?:才|再)"
    r"|扣(?:起|着|下)?(?:当|作|抵)(?:赔偿|违约金|押金)"
)


# the worker's own words of the breach, told earlier in the conversation ("10月11月的工资都没发")
_WAGES_WORDS = r"工资[^，,。]{0,6}(?:没发|不发|没给|不给|拖|欠|压(?!力)|晚发|迟发|推迟|延迟)|(?:没发|拖欠|拖了我?|欠了?我?)[^，,。]{0,6}工资"
# wages unpaid, in the worker's words ("厂头拖了我2个月工资了", "工资一直没发")
WAGES_UNPAID = re.compile(_WAGES_WORDS)
BREACH_TOLD = re.compile(
    _WAGES_WORDS
    + r"|(?:没|莫)(?:给我们?|帮我|跟我)?(?:买|交|缴)(?:过|了)?社保|社保[^，,。]{0,4}(?:没买|没交|不买|不交)"
    r"|放弃社保"
)
# "要提前30天跟他说不": the notice asked, of the quitting told before
_NOTICE_ASKED = re.compile(
    r"提前(?:30|三十)天|提前一个月|提前(?:说|通知|打招呼|讲)|要不要提前"
    # ("这样也要等30天啊": the notice, asked of quitting told before)
    r"|(?:要|也要|还要|得|都要)等(?:30|三十)天|等一个月"
)


def leaving_told(
    knowledge: Knowledge, previous: Answer, text: str, earlier: tuple[str, ...] = ()
) -> Answer | None:
    """The entry on leaving at once over unpaid wages or insurance, when the worker says they
    will quit after an answer about that breach; the entry on a resignation pressed for, when
    the employer pushes them to quit."""
    if asks_where_to_turn(text):
        return None
    if _PUSHED_OUT.search(text) or _RESIGNED_ALREADY.search(text):
        # ("要是我已经写了辞职信了呢" after being pushed to: what signing it means)
        # "那老板逼我辞职呢": pressed to sign a resignation, whatever the topic before
        return None if previous.slug == RESIGN_PRESSURE else knowledge.get(RESIGN_PRESSURE)
    if previous.slug == QUIT_OVER_BREACH:
        return None
    if _HELD_FOR_LEAVING.search(text):
        # "老板说我要走这个月工资就不发了 扣起当赔偿": wages held back because the worker leaves
        return None if previous.slug == WAGE_WITHHELD else knowledge.get(WAGE_WITHHELD)
    # (not the leaving papers' question, "…不开离职证明、不结工资咋办": wages due on leaving)
    named = _BREACH.search(previous.question) and previous.slug != LEAVING_PAPERS
    breach = named or any(map(BREACH_TOLD.search, (text, *earlier)))
    quits = _QUITS.search(text) or (_NOTICE_ASKED.search(text) and any(map(_QUITS.search, earlier)))
    if breach and quits and not _QUIT_DONE.search(text):
        # (the breach in the answer's topic, or told by the worker a few messages before)
        return knowledge.get(QUIT_OVER_BREACH)
    return None


# "要是三个月过了还没好 厂头是不是就可以辞我了" after an answer on sick leave: the medical
# period over and the worker not well (seed entry)
SICK_TOPIC = "病假医疗期"
AFTER_THE_PERIOD = "sick_after_period"


def period_over_told(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    """The entry on the medical period running out, when the worker asks about it after an
    answer on sick leave."""
    if previous.slug == AFTER_THE_PERIOD or not PERIOD_OVER.search(text):
        return None
    # ("如果三个月到了我还没好完 他能把我开了不" after another topic asked in between: the
    # period running out and a dismissal asked name it)
    if previous.category == SICK_TOPIC or DISMISSAL_ASKED.search(text):
        return knowledge.get(AFTER_THE_PERIOD)
    return None


# after an answer about a dispatched worker: pay compared with the host's own staff (equal
# pay), sent back to the agency and waiting for a post (its pay while waiting), the agency not
# paying insurance (the employer's duty) — seed entries
DISPATCH_TOPIC = "劳务派遣与灵活用工"
DISPATCH_PAY = "flex_dispatch_pay"
DISPATCH_EMPLOYER = "flex_dispatch_employer"
INSURANCE_DUE = "si_must_pay"
_PAY_COMPARED = re.compile(
    r"比(?:我们|我)[^，,。]{0,4}(?:多|高)|比正式工|少一大截|少了?(?:几百|好多|一截)|同工|一样的活|同样的活"
)
_AGENCY_TERM = re.compile(  # ("签的合同只有一年": 只有, 才, 就 too)
    r"签了?[^，,。]{0,4}(?:一|两|二|三|\d)年的?(?:劳动)?合同|合同[^，,。]{0,4}(?:签了?|只有|才|就)(?:一|两|二|半|\d)年"
)
_SENT_BACK = re.compile(r"退回|退给|等到起|等活|没得?活路|没派|不派|等的时候|等着上岗|等岗")


# "我是专送不是众包 每天要去站点开早会打卡 排班请假都是站长管" after the answer for riders and
# drivers: the signs of being managed, which make a labour relation (seed entry)
PROVE_RELATION = "contract_prove_relation"
_MANAGED = re.compile(
    r"打卡|考勤|排班|开早会|早会|请假|(?:站长|店长|经理|主管|老板|组长)(?:管|安排|派)|专送"
    r"|工资[^，,。]{0,6}发|发工资|固定(?:上班|时间|站点|片区)|工牌|工服|罚款|扣钱"
)
SIGNS_OF_MANAGEMENT = 2
# (after an injury answer too: "我跑外卖送餐路上被车撞了" then the signs; a work injury needs
# the relation first)
_MANAGED_AFTER = frozenset({DISPATCH_TOPIC, "工伤"})


def managed_told(previous: Answer, text: str) -> bool:
    """Signs that the worker is managed like an employee, told after an answer about
    flexible work (riders, drivers, outsourcing)."""
    if (
        previous.slug.startswith("flex_dispatch")
        or previous.slug == OUTSOURCING
        or previous.category not in _MANAGED_AFTER
    ):
        return False
    return len({m.group(0) for m in _MANAGED.finditer(text)}) >= SIGNS_OF_MANAGEMENT


# after an answer on a non-compete: "要是他一直不给呢" (the compensation unpaid), "我就是个普通
# 业务员也算吗" (who may be bound)
NONCOMPETE_UNPAID, NONCOMPETE_WHO = "noncomp_unpaid_end", "noncomp_who_limit"
_NONCOMPETE_UNPAID = re.compile(r"不给|不付|没给|不发|没发|拖着")
_NONCOMPETE_WHO = re.compile(r"普通|一般员工|业务员|小职员|打工的|也算吗|也算不|算不算|我也要")


# "协议写的三年": the restriction's length told, which the entry on who and how long caps
_NONCOMPETE_LENGTH = re.compile(
    r"(?:写|签|定|约定|规定)[^，,。]{0,4}?[一二两三四五六七八九十\d]+\s*年"
)


def noncompete_told(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if not previous.slug.startswith("noncomp") or previous.slug == "noncomp_training_bond":
        return None
    if _NONCOMPETE_LENGTH.search(text):  # (after that entry too: its cap, said again)
        return knowledge.get(NONCOMPETE_WHO)
    if _NONCOMPETE_WHO.search(text) and previous.slug != NONCOMPETE_WHO:
        return knowledge.get(NONCOMPETE_WHO)
    if _NONCOMPETE_UNPAID.search(text) and previous.slug != NONCOMPETE_UNPAID:
        return knowledge.get(NONCOMPETE_UNPAID)
    return None


# "可是我们每天都是医院护士长排班" after the outsourced worker's answer: the client managing
# them makes it dispatch in the name of outsourcing (暂行规定第二十七条), which that answer says
OUTSOURCING = "flex_outsourcing"


def outsourcing_managed_told(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    """The outsourced worker's entry again when, after it, the client is told to manage them."""
    if previous.slug == OUTSOURCING and _MANAGED.search(text):
        return previous
    return None


def relation_told(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    """The entry on proving a labour relation, when the signs of one are told after an answer
    on flexible work or an injury (before an entry the answer offered: the signs are the
    point, whatever else the words share)."""
    return knowledge.get(PROVE_RELATION) if managed_told(previous, text) else None


_WHO_ANSWERS = re.compile(
    r"找哪个|找谁|告谁|告哪个|告哪家|找哪家|哪个负责|谁负责|哪个出|谁出|是告.{0,10}还是告|找.{0,10}还是找"
    # "社保该哪个买", "哪个去申请工伤": which of the two firms does it
    r"|该哪个|哪个去|谁去|哪个(?:买|交|缴|申请|报)|谁(?:买|交|缴|申请|报)"
)


def dispatched_told(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    """The entry a dispatched worker's circumstance points at, after a dispatch answer."""
    if previous.category != DISPATCH_TOPIC or not previous.slug.startswith("flex_dispatch"):
        return None
    if _PAY_COMPARED.search(text) and previous.slug != DISPATCH_PAY:
        return knowledge.get(DISPATCH_PAY)
    if _AGENCY_TERM.search(text) and previous.slug != DISPATCH_EMPLOYER:
        # "派遣公司只跟我签了一年的合同 这个对不": the agency's contract term (two years at least)
        return knowledge.get(DISPATCH_EMPLOYER)
    if _SENT_BACK.search(text) or _WHO_ANSWERS.search(text):
        # "之前在汽车厂我还扭伤过腰 要报工伤该找哪个", "是告劳务公司还是告汽车厂": which
        # of the two firms answers
        return knowledge.get(DISPATCH_EMPLOYER)
    if UNINSURED.search(text):
        return knowledge.get(INSURANCE_DUE)
    return None


# "那我咋个办嘛" on its own right after an answer that ends by saying where to turn (the
# hepatitis-B carrier turned away: complain to 12333 or sue), asked of that answer, not the
# general four routes of a labour dispute (arbitration needs an employment that never began)
_BARE_WHAT_NOW = re.compile(
    r"^(?:那|那么)?(?:我|我们)?(?:现在)?(?:能|该|应该|可以|要)?(?:咋个办|咋办|怎么办|咋整|咋个整)"
    r"(?:嘛|呢|喃|哦)?[?？]?$"
)
_SAYS_WHERE_TO_TURN = re.compile(r"12333|投诉|起诉|仲裁|报警")


def what_now_of_the_answer(previous: Answer, text: str) -> Answer | None:
    """The answer just given, asked again by a bare "那我咋个办" when it says what to do."""
    said = previous.answer.split("\n")[-1] if previous.answer else ""
    if _BARE_WHAT_NOW.match(re.sub(r"\s", "", text or "")) and _SAYS_WHERE_TO_TURN.search(said):
        return previous
    return None
