"""The part of an answer a follow-up asks about: "那周末呢" right after the overtime answer is
answered with its rest-day sentence, not with the whole answer again.

A follow-up that leans on the answer just given and lands on the same entry asks about one
facet of it (rest days, public holidays, a difficult birth …). The facets are named here
with the words workers use for them; the answer's sentences (split at 。 and ；) that name
the same facet are the reply. Nothing is focused when no sentence, or every sentence, names
it: then the whole answer stands.
"""

from __future__ import annotations

import re

# facet: the word the FAQ answers use for it, and the words workers use
FACETS: dict[str, tuple[str, ...]] = {
    "休息日": (
        "休息日",
        "周末",
        "周六",
        "周日",
        "周天",
        "星期六",
        "星期天",
        "星期日",
        "礼拜六",
        "礼拜天",
        "双休",
        "休息天",
        "歇班",
    ),
    "法定节假日": ("法定节假日", "节假日", "法定假", "除夕", "元旦", "清明", "端午", "中秋"),
    "工作日": ("工作日", "平时", "下班后", "下班以后", "晚上加班", "延长工时", "延时"),
    "难产": ("难产",),
    "多胞胎": ("多胞胎", "双胞胎", "龙凤胎", "三胞胎"),
    "流产": ("流产", "小产"),
    # "重庆是好多" after the maternity leave: the local figure's sentence (or where to check it)
    "重庆": ("重庆", "我们这里", "我们这边", "我们这儿", "本地", "当地", "本市"),
    # "要是以后我不想在他那干了 还有啥子钱" after an injury: what is paid when the job ends
    "解除或终止劳动合同": (
        "不想在他那干",
        "不想在那干",
        "不想干了",
        "以后不干",
        "走的时候",
        "离职的时候",
    ),
}
# a long break holds public holidays and rest days moved around them (春节: 除夕 to 初三 are
# public holidays, the other days of the break are rest days): both sentences are the answer
BREAKS = ("过年", "春节", "国庆", "五一", "劳动节", "长假", "黄金周")


# how long something lasts: asked in words ("这个期限一般好久"), found in the answer as a
# number of days, months or years ("停工留薪期一般不超过12个月")
LENGTH = "时长"
LENGTH_WORDS = (
    "期限",
    "时限",
    "时间限制",
    "时效",
    "多久",
    "好久",
    "多长",
    "几天",
    "几个月",
    "几年",
)
_LENGTH_IN_ANSWER = re.compile(r"\d+\s*(?:个月|天|日|年|周|小时)")


# facets a follow-up that does not lean on the answer may still ask of it ("工资好久结一回",
# "老板说不要我了 要给补偿不" right after the part-time answer, whose words alone point at
# the payslip and a contract's end); not the days of the week or a length, which most answers
# name in passing ("一个星期至少要休好久" after the overtime caps asks the weekly rest)
DETAIL_FACETS: dict[str, tuple[str, ...]] = {
    # the most hours in a week ("一个星期最多能做好久"), not the weekly rest
    "每周": tuple(
        f"{week}{most}"
        for week in ("一个星期", "一星期", "一周", "每周", "每个星期", "每星期", "一个礼拜")
        for most in ("最多", "最长", "能做", "能干", "可以做", "可以干", "做几", "干几")
    ),
    # whether the union must be told ("裁员要不要先通知工会"): the answer's sentence on it
    "工会": (
        "通知工会",
        "告诉工会",
        "跟工会说",
        "和工会说",
        "工会同意",
        "和工会商量",
        "跟工会打招呼",
    ),
    "结算": (
        "结算",
        "结一次",
        "结一回",
        "好久结",
        "多久结",
        "几天结",
        "几天一结",
        "多久一结",
        # "工资一个月发一次可以不" after the part-time answer (at most 15 days)
        "发一次",
        "发一回",
        "好久发",
        "多久发",
        # "工资他说月底一起结 可以不": paid once a month
        "一起结",
        "月底结",
        "月结",
        "一月一结",
        "一个月一结",
        "一起发",
        "月底发",
    ),
    "补偿": ("补偿",),
    # "包工头就是个人 没得公司 那我该找哪个" after the uninsured injury: the contractor behind him
    # (the gangmaster said to be a person, not a firm: "我又没签合同的 是包工头喊我去的" asks the
    # proof, the whole answer)
    "包工头": ("个人包的", "不是公司", "没得公司", "没有公司", "就是个人", "是个人"),
    # "去医院产检 请的假他要扣工资" after the pregnancy answer: check-ups in working time
    "产前检查": ("产检", "产前检查", "孕检"),
    # "扣我钱对不对嘛" after the nursing hour: whether it may be docked
    "扣": ("扣钱", "扣我钱", "扣工资", "扣我工资", "扣了我", "要扣"),
    # "请年假那几天工资扣不扣" after the annual leave: paid as normal (照发)
    "照发": (
        "扣不扣",
        "会不会扣",
        "遭扣",
        "被扣",
        "照不照发",
        "照发不",
        "工资照发",
        "扣工资不",
        "扣钱不",
    ),
    # "他还说要先试用一个月" after the part-time answer, which says no probation may be agreed
    "试用期": ("试用",),
    # "如果我想回去上班呢" after unlawful dismissal: going back instead of the money
    "继续履行": (
        "回去上班",
        "回去干",
        "回去做",
        "继续上班",
        "继续干",
        "恢复工作",
        "回原岗位",
        "复工",
    ),
    # "那老板要给我买社保不" after the part-time answer: which insurance the employer pays
    "工伤保险": ("买社保", "交社保", "买保险", "交保险", "上保险", "五险"),
    # "公司不批咋办" after the resignation notice: no approval is needed
    "批": ("不批", "没批", "不放人", "不让我走", "不让走", "不准我走", "不准走", "不签字"),
    # "公司给我发的比这个还低咋办" after the minimum wage: what happens below the standard
    # ("一个钟头才拿16块 是不是太低了" after the part-time answer: the lowest hourly pay)
    "低于": ("还低", "还少", "更低", "更少", "低于", "达不到", "没达到", "少于", "太低", "低了"),
    # "派遣公司说找用工单位 用工单位说找派遣公司" after the dispatched worker's injury: what
    # to do when the two push it onto each other
    "推": ("推来推去", "互相推", "踢皮球", "都不管", "两边都说", "说找"),
    # "我不想在那干了 走的时候还能拿啥子钱" after what a work injury pays: what is paid on
    # leaving (the one-off medical and employment grants)
    "解除或终止劳动合同时": ("走的时候", "不想在那干了", "不想干了", "离职的时候", "辞职的时候"),
    # "要不要提前30天跟他说" after leaving over unpaid wages, which says 不用等30天
    "30天": ("提前30天", "提前三十天", "提前一个月", "提前1个月"),
    # "派遣公司每个月还要扣我200块管理费" after equal pay for dispatched workers, whose answer
    # says neither firm may charge them anything
    "收费": ("管理费", "中介费", "服务费", "介绍费", "手续费"),
    # "要签合同不" after the part-time answer, which says an oral agreement will do
    # (whether one must sign, not "没签合同": that is a story, not this question)
    # "那周末值班呢" after the overtime rates, which state the rest day's 200 %
    "周末": ("周末", "星期六", "星期天", "星期日", "礼拜六", "礼拜天", "周六", "周日"),
    # "那辞职信要咋个写" after leaving over unpaid wages, whose answer says what the written
    # notice must state
    "书面解除通知": (
        "咋个写",
        "怎么写",
        "如何写",
        "写啥",
        "写什么",
        # ("我要咋个跟他说 要写个啥子不": how to tell the employer, in writing)
        "写个啥",
        "要写个",
        "要不要写",
        "咋个跟他说",
        "怎么跟他说",
        "咋个跟老板说",
        "怎么跟老板说",
        "辞职信",
        "辞职报告",
        "解除通知",
    ),
    # "那要是家政公司派过去的呢" after a family's own nanny: the agency's employee
    "家政公司": ("家政公司", "公司派", "公司签", "跟公司签"),
    # "我老家在外地 回去路上都要两天" after the marriage and bereavement leave: the travel days
    "路程假": ("路上", "路程", "在外地", "回老家", "老家远", "坐车回"),
    # "如果他们硬是把我辞了喃" after the dispatched worker sent back: what an unlawful
    # dismissal gives (going back, or twice the compensation)
    "违法解除": ("把我辞", "把我开", "把我炒", "开除我", "辞退我", "开了我", "辞了我"),
    # "can they just let it expire?" after the dispatched worker sent back while pregnant:
    # the contract runs on until the situation ends (《劳动合同法》第四十五条)
    # "派遣公司又要派我去綦江一个厂 工资比原来少800 我不想去" after the dispatched worker
    # sent back: sent again on worse terms (《劳务派遣暂行规定》第十五条)
    "重新派遣": ("重新派", "又要派", "又派", "改派", "派我去", "再派"),
    # "那这些事找哪个管" after an intern's answer: where to report it (学校、教育、人社部门)
    "投诉": ("找哪个管", "哪个管", "谁来管", "找谁管", "归哪个管", "哪个部门管"),
    "续延": ("到期终止", "合同到期", "期满终止", "到期了", "让它到期"),
    "口头": ("要签合同", "签不签合同", "要不要签合同", "要不要合同", "需要签合同", "用不用签合同"),
}


# the employer refusing what the answer says it must do ("单位不帮我报咋办" after the injury
# application answer, which says what to do when 单位不申请): the answer's words for it
# (applying only: "不给", "不批" name too many sentences in passing to say which one is meant)
_REFUSED = re.compile(r"(?:不|没|没有|拒不)(?:帮我|给我|替我|肯|愿意)?(申请|报)")
_REFUSED_AS = {"报": "申请"}


def _refused(text: str) -> set[str]:
    return {f"不{_REFUSED_AS.get(v, v)}" for v in _REFUSED.findall(text)}


def _details(text: str, topic: str) -> set[str]:
    """The details `text` names, but not one the entry is about (its question, `topic`,
    names it: 试用期 is no detail of the answer on how long a probation may be)."""
    named = {facet for facet, words in DETAIL_FACETS.items() if any(w in text for w in words)}
    named |= _refused(text)
    return {facet for facet in named if facet not in topic}


# what it costs, asked bare ("要交钱不", "入会要交钱不" after who may join and how): the answer's
# sentence about a fee (会费, 免费, 不收费). Only when the words around the ask name nothing
# the answer does not: "调解收费不" after the overtime answer asks about mediation instead.
FEE = "费"
_FEE_ASK = re.compile(
    r"要(?:交|出|花|给)?钱(?:不|吗|么|没|嘛)|要不要(?:交|出|花)?钱|(?:交|出|花|收)(?:不)?(?:交|出|花|收)?钱"
    r"|收(?:不收)?费|要(?:不要)?(?:交)?费|费用|好多钱|多少钱"
)
_FEE_FILLER = re.compile(r"[那还要不吗么嘛哦呢的个这是我你们啊呀哈？?！!。，,\s]")
# doing what the answer is about ("加入要交钱不" after who may join): no other topic named
_FEE_DOING = re.compile(r"加入|参加|报名|申请|入会|入|去|办|弄|搞")


def asks_how_long(text: str) -> bool:
    """ "好久之内要去申请", "这个期限一般好久": a length asked."""
    return any(w in text for w in LENGTH_WORDS)


def details_named(text: str, topic: str) -> set[str]:
    """The details of DETAIL_FACETS (and a refusal) `text` names, by the answers' words."""
    return _details(text, topic)


def _asks_the_fee(text: str, answer: str, topic: str) -> bool:
    if FEE in topic or not _FEE_ASK.search(text):
        return False
    rest = _FEE_DOING.sub("", _FEE_FILLER.sub("", _FEE_ASK.sub("", text)))
    return not rest or rest in answer or rest in topic


# "休假这几天工资会不会遭扣": those days, referred to, not a length asked ("这个月干了的几天
# 工资给不给": the days worked, their pay asked)
_THOSE_DAYS = re.compile(r"[这那](?:几|些)天|(?:干|做|上|工作)(?:了的|了|的)几天")


def _facets(text: str, details: bool = False, topic: str = "") -> set[str]:
    text = _THOSE_DAYS.sub("", text)
    named = {facet for facet, words in FACETS.items() if any(w in text for w in words)}
    if any(w in text for w in BREAKS):
        named |= {"休息日", "法定节假日"}
    detail = _details(text, topic)
    if details and detail:
        # "工资好久结一回" asks the pay period, not any length the answer names; "哺乳时间到底
        # 是好久 扣我钱对不对嘛" asks both, in clauses of their own
        if any(
            any(w in clause for w in LENGTH_WORDS) and not _details(clause, topic)
            for clause in _CLAUSES.split(text)
        ):
            named.add(LENGTH)
        return named | detail
    if any(w in text for w in LENGTH_WORDS):
        named.add(LENGTH)
    return named


_SENTENCE = re.compile(r"[^。；;！!？?\n]+[。；;！!？?]?")
_CLAUSES = re.compile(r"[\s，,。；;！!？?]+")


def sentences(answer: str) -> list[str]:
    """The answer's sentences (split at 。 and ；), each with its end mark."""
    return [s.strip() for s in _SENTENCE.findall(answer) if s.strip()]


def focused(answer: str, followup: str, details: bool = False, topic: str = "") -> str | None:
    """The sentences of `answer` about what `followup` asks ("那周末呢": the rest-day
    sentence), or None when the follow-up names no facet or the answer cannot be narrowed;
    `details` adds the facets of DETAIL_FACETS."""
    asked = _facets(followup, details, topic)
    if details and _asks_the_fee(followup, answer, topic):
        asked.add(FEE)
    if not asked:
        return None
    parts = sentences(answer)
    # a sentence names a facet by the answer's own word for it
    chosen = [
        s
        for s in parts
        if any(facet in s for facet in asked) or (LENGTH in asked and _LENGTH_IN_ANSWER.search(s))
    ]
    if not chosen or len(chosen) == len(parts):
        return None
    text = "".join(chosen)
    return text[:-1] + "。" if text[-1] in "；;" else text


def covers(answer: str, followup: str, topic: str = "") -> bool:
    """Whether `answer` has a sentence about a detail `followup` names ("工资好久结一回"
    after the part-time answer, which says the pay period is at most 15 days): the follow-up
    asks that answer, whatever else its words point at. A length asked ("好久") is no such
    detail: most answers hold some number of days; nor is a day of rest or a public holiday."""
    asked = _details(followup, topic)
    if _asks_the_fee(followup, answer, topic):
        asked.add(FEE)
    parts = sentences(answer)
    named = [s for s in parts if any(facet in s for facet in asked)]
    return 0 < len(named) < len(parts)
