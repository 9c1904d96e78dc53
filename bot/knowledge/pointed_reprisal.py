"""A worker let go for claiming what is owed ("老板听说我要找他要钱 说明天就不要我了", "我去劳动局
投诉了 第二天就把我开了"): claiming one's wages or rights is no ground to end a contract, so
the dismissal is unlawful whatever else the conversation was about — the entry on the 2N or the
job back, not the entry on the claim itself.

《劳动合同法》第三十九条 to 第四十一条 name every ground an employer has; 第四十八条、第八十七条:
an unlawful dismissal brings the job back or twice the compensation."""

from __future__ import annotations

import re

from bot.knowledge.index import Answer, Knowledge

UNLAWFUL_DISMISSAL = "sev_unlawful_2x"

# the claim made (or about to be): asking for the money, complaining, going to arbitration
_CLAIMED = re.compile(
    r"要(?:钱|工资|加班费|双倍|二倍|两倍|社保|合同)|讨(?:薪|钱|工资)|维权"
    r"|投诉|举报|告(?:他|老板|公司|厂)|(?:去|要去|申请了?|找)(?:劳动)?仲裁|(?:去|找|到)劳动局"
    r"|问了?(?:一?句|一下|下)?(?:加班费|工资|社保|合同|年假)"
)
# the claim's own procedure asked ("仲裁要多久 我被开除了就想快点"): its entries, not this
_PROCEDURE_ASKED = re.compile(
    r"多久|多长时间|要不要钱|要钱[吗不么]|收费|收不收|怎么申请|咋个申请|在哪|哪里|哪个部门"
)
# then the worker let go (also read by bot/knowledge/pointed_slight.py)
LET_GO = re.compile(
    r"不要我了?|不用我了|(?:喊|叫|让|要)我[^，,。]{0,6}(?:不要来了|不用来了|别来了|莫来了|走人|滚)"
    r"|(?:不用|不要|别|莫)(?:再)?(?:去上班|来上班|去|来|上班)了|开除|辞退|把我(?:给)?(?:开|辞|炒)|开了我|炒了我|辞了我"
)

# what ties the two: the employer heard of it, or let the worker go straight after (or the
# worker fears it will: "我要去投诉公司 会不会被开除")
_BECAUSE = re.compile(r"就|结果|马上|立马|第二天|转头|因为|听说|晓得|知道|会不会|会被|怕|万一")


def let_go_for_claiming_told(knowledge: Knowledge, text: str) -> Answer | None:
    """The unlawful-dismissal entry when `text` tells of a claim and, after it, the worker let
    go for it; None otherwise."""
    if _PROCEDURE_ASKED.search(text):
        return None
    claimed = _CLAIMED.search(text)
    if claimed is None or LET_GO.search(text, claimed.end()) is None:
        return None
    if _BECAUSE.search(text) is None:
        return None
    return knowledge.get(UNLAWFUL_DISMISSAL)


# "想申请调解 又怕老板晓得了把我开了", "怕被开除": a worker still in the job fears being let go
# for filing (the request is taken all the same; the law's protection is said first)
_FEARS = re.compile(r"怕|担心|担忧|万一|会不会|敢不敢|不敢")
_LET_GO_PASSIVE = re.compile(r"(?:被|遭)(?:老板|公司|厂里|厂头|单位)?(?:开除|辞退|开|炒|辞|裁)")


def let_go_for_filing_feared(text: str) -> bool:
    """The message fears the worker will be let go for it: a word of fear, a dismissal after it."""
    fear = _FEARS.search(text or "")
    if fear is None:
        return False
    return bool(LET_GO.search(text, fear.end()) or _LET_GO_PASSIVE.search(text, fear.end()))
