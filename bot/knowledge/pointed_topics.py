"""Follow-ups whose words name one entry right after an answer of a topic (a category, or one
entry): the rules as data, each with the words, the answer they follow and the entry they point
at (split from bot/knowledge/pointed_asked.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.index import Answer, Knowledge


@dataclass(frozen=True)
class AfterATopic:
    """A follow-up whose words name one entry, right after an answer of a category (or one
    entry): the words, the answer they follow, the entry they point at."""

    words: re.Pattern[str]
    entry: str
    category: str | None = None  # the previous answer's category (None: any)
    slug: str | None = None  # ... or the previous answer itself
    again: bool = False  # the entry may be the one just given (a part of it is asked)
    not_after: tuple[str, ...] = ()  # answers that say it themselves

    def points(self, previous: Answer, text: str) -> bool:
        if self.category is not None and previous.category != self.category:
            return False
        if self.slug is not None and previous.slug != self.slug:
            return False
        if (previous.slug == self.entry and not self.again) or previous.slug in self.not_after:
            return False
        return self.words.search(text) is not None


_CONTRACT_ENDS = re.compile(r"合同[^，,。]{0,10}(?:到期|满了|期满|不续)")

_BACK_TO_WORK = re.compile(
    r"(?:想|还想|要|愿意)(?:接到|接着|继续|回去|回厂|留在|留下)[^，,。]{0,6}(?:干|上班|做)"
    r"|不要(?:那个|那笔)?(?:钱|补偿|赔偿)"
)

AFTER_A_TOPIC = (
    # "要是我已经签了喃 还能让他补不" after an answer on insurance (a waiver told before it): a
    # waiver signed is void and the insurance is still made up (the waiver's entry)
    AfterATopic(
        re.compile(r"(?:已经|都)签了[^。？?]{0,10}(?:补|还能|还可以|算数|有效)"),
        "si_waiver_invalid",
        category="社会保险",
    ),
    # "还有工服 说200块从头个月工资头扣" after the deposit's entry: a charge taken out of the
    # wages, the deductions an employer may make (《工资支付暂行规定》第十五条)
    AfterATopic(
        re.compile(r"工资[^，,。]{0,3}扣|扣[^，,。]{0,3}工资|从[^，,。]{0,8}工资"),
        "wage_deduction_fine",
        slug="contract_id_deposit",
    ),
    # "押金他不退的话我找哪个", "if they won't give them back, who do I complain to" after the
    # same entry: its own way out (the inspectorate orders them back, 第八十四条), not the four
    # ways of any dispute
    AfterATopic(
        re.compile(r"(?:不退|不还|不给)[^。？?]{0,12}(?:找哪|找谁|投诉|咋个?办|怎么办)"),
        "contract_id_deposit",
        slug="contract_id_deposit",
        again=True,
    ),
    # "我们班组有个妹儿娃儿才半岁 也排的夜班" after any answer: a nursing mother's night shift
    AfterATopic(
        re.compile(
            r"(?:娃儿?|孩子|宝宝|小孩)[^。？?]{0,4}(?:才|刚|还没|不到|没满)?(?:半岁|几个月|\d{1,2}个月|满月|一岁|1岁)"
            r"[^。？?]{0,10}(?:夜班|晚班|加班)"
        ),
        "women_breastfeeding",
    ),
    # "热成这样有没得补贴噻" after the hours of outdoor work in the heat: the heat allowance
    AfterATopic(
        re.compile(r"补贴|津贴|高温费|防暑费|降温费"), "wage_high_temp", slug="heat_outdoor_hours"
    ),
    # "我工友中暑晕倒了 这个算工伤不" after the heat's rules: heatstroke diagnosed as an
    # occupational disease is 工伤 (the entry on what counts)
    AfterATopic(re.compile(r"中暑"), "injury_what_counts", slug="heat_outdoor_hours"),
    # "停了两个钟头 工头说不算钱" after the same entry: its pay kept while stopped, again
    AfterATopic(
        re.compile(r"停[^。？?]{0,20}(?:扣|不算钱|不给钱|不发|没得钱)"),
        "heat_outdoor_hours",
        slug="heat_outdoor_hours",
        again=True,
    ),
    # "老板说中午太热停的那几个钟头要扣钱" after the heat allowance: the pay while stopped
    AfterATopic(
        re.compile(r"停[^。？?]{0,20}(?:扣|不算钱|不给钱|不发|没得钱)"),
        "heat_outdoor_hours",
        slug="wage_high_temp",
    ),
    AfterATopic(re.compile(r"中暑"), "injury_what_counts", slug="wage_high_temp"),
    # "请5天年假周一到周五 老板说周六周日也要算进去" after the leave's days: rest days and
    # holidays are not counted in it (《职工带薪年休假条例》第三条), in the days' entry
    AfterATopic(
        re.compile(
            r"(?:周六|周日|周末|星期六|星期天|礼拜六|礼拜天|休息日|双休|节假日)[^。？?]{0,8}"
            r"(?:算进去|算进|算在|算到|也算|要算|扣|占|计入|抵)"
        ),
        "leave_annual_days",
        slug="leave_annual_days",
        again=True,
    ),
    # "社保也没给我买" after the double wage of no contract, "厂头从来没给我买过社保" after the
    # maternity leave: the insurance not paid, another wrong of the same employer (what to do:
    # the entry on complaining and back payment)
    AfterATopic(
        # (said alone: "跑单摔了算工伤不 站点没给我们买社保" asks of the injury)
        re.compile(
            r"^(?:还有|而且|另外|并且)?[，,\s]*(?:他们|公司|老板|单位|厂里|厂头|站点)?[，,\s]*"
            r"(?:社保[^，,。？?]{0,3}(?:也|都|从来)?(?:没有?|莫得|没得|不)(?:给我|给我们|帮我)?(?:买|交|缴|上)"
            r"|(?:也|都|从来|一直)?(?:没有?|莫得|不)(?:给我|给我们|帮我)?(?:买|交|缴|上)(?:过)?社保)"
            r"(?:过)?[了的哦嘛]?[。!！]?$"
        ),
        "si_not_paid_complain",
    ),
    # "他其实还想接到在厂头干 不要那个钱 可以不" after the compensation: going back to work
    # instead of the 2N (继续履行, in the entry on an unlawful dismissal)
    AfterATopic(_BACK_TO_WORK, "sev_unlawful_2x", category="经济补偿", again=True),
    # "对了我合同是明年2月份到期 那时候我可能还没好" in a sick worker's conversation: the
    # contract runs on to the end of the medical period (第四十五条), in that entry
    AfterATopic(_CONTRACT_ENDS, "sick_no_dismissal", category="病假医疗期"),
    # "我合同明年2月就到期了 到时候他不续咋办" in a pregnant worker's: the same, to the end of
    # the pregnancy, maternity leave and nursing year
    AfterATopic(_CONTRACT_ENDS, "quit_protected", category="女职工保护"),
    # "做手术那些医药费哪个出 单位是有买社保的", "休假这几天工资会不会遭扣" after the maternity
    # (or miscarriage) leave: what maternity insurance pays, the medical costs and the allowance
    # (the leave's own pay, not a check-up's docked pay)
    AfterATopic(
        re.compile(
            r"医药费|手术费|住院费|医疗费|报销|哪个出|谁出|哪个报|津贴"
            r"|(?:休假|产假|假期|休息)[^，,。]{0,8}(?:工资|钱)"
        ),
        "si_maternity",
        slug="women_maternity_leave",
    ),
    # "现在主管说我做得不好 试用期还要再加两个月": a probation extended is a second one, which
    # the law does not allow, whatever the words share with dismissals
    AfterATopic(
        re.compile(
            r"试用期[^，,。]{0,6}(?:再加|延长|加长|再延|往后延|再来)|延长试用|再试用"
            r"|(?:还要|又要)再?(?:试|延)|重新试用|再试一个月|又试用"
        ),
        "probation_once_only",
    ),
    # "他现在躺起不能上班 这段时间工资咋个算" after an injury answer: the wages while off work
    AfterATopic(
        re.compile(
            r"(?:不能上班|上不了班|上不到班|躺起|躺着|养伤|休养|歇着|在家休息|休息这段|休息期间|住院|停工"
            # ("我这几个月跑不了单 工资咋个算嘛": a rider off the road)
            r"|跑不了单|跑不成单|跑不到单|干不了活|做不了事|开不了车)[^。？?]{0,12}(?:工资|钱)"
        ),
        "injury_paid_leave",
        category="工伤",
    ),
    # "如果是厂里说可以续 但是工资要降到4千 我不干呢" after a contract's end: renewed on worse
    # terms and refused, the compensation is still due (the entry says so)
    AfterATopic(
        re.compile(
            r"续[^，,。？?]{0,12}(?:降|少|减|低)|(?:降|减)[^，,。？?]{0,8}(?:续|签)|条件(?:差|低|降)"
        ),
        "sev_contract_expiry",
        again=True,
    ),
    # "那我现在每天还要上夜班 上到晚上11点 可以不上不" in a pregnant worker's conversation:
    # night shifts and overtime in pregnancy
    AfterATopic(
        re.compile(r"夜班|上到晚上|晚上\d{1,2}点|加班到|通宵"),
        "women_pregnant_work",
        category="女职工保护",
        # (a nursing mother's night shifts are the nursing entry's: "那夜班呢" after it)
        not_after=("women_breastfeeding",),
    ),
    # "他说给我5千块钱私了 签个字就两清了 要得不" after an injury answer: settling before the
    # injury is recognised and assessed; the application first
    AfterATopic(
        re.compile(r"私了|两清|一次性了断|签个字就|签了字就|买断"),
        "injury_apply_deadline",
        category="工伤",
    ),
    # "我现在腰杆痛站不住了 可不可以喊厂头给我换个轻松点的活路" after a pregnancy answer: work
    # she cannot manage, lightened on a doctor's certificate (asked of that answer too)
    AfterATopic(
        re.compile(
            r"轻松点|轻松些|轻一点|轻点的|减轻|换个?(?:岗|活|工作)|站不住|站不了|吃不消|干不动|受不了"
        ),
        "women_pregnant_work",
        category="女职工保护",
        again=True,
    ),
    # "那休产假期间公司能不能辞退我" after the maternity leave: the three periods' protection
    AfterATopic(
        re.compile(
            r"(?:能不能|可不可以|能|可以|会不会)[^，,。]{0,4}(?:辞退|开除|炒|解除|辞了|开了|不要)"
        ),
        "women_three_periods",
        slug="women_maternity_leave",
    ),
    # "重庆现在最低工资是好多 我们这个算不算低了" after the overtime sums: the minimum wage
    # named is its own subject, not a part of the overtime rates ("不低于…")
    AfterATopic(
        re.compile(r"最低工资(?:标准)?[^，,。]{0,4}(?:是?好多|多少|几多|是多少|咋个|怎么)"),
        "wage_minimum",
        category="工时与加班",
    ),
    # "每天多干的那2个小时算加班吗" after the minimum wage (whose answer names overtime pay only
    # as left out of it): the hours over 8 are overtime, paid at 150 % (《劳动法》第四十四条)
    AfterATopic(
        re.compile(
            r"(?:多干|多做|多上|超出|超过|多出|多的)[^，,。]{0,10}(?:算不算|算|是不是|是)加班|算不算加班"
        ),
        "ot_pay_rates",
        slug="wage_minimum",
    ),
    # "月工资要把加班费算进去不" after the pay for leave not taken: the pay it is counted on
    # (overtime pay left out, as that answer says), not the overtime base's entry
    AfterATopic(
        re.compile(
            r"加班费[^，,。]{0,6}(?:算进去|算不算|算在内|包括|包不包括|要算|也算|算吗|算不)"
            r"|(?:算进去|包括|包含|加上)[^，,。]{0,4}加班费"
        ),
        "leave_annual_unused",
        slug="leave_annual_unused",
        again=True,
    ),
    # "那我咋个办 能补交不" after the duty to pay social insurance: the back payment, through
    # the complaint (the entry on where to complain, which says so)
    AfterATopic(
        re.compile(r"补交|补缴|补起|补上|补回来|能补不|补不补"),
        "si_not_paid_complain",
        category="社会保险",
        # (the waiver's answer says the back payment and what happens to the money paid instead)
        not_after=("si_waiver_invalid",),
    ),
)


def topic_rule_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    """The entry the first rule of AFTER_A_TOPIC that fits points at, or None."""
    rule = next((r for r in AFTER_A_TOPIC if r.points(previous, text)), None)
    return None if rule is None else knowledge.get(rule.entry)


# "如果他后头补个理由说我不胜任工作呢" after a dismissal's sum: the grounds a dismissal with
# notice needs (training or another post first, 《劳动合同法》第四十条), not the sum again
NOT_UP_TO_IT = "quit_notice_dismissal"
_NOT_UP_TO_IT = re.compile(r"不胜任|不能胜任|胜任不了|干不好|能力不行|能力不够")
_GROUND_CLAIMED = re.compile(r"理由|说我|借口|说是|以…为由|为由")


def not_up_to_it_claimed(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if previous.slug == NOT_UP_TO_IT or not _NOT_UP_TO_IT.search(text):
        return None
    return knowledge.get(NOT_UP_TO_IT) if _GROUND_CLAIMED.search(text) else None
