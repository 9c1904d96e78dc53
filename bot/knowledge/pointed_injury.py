"""After an answer on a work injury, a circumstance of the worker's own that an injury entry is
about (split from bot/knowledge/pointed.py along this seam): the rest (停工留薪期,《工伤保险条例》
第三十三条), no insurance or no contract (the employer pays, 第六十二条), the employer not
applying for recognition (the worker may, within a year, 第十七条); and a year and more without
a written contract told by someone else after it (deemed open-ended, 《劳动合同法》第十四条)."""

from __future__ import annotations

import re

from bot.domain.severance import months_worked
from bot.knowledge.index import Answer, Knowledge
from bot.knowledge.pointed import INJURY_UNINSURED, UNINSURED, asks_where_to_turn

# "医生喊我休息3个月 这3个月工资咋个算" after a work injury: the rest a work injury needs is
# 停工留薪期, not sick leave (seed entry; when an admin withdrew it, the words decide)
INJURY_REST = "injury_paid_leave"
# ("医生喊我休3个月": 休 with how long)
_REST_ASKED = re.compile(
    r"休息|休养|养伤|住院|在家|屋头|病假|歇|休\s*(?:\d|[一二两三四五六七八九十几半])"
)


# "要是3个月还没好呢 最长能休好久" after the injury rest's pay: still its rest, not sick leave
_LONGER_ASKED = re.compile(r"最长|还没好|没好|没有好|延长|再休|还要休|休好久|休多久|能休")


def about_injury(previous: Answer) -> bool:
    """An answer about a work injury: of the injury topic, or leading with it ("送单受伤：有劳
    动关系的算工伤…" under the entry on riders' rights)."""
    lead = previous.answer[:INJURY_LEAD]
    return previous.category == "工伤" or ("工伤" in lead and "受伤" in lead)


INJURY_LEAD = 30


def _injury_rest(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    if not about_injury(previous):
        return None
    asked = _LONGER_ASKED if previous.slug == INJURY_REST else _REST_ASKED
    if not asked.search(text):
        return None
    own = knowledge.search(text, 3)
    # ("医生说至少要休3个月 这段时间的工资哪个给": the pay while it heals, asked)
    pay_asked = previous.slug != INJURY_REST and _PAY_WHILE_OFF.search(text) is not None
    if not pay_asked and (not own or own[0].answer.category != "病假医疗期"):
        return None
    return knowledge.get(INJURY_REST)


_PAY_WHILE_OFF = re.compile(r"工资|钱|待遇")


_NO_CONTRACT = re.compile(
    r"(?:没|莫|未|没有)(?:得|有)?(?:签|订)?(?:劳动|书面)?合同|合同(?:都|也)?(?:没|莫|未)(?:有|得)?(?:签|订)"
)


A_YEAR_UNSIGNED = "contract_over_1year"
_A_YEAR_OR_MORE = 12  # months
_HURT = re.compile(r"伤|烫|摔|压|砸|割|切|骨折|医|病")


def year_unsigned_told(text: str) -> bool:
    """ "要得 那我呢 我在工地上班 也没签合同 做了1年半了" after an injury answer: no injury of this
    worker's, a year and more without a contract (deemed open-ended)."""
    return bool(
        _NO_CONTRACT.search(text)
        and not _HURT.search(text)
        and _A_YEAR_OR_MORE <= (months_worked(text) or 0)
    )


def told_of_the_injury(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    """After an injury answer, a circumstance of the worker's own that an injury entry is
    about: rest (停工留薪期), no insurance (the employer pays), whatever else the words name."""
    if not about_injury(previous):
        return None
    rest = _injury_rest(knowledge, previous, text)
    if rest is not None:
        return rest
    if year_unsigned_told(text):
        return knowledge.get(A_YEAR_UNSIGNED)
    for slug, told, unless_where in _INJURY_TOLD:
        if previous.slug == slug or not told.search(text):
            continue
        if unless_where and asks_where_to_turn(text) and not _SELF_APPLY.search(text):
            continue
        return knowledge.get(slug)
    return None


# "厂头说他们不去报" after an injury answer: the employer will not apply for recognition; the
# worker may, within a year (seed entry)
INJURY_APPLY = "injury_apply_deadline"
_NOT_APPLIED = re.compile(
    r"(?:不|不肯|不愿意|不想|不给|不帮|没有?|没给|没帮)(?:我)?(?:去)?(?:报|申请|认定|上报|报工伤|申报)"
)


# "我自己可以去申请不": the worker applying for recognition themselves (the entry says how)
_SELF_APPLY = re.compile(r"自己(?:可以|能|能不能)?(?:去)?(?:申请|报|申报|认定)")


# the circumstances an injury entry is about: its entry, the words, and whether asking where
# to turn leaves it to the routes instead ("厂头不报 我该找哪个")
_INJURY_TOLD = (
    (INJURY_UNINSURED, UNINSURED, False),
    # "我是没签合同的 这个有影响不": the same entry (no contract does not stop recognition)
    (INJURY_UNINSURED, _NO_CONTRACT, False),
    (INJURY_APPLY, _NOT_APPLIED, True),
)
