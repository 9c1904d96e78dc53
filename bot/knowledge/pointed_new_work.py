"""Pointed rules for the newer and looser kinds of work (a platform's riders and drivers,
someone working on past retirement): a question asked in the situation the conversation has
told, after an answer on something else. Each returns the entry that answers it, or None.

- "撞我那个车主要赔不 交警还没出认定书" after a rider's or an injury's answer: what the other
  driver owes, by their share of the blame the traffic police find (《民法典》第一千一百七十九条;
  《道路交通安全法》第七十六条), not whether a commute's accident is 工伤;
- "如果平台不认呢" after a rider's answer: the occupational injury denied, which the social
  insurance agency confirms (《新就业形态就业人员职业伤害保障办法（试行）》), the rider's entry
  says so; not the ways of a labour dispute;
- "公司还说下个月不要我了 要给补偿不" from someone who said they draw a pension: the contract
  ended with the pension (《劳动合同法》第四十四条), the work is a labour service, no
  compensation unless agreed."""

from __future__ import annotations

import re

from bot.knowledge.index import Answer, Knowledge
from bot.knowledge.pointed import INJURY_TOPIC
from bot.knowledge.situations import DRAWS_A_PENSION

RIDER = "flex_platform_rider"
OTHER_PARTY = "injury_third_party"
_OTHER_DRIVER_PAYS = re.compile(
    r"(?:车主|司机|肇事|对方|撞我的|撞我那个|撞人的|开车的)[^，,。？?]{0,8}(?:赔|负责|出钱|担责|管)"
)
PAST_THE_AGE = "older_past_retirement"
# drawing a pension, told in the worker's own words ("我退休了 在拿养老金" too)
PENSION_TOLD = re.compile(
    DRAWS_A_PENSION.pattern
    + r"|我(?:都|已经)?退休了|(?:在|还在)?拿(?:着)?(?:养老金|退休金)|(?:养老金|退休金)(?:都|也)?(?:在)?(?:领|拿)(?:着|了)"
)
_LET_GO = re.compile(r"不要我了|辞退|开除|不用来了|莫来了|喊我走|叫我走|让我走|不续了")
_PAY_ON_LEAVING = re.compile(r"补偿|赔偿|赔钱|给钱|补钱|赔点")


_DENIED = re.compile(
    r"(?:平台|站点|站长|公司|保险公司)?[^，,。？?]{0,4}(?:不认|不承认|不给报|不给认|不赔|不管)"
)


def platform_denies_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    """The platform or the station denying a rider's injury, after the rider's answer."""
    return knowledge.get(RIDER) if previous.slug == RIDER and _DENIED.search(text) else None


def other_driver_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    """Whether the driver who hit the worker pays, after an injury's or a rider's answer."""
    if previous.category != INJURY_TOPIC and previous.slug != RIDER:
        return None
    if previous.slug == OTHER_PARTY or not _OTHER_DRIVER_PAYS.search(text):
        return None
    return knowledge.get(OTHER_PARTY)


def pensioner_let_go_asked(
    knowledge: Knowledge, previous: Answer, text: str, recent: tuple[str, ...] = ()
) -> Answer | None:
    """Let go and paid for it, asked by someone who said they draw a pension."""
    if not (_LET_GO.search(text) and _PAY_ON_LEAVING.search(text)):
        return None
    drew = any(PENSION_TOLD.search(t) for t in (text, *recent))
    return knowledge.get(PAST_THE_AGE) if drew else None


def new_work_asked(
    knowledge: Knowledge, previous: Answer, text: str, recent: tuple[str, ...] = ()
) -> Answer | None:
    """The first of these rules that names an entry."""
    return (
        other_driver_asked(knowledge, previous, text)
        or platform_denies_asked(knowledge, previous, text)
        or pensioner_let_go_asked(knowledge, previous, text, recent)
    )
