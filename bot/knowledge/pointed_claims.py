"""More pointed rules (after bot/knowledge/pointed_situations.py): a claim's question asked
plainly — a public holiday's pay, whether the union must be told of a layoff, the notice to
quit, renewal refused on the same terms, whether a claim is still in time, the maternity days
an employer grants, a fine or a breakage docked, whether an ordinary resignation brings
compensation (none: 劳动合同法第四十六条 lists when it is due), a breach told after the worker
said they want to quit (leaving at once with compensation, 第三十八条). Each returns the entry
that answers it, or None (a dismissal while ill: bot/knowledge/pointed_let_go.py)."""

from __future__ import annotations

import re

from bot.knowledge.index import Answer, Knowledge
from bot.knowledge.pointed import (
    BREACH_TOLD,
    QUIT_OVER_BREACH,
    TIME_LIMIT,
    asks_where_to_turn,
)

_COMPENSATION_TOPIC = "经济补偿"  # the FAQ's category of the entries on compensation

# "那元旦那天要是公司放假不上班 我的工资会扣不": a public holiday off, its pay asked (seed entry)
HOLIDAY_PAID = "leave_holiday_paid"
_HOLIDAY_OFF = re.compile(
    r"(?:元旦|春节|过年|清明|五一|劳动节|端午|中秋|国庆|法定假|法定节假日|节假日|过节)"
    r"[^，,。？?]{0,10}(?:放假|休息|不上班|没上班)"
)
_PAY_DOCKED = re.compile(r"扣|少发|发不发|有没有工资|有没得工资|给不给钱|算不算钱|照发")


def holiday_off_pay_asked(knowledge: Knowledge, text: str) -> Answer | None:
    if _HOLIDAY_OFF.search(text) and _PAY_DOCKED.search(text) and "加班" not in text:
        return knowledge.get(HOLIDAY_PAID)
    return None


# "我们厂有工会的 裁人要先跟工会说不": whether the union must be told first — of a layoff (30
# days ahead to the union or all staff), else of one dismissal (the reasons first) (seed entries)
LAYOFF = "quit_mass_layoff"
UNION_HELP = "union_legal_help"
_UNION_TOLD = re.compile(
    r"(?:通知|告诉|告知|跟|和|给|向|问|征求)工会|工会(?:同意|同不同意|打招呼|商量|说一声|知道)"
)
_LAYOFF_WORDS = re.compile(r"裁")


def union_notice_asked(knowledge: Knowledge, text: str) -> Answer | None:
    if not _UNION_TOLD.search(text) or not re.search(r"开|辞|裁|解除|炒", text):
        return None
    return knowledge.get(LAYOFF if _LAYOFF_WORDS.search(text) else UNION_HELP)


# "那我试用期干起不舒服想走 要提前好多天说": the worker leaving, the notice asked (seed entry)
NOTICE_TO_QUIT = "quit_notice_period"
_I_LEAVE = re.compile(
    r"(?<![喊叫让要赶逼])(?:我|自己)[^，,。]{0,8}(?:想走|要走|辞职|不干了|不想干|不做了|走人)|想走|要辞职"
)
_NOTICE_HOW_LONG = re.compile(
    r"提前(?:好多|多少|几|多久|好久)|提前(?:一个月|30天|三十天|3天|三天)?(?:说|讲|通知|打报告|打招呼)"
)


def asks_notice_to_quit(text: str) -> bool:
    """The worker says they will leave and asks how long before to say so."""
    return bool(_I_LEAVE.search(text) and _NOTICE_HOW_LONG.search(text))


def quitting_notice_asked(knowledge: Knowledge, text: str) -> Answer | None:
    if asks_notice_to_quit(text) and not BREACH_TOLD.search(text):
        return knowledge.get(NOTICE_TO_QUIT)
    return None


# "那如果他给的条件跟原来一样 我不签呢" after a contract not renewed: renewal refused on the
# same terms (no compensation then; seed entry)
CONTRACT_EXPIRY = "sev_contract_expiry"
_SAME_TERMS = re.compile(
    r"(?:条件|工资|待遇)[^，,。]{0,4}(?:跟|和|同)?原来(?:的)?一样|原条件|不降|一样的条件|同样的条件"
)
_I_REFUSE = re.compile(r"我不(?:签|续|想签|想续|愿意)|不想续|不愿意续|我不干")


def same_terms_refused(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if previous.category != _COMPENSATION_TOPIC and previous.slug != CONTRACT_EXPIRY:
        return None
    if _SAME_TERMS.search(text) and _I_REFUSE.search(text):
        return knowledge.get(CONTRACT_EXPIRY)
    return None


# "装修公司欠了我三个月工资 一共15600 我已经离职4个月了 还能要回来不": left some time ago,
# asking whether a claim is still possible: the time limit, whatever the figures around it
_LEFT_A_WHILE = re.compile(
    r"(?:离职|走了|辞职|辞工|不干了|不做了|离开)[^，,。]{0,6}?"
    r"(?:半年|一年|半个月|[0-9一二两三四五六七八九十几]+(?:个多?月|年|天|个?礼拜|个?星期|周))"
    # "我9月份就从装修公司辞职了 … 过了这么久": the month left, and the time since
    r"|(?:\d{1,2}|[一二三四五六七八九十]+)月份?(?:就|的时候)?(?:从[^，,。]{1,10})?(?:离职|辞职|辞工|走)"
    r"|过了这么久|都这么久了|隔了这么久"
    # "去年11月20号就没做了": the last day worked, a while ago (or owed since: "前年欠我的")
    r"|(?:去年|前年|\d{1,2}月\d{1,2}[号日])[^，,。\s]{0,8}(?:就)?(?:没做了|没干了|不做了|不干了|走的|离开的|欠)"
)
# (what is claimed: not "辞职3个月了 还能领失业金不")
_CLAIMED = re.compile(
    r"欠|拖|差我|没发|没给|要回|要得回|告|仲裁|追|讨|维权|拿回"
    # "我都走了一个礼拜了 现在还能要不" (after an answer on what is owed)
    r"|还能(?:找他|找老板)?要(?:不|吗|得到|嘛)"
)
INJURY_DEADLINE = "injury_apply_deadline"
_INJURED_ON = re.compile(r"受的伤|受伤的|伤的|出的事|工伤")
_STILL_IN_TIME = re.compile(r"还能|还可以|还要得|要得到|来得及|晚不晚|还告得|告得了|还有用|过期")


def still_in_time_asked(knowledge: Knowledge, text: str) -> Answer | None:
    """The entry on the time limit for a claim, when a worker who left a while ago asks
    whether it is still possible, or asks whether a claim left waiting runs out ("那我拖起会不
    会过期哦 加班费是今年上半年的")."""
    if _INJURED_ON.search(text) and _STILL_IN_TIME.search(text):
        # "我是10月18号受的伤 现在自己去报还来得及不": the injury's own time limit
        return knowledge.get(INJURY_DEADLINE)
    if _LEFT_A_WHILE.search(text) and _STILL_IN_TIME.search(text) and _CLAIMED.search(text):
        return knowledge.get(TIME_LIMIT)
    if _RUNS_OUT.search(text) and (_CLAIMED.search(text) or _OWED_WORDS.search(text)):
        return knowledge.get(TIME_LIMIT)
    return None


_RUNS_OUT = re.compile(
    r"会不会过期|过不过期|过期了?(?:没|吗|不|哦)|(?:拖|等|放)(?:起|着|久了)[^，,。]{0,4}(?:过期|失效|作废|要不到)"
    r"|会不会失效|过了时效|超过时效"
)
_OWED_WORDS = re.compile(r"工资|加班费|补偿|赔偿|押金|工钱")


# "那社保能让他补交不" after leaving over unpaid insurance: making the insurance up, where to
# ask for it (seed entry)
INSURANCE_MADE_UP = "si_not_paid_complain"
# ("以前没交的社保还能补不": made up, said as 补; "社保也没给我们买 咋个整": what to do, no injury)
_MADE_UP = re.compile(
    r"社保[^，,。]{0,8}(?:补交|补缴|补起|补上|补齐)|(?:补交|补缴|补齐)[^，,。]{0,4}社保"
    r"|(?:没|莫得|没有)(?:交|缴|买)的社保[^，,。]{0,4}(?:还)?(?:能|可以)?补|^(?!.*(?:伤|出事|事故|住院|医药费|医疗费)).*?社保[^，,。]{0,3}没(?:给我们?|帮我们?)?(?:买|交|缴)[^，,。]{0,4}(?:咋个?整|咋个?办|怎么办)"
)


def insurance_made_up_asked(knowledge: Knowledge, text: str) -> Answer | None:
    return knowledge.get(INSURANCE_MADE_UP) if _MADE_UP.search(text) else None


# "酒店说产假只有98天 对不对哦": the days of maternity leave an employer grants, checked (or
# asked: "我想继续干 那产假有好多天嘛")
MATERNITY_LEAVE = "women_maternity_leave"
_MATERNITY_DAYS_SAID = re.compile(
    # (not 陪产假, the father's leave)
    r"(?<!陪)产假[^，,。？?]{0,6}?(?:只有|才|就|只给|给|是)\s*(?:\d{2,3}|九十八|一百)\s*天"
    r"|(?<!陪)产假[^，,。？?]{0,4}?(?:有|能休|可以休|休|放)?(?:(?:好多|多少|几)天|好久|多久|多长)"
)


def maternity_days_asked(knowledge: Knowledge, text: str) -> Answer | None:
    return knowledge.get(MATERNITY_LEAVE) if _MATERNITY_DAYS_SAID.search(text) else None


# "站点每个月扣我500块 说是罚款 这个合理吗": a fine docked from the pay, whether it may be
FINES = "wage_deduction_fine"
_FINED = re.compile(r"罚款|罚钱|罚我|罚了")
_MAY_IT_BE = re.compile(r"合理|合法|可以吗|可以不|行不行|对不对|能这样|有没有道理")


# "我端盘子摔烂了一托盘杯子 … 老板说这个月工资扣3000": damage told, the pay docked for it
# (at most 20 % a month, 《工资支付暂行规定》第十六条, in the same entry)
_DAMAGED = re.compile(
    r"(?:摔|打|弄|碰|搞|砸|撞|烧)(?:烂|坏|碎|破|丢)|损坏|坏了|丢了|弄丢|赔(?:偿)?(?:东西|损失)"
)
_PAY_DOCKED_FOR_IT = re.compile(
    r"扣[^，,。？?]{0,6}(?:\d|工资|钱|[一两二三四五六七八九十百千万]+(?:块|元))"
)


def fine_asked(knowledge: Knowledge, text: str) -> Answer | None:
    if _FINED.search(text) and re.search(r"扣", text) and _MAY_IT_BE.search(text):
        return knowledge.get(FINES)
    if _DAMAGED.search(text) and _PAY_DOCKED_FOR_IT.search(text):
        return knowledge.get(FINES)
    return None


# "我在车间被机器压到手了 公司没给我买工伤保险 还算不算工伤": an injury with no insurance paid
# in, whether it counts and who pays (seed entry: the employer pays every benefit)
UNINSURED_INJURY = "injury_no_insurance"
_HURT = re.compile(r"受伤|受了伤|伤了|伤到|压到|压断|砸到|砸伤|摔|割到|夹到|烫伤|工伤|骨折|砸断")
_NO_INJURY_INSURANCE = re.compile(
    r"(?:没|没有|莫得|不)(?:给我|给我们|帮我)?(?:买|交|缴|上|参加|办)(?:过)?(?:工伤保险|工伤险|工伤|保险|社保)"
    r"|(?:工伤保险|工伤险)(?:都)?(?:没|没有|莫得)(?:买|交|缴|上)"
    # "在工地上摔断了腿 包工头跑了": hurt working for a gang boss (the contractor answers)
    r"|包工头|工头[^，,。]{0,4}(?:跑|不见|不管|联系不上)"
)


def uninsured_injury_asked(knowledge: Knowledge, text: str) -> Answer | None:
    if _HURT.search(text) and _NO_INJURY_INSURANCE.search(text):
        return knowledge.get(UNINSURED_INJURY)
    return None


# "那我老公呢 他能休几天" after her maternity leave: the husband's days (护理假, seed entry)
PATERNITY_LEAVE = "leave_paternity"
_HUSBAND = re.compile(r"老公|丈夫|男人|爱人|孩子(?:他)?爸|娃儿(?:他)?爸|男的|男同志|男职工")
_DAYS_OFF_ASKED = re.compile(r"休几天|能休|可以休|有几天|好多天|多少天|有没得假|有没有假|有假")
# "她生了过后我有假没得": the husband asking of himself
_HIS_OWN = re.compile(
    r"(?:她|老婆|媳妇|爱人|婆娘)[^，,。？?]{0,6}(?:生了|生娃|生孩子|生小孩|生的时候|坐月子|生完)"
    r"[^，,。？?]{0,6}我"
)
_BIRTH_TALK = re.compile(r"产假|预产期|生孩子|生娃|生小孩|坐月子|剖腹产|顺产|怀孕|怀起|生育")


def husband_leave_asked(
    knowledge: Knowledge, previous: Answer, text: str, recent: tuple[str, ...]
) -> Answer | None:
    if previous.slug == PATERNITY_LEAVE or not (_HUSBAND.search(text) or _HIS_OWN.search(text)):
        return None
    if not _DAYS_OFF_ASKED.search(text) or "产假" in text:
        return None
    if not any(map(_BIRTH_TALK.search, recent)):
        return None
    return knowledge.get(PATERNITY_LEAVE)


# "伤残鉴定结果出来了 我能拿好多钱": the grants by grade, not how the appraisal is applied for
INJURY_GRANTS = "injury_benefits"
_GRADED = re.compile(
    r"(?:鉴定|评残|评级|定级)(?:的)?(?:结果|结论|书)?(?:已经)?(?:出来|下来|拿到|评下来)了?"
)
_WHAT_IT_PAYS = re.compile(
    r"能拿|能得|能赔|能要|好多钱|多少钱|赔好多|赔多少|拿好多|拿多少|有啥子钱|有什么钱"
)


def grants_after_grading_asked(knowledge: Knowledge, text: str) -> Answer | None:
    if _GRADED.search(text) and _WHAT_IT_PAYS.search(text):
        return knowledge.get(INJURY_GRANTS)
    return None


# "今天跟组长吵了两句 主管直接喊我明天不要来了 啥子手续都没得 这样可以不": let go on the spot,
# with no procedure or reason, and whether they may: a dismissal without lawful grounds
# (第三十九条 to 第四十一条 name them all), the 2N or the job back (第四十八条、第八十七条)
_TOLD_TO_GO = re.compile(
    r"(?:喊|叫|让|要)我[^，,。]{0,6}(?:不要来了|不用来了|别来了|莫来了|不要来上班了|不用来上班了|走人|滚)"
    r"|直接(?:把我)?(?:开除|辞退|开了|炒了|辞了)|当场(?:开除|辞退|把我)"
)
_NO_GROUNDS_OR_MAY_IT = re.compile(
    r"(?:手续|通知|理由|说法)(?:都|也)?(?:没得|没有|莫得|没办|没说|没给)|(?:没得|没有|莫得|不给|没给)(?:任何|啥子|什么)?(?:手续|通知|书面|理由|说法)"
    r"|吵了|顶了?(?:几|两)句|可以不|可不可以|合法|能这样|可以这样|行不行|对不对|有没有道理"
)
# (their own entries: a pregnant worker, probation, slow business, misconduct, illness, a layoff)
_OWN_GROUNDS = re.compile(
    r"怀孕|怀起|孕期|产假|哺乳|试用|生意不好|效益|订单|违纪|旷工|迟到|医疗期|病假|生病|工伤|受伤"
    r"|裁员|裁人|搬|岗位|到期|退休|钟点工|保姆|好多|多少"
)


def let_go_on_the_spot_told(knowledge: Knowledge, text: str) -> Answer | None:
    if (
        _TOLD_TO_GO.search(text)
        and _NO_GROUNDS_OR_MAY_IT.search(text)
        and not _OWN_GROUNDS.search(text)
    ):
        return knowledge.get("sev_unlawful_2x")  # the 2N entry
    return None


# "我11月15号离职了 提前一个月打了辞职报告的 老板说这个月上的半个月工资不发了 说是我自己要走的":
# the last wages kept back from one who left (paid in full on leaving, 《工资支付暂行规定》第九条)
WAGE_WITHHELD = "quit_wage_withheld"
_LEFT = re.compile(
    r"(?:离职|辞职|辞工)了|我[^，,。]{0,8}走了|打了辞职|交了辞职|辞职报告|离职申请|自己要走"
    # ("他说我没提前一个月跟他说就走了 所以工资不给了")
    r"|(?:就|直接|马上)走了|没(?:有)?提前[^，,。]{0,10}走"
    # ("11月30号就没做了": the last day, then no more work)
    r"|(?:号|日|就|已经|早就)(?:没|不)(?:做|干|上班)了"
)
_LAST_WAGES_KEPT = re.compile(
    r"工资[^，,。]{0,6}(?:不发了|不给了|不结了|不发|不给|不结|扣着|押着|扣了)"
    r"|(?:不发|不给|不结|扣着|押着)[^，,。]{0,4}(?:我的?)?工资"
    # ("老板说工资要等到下个月15号跟其他人一起发": put off to the next payday, not paid on leaving)
    r"|工资[^，,。]{0,4}(?:要)?(?:等到|拖到|压到|推到)[^，,。]{1,10}(?:才|再|一起|统一)"
)
# (not months of arrears quit over, nor by when to claim: their own entries)
_NOT_LAST_WAGES = re.compile(
    r"[两三四五六七八九十几\d]+个月[^，,。]{0,4}(?:工资|没发)|来得及|时效|还能告|跑路|跑了|倒闭"
)


def wages_held_on_leaving_told(knowledge: Knowledge, text: str) -> Answer | None:
    if _LEFT.search(text) and _LAST_WAGES_KEPT.search(text) and not _NOT_LAST_WAGES.search(text):
        return knowledge.get(WAGE_WITHHELD)
    return None


# "我19岁 在理发店当学徒 老板说学徒头3个月不发工资 只包吃住 这样可以不": an apprentice is a worker
# like any other, paid at least the minimum wage for the work done (《劳动法》第四十八条; board
# and lodging are benefits, not counted in it: 《最低工资规定》第十二条); (not a student's
# internship, which is no labour relation)
MINIMUM_WAGE = "wage_minimum"
_APPRENTICE = re.compile(r"学徒|学手艺|学技术|跟师傅学|徒弟")
_UNPAID_WHILE_LEARNING = re.compile(
    r"不发工资|没得?工资|没有工资|不给工资|不开工资|白干|只包吃住|包吃住不给钱|零工资|一分钱都?不给"
    # "我当学徒一个月才给1500 这个合法不": a month's pay told low, checked against the minimum
    r"|(?:一个月|每个?月|月薪|工资)[^，,。]{0,3}(?:才|只)(?:给|发|拿|有)?\s*\d{3,4}(?!\d)"
)


def unpaid_apprentice_told(knowledge: Knowledge, text: str) -> Answer | None:
    if _APPRENTICE.search(text) and _UNPAID_WHILE_LEARNING.search(text):
        return knowledge.get(MINIMUM_WAGE)
    return None


# "那我自己走的话 有没有补偿嘛" after an answer on quitting, no breach told: an ordinary
# resignation brings no compensation (the entry on when it is due lists the exceptions)
WHEN_DUE = "sev_when_due"
_OWN_QUIT = re.compile(
    # ("要是我自己辞的话"; not "把我辞了", the employer's)
    r"(?:(?<![把将被让叫喊给])我|自己|主动)[^，,。？?]{0,4}(?:走|辞(?!退)|离职|不干|不做)"
    r"|(?:主动|自愿|自己)(?:提出)?(?:辞职|辞工|离职)"
)
# whether there is any ("有没有补偿嘛"), not when or how it is paid ("补偿是啥时候给")
_COMPENSATION_ASKED = re.compile(
    r"(?:有没有|有没得|有不有|能不能|给不给|会不会|可不可以|能拿|能要|可以拿|可以要|拿得到)"
    r"[^，,。？?]{0,4}(?:补偿|N\b)|(?:补偿|N)\s*(?:吗|不|没|没得|没有|嘛|么|[?？])|有(?:补偿|N)"
)
# "那要是我自己辞职呢" after a dismissal's sums: quitting instead, asked as a bare what-if (not
# "那要是我试用期走呢" after the notice to quit: its days)
_OWN_QUIT_WHAT_IF = re.compile(
    r"^(?:那|那么)?(?:要是|如果|假如)[^，,。？?]{0,6}(?:辞职|辞工|离职)[^，,。？?]{0,2}呢[？?]*$"
)
# "老板说必须干满今年才放人 不然押一个月工资不发": wages threatened, not yet a breach
_THREATENED = re.compile(r"不然|否则")


def breach_in(texts: tuple[str, ...]) -> bool:
    """Wages unpaid or no insurance told in `texts` (a threat to hold wages back is none)."""
    return any(BREACH_TOLD.search(t) and not _THREATENED.search(t) for t in texts)


def own_quit_pay_asked(
    knowledge: Knowledge, previous: Answer, text: str, recent: tuple[str, ...]
) -> Answer | None:
    if previous.slug == WHEN_DUE or not previous.slug.startswith(("quit_", "sev_")):
        return None
    if previous.slug == QUIT_OVER_BREACH or breach_in((text, *recent)):
        return None  # (quitting over unpaid wages or insurance brings compensation)
    if asks_where_to_turn(text):
        return None
    bare = _OWN_QUIT_WHAT_IF.search(text.strip()) and previous.slug != NOTICE_TO_QUIT
    if _OWN_QUIT.search(text) and (_COMPENSATION_ASKED.search(text) or bare):
        return knowledge.get(WHEN_DUE)
    return None


# "对了 他们从来没给我买过社保" after asking about quitting ("不想干了"): the worker may leave
# at once over the breach and claim compensation; not wages held because the worker leaves
# ("他还喊我签个自愿放弃社保的协议": a waiver asked of, its own entry)
_HELD_ON_LEAVING = re.compile(r"走|违约|辞|离职|不干|放弃|协议|承诺")
# the worker's own wish to quit ("不想干了", "想辞工了"; not "喊我辞职")
_WANTS_TO_QUIT = re.compile(
    r"(?<![喊叫让要赶逼])(?:我|自己)?(?:想|要|准备)(?:辞|走)|辞工|不想干|不干了|不做了|不想做了"
)
# the answers on the worker's own resignation
OWN_RESIGNATION = frozenset({NOTICE_TO_QUIT, "quit_wage_withheld", WHEN_DUE})


def breach_after_quitting_told(
    knowledge: Knowledge, previous: Answer, text: str, recent: tuple[str, ...]
) -> Answer | None:
    if previous.slug not in OWN_RESIGNATION or asks_where_to_turn(text):
        return None  # ("还有上个月工资也还没发" after a dismissal: where to claim it)
    if _HELD_ON_LEAVING.search(text):
        return None  # ("我提前走就是违约 最后一个月工资不给了": wages held for leaving)
    if breach_in((text,)) and any(map(_WANTS_TO_QUIT.search, recent)):
        return knowledge.get(QUIT_OVER_BREACH)
    return None
