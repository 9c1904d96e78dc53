"""Follow-ups that ask one named part of the law, whatever the FAQ's ranking reads against the
answer just given (bot/knowledge/pointed.py holds the first of these rules; these came with
blind sets 29 and 30): the compensation's cap and when it is paid, a year without a contract,
mediation failing, a part-time worker's details, her leave after his, a contract not renewed,
going back to work or the 2N, no sick pay, a commute's route. Each returns the entry, or None."""

from __future__ import annotations

import re

from bot.domain.part_time_hours import part_time_week
from bot.knowledge.index import Answer, Knowledge
from bot.knowledge.pointed import INJURY_TOPIC, UNLAWFUL_DISMISSAL
from bot.knowledge.pointed_both import BOTH_SAID, BothSaid, both_said_asked

__all__ = ["BOTH_SAID", "BothSaid", "both_said_asked"]

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
_A_YEAR_ON = re.compile(
    r"明年|满(?:了)?(?:一|1)年|一年多|超过一年|超过1年|一年了|一年以后|拖到年底|到了?一年"
    # "要是再拖半年还是不签呢" after half a year without one
    r"|再拖(?:个)?半年|再过半年|再拖(?:几|[0-9一二三四五六七八九十]+)个月"
)


def year_unsigned_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if previous.slug != NOT_SIGNED or not _A_YEAR_ON.search(text):
        return None
    return knowledge.get(A_YEAR_UNSIGNED)


# "那补偿好久给我 走的那天就给不" after the compensation: paid at the handover (第五十条), in
# the entry on what is settled when leaving
SETTLED_ON_LEAVING = "quit_certificate_final"
WHEN_PAID = re.compile(
    r"(?:好久|什么时候|啥时候|啥子时候|哪天|几时|多久)(?:之内|以内|内)?(?:才|能|要|会|就)?(?:给|发|到账|打)"
    # put off ("补偿说3个月以后才给 可以吗", "等年底再发")
    r"|(?:个月|年|周)\s*(?:以后|之后|后)(?:才|再)(?:给|发|付|打)|(?:年底|明年|过年后)(?:才|再)(?:给|发|付|打)"
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
PART_TIME_DAY, PART_TIME_WEEK = 4, 24  # hours (《劳动合同法》第六十八条)
_PART_TIME_DETAIL = re.compile(
    r"合同|口头|结一回|结一次|多久结|几天结|好久结|发一次|最低|一个钟头|一小时|每小时|补偿|不用来|试用期|社保|工伤保险"
    # "我一个礼拜做6天 每天4个钟 超了没得": the hours, against the part-time limits
    r"|超了|超没超|超过|(?:每天|一天|一个?礼拜|一周|每周)[^，,。]{0,4}(?:做|上|干)?[^，,。]{0,3}(?:个钟|小时|天)"
    # "老板今天又说明天就不要我了": ended at any time
    r"|不要我了|辞退|开除|不用来"
    # "还差我半个月的工钱没结 说月底一起给": when the pay is settled
    r"|没结|结钱|结工钱|结工资|月底(?:一起|再)?(?:给|发|结)"
)
# the worker said they work part-time, a message or a few before
_PART_TIME_TOLD = re.compile(
    r"兼职|非全日制|小时工|钟点工|按小时(?:算|计|给)|打零工"
    r"|(?:一天|每天)(?:只|就)?(?:做|干|上)\s*[1-4一二两三四]\s*个?(?:钟头|小时|钟)"
)


def part_time_detail_asked(
    knowledge: Knowledge, previous: Answer, text: str, recent: tuple[str, ...] = ()
) -> Answer | None:
    """After the part-time answer, or with part-time work told before (its answer and another
    given together: "兼职 … 试用期打8折 … 工资一个月才发一次"), a detail it states."""
    told = previous.slug == PART_TIME or any(_PART_TIME_TOLD.search(t) for t in recent)
    if not told or not _PART_TIME_DETAIL.search(text):
        return None
    if any(map(_beyond_part_time, (text, *recent))):
        return None  # ("每天做6个小时 一周6天" told: full-time work, whatever it was called)
    return knowledge.get(PART_TIME)


def _beyond_part_time(text: str) -> bool:
    """Hours told beyond part-time work's limits (4 a day on average, 24 a week)."""
    week = part_time_week(text)
    return week is not None and (week[0] > PART_TIME_DAY or week[0] * week[1] > PART_TIME_WEEK)


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
# ("请了3天病假 有医院证明的 也是全部扣完": the days' pay docked whole, the note told between)
SICK_PAY = "sick_pay"
_SICK_PAY_ASKED = re.compile(
    r"病假[^。？?]{0,8}(?:一分钱|不发|没得钱|莫得钱|没有钱|工资|扣钱|扣工资|不给钱|都莫得|都没得|都没有)"
)
_SICK_DAYS_DOCKED = re.compile(r"病假[^。？?]{0,16}?(?:全部?扣|扣完|扣光|扣干净|一分都?不给)")
# "请了一个礼拜病假 要扣年假不": the annual leave docked, another entry
_ANNUAL_LEAVE = re.compile(r"年假|年休假")


def sick_pay_asked(knowledge: Knowledge, previous: Answer | None, text: str) -> Answer | None:
    if previous is not None and previous.slug == SICK_PAY:
        return None
    docked = _SICK_DAYS_DOCKED.search(text) and not _ANNUAL_LEAVE.search(text)
    return knowledge.get(SICK_PAY) if _SICK_PAY_ASKED.search(text) or docked else None


# "厂头说我那天没走平时那条路 绕去菜市场买了早饭 所以不算" after the commute answer: the
# reasonable route and the daily errands it counts, in that answer
COMMUTE_ENTRY = "injury_commute"
_ROUTE = re.compile(r"那条路|路线|绕|顺路|买菜|菜市场|早饭|早餐|接娃|送娃|接孩子|送孩子|拐去|绕道")


def route_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if previous.category != INJURY_TOPIC or not _ROUTE.search(text):
        return None
    return knowledge.get(COMMUTE_ENTRY)


# "要是退休了厂头还想喊我回去干 那算啥子关系", "到了退休年龄厂里不要我了 有补偿没得" after
# any answer: work past the retirement age (the relation, and the contract that ends there)
PAST_RETIREMENT = "older_past_retirement"
_RETIRED = re.compile(r"退休了|退休以后|退休后|到了退休|到退休|过了退休|领了?养老金|领了?退休金")
_WORK_ON = re.compile(
    r"回去干|回去上班|返聘|再干|继续干|接着干|请回去|喊我回去|算啥子关系|算什么关系"
)


def past_retirement_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if previous.slug == PAST_RETIREMENT or not _RETIRED.search(text):
        return None
    return knowledge.get(PAST_RETIREMENT) if _WORK_ON.search(text) else None


# "要是我转正了再走呢" after an answer on probation pay: the notice to leave once confirmed
QUIT_NOTICE = "quit_notice_period"
_LEAVES_CONFIRMED = re.compile(
    r"转正(?:了|以后|之后|后)(?:再|才)?(?:走|辞职|离职|不干)|过了试用期(?:再|才)?(?:走|辞职|离职)"
)


def notice_after_probation_asked(
    knowledge: Knowledge, previous: Answer, text: str
) -> Answer | None:
    if previous.slug == QUIT_NOTICE or not _LEAVES_CONFIRMED.search(text):
        return None
    return knowledge.get(QUIT_NOTICE)


# "老板还说试用期随便都可以开人" after another probation answer: dismissal in probation
PROBATION_DISMISSAL = "probation_dismissal"
_LET_GO_AT_WILL = re.compile(
    r"(?:随便|随时|想开就开|说开就开)[^，,。]{0,4}(?:开人|开除|辞退|炒|开我|辞掉|不要)"
    # ("老板说试用期他想不要哪个就不要哪个")
    r"|想(?:不要|开|辞|炒)(?:哪个|谁|哪一个|就)[^，,。]{0,3}?(?:不要|开|辞|炒)"
)


def probation_dismissal_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if previous.slug == PROBATION_DISMISSAL or previous.category != "试用期":
        return None
    return knowledge.get(PROBATION_DISMISSAL) if _LET_GO_AT_WILL.search(text) else None


# "她说怀起的时候老板就想喊她走人 这个可以不" after any answer: a pregnant worker harmed for
# it, the three periods' protection
THREE_PERIODS = "women_three_periods"
_PREGNANT_TOLD = re.compile(r"怀孕|怀起|怀了|怀上|孕期|哺乳期|产假期间|喂奶")
_HARMED_TOLD = re.compile(
    r"降|辞退|开除|炒|不要(?:我|她)|劝退|(?:喊|叫|让|逼)(?:我|她)[^，,。]{0,3}走|解除|不续"
)


def pregnant_harmed_told(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    # (after an answer on women's protection the conversation is there already: "喂奶的时间有没得
    # 厂头还说哺乳期要给我降工资" asks the nursing time as well)
    if previous.slug == THREE_PERIODS or previous.category == "女职工保护":
        return None
    if _PREGNANT_TOLD.search(text) and _HARMED_TOLD.search(text):
        return knowledge.get(THREE_PERIODS)
    return None


# "要是我就直接辞职 不提社保这个事呢" after quitting over a breach (第三十八条): an ordinary
# resignation (30 days' notice, no compensation), in the entry on notice
BREACH_QUIT, ORDINARY_QUIT = "quit_immediate_38", "quit_notice_period"
_BREACH_SET_ASIDE = re.compile(
    r"(?:不提|不说|不管|不讲|不扯|不拿)[^，,。]{0,6}(?:社保|工资|欠薪|这个事|那个事)"
    r"|不是因为[^，,。]{0,6}(?:社保|工资|欠薪)|就?(?:普通|正常)(?:地)?辞职|自己想走"
)


def ordinary_quit_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if previous.slug != BREACH_QUIT or not _BREACH_SET_ASIDE.search(text):
        return None
    return knowledge.get(ORDINARY_QUIT)


# after an answer on an injury: "伤好之前这几个月我都没上班 工资咋个算" (the pay while it heals),
# "要是以后我不想在他那干了 除了这些还有啥子钱" (the grants on leaving, in the benefits entry)
INJURY_REST_PAY, INJURY_BENEFITS = "injury_paid_leave", "injury_benefits"
_HEALING = re.compile(r"伤好之前|养伤|治伤|治疗期间|住院期间|没上班|上不了班|休息的?这|歇")
_PAY_ASKED = re.compile(r"工资|钱")
_LEAVING_AFTER = re.compile(r"不想在[^，,。]{0,4}干|不干了|不做了|辞职|离职|走人|解除|不想干")
_MORE_MONEY = re.compile(r"还有(?:啥子|什么|哪些|没得|没有)?[^，,。]{0,4}钱|(?:啥子|什么)钱")


# "腿好了可能走路有点跛 要做啥子": a lasting harm, the appraisal of the work ability (伤残等级)
INJURY_DISABILITY = "injury_disability"
_LASTING_HARM = re.compile(
    r"跛|瘸|残疾|后遗症|落下[^，,。]{0,4}(?:病根|毛病)|不灵活|不利索|伸不直|弯不了|使不上劲|截肢"
    r"|干不了重活|影响[^，,。]{0,4}(?:干活|劳动|走路|上班)"
)


# "公司应该好久之内去申请噻" after an injury answer: by when 工伤认定 is applied for
INJURY_DEADLINE = "injury_apply_deadline"
_BY_WHEN = re.compile(r"(?:好久|多久|几天|多少天|啥时候|什么时候)(?:之内|以内|内|前)|期限|时限")
_TO_APPLY = re.compile(r"申请|认定|报上去|去报")


# "公司要是赖起不给呢" after the grants or the pay of an injury: the money refused, the ways to
# claim it (调解、仲裁, 《劳动争议调解仲裁法》第五条); not the application refused ("厂头不给我报":
# its own entry, the worker applies)
INJURY_MONEY = frozenset(
    {INJURY_BENEFITS, INJURY_REST_PAY, "injury_disability", "injury_no_insurance"}
)
DISPUTE_ROUTES = "dispute_routes"
_MONEY_REFUSED = re.compile(
    r"赖(?:起|着|账|皮)|(?:不给|不赔|不付|不发|不补|不出|不认账)(?!我?(?:去)?(?:报|申请|认定|上报|申报))"
)


def injury_followup_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if not previous.slug.startswith("injury"):
        return None
    if previous.slug in INJURY_MONEY and _MONEY_REFUSED.search(text) and len(text) <= 16:
        return knowledge.get(DISPUTE_ROUTES)
    if _BY_WHEN.search(text) and _TO_APPLY.search(text):
        # (asked again right after it: "公司应该好久之内去申请噻" wants its 30 days said again)
        return knowledge.get(INJURY_DEADLINE)
    if _LASTING_HARM.search(text) and not _PAY_ASKED.search(text):
        return None if previous.slug == INJURY_DISABILITY else knowledge.get(INJURY_DISABILITY)
    if _LEAVING_AFTER.search(text) and _MORE_MONEY.search(text):
        return knowledge.get(INJURY_BENEFITS)
    if _HEALING.search(text) and _PAY_ASKED.search(text) and previous.slug != INJURY_REST_PAY:
        return knowledge.get(INJURY_REST_PAY)
    return None
