"""Words after an answer that point at one entry whatever the scores: where to turn when a
right is refused, rest or no insurance after a work injury, by when to claim after an answer
with no time limit of its own, a dismissal without a reason or for refusing a transfer, the
plant moving (bot/knowledge/followups.py and actions/policy_followups.py read them first)."""

from __future__ import annotations

import re

from bot.domain.medical_period import DISMISSAL_ASKED, PERIOD_OVER
from bot.knowledge.index import Answer, Knowledge

# "那我该找哪个反映", "去哪里投诉": where to turn, asked after an answer about a right
_WHERE_TO_TURN = re.compile(
    r"找哪个|找谁|找哪里|找哪儿|哪个部门|什么部门|啥子部门|向哪|"
    r"(?:去|到|在)哪(?:里|儿|个地方)?(?:投诉|反映|告|举报|申请|维权)|(?:咋个|怎么|如何)维权"
    # "那公司不给咋办", "拖起不发我可以咋个办": the right refused, what to do about it
    r"|(?:不(?:得|会)?(?:给|发|付|赔|补)|不交|不缴|不执行|不履行|不认账|拖着|拖起|不帮|不肯|不报|不让|不批|不准"
    r"|不去申报|不申报|不去报|不去申请)"
    # ("厂里拖起不去申报 都一个多月了 咋个办": how long it has dragged on, in between)
    r"[^，,。]{0,12}?"
    r"(?:咋个办|怎么办|咋办|咋整|咋个整|如何是好)"
    # "那他要是硬是不给呢": the right refused, asked as a what-if
    r"|(?:要是|如果|万一)[^，,。]{0,6}(?:不给|不发|不赔|不付|不认|不补)[^，,。]{0,3}(?:呢|嘞|喃)[?？]?$"
    # "老板说一分都不得给 要我自己去告": told to go to law, where to go
    r"|(?:喊|叫|让|要)我(?:们)?(?:自己)?去告"
    # "那他一分都不给呢": the right refused, asked bare
    r"|^(?:那|那么)?(?:他|她|他们|公司|老板|单位|厂里|厂头)?(?:要是)?(?:就是|硬是|还是)?"
    r"(?:一分钱?(?:都|也))?(?:不给|不赔|不补|不发|不认)(?:呢|嘞|喃)[?？]?$"
    # "那我现在能咋办" right after an answer: what to do about it
    r"|^(?:那|那么)?(?:我|我们)?(?:现在)?(?:能|该|应该|可以|要)?(?:咋个办|咋办|怎么办|咋整|咋个整)"
    r"(?:嘛|呢|喃|哦)?[?？]?$"
)


def asks_where_to_turn(text: str) -> bool:
    """ "那公司不给咋办", "公司不帮我申请咋办": what to do when the right just told is refused."""
    return _WHERE_TO_TURN.search(text or "") is not None


# "医生喊我休息3个月 这3个月工资咋个算" after a work injury: the rest a work injury needs is
# 停工留薪期, not sick leave (seed entry; when an admin withdrew it, the words decide)
INJURY_REST = "injury_paid_leave"
# ("医生喊我休3个月": 休 with how long)
_REST_ASKED = re.compile(
    r"休息|休养|养伤|住院|在家|屋头|病假|歇|休\s*(?:\d|[一二两三四五六七八九十几半])"
)


# "要是3个月还没好呢 最长能休好久" after the injury rest's pay: still its rest, not sick leave
_LONGER_ASKED = re.compile(r"最长|还没好|没好|没有好|延长|再休|还要休|休好久|休多久|能休")


def _injury_rest(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if previous.category != "工伤":
        return None
    asked = _LONGER_ASKED if previous.slug == INJURY_REST else _REST_ASKED
    if not asked.search(text):
        return None
    own = knowledge.search(text, 3)
    if not own or own[0].answer.category != "病假医疗期":
        return None
    return knowledge.get(INJURY_REST)


# "关键是厂头根本没给我买社保" after an injury answer: who pays for an uninsured injury (seed
# entry; when an admin withdrew it, the words decide)
INJURY_UNINSURED = "injury_no_insurance"
_UNINSURED = re.compile(
    r"(?:没|莫|不)(?:有|得)?(?:给)?(?:我|我们)?(?:买|交|缴|上|办)[^，,。]{0,3}(?:社保|保险|工伤险|五险)"
    r"|(?:社保|保险|工伤险)[^，,。]{0,4}(?:没买|没交|没缴|没有买|没上|莫得)"
)


def told_of_the_injury(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    """After an injury answer, a circumstance of the worker's own that an injury entry is
    about: rest (停工留薪期), no insurance (the employer pays), whatever else the words name."""
    if previous.category != "工伤":
        return None
    rest = _injury_rest(knowledge, previous, text)
    if rest is not None:
        return rest
    for slug, told, unless_where in _INJURY_TOLD:
        if previous.slug == slug or not told.search(text):
            continue
        if unless_where and asks_where_to_turn(text):
            continue
        return knowledge.get(slug)
    return None


# "厂头说他们不去报" after an injury answer: the employer will not apply for recognition; the
# worker may, within a year (seed entry)
INJURY_APPLY = "injury_apply_deadline"
_NOT_APPLIED = re.compile(
    r"(?:不|不肯|不愿意|不想|不给|不帮|没有?|没给|没帮)(?:我)?(?:去)?(?:报|申请|认定|上报|报工伤|申报)"
)


# the circumstances an injury entry is about: its entry, the words, and whether asking where
# to turn leaves it to the routes instead ("厂头不报 我该找哪个")
_INJURY_TOLD = (
    (INJURY_UNINSURED, _UNINSURED, False),
    (INJURY_APPLY, _NOT_APPLIED, True),
)


# "走了以后还能去要不 多久之内要去", "那过好久就告不到了": by when to claim, after an answer
# that gives no time limit of its own (seed entry; when an admin withdrew it, the words decide)
TIME_LIMIT = "dispute_time_limit"
INJURY_TOPIC = "工伤"
_BY_WHEN = re.compile(
    r"多久之内|多久以内|多久内|多长时间内|多长时间以内|几年内|几年之内|时效|时间限制|时限"
    r"|过(?:了)?(?:好久|多久|多长时间)(?:就)?(?:告不|要不|申请不|仲裁不|不能告|不能要)"
    # "过久了是不是就要不到了", "拖久了还告得到不"
    r"|(?:过|拖|隔)(?:得)?(?:太)?久了?[^，,。]{0,6}(?:告不|要不|申请不|仲裁不|不能告|不能要|还告得|还要得)"
    r"|(?:现在|还)(?:去)?(?:告|要|申请|仲裁)[^，,。]{0,4}来得及"
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
)


# "那他说我不去就算自动离职 直接把我开了呢" after the answer on a transfer: dismissed for
# refusing a change the worker may refuse
_FIRED_FOR_REFUSING = re.compile(
    r"不(?:去|同意|答应|签|接受|服从)[^，,。]{0,12}(?:开了|开除|辞退|炒了|解除|自动离职|走人)"
)
# "要是公司整个搬到成都去了呢" after a dismissal or a transfer: the objective circumstances
# changed, the notice rule with its compensation (seed entry)
RELOCATION = "contract_relocation"
_RELOCATED = re.compile(r"(?:整个|整体|全部)?搬(?:到|去|走|迁)|迁到|迁走|搬厂")


def unlawful_dismissal_told(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if asks_where_to_turn(text):
        return None
    job = previous.category in _DISMISSAL_TOPICS | {"劳动合同"}
    if job and previous.slug != RELOCATION and _RELOCATED.search(text):
        return knowledge.get(RELOCATION)
    if previous.slug == UNLAWFUL_DISMISSAL:
        return None
    if previous.category in _DISMISSAL_TOPICS and _NO_REASON.search(text):
        return knowledge.get(UNLAWFUL_DISMISSAL)
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
_QUITS = re.compile(
    r"辞职|辞工|不干了|不想干了|不做了|走人|我要走|想走|离职|跳槽|解除(?:劳动)?合同|炒(?:了)?老板"
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
_PUSHED_OUT = re.compile(
    r"(?:逼|让|叫|喊|要|劝)我(?:自己)?(?:主动)?(?:写|打|签)?(?:辞职|辞工|自愿离职|离职申请)|逼我走"
)


# the worker's own words of the breach, told earlier in the conversation ("10月11月的工资都没发")
_BREACH_TOLD = re.compile(
    r"工资[^，,。]{0,6}(?:没发|不发|没给|不给|拖|欠)|(?:没发|拖欠|欠了?我?)[^，,。]{0,6}工资"
    r"|没(?:买|交|缴)社保|社保[^，,。]{0,4}(?:没买|没交|不买|不交)"
)


def leaving_told(
    knowledge: Knowledge, previous: Answer, text: str, earlier: tuple[str, ...] = ()
) -> Answer | None:
    """The entry on leaving at once over unpaid wages or insurance, when the worker says they
    will quit after an answer about that breach; the entry on a resignation pressed for, when
    the employer pushes them to quit."""
    if asks_where_to_turn(text):
        return None
    if _PUSHED_OUT.search(text):
        # "那老板逼我辞职呢": pressed to sign a resignation, whatever the topic before
        return None if previous.slug == RESIGN_PRESSURE else knowledge.get(RESIGN_PRESSURE)
    if previous.slug == QUIT_OVER_BREACH:
        return None
    breach = _BREACH.search(previous.question) or any(map(_BREACH_TOLD.search, earlier))
    if breach and _QUITS.search(text) and not _QUIT_DONE.search(text):
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


# "装修公司欠了我三个月工资 一共15600 我已经离职4个月了 还能要回来不": left some time ago,
# asking whether a claim is still possible: the time limit, whatever the figures around it
_LEFT_A_WHILE = re.compile(
    r"(?:离职|走了|辞职|辞工|不干了|不做了|离开)[^，,。]{0,6}?"
    r"(?:半年|一年|[0-9一二两三四五六七八九十几]+(?:个多?月|年|天))"
)
# (what is claimed: not "辞职3个月了 还能领失业金不")
_CLAIMED = re.compile(r"欠|拖|差我|没发|没给|要回|要得回|告|仲裁|追|讨|维权|拿回")
_STILL_IN_TIME = re.compile(r"还能|还可以|还要得|来得及|晚不晚|还告得|还有用|过期")


def still_in_time_asked(knowledge: Knowledge, text: str) -> Answer | None:
    """The entry on the time limit for a claim, when a worker who left a while ago asks
    whether it is still possible."""
    if _LEFT_A_WHILE.search(text) and _STILL_IN_TIME.search(text) and _CLAIMED.search(text):
        return knowledge.get(TIME_LIMIT)
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
    if previous.slug.startswith("flex_dispatch") or previous.category not in _MANAGED_AFTER:
        return False
    return len({m.group(0) for m in _MANAGED.finditer(text)}) >= SIGNS_OF_MANAGEMENT


# after an answer on a non-compete: "要是他一直不给呢" (the compensation unpaid), "我就是个普通
# 业务员也算吗" (who may be bound)
NONCOMPETE_UNPAID, NONCOMPETE_WHO = "noncomp_unpaid_end", "noncomp_who_limit"
_NONCOMPETE_UNPAID = re.compile(r"不给|不付|没给|不发|没发|拖着")
_NONCOMPETE_WHO = re.compile(r"普通|一般员工|业务员|小职员|打工的|也算吗|也算不|算不算|我也要")


def noncompete_told(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if not previous.slug.startswith("noncomp") or previous.slug == "noncomp_training_bond":
        return None
    if _NONCOMPETE_WHO.search(text) and previous.slug != NONCOMPETE_WHO:
        return knowledge.get(NONCOMPETE_WHO)
    if _NONCOMPETE_UNPAID.search(text) and previous.slug != NONCOMPETE_UNPAID:
        return knowledge.get(NONCOMPETE_UNPAID)
    return None


def relation_told(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    """The entry on proving a labour relation, when the signs of one are told after an answer
    on flexible work or an injury (before an entry the answer offered: the signs are the
    point, whatever else the words share)."""
    return knowledge.get(PROVE_RELATION) if managed_told(previous, text) else None


def dispatched_told(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    """The entry a dispatched worker's circumstance points at, after a dispatch answer."""
    if previous.category != DISPATCH_TOPIC or not previous.slug.startswith("flex_dispatch"):
        return None
    if _PAY_COMPARED.search(text) and previous.slug != DISPATCH_PAY:
        return knowledge.get(DISPATCH_PAY)
    if _SENT_BACK.search(text):
        return knowledge.get(DISPATCH_EMPLOYER)
    if _UNINSURED.search(text):
        return knowledge.get(INSURANCE_DUE)
    return None


# "那我们主管一个月2万多 也是这样算不 有没得封顶" after an answer on compensation or leaving:
# the cap on the compensation, in the entry on how it is worked out
SEVERANCE_SUMS = "sev_calc"
CAP_ASKED = re.compile(
    r"封顶|上限|最高(?:能|可以)?(?:拿|赔|算)|最多(?:能|可以)?(?:拿|赔|算)|三倍|3倍"
)
_LEAVING_TOPICS = ("经济补偿", "离职与解除", "劳动合同")


def cap_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if previous.slug == SEVERANCE_SUMS or not CAP_ASKED.search(text):
        return None
    if previous.category in _LEAVING_TOPICS or "补偿" in text or "赔" in text:
        return knowledge.get(SEVERANCE_SUMS)
    return None


# "要是一直拖到明年都不签呢" after the answer on a contract not signed: a year without one
NOT_SIGNED, A_YEAR_UNSIGNED = "contract_sign_deadline", "contract_over_1year"
_A_YEAR_ON = re.compile(r"明年|满一年|满1年|一年多|超过一年|超过1年|一年了|一年以后|拖到年底")


def year_unsigned_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if previous.slug != NOT_SIGNED or not _A_YEAR_ON.search(text):
        return None
    return knowledge.get(A_YEAR_UNSIGNED)


# "那补偿好久给我 走的那天就给不" after the compensation: paid at the handover (第五十条), in
# the entry on what is settled when leaving
SETTLED_ON_LEAVING = "quit_certificate_final"
WHEN_PAID = re.compile(
    r"(?:好久|什么时候|啥时候|啥子时候|哪天|几时|多久)(?:才|能)?(?:给|发|到账|打)"
)


# "那这个月上了的几天工资他要给我结不" after a dismissal: the last wages, settled on leaving
_LAST_WAGES = re.compile(
    r"(?:上了的|干了的|做了的|上的那|干的那|做的那|这个月的|最后)[^，,。]{0,6}(?:工资|钱)[^，,。]{0,6}(?:结|给|发)"
)


def paid_when_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if (
        previous.slug != SETTLED_ON_LEAVING
        and previous.category in _LEAVING_TOPICS + ("试用期",)
        and _LAST_WAGES.search(text)
    ):
        return knowledge.get(SETTLED_ON_LEAVING)
    if previous.slug == SETTLED_ON_LEAVING or not WHEN_PAID.search(text):
        return None
    if "补偿" in text or previous.category in _LEAVING_TOPICS:
        return knowledge.get(SETTLED_ON_LEAVING)
    return None


# "要是调不成呢 还要等好久" after what mediation costs: when it fails, in its own entry
MEDIATION_FAILED = "mediation_failed"
_FAILS = re.compile(r"调不成|调不拢|调不好|没调成|调解不成|调解失败|谈不拢|没谈拢|谈崩")


def mediation_failed_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if previous.slug == MEDIATION_FAILED or not _FAILS.search(text):
        return None
    if "调解" in previous.question or "调" in text:
        return knowledge.get(MEDIATION_FAILED)
    return None


# after the part-time answer, its own details asked ("当时也没签啥子合同 这个算不算违法",
# "工资是一个月才结一回 这样可以不", "钟点工一个钟头最低好多钱", "说明天不用来了 有莫得补偿"):
# the answer states each of them
PART_TIME = "flex_part_time"
_PART_TIME_DETAIL = re.compile(
    r"合同|口头|结一回|结一次|多久结|几天结|好久结|发一次|最低|一个钟头|一小时|每小时|补偿|不用来|试用期|社保|工伤保险"
)


def part_time_detail_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if previous.slug != PART_TIME or not _PART_TIME_DETAIL.search(text):
        return None
    return previous


# "跟派遣公司签的两年合同这个月到期了 派遣公司说不续了 有没得补偿": a contract ending and not
# renewed, compensation asked (whoever the employer is)
CONTRACT_EXPIRY = "sev_contract_expiry"
_NOT_RENEWED = re.compile(r"到期[^，,。]{0,12}(?:不续|不签了|不要了)|不续签|不续了|不再续")


def not_renewed_asked(knowledge: Knowledge, previous: Answer | None, text: str) -> Answer | None:
    if previous is not None and previous.slug == CONTRACT_EXPIRY:
        return None
    if _NOT_RENEWED.search(text) and ("补偿" in text or "赔" in text):
        return knowledge.get(CONTRACT_EXPIRY)
    return None


# "那她产假有好多天嘛" after the husband's paternity leave: her maternity leave
PATERNITY, MATERNITY_LEAVE = "leave_paternity", "women_maternity_leave"


def her_leave_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if previous.slug != PATERNITY or "产假" not in text or "陪产" in text:
        return None
    # (her days asked, not the pay during them: "休产假那几个月工资哪个发")
    if _PAY_WORDS.search(text) or not _DAYS_WORDS.search(text):
        return None
    return knowledge.get(MATERNITY_LEAVE)


_PAY_WORDS = re.compile(r"钱|工资|津贴|哪个发|谁发")
_DAYS_WORDS = re.compile(r"好多天|几天|多少天|多久|好久|多长|天数")


# "那我是要回去上班还是要赔偿 可以自己选不": going back to work or the 2N, the worker's choice
_BACK_OR_PAID = re.compile(
    r"(?:回去上班|回去干|继续上班|恢复(?:工作|上班|劳动关系))[^。？?]{0,12}(?:赔|钱)"
    r"|(?:赔|钱)[^。？?]{0,12}(?:回去上班|回去干|继续上班|恢复(?:工作|上班|劳动关系))"
)


def back_or_paid_asked(knowledge: Knowledge, previous: Answer | None, text: str) -> Answer | None:
    if previous is not None and previous.slug == UNLAWFUL_DISMISSAL:
        return None
    return knowledge.get(UNLAWFUL_DISMISSAL) if _BACK_OR_PAID.search(text) else None


# "老板说病假一分钱都莫得 是不是这样哦": the pay while off sick, whatever else the story tells
SICK_PAY = "sick_pay"
_SICK_PAY_ASKED = re.compile(
    r"病假[^。？?]{0,8}(?:一分钱|不发|没得钱|莫得钱|没有钱|工资|扣钱|扣工资|不给钱|都莫得|都没得|都没有)"
)


def sick_pay_asked(knowledge: Knowledge, previous: Answer | None, text: str) -> Answer | None:
    if previous is not None and previous.slug == SICK_PAY:
        return None
    return knowledge.get(SICK_PAY) if _SICK_PAY_ASKED.search(text) else None


# "厂头说我那天没走平时那条路 绕去菜市场买了早饭 所以不算" after the commute answer: the
# reasonable route and the daily errands it counts, in that answer
COMMUTE_ENTRY = "injury_commute"
_ROUTE = re.compile(r"那条路|路线|绕|顺路|买菜|菜市场|早饭|早餐|接娃|送娃|接孩子|送孩子|拐去|绕道")


def route_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if previous.category != INJURY_TOPIC or not _ROUTE.search(text):
        return None
    return knowledge.get(COMMUTE_ENTRY)
