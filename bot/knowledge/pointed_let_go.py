"""A worker let go. For one slight fault ("我在超市收银 就迟到了一回 店长喊我明天不用来了",
"请了一天假老板就把我开了"): the story asks, without a question word, whether that may be done.
An employer may end a contract without notice or compensation only for the grounds of
《劳动合同法》第三十九条 — a serious breach of rules lawfully made and made known, proven by the
employer; one late morning or one day off asked for is seldom that, and a dismissal without such
a ground is unlawful (第四十八条、第八十七条: the job back or twice the compensation). The entry on
a dismissal for misconduct says both.

After an answer on leaving, the last wages told unsettled ("这个月工资也还没结"): they are due in
full on the day the contract ends (《工资支付暂行规定》第九条), the entry on the leaving papers and
the last pay. A dismissal threatened after an answer on sick leave, within the medical period
(第四十二条)."""

from __future__ import annotations

import re

from bot.domain.medical_period import DISMISSAL_ASKED, PERIOD_OVER
from bot.knowledge.index import Answer, Knowledge
from bot.knowledge.pointed import SICK_TOPIC
from bot.knowledge.pointed_reprisal import LET_GO

MISCONDUCT_DISMISSAL = "quit_fired_fault"

_ONCE = r"(?:一|1|两|2)\s*(?:回|次|天|下)"
# the fault, done once or briefly: late, left early, a day off, a word back, a phone looked at
_SLIGHT_FAULT = re.compile(
    rf"迟到|早退|晚到|来晚|睡过头|顶嘴|顶了?(?:一|两|几)句|玩手机|看手机|打瞌睡|打了?个?瞌睡"
    rf"|请了?{_ONCE}的?假"
)
# (faults that are serious on their face, or grounds with entries of their own)
_NOT_SLIGHT = re.compile(
    r"偷|打架|打人|打了人|动手|旷工|喝酒|醉|赌|怀孕|怀起|孕期|产假|哺乳|试用|医疗期|病假|生病|工伤|受伤|裁员|效益|生意不好"
)


def let_go_for_a_slight_fault_told(knowledge: Knowledge, text: str) -> Answer | None:
    """The entry on a dismissal for misconduct when `text` tells of one slight fault and the
    worker let go for it; None otherwise."""
    if not _SLIGHT_FAULT.search(text) or _NOT_SLIGHT.search(text) or not LET_GO.search(text):
        return None
    return knowledge.get(MISCONDUCT_DISMISSAL)


LAST_PAY = "quit_certificate_final"
_LEAVING_TOPICS = frozenset({"离职与解除", "经济补偿"})
# (not yet paid: "押一个月工资不发" threatened is wages held for leaving, its own entry)
_LAST_WAGES_UNSETTLED = re.compile(
    r"工资[^，,。]{0,4}(?:没结|没发|没给|没算|没拿到)|(?:没结|没发|没给)[^，,。]{0,3}工资"
)
# (months of arrears, the employer gone, or a threat: their own entries)
_NOT_THE_LAST = re.compile(r"[两三四五六七八九十几\d]+个月|跑路|跑了|倒闭|包工头|不然|否则|押|扣着")


def last_wages_after_leaving_told(
    knowledge: Knowledge, previous: Answer, text: str
) -> Answer | None:
    """The entry on the last pay when, after an answer on leaving, the worker tells the last
    wages are not settled; None otherwise."""
    if previous.category not in _LEAVING_TOPICS or previous.slug == LAST_PAY:
        return None
    if _LAST_WAGES_UNSETTLED.search(text) and not _NOT_THE_LAST.search(text):
        return knowledge.get(LAST_PAY)
    return None


# "厂头说歇超过两个月就要辞退我" after an answer on sick leave: a dismissal while ill, within
# the medical period (not once it is over: bot/knowledge/pointed.py period_over_told)
SICK_NO_DISMISSAL = "sick_no_dismissal"
_NOT_WELL_YET = re.compile(r"还没好|没好|好不了|休完|期满|到期|还是不行|干不了")


def sick_dismissal_told(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if previous.category != SICK_TOPIC or previous.slug == SICK_NO_DISMISSAL:
        return None
    if _NOT_WELL_YET.search(text):
        return None  # ("要是3个月了还没好呢 厂里能直接开除我不": the period over)
    if DISMISSAL_ASKED.search(text) and not PERIOD_OVER.search(text):
        return knowledge.get(SICK_NO_DISMISSAL)
    return None


# "他要是一直拖起不给 还有啥子说法没得" after an answer on money the employer keeps (the last
# wages, a deposit, a commission): the ways to press the claim (labour inspection, mediation,
# arbitration: 《劳动争议调解仲裁法》第五条), not the same answer again
DISPUTE_ROUTES = "dispute_routes"
KEPT_MONEY = frozenset(
    {
        "quit_wage_withheld",
        "quit_certificate_final",
        "quit_commission_withheld",
        "contract_id_deposit",
    }
)
_KEPT_ON = re.compile(
    r"(?:一直|硬是|就是|还是|始终|死活)(?:都)?(?:拖|赖|不给|不退|不还|不发|不结)"
    r"|拖(?:起|着)(?:不给|不退|不还|不发|不结)|赖(?:起|着|账)"
)
_WHAT_ELSE = re.compile(
    r"(?:还有|有)(?:啥子|什么|啥|没得|没有)?[^，,。？?]{0,2}(?:说法|办法|招)|咋个办|怎么办|咋办|咋整"
    r"|(?:去|找)(?:哪里|哪儿|谁|哪个)"
)


def kept_money_pressed(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    """The entry on the ways to settle a dispute when, after an answer on money kept back, the
    worker asks what more can be done if the employer goes on refusing; None otherwise."""
    if previous.slug not in KEPT_MONEY:
        return None
    if _KEPT_ON.search(text) and _WHAT_ELSE.search(text):
        return knowledge.get(DISPUTE_ROUTES)
    return None


# "老板说开就开 一分钱都不给 还有没得王法": let go at will with nothing paid, the 2N entry
AT_WILL_UNPAID = "sev_unlawful_2x"
_LET_GO_AT_WILL = re.compile(
    r"说开就开|想开就开|说辞就辞|想辞就辞|说炒就炒|随便就把我(?:开|辞|炒)"
    # ("老板要把我撵走 啥都不给": driven out)
    r"|把我(?:撵|赶)走|(?:撵|赶)我走"
)
_NOTHING_PAID = re.compile(
    r"一分钱?都?不给|一分都不给|啥子?都不给|什么都不给|没给补偿|不给补偿|一分钱没给"
)


def let_go_with_nothing_told(knowledge: Knowledge, text: str) -> Answer | None:
    if _LET_GO_AT_WILL.search(text) and _NOTHING_PAID.search(text):
        return knowledge.get(AT_WILL_UNPAID)
    return None
