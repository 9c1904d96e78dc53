"""Hours asked by (or for) a pregnant or nursing worker: the entries that protect them, not
the general ones on working time ("主管最近喊我天天加班到晚上10点 我能不能不加" after the
nursing hour; "我老婆怀孕8个月了 超市还喊她每天上10个钟头 这个可以不").

《女职工劳动保护特别规定》第六条: from the seventh month of pregnancy no overtime or night
shifts; 第九条: while nursing a child under one, no overtime or night shifts."""

from __future__ import annotations

import re

from bot.knowledge.answers import Answer
from bot.knowledge.index import Knowledge

PREGNANT_WORK = "women_pregnant_work"
BREASTFEEDING = "women_breastfeeding"

_NURSING = re.compile(
    r"哺乳|喂奶|吃奶|奶娃|休完产假|产假(?:休完|完了|结束)|娃儿?(?:才|还)?(?:不满|没满)?\s*\d+\s*个月"
    r"|娃儿?(?:才|还)?(?:半岁|[一二两三四五六七八九十几]+个月)"
)
_PREGNANT = re.compile(r"怀孕|怀起|怀了|身孕|孕期|孕妇|大肚子|怀娃|怀上")
_HOURS = re.compile(
    r"加班|夜班|晚班|(?:上|加|干|做)到晚上|每天(?:上|干|做)\s*\d+\s*个?(?:钟头|小时)"
    r"|上\s*\d+\s*个?(?:钟头|小时)"
)
# whether it may be so, not what it pays ("能不能不加", "这个可以不")
_MAY_IT = re.compile(
    r"能不能不|可不可以不|能不|可以不|合法|违法|行不行|能拒绝|有权|这样对|要得不|得行不"
)
# "…娃儿才半岁 也排的夜班": the shift told as put on her, a question of the law all the same
_PUT_ON = re.compile(r"(?:排|安排|喊)(?:的|了)?(?:她|我)?(?:上)?(?:夜班|晚班|通宵)")
_PAY = re.compile(r"加班费|工资|好多钱|多少钱|咋个算|怎么算")


def hours_of_the_protected(
    knowledge: Knowledge, text: str, recent: tuple[str, ...] = ()
) -> Answer | None:
    """The pregnancy or nursing entry for a question whether overtime or night shifts may be
    asked of a worker told (here or just before) to be pregnant or nursing; None otherwise."""
    asked = _MAY_IT.search(text) or _PUT_ON.search(text)
    if not _HOURS.search(text) or not asked or _PAY.search(text):
        return None
    told = (text, *recent)
    if any(_NURSING.search(t) for t in told):
        return knowledge.get(BREASTFEEDING)
    if any(_PREGNANT.search(t) for t in told):
        return knowledge.get(PREGNANT_WORK)
    return None


# in a conversation about a pregnancy, a birth or a miscarriage and its leave
_MATERNITY_TOLD = re.compile(r"怀孕|怀起|孕期|流产|小产|产假|生育|生娃|坐月子|产检")
MATERNITY_LEAVE, BIRTH_ALLOWANCE, THREE_PERIODS = (
    "women_maternity_leave",
    "women_birth_allowance",
    "women_three_periods",
)
# "休这个假有没得钱": what the leave pays, asked of the leave just answered
_LEAVE_PAID_ASKED = re.compile(
    r"(?:有没得|有没有|有|给不给|发不发)(?:钱|工资)|钱(?:咋个|怎么)(?:算|发|给)|工资(?:咋个|怎么)(?:算|发)"
    r"|(?:发|给)(?:不发|不给)?工资|拿好多钱|有钱没得|有钱不"
)
# "组长还说我请假太多了要把我辞了": a dismissal threatened or done, not a what-if of its worth
_LET_GO = re.compile(
    r"(?:把我|将我|要我)(?:给)?(?:开|辞|炒|裁)(?:了|掉)|开除我|辞退我|炒了我|不要我了|喊我走|叫我走|让我走"
)
_WORTH_ASKED = re.compile(r"赔好多|赔多少|能赔|该赔|要是|如果|万一|假如")


def maternity_followup_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    """After an answer in a pregnancy's or a leave's conversation: what the leave pays (生育
    津贴), or a dismissal threatened for it (《女职工劳动保护特别规定》第五条: not allowed).
    (Not after a dispatched worker's entry, which names pregnancy among the protected
    situations: a dismissal after it is the dispatch rules' to read.)"""
    if previous.slug.startswith("flex_dispatch"):
        return None
    if not _MATERNITY_TOLD.search(f"{previous.question} {previous.answer[:80]}"):
        return None
    if previous.slug == MATERNITY_LEAVE and _LEAVE_PAID_ASKED.search(text):
        return knowledge.get(BIRTH_ALLOWANCE)
    if _LET_GO.search(text) and not _WORTH_ASKED.search(text) and previous.slug != THREE_PERIODS:
        return knowledge.get(THREE_PERIODS)
    return None
