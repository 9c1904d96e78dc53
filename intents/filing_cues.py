"""Messages that file a mediation request without saying 调解.

"我要告重庆顺安保安服务有限公司 我辞职都一个多月了 押金500不退 …" names the employer and the
dispute and asks for action against it; "冉秀英 158… 想要回工资和押金" gives the worker's
details with what they want back. Either is the request (the form then takes what the
message told and asks only what is missing); a bare "我要告诉你" is not.
"""

from __future__ import annotations

import re

# "我要告…公司", "我们想告老板": action against the employer asked for
_SUES = re.compile(r"^(?:我|我们)?(?:要|想|准备)(?:去)?告(?!诉|知|一段|别)")
_AGAINST = re.compile(r"公司|厂|老板|单位|店|超市|工地|包工头|项目部|物业|集团")
# the worker's details: a mobile number
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
# what the worker wants back or paid ("想要回工资和押金", "要求补发", "要他把离职证明开给我")
_WANTS = re.compile(
    r"要回|想要回|拿回|讨回|要求(?:他|公司|单位|老板|厂里|厂头|店里)?(?:给我|给我们)?(?:按规定|依法|马上)?(?:补|赔|退|还|发|付|开)"
    # "我想要厂里把社保给我补起": the employer to pay up
    r"|(?:要|让|喊|叫)(?:他|公司|单位|老板|厂里|厂头|店里|店头)把"
)
_WHAT_IS_OWED = re.compile(r"工资|工钱|押金|补偿|赔偿|加班费|社保|证明|保证金|医药费|的钱|钱")
SUES_MIN_CHARS = 8
# "我想工会帮我要回来", "i want the union to help me get it": the union asked to get it back
_UNION_GETS_IT = re.compile(
    r"工会[^，,。]{0,4}帮(?:我|忙|我们)[^，,。]{0,6}(?:要回来|讨回来|追回来|拿回来)"
)
# "电话是18623378809 先问哈 调解要好久": the details given, a question asked before the rest
_DETAILS_THEN_ASKS = re.compile(
    r"(?:电话|手机)(?:号码?)?(?:是|：|:)?1[3-9]\d{9}(?!\d)[^\d]{0,3}?先(?:问|说)(?:一?下|哈|个)"
)
# "就要这个加班费 公司是重庆鑫达五金制品有限公司": the sum just worked out claimed, the employer
# named by its registered name
_CLAIMS_THAT = re.compile(
    r"要(?:这个|那个|这笔|那笔|这些|那些)(?:加班费|补偿金?|赔偿金?|工资|工钱|钱)"
)
_FIRM_NAMED = re.compile(
    r"有限公司|有限责任公司|(?:公司|单位|厂|店)(?:是|叫)[\u4e00-\u9fff]{4,}(?:公司|厂|店)"
)


# "调解 咋个弄", "调解咋个申请": how to go about it, asked to do it (the form explains as it asks)
_HOW_TO_MEDIATE = re.compile(
    r"^(?:我想|我要|想|要)?(?:申请)?调解(?:要|该|得|是)?(?:咋个|怎么|怎样|如何|咋)"
    r"(?:弄|搞|办|申请|整|做|走|开始)(?:呢|嘛|哦|啊|哈)?$"
)


def files_a_case(compact: str) -> bool:
    """True when the (space-free) message asks for action against the employer, claims the
    sum just told from an employer it names, gives a mobile number with what the worker
    wants back, or gives it and asks something first, or asks the union to get the money back."""
    if _SUES.match(compact) and len(compact) >= SUES_MIN_CHARS and _AGAINST.search(compact):
        return True
    if _HOW_TO_MEDIATE.match(compact):
        return True
    if _CLAIMS_THAT.search(compact) and _FIRM_NAMED.search(compact):
        return True
    if _DETAILS_THEN_ASKS.search(compact) or _UNION_GETS_IT.search(compact):
        return True
    return bool(
        _MOBILE.search(compact) and _WANTS.search(compact) and _WHAT_IS_OWED.search(compact)
    )
