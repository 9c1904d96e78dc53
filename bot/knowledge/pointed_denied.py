"""The employer denying the labour relation, told in the middle of another question ("他说我们
是临时工 没签合同 不算数" after an answer on wages owed): whoever is managed and paid by the
firm for its work is its worker, with or without a contract and whatever the job is called —
the entry on proving the relation (and the double wage for the contract not signed).

《关于确立劳动关系有关事项的通知》第一条、第二条; 《劳动合同法》第七条、第八十二条."""

from __future__ import annotations

import re

from bot.knowledge.index import Answer, Knowledge
from bot.knowledge.pointed import INJURY_TOPIC, PROVE_RELATION
from bot.knowledge.pointed_injury import year_unsigned_told

# "说我们是临时工 不算数", "老板不承认我是他的员工", "讲我不是厂里的人"
_DENIED = re.compile(
    r"临时工[^。？?]{0,12}(?:不算|不认|不承认|没得?|没有|莫得)"
    r"|(?:说|讲|认为|觉得)[^，,。]{0,6}(?:不是(?:他|他们|公司|厂里?|单位|老板)的?(?:人|员工|工人)"
    r"|没(?:有|得)?劳动关系)"
    r"|不承认[^，,。]{0,6}(?:劳动关系|员工|工人|是他的)"
)

# (their own entries weigh the relation: an injury, a rider's platform, a pensioner, a nanny)
_OWN_ENTRIES = re.compile(
    r"伤|摔|撞|砸|骨折|外卖|骑手|平台|快递|网约|代驾|派遣|外包|退休|养老金|保姆|钟点工|兼职|实习"
)


def relation_denied_told(knowledge: Knowledge, previous: Answer | None, text: str) -> Answer | None:
    """The entry on proving the relation when `text` tells that the employer denies it (after
    any answer but an injury's, whose own entries weigh the relation with the injury)."""
    if not _DENIED.search(text) or _OWN_ENTRIES.search(text):
        return None
    if previous is not None and (
        previous.category == INJURY_TOPIC or previous.slug == PROVE_RELATION
    ):
        return None
    return knowledge.get(PROVE_RELATION)


NO_INSURANCE = "injury_no_insurance"
# "老板说我没签合同 不给我报" after an injury answer: no contract, and the claim refused
# (the contract or the insurance lacking, not a refusal alone: "公司不帮我报咋个办" asks the
# deadline to apply oneself)
_NO_CONTRACT_NO_CLAIM = re.compile(
    r"(?:没签|没有签|莫签|没得|没有|莫得)(?:劳动)?合同|临时工|没(?:买|交|上)(?:工伤)?保险"
)


def injury_without_contract_told(
    knowledge: Knowledge, previous: Answer | None, text: str
) -> Answer | None:
    """Right after an injury's answer, the employer refusing to report it because there is no
    contract (or no insurance): the entry that says it is still 工伤 and how to prove the
    relation (《工伤保险条例》第十八条、第六十二条). Not after a student intern's injury: an
    intern has no contract to lack (a graduate told of next is the intern rules' to read)."""
    if previous is None or previous.category != INJURY_TOPIC or previous.slug == NO_INSURANCE:
        return None
    if previous.slug.startswith("student_intern"):
        return None
    if year_unsigned_told(text):
        return knowledge.get(OVER_A_YEAR)  # ("那我呢 … 也没签合同 做了1年半了": his own case)
    return knowledge.get(NO_INSURANCE) if _NO_CONTRACT_NO_CLAIM.search(text) else None


OVER_A_YEAR = "contract_over_1year"
_NO_CONTRACT_ANSWERS = frozenset({"contract_sign_deadline", OVER_A_YEAR})
# "那我现在算是啥子合同哦 老板说我是临时工": the kind of contract asked
_KIND_ASKED = re.compile(r"(?:算|是)(?:个|一种)?(?:啥子|什么|哪种|哪样)(?:样的?)?合同")


def kind_without_contract_asked(
    knowledge: Knowledge, previous: Answer | None, text: str
) -> Answer | None:
    """Right after the answer on a contract never signed, what contract the worker now has
    asked (whatever the employer calls the job): a year without one is an open-ended contract
    (《劳动合同法》第十四条), the entry that says so."""
    if previous is None or previous.slug not in _NO_CONTRACT_ANSWERS:
        return None
    return knowledge.get(OVER_A_YEAR) if _KIND_ASKED.search(text) else None


UNLAWFUL_DISMISSAL = "sev_unlawful_2x"
WORKER_REFUSES = "contract_worker_refuses"
# "是我自己不想签", "我不愿意签": the worker, not the employer, will not sign
_OWN_REFUSAL = re.compile(
    r"(?:我|自己)(?:自己)?(?:不想|不愿意?|不肯|不打算|拖着不|一直不)签|我不签|我没签是因为"
)
# "如果他现在喊我走人呢" after the double wage: let go, supposed
LET_GO = re.compile(
    r"(?:喊|叫|让|赶)我走|走人|不要我了|开除|辞退|把我开|开了我|辞了我|炒了我"
    r"|不用来了|不要来了|莫来了|别来了"
)


def let_go_without_contract_asked(
    knowledge: Knowledge, previous: Answer | None, text: str
) -> Answer | None:
    """Right after the answer on a contract never signed, being let go asked about: no
    contract is no leave to dismiss at will, the entry on an unlawful dismissal (2N) (the
    double wage is owed besides)."""
    if previous is None or previous.slug not in _NO_CONTRACT_ANSWERS:
        return None
    if not LET_GO.search(text):
        return None
    if _OWN_REFUSAL.search(text):
        # "如果过了一个月是我自己不想签 公司可以直接喊我走不": the worker refusing to sign may
        # be let go in writing (《劳动合同法实施条例》第五条、第六条), no unlawful dismissal
        return knowledge.get(WORKER_REFUSES) or knowledge.get(UNLAWFUL_DISMISSAL)
    return knowledge.get(UNLAWFUL_DISMISSAL)


OLDER_WORKER = "older_worker_rights"
# "我都52了 还能签劳动合同不": an age told, whether the law still holds for the worker
_AGE_STILL = re.compile(
    r"(?:[4-6]\d|四十|五十|六十)(?:多|几)?岁?了?[\s，,]*(?:还能|还可以|还算|还让|还要|能不能|还受)"
    r"[^，,。]{0,6}(?:签|合同|职工|工人|保护|劳动法)"
)


def older_worker_asked(knowledge: Knowledge, text: str) -> Answer | None:
    """An older worker's age told with whether they may still sign or are still protected:
    below the retirement age they are workers like any other (the entry that says so)."""
    return knowledge.get(OLDER_WORKER) if _AGE_STILL.search(text) else None


def contract_denied_told(knowledge: Knowledge, previous: Answer | None, text: str) -> Answer | None:
    """The rules of this module in turn: the relation denied, an injury not reported for want
    of a contract, the kind of contract asked after one never signed."""
    return (
        relation_denied_told(knowledge, previous, text)
        or injury_without_contract_told(knowledge, previous, text)
        or kind_without_contract_asked(knowledge, previous, text)
        or let_go_without_contract_asked(knowledge, previous, text)
        or older_worker_asked(knowledge, text)
    )
