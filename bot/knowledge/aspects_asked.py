"""Two or three things asked of mediation in one message ("工会调解要不要钱 一般要搞好久"):
each answered by its own entry, in the order asked, as a desk officer would answer both
instead of the first alone. Only the aspects that have an entry of their own count: what it
costs, how long it takes, what if it fails, what to bring (seed entries; one an admin withdrew is skipped)."""

from __future__ import annotations

import re

from bot.knowledge.index import Answer, Knowledge

_MEDIATION = re.compile(r"调解")
# aspect -> (its entry, the words that ask it)
_ASPECTS = (
    (
        "mediation_fee",
        re.compile(r"要不要钱|要钱不|要钱吗|收不收费|收费|收钱|免费|花钱|交钱|费用|好多钱|多少钱"),
    ),
    (
        "mediation_duration",
        re.compile(r"好久|多久|多长时间|几天|要等|等多|搞好久|啥时候有结果|多快"),
    ),
    (
        "mediation_failed",
        re.compile(
            r"(?:调不拢|调不成|调解不成|谈不拢|没调成|不成功)[^，,。]{0,4}(?:咋办|怎么办|咋个办|又咋|咋整|呢)"
        ),
    ),
    (
        "mediation_materials",
        re.compile(r"带啥|带什么|带些|准备啥|准备什么|准备些|材料|证据要"),
    ),
)


def aspects_asked(knowledge: Knowledge, text: str) -> list[Answer]:
    """The entries of each aspect of mediation the message asks, in the order asked, when it
    asks two or more of them; [] otherwise."""
    value = text or ""
    if not _MEDIATION.search(value):
        return []
    found: list[tuple[int, Answer]] = []
    for slug, words in _ASPECTS:
        m = words.search(value)
        entry = knowledge.get(slug) if m else None
        if m and entry is not None:
            found.append((m.start(), entry))
    if len(found) < 2:
        return []
    return [entry for _, entry in sorted(found, key=lambda t: t[0])]


def one_aspect_asked(knowledge: Knowledge, text: str) -> Answer | None:
    """The entry of the one aspect of mediation a message asks ("调解 要钱吗" for a bare
    "要钱吗" in the mediation form), or None when it asks none or several."""
    found = [
        entry
        for slug, words in _ASPECTS
        if words.search(text or "") and (entry := knowledge.get(slug)) is not None
    ]
    return found[0] if len(found) == 1 and _MEDIATION.search(text or "") else None


# what mediation costs, asked as a question inside a request ("想申请调解 工会调解收钱不", "Can
# the union help me? Do I need to pay?" read as "…要钱吗"); not money asked of the employer
# ("找老板要钱不") nor the sum owed ("能要回好多钱")
_FEE_ASKED = re.compile(
    r"(?<![头板司厂他])要钱(?:不|吗|么|没|嘛)|要不要(?:交|花|出)?钱|收不收(?:钱|费)|收(?:钱|费)(?:不|吗|么|没|嘛)"
    r"|是不是免费|免费(?:不|吗|么|的吗|的不|的哇)|(?:交|花|出)(?:不)?(?:钱|费)(?:不|吗|么|没|嘛)"
    r"|(?:交|花|出)(?:好多|多少)钱"
)
FEE = "mediation_fee"


def fee_asked_with_the_request(knowledge: Knowledge, text: str) -> Answer | None:
    """The fee's entry when a request to file also asks what it costs (answered first, as the
    desk would before taking the details); None otherwise."""
    return knowledge.get(FEE) if _FEE_ASKED.search(text or "") else None
