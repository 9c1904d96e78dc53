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
_PAY = re.compile(r"加班费|工资|好多钱|多少钱|咋个算|怎么算")


def hours_of_the_protected(
    knowledge: Knowledge, text: str, recent: tuple[str, ...] = ()
) -> Answer | None:
    """The pregnancy or nursing entry for a question whether overtime or night shifts may be
    asked of a worker told (here or just before) to be pregnant or nursing; None otherwise."""
    if not _HOURS.search(text) or not _MAY_IT.search(text) or _PAY.search(text):
        return None
    told = (text, *recent)
    if any(_NURSING.search(t) for t in told):
        return knowledge.get(BREASTFEEDING)
    if any(_PREGNANT.search(t) for t in told):
        return knowledge.get(PREGNANT_WORK)
    return None
