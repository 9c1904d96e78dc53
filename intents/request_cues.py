"""Messages that ask to file a mediation request, in the ways workers say it: a form typed in
one message ("调解申请 姓名… 手机…"), applying after all or again, trying mediation first, 报个调解,
handing in a request begun before."""

from __future__ import annotations

import re

from intents.enrol_cues import YES_FIRST

# "调解申请 姓名蒋丽萍 手机189…": a request form typed in one message
MEDIATION_WITH_DETAILS = re.compile(
    rf"^(?:你好|您好)?{YES_FIRST}(?:我要|我想)?(?:帮我)?(?:弄|搞|办|整|登记|登)?(?:个|一个)?(?:申请)?(?:个|一个|一下)?"
    # "欠薪调解 我叫付小兵 电话189…": the kind of dispute in front
    r"(?:欠薪|欠工资|工资|工伤|加班费|社保|辞退|开除|押金)?(?:的)?"
    r"(?:(?:劳动(?:纠纷|争议)?)?调解(?:申请)?(?!书|员|协议)"
    # "你好 我想登记个劳动纠纷 我叫…": a dispute registered, in the worker's word for it
    r"|(?<=登记)(?:个|一个|一下)?劳动(?:纠纷|争议))"
)
# "那我申请嘛 我叫李秀英 电话153…", "想了一哈还是申请嘛 我叫周婷 …": applying, with the
# details, after mediation was offered or talked of (the only thing a worker applies for
# here; 报名 is a course's): the first words end at 申请, nothing applied for after it
APPLY_WITH_DETAILS = re.compile(
    rf"^{YES_FIRST}[^\s，,。!！？?]{{0,8}}?申请(?:一个|个|一下)?(?:嘛|吧|哦|哈|啊|了|噻)?(?:[\s，,。!！]|$)"
)
# "那申请嘛 我在快递站分拣 欠了我两个月工资 一个月5200": applying, then the dispute told (the
# only thing a worker applies for here; not "怎么申请", asked)
APPLY_THEN_STORY = re.compile(
    rf"^{YES_FIRST}(?:我|我们)?(?:就|还是|现在|马上)?(?:要|想)?申请(?:一个|个|一下)?"
    r"(?:嘛|吧|哦|哈|啊|噻)?[\s，,。!！]+(?=\S)"
)
# "那我还是申请嘛 厂头上个月把我开了…": applying after all, what is applied for understood
# (not "还是申请工伤认定" or "申请仲裁")
APPLY_AFTER_ALL = re.compile(
    r"^(?:那|那我|好|好嘛|行|要得)?(?:我)?(?:还是|就)(?:要|想)?申请(?:嘛|吧|哦|一个|个|一下)?"
    r"(?!工伤|仲裁|认定|劳动仲裁|年假|补缴|退休|失业|生育|社保|养老|公积金)"
)
# "老板还是不认账 还是帮我申请嘛 我黄建国 电话… 单位是…": applying after all, after the
# reason, with the details
APPLY_AFTER_ALL_LATER = re.compile(
    r"(?:^|[\s，,。])(?:算了)?(?:那|那我|我)?(?:还是|就)(?:帮我|给我)?(?:要|想)?申请(?:嘛|吧|哦|一个|个|一下)?"
    r"(?=[\s，,。!！]|$)"
)
# "那我先试下调解 公司叫…", "那就试试调解嘛", "先调解看看": deciding to try mediation (after
# asking what it is like) is the request
TRIES_MEDIATION = re.compile(
    r"^(?:那|那就|那我|好|好嘛|要得|行|嗯)?(?:我)?(?:们)?(?:就|先|还是)?(?:先)?"
    r"(?:试(?:下|一下|哈|一哈|试|试看)|走(?:个|一下)?)?调解(?:一下|下)?(?:看看|看|试试)?"
    r"(?:嘛|吧|哦|哈|噻)?(?=$|[\s，,。!！])"
)
APPLIES_AGAIN = re.compile(
    r"(?:^|[\s，,。])(?:那|那我|我|那就|还是|算了)?(?:就)?(?:再|重新|也)(?:申请|登记)(?:一个|个|一下|一次|一遍)?"
    r"(?:调解)?(?:嘛|吧|哦|哈|噻)?(?=$|[\s，,。!！])"
    # "那重新弄一个嘛 我叫…" after a request not found
    r"|(?:^|[\s，,。])(?:那|那就|那我|还是)?(?:再|重新)(?:弄|搞|办|交|提交)(?:一个|个|一下|一次|一遍)"
    r"(?:嘛|吧|哦|哈|噻)?(?=$|[\s，,。!！])"
    # "可能是用我老婆手机报的 … 你重新帮我报一个": a request filed elsewhere, filed again
    r"|(?:报的|报过|记不得|搞忘|编号).{0,20}?(?:再|重新)(?:帮我|给我)?报(?:一个|个|一下)"
)
# "帮我报个调解 我叫…": 报 said of a mediation request, not of a course
REPORTS_MEDIATION = re.compile(
    r"(?<!已经)报(?:个|一个|一下)?(?:劳动)?(?:纠纷)?调解(?!员|书|协议|要|收|好久|多久)"
    # "不等了 还是你帮我弄嘛 公司是恒通电子厂 要他们…": the request done by the bot after all,
    # the employer told with it
    r"|(?:你|你们)帮我(?:弄|办|填|搞)(?:嘛|吧|一下|下)?(?=(?:公司|单位|厂子?|老板)(?:是|叫))"
)
# "我还是不想辞职 想先调解下 让厂头…": mediation tried first
MEDIATION_FIRST = re.compile(
    # (not "是不是一定要先调解": whether mediation must come first, asked)
    # ("算了还是先调解嘛 我叫…": mediation first after all)
    r"(?<!一定)(?<!必须)(?<!非得)(?<!是不是)(?<!要不)(?:想|要|准备|还是)先(?:走|试(?:下|一下|哈)?)?调解(?:一下|下|哈|看看)?(?:嘛|吧|哦)?(?=$|[\s，,。!！]|让|喊|叫|要)"
)
UNION_HELPS_MEDIATE = re.compile(r"(?:帮我|给我|帮忙)[^，,。]{0,8}调解")
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
HANDS_IN_THE_REQUEST = re.compile(
    r"(?:先|还是|直接)把(?:调解)?申请(?:交了|提交了?|交上去|递上去|填了)"
)
WANTS_IT_PAID = re.compile(r"补给我|还给我|退给我|发给我|结给我|给我补|要回来|结清")
# ("李德华 1872301456": a mobile number mistyped one digit short is still the details given)
DETAILS = re.compile(
    r"1[3-9]\d{9}|(?<!\d)1[3-9]\d{8}(?!\d)|叫(?![啥什哪])|我是|名字|姓名|电话|手机|(?:我|免贵|本人)姓"
)
# "包工头的钱一直不给 工会调节得不": whether the union will mediate, asked after the dispute told
UNION_CAN_MEDIATE = re.compile(
    r"工会(?:能|可以|可不可以|能不能)?(?:帮我|帮忙|给我)?(?:调解|调节)(?:得|一下|下)?(?:不|吗|嘛|没)[？?]*$"
)
DISPUTE_TOLD = re.compile(r"钱|工资|工钱|欠|不给|不发|开除|辞退|社保|加班")

# "我不想调解 直接去仲裁可以不": arbitration asked about instead, no request to mediate
NOT_MEDIATION = re.compile(r"不想(?:找|去|走)?(?:工会)?调解|不要调解|不(?:找|走)?调解|调解就算了")


# what a request for mediation speaks of: the dispute, the other side, the process
_DISPUTE_TALK = re.compile(
    r"调解|仲裁|纠纷|争议|维权|欠|拖|工资|工钱|薪|辞退|开除|炒|解雇|工伤|受伤|伤|赔|补偿|社保|保险"
    r"|合同|老板|公司|单位|厂|老总|工头|包工|加班|投诉|告|申请|帮我|登记|不给|不发|扣"
)


_NOT_WANTED = re.compile(r"申请(?:我|我们)?(?:不要了|不用了|不弄了|不搞了)")


def mediation_without_dispute(text: str, entities: list[dict]) -> bool:
    """ "学完帮不帮忙找工作" read, unsure, as a mediation request: it speaks of no dispute, no
    other side and no mediation, so it is no request (the conversation may tell what it is)."""
    if _NOT_WANTED.search(text):
        return True  # "老板把钱还我了 这个申请我们不要了": a request taken back, never a new one
    if any(e.get("entity") == "dispute_type" for e in entities):
        return False
    return _DISPUTE_TALK.search(text) is None


# "刚才那个申请我还想补充一哈": the request filed, more added to it
ADDS_TO_REQUEST = re.compile(
    r"(?:刚才|之前|前面|上次)?(?:那个|这个|我的|提交的|刚才的)(?:调解)?申请[^，,。？?]{0,8}"
    r"(?:补充|再加|加上|添上|加点|加个|补点)"
)
