"""The situations a first question tells (no answer before it), tried in turn: a rider hurt on
a platform's job, a dismissal when business is slow, a move to another site, a relocation, a
post cut, probation at will, leave days, months unpaid, quitting over a breach, pay while
resting from an injury (the rules themselves in bot/knowledge/pointed_situations.py); and,
after any answer, a worker let go for sick leave, and one hurt off work with time off (the
medical period of 《企业职工患病或非因工负伤医疗期规定》, not a work injury's rest).
A rider hurt while delivering ("我在美团跑众包 … 送餐路上摔了一跤 … 算不算工伤") is answered
with the riders' entry: whether it is 工伤 hangs on a labour relation, and the platforms'
occupational injury scheme (新就业形态职业伤害保障) covers those without one."""

from __future__ import annotations

import re

from bot.knowledge.index import Answer, Knowledge
from bot.knowledge.pointed_denied import LET_GO
from bot.knowledge.pointed_papers import (
    agency_or_client_asked,
    leaving_papers_refused,
    pensioner_hired_asked,
)
from bot.knowledge.pointed_situations import (
    RELOCATION,
    RIDER,
    business_slow_dismissal_asked,
    injury_rest_pay_asked,
    leave_days_asked,
    months_unpaid_asked,
    moved_to_work_asked,
    post_cut_asked,
    probation_at_will_asked,
    quitting_over_breach_asked,
    relocation_asked,
)

_PLATFORM_RIDER = re.compile(r"众包|骑手|外卖|送餐|专送|美团|饿了么|跑单")
_HURT = re.compile(r"工伤|受伤|摔|撞|骨折|骨裂|伤了")


def rider_injury_asked(knowledge: Knowledge, text: str) -> Answer | None:
    """A platform rider hurt on the job, asking whether it is 工伤: the riders' entry."""
    if _PLATFORM_RIDER.search(text) and _HURT.search(text):
        return knowledge.get(RIDER)
    return None


# "我是众包滴 自己在app上抢单 啥子合同都莫签" after the riders' entry: a crowd-sourced rider
# with no contract has, as a rule, no labour relation (the platforms' occupational injury
# scheme covers the injury, not the employer's 工伤 duties): the riders' entry again, never the
# uninsured employee's (《新就业形态就业人员职业伤害保障办法（试行）》)
_CROWD_TOLD = re.compile(
    r"众包|(?:app|APP|App|软件|平台)上[^，,。]{0,3}(?:抢|接|跑)单|自己(?:注册|抢单|接单)"
)


def crowd_rider_told(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    """After the riders' entry, the worker telling they ride crowd-sourced: that entry."""
    if previous.slug != RIDER or not _CROWD_TOLD.search(text):
        return None
    return knowledge.get(RIDER)


# "现在公司又说要跟我解除合同 喊我直接走人 体检都没给我做" after the occupational health
# checks: no exit check, no dismissal (《职业病防治法》第三十五条; 《劳动合同法》第四十二条)
OCCUPATIONAL_CHECKS = "injury_occupational_checks"
_NO_CHECK = re.compile(
    r"(?:体检|检查)[^，,。]{0,4}(?:都|也)?(?:没|没有|不)(?:给我|帮我)?(?:做|安排|检)"
)


def let_go_without_exit_check_told(
    knowledge: Knowledge, previous: Answer, text: str
) -> Answer | None:
    """After the occupational checks' entry (or with the check said not done), being let go:
    that entry, which says no dismissal before the exit check."""
    if not LET_GO.search(text) and "解除" not in text:
        return None
    if previous.slug == OCCUPATIONAL_CHECKS or _NO_CHECK.search(text):
        return knowledge.get(OCCUPATIONAL_CHECKS)
    return None


# "如果确诊了是职业病 有啥子待遇": an occupational disease is a work injury, its benefits
# (《职业病防治法》第五十六条、第五十七条; 《工伤保险条例》第十四条)
INJURY_BENEFITS = "injury_benefits"
_DISEASE_BENEFITS = re.compile(
    r"(?:确诊|诊断|认定|鉴定)[^，,。]{0,6}职业病[^，,。]{0,8}(?:待遇|赔|补偿|补助|能拿|拿好多|有啥子|有什么)"
    r"|职业病[^，,。]{0,4}(?:有|能拿|有啥子|有什么|享受)[^，,。]{0,3}待遇"
)


def disease_benefits_asked(knowledge: Knowledge, text: str) -> Answer | None:
    """What an occupational disease brings, asked: the work injury's benefits."""
    return knowledge.get(INJURY_BENEFITS) if _DISEASE_BENEFITS.search(text) else None


# "公司说下个月一起发" after a wages answer: wages are due at least monthly (the entry that
# says so, 《劳动法》第五十条), not where to complain again
PAID_MONTHLY = "wage_monthly_payslip"
_PUT_OFF = re.compile(
    r"(?:下个月|下月|年底|过年|月底|以后|完工|结账)[^，,。]{0,3}(?:一起|一块|再|才|统一)(?:发|结|给|开)"
)


def pay_put_off_told(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    """After an answer on wages, the employer putting the pay off told: the entry on paying
    at least monthly."""
    if previous.category != "工资报酬" or previous.slug == PAID_MONTHLY:
        return None
    return knowledge.get(PAID_MONTHLY) if _PUT_OFF.search(text) else None


# "车间主任说只给一半 因为是我们自己不愿意去的" after a relocation's compensation: the whole of it
# is owed (《劳动合同法》第四十条第三项、第四十六条); the relocation entry again
_HALF_ONLY = re.compile(r"只给一半|给一半|减半|打对折|打个对折|只给[^，,。]{0,4}一半")
_MOVED = re.compile(r"搬|迁|搬迁|搬走|搬到")


def half_for_refusing_to_move_told(
    knowledge: Knowledge, previous: Answer, text: str, recent: tuple[str, ...]
) -> Answer | None:
    """A relocation's compensation halved for not following the plant, told after the
    relocation's answer or its sum."""
    if not _HALF_ONLY.search(text) or not any(map(_MOVED.search, (text, *recent))):
        return None
    return knowledge.get(RELOCATION)


WHAT_COUNTS = "injury_what_counts"
# "我在物流仓库下货 上礼拜搬箱子把腰闪了 住了院 算不算工伤哦": hurt doing the job, asked
# whether it counts (not on the way to work or on a trip: their own entries)
_HURT_DOING_IT = re.compile(
    r"闪了腰|把腰闪|腰闪|扭伤|扭到|摔伤|摔断|摔倒|砸伤|砸到|压伤|割伤|烫伤|夹到|夹伤|弄伤|骨折|伤到"
    # "今天手指头遭冲床夹了 缝了五针": caught by the machine, the stitches told
    r"|(?:机器|冲床|机床|电锯|锯子?)[^，,。]{0,2}(?:夹|压|轧|绞|割|切)了|缝了[^，,。]{0,3}针"
)
_COUNTS_ASKED = re.compile(r"算不算工伤|算工伤[不吗嘛没]|是不是工伤|能不能算工伤|认不认工伤")
# "I cut my finger on a saw machine last week. What should I do first?": what to do, asked of
# a fresh injury and nothing else told (whether it counts is the first thing to know; not "老板
# 不去报工伤 我咋个办": the application refused, its own entry)
_WHAT_TO_DO = re.compile(r"怎么办|咋个办|咋办")
_MORE_TOLD = re.compile(
    r"(?:不|没|没有)(?:去|肯|给|帮|愿意?)?(?:我)?(?:报|申请|认定|赔|给|出|管|认)|社保|保险|合同|辞退|开除|赔"
    r"|医药费|工资"
)
_ELSEWHERE = re.compile(  # on the way, on a trip; no employee: an intern, one's own contracted job
    r"上下班|上班路上|下班路上|途中|路上|出差|骑车|电瓶车|开车|交通|实习|在校|接私活|自己接活|接活路|包干"
)


def injury_doing_the_job_asked(knowledge: Knowledge, text: str) -> Answer | None:
    """Hurt doing the work, asked whether it counts as 工伤 (or what to do now): what counts."""
    asked = _COUNTS_ASKED.search(text) or (_WHAT_TO_DO.search(text) and not _MORE_TOLD.search(text))
    if _HURT_DOING_IT.search(text) and asked and not _ELSEWHERE.search(text):
        return knowledge.get(WHAT_COUNTS)
    return None


MEDICAL_PERIOD = "sick_medical_period"
# "我在屋头搬东西把腰闪了 不是上班伤的 医生喊歇三个月": hurt off work (not the employer's
# denial, "厂头说不是工伤"), with time off: the medical period (《企业职工患病或非因工负伤医疗
# 期规定》), not the rest of a work injury
_HURT_OFF_WORK = re.compile(
    r"(?<![说讲认定])不是(?:在)?(?:上班|工作|干活|厂头|厂里|单位|公司|工地)(?:上|时|时候|的时候)?"
    r"(?:伤|受伤|弄伤|搞伤|摔|闪|扭)"
    r"|(?<![说讲认定])不是工伤|非因工"
)
_TIME_OFF = re.compile(r"歇|休|病假|给[^，,。]{0,4}假|养|医疗期|住院|请假")


def hurt_off_work_asked(knowledge: Knowledge, text: str) -> Answer | None:
    """Hurt or ill off work, with time off told or asked: the entry on the medical period."""
    if _HURT_OFF_WORK.search(text) and _TIME_OFF.search(text):
        return knowledge.get(MEDICAL_PERIOD)
    return None


HEAT_HOURS = "heat_outdoor_hours"
# "我在工地扎钢筋 今天39度 老板喊我们一整天都在外头晒起干": the heat told with outdoor work
_HOT = re.compile(r"(?:3[5-9]|4\d)\s*(?:度|℃)|高温|太热|热死|热得")
_OUTSIDE = re.compile(r"外头|外面|室外|露天|晒|工地|路上|一整天|从早|干到黑|干活|停工|停的|停了")


def heat_asked(knowledge: Knowledge, text: str) -> Answer | None:
    """Outdoor work in the heat told (not its allowance asked): the entry on its hours."""
    if _HOT.search(text) and _OUTSIDE.search(text) and not re.search(r"补贴|津贴|高温费", text):
        return knowledge.get(HEAT_HOURS)
    return None


SICK_NO_DISMISSAL = "sick_no_dismissal"
# "我就请了两天病假 有医院证明的 老板直接喊我明天不要来了": let go for sick leave taken
_PERIOD_OVER = re.compile(r"期满|满了|休完|到期|结束了|干不了原来")
_ON_SICK_LEAVE = re.compile(r"病假|住院|生病|病了")


def let_go_for_sick_leave_asked(knowledge: Knowledge, text: str) -> Answer | None:
    """Let go for being ill or on sick leave (after any answer; not an injury at work, whose
    own entries protect it): the entry on the medical period's protection."""
    if _PERIOD_OVER.search(text) or "工伤" in text:
        return None  # (the medical period over: its own entry, another post first)
    if _ON_SICK_LEAVE.search(text) and LET_GO.search(text):
        return knowledge.get(SICK_NO_DISMISSAL)
    return None


PERIOD_EXTENDED = "sick_period_extended"
# "要是24个月过了我还没好呢" after the longest medical period: beyond 24 months, the work
# ability appraised (劳动能力鉴定) and the period extended where it must be (原劳动部《关于贯彻
# 〈企业职工患病或非因工负伤医疗期规定〉的通知》), not the dismissal of a shorter period's end
_LONGEST_OVER = re.compile(
    r"(?:24|二十四)\s*个?月[^，,。]{0,4}(?:过了|满了|到了|完了|用完|到期)[^，,。]{0,6}(?:还没好|没好|好不了|没治好)"
)


def longest_period_over_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    """The 24 months of the longest medical period over, the worker still ill."""
    if previous.slug == PERIOD_EXTENDED or not _LONGEST_OVER.search(text):
        return None
    return knowledge.get(PERIOD_EXTENDED)


# "今天该发工资了 老板说试用期不发钱": wages withheld because it is probation; probation is paid
# like any month, at no less than 80 % of the agreed pay nor the minimum wage (第二十条), not
# the insurance that the words "试用期" and "不交" lean to
PROBATION_PAY = "probation_pay"
_PROBATION_UNPAID = re.compile(
    r"试用[^，,。]{0,8}(?:不发|没发|不给钱|不给工资|没得工资|莫得工资|不开工资|没有工资|白干)"
    r"|(?:不发|没发|不给)(?:工资|钱)[^，,。]{0,6}试用"
)


def probation_unpaid_asked(knowledge: Knowledge, text: str) -> Answer | None:
    """Wages withheld for being on probation: the entry on probation's pay."""
    return knowledge.get(PROBATION_PAY) if _PROBATION_UNPAID.search(text) else None


def situation_asked(knowledge: Knowledge, text: str, told: tuple[str, ...] = ()) -> Answer | None:
    """The first of these rules that names an entry for a first question, else None."""
    return (
        pensioner_hired_asked(knowledge, None, text)
        or rider_injury_asked(knowledge, text)
        or injury_doing_the_job_asked(knowledge, text)
        or heat_asked(knowledge, text)
        or business_slow_dismissal_asked(knowledge, text)
        or moved_to_work_asked(knowledge, text)
        or relocation_asked(knowledge, text)
        or post_cut_asked(knowledge, text)
        or probation_at_will_asked(knowledge, text)
        or probation_unpaid_asked(knowledge, text)
        or leave_days_asked(knowledge, text)
        or injury_rest_pay_asked(knowledge, text, told)
        or months_unpaid_asked(knowledge, text)
        or quitting_over_breach_asked(knowledge, text)
        or leaving_papers_refused(knowledge, None, text)
        or agency_or_client_asked(knowledge, None, text)
    )


ANNUAL_DAYS = "leave_annual_days"
# "年假" said alone: the general rule (how many days), not one of its special cases
_BARE_LEAVE = re.compile(
    r"^(?:那|还有|问下|请问)?\s*(?:年假|年休假|带薪年假|带薪年休假)\s*[呢嘛哦啊？?]*$"
)


# "休年假扣不扣工资", "年假那几天工资照发不": whether the days off are paid (they are: 第二条),
# which the entry on its days says
_LEAVE_PAY_ASKED = re.compile(
    r"(?:休|请)(?:带薪)?(?:年假|年休假)[^，,。？?]{0,6}?(?:扣不扣|扣工资|扣钱|工资照发|照发不|有没有工资"
    r"|有工资|算不算工资|发不发工资|给不给工资|要扣|会扣)"
)


# "婚假休了 今年的年假还有没得", "年假会不会被婚假抵扣掉": a statutory leave taken against the
# annual leave (婚丧假、产假、探亲假 are not counted in it: 实施办法第六条, in the days' entry)
_STATUTORY_LEAVE = re.compile(r"婚假|丧假|婚丧假|产假|探亲假|陪产假|护理假")
_LEAVE_USED_UP = re.compile(
    r"(?:年假|年休假)[^，,。？?]{0,8}?(?:还有没得|还有没有|还有吗|还在不|会不会被|被抵|抵扣|抵掉|扣掉|扣除|占用|冲抵|算进|算在)"
    r"|(?:抵|扣|占|算进|算在|冲)[^，,。？?]{0,4}(?:年假|年休假)"
)


def bare_leave_asked(knowledge: Knowledge, text: str) -> Answer | None:
    """The annual leave named and nothing else, whether its days are paid, or whether another
    statutory leave uses them up: the entry on its days (which says they are paid, and that
    those leaves are not counted in it)."""
    used_up = _STATUTORY_LEAVE.search(text) and _LEAVE_USED_UP.search(text)
    asked = _BARE_LEAVE.match(text.strip()) or _LEAVE_PAY_ASKED.search(text) or used_up
    return knowledge.get(ANNUAL_DAYS) if asked else None


SICK_PAY = "sick_pay"
# "医疗期里头工资照发不", "病假这段时间工资好多": the pay while ill
_PAY_WHILE_ILL = re.compile(
    r"(?:医疗期|病假)[^，,。]{0,6}工资[^，,。]{0,4}(?:照发|发不发|给不给|好多|多少|咋个?算|怎么算|咋发)"
)


# "医院开了病假条的 公司硬是算我旷工 扣了我800块": sick leave with the doctor's note counted
# as absence: it is sick leave, paid as such
_SICK_NOTE = re.compile(r"病假条|病假单|病假证明|诊断证明|开了病假|请了病假|休病假")
_ABSENT = re.compile(r"旷工|缺勤|事假")


def pay_while_ill_asked(knowledge: Knowledge, text: str) -> Answer | None:
    """The pay during the medical period or sick leave asked, or sick leave counted as absence:
    the sick pay's entry."""
    counted_absent = _SICK_NOTE.search(text) and _ABSENT.search(text)
    return knowledge.get(SICK_PAY) if _PAY_WHILE_ILL.search(text) or counted_absent else None


DEDUCTION = "wage_deduction_fine"
# "扣短款这个合法不嘛", "收银少了钱 老板从工资里头扣": a cashier's shortage docked from the pay
_SHORTAGE = re.compile(r"短款|长短款|少了?钱|钱少了|差钱|差账|对不上账|账对不上")
_DOCKED = re.compile(r"扣|赔|罚")


# "老板这样一次扣1500合法不" after a story of plates broken and 1500 docked (the request's
# story, or the messages before): a loss docked from the pay
_DAMAGE = re.compile(r"打烂|打碎|打破|弄坏|搞坏|损坏|摔坏|摔烂|弄丢|搞丢|赔(?:钱|偿)")
_DOCKING_ASKED = re.compile(r"扣[^，,。]{0,8}(?:合法|可以|能不能|行不|对不对|最多|好多)")


def docked_for_shortage_asked(
    knowledge: Knowledge, text: str, told: tuple[str, ...] = ()
) -> Answer | None:
    """A shortage or a loss docked from the pay: the entry on deductions and fines (at most
    20 %)."""
    if _SHORTAGE.search(text) and _DOCKED.search(text):
        return knowledge.get(DEDUCTION)
    if _DOCKING_ASKED.search(text) and any(_DAMAGE.search(t) and "扣" in t for t in (text, *told)):
        return knowledge.get(DEDUCTION)
    return None
