"""Entries a message points at by who the worker works for and what they are owed on leaving,
whatever the scores: the papers of leaving refused, a retired worker hired again, and which of
a dispatch agency and the firm it sends the worker to answers.

- "公司不给我开离职证明 新公司要这个", "社保也不给我转": the employer must give the certificate of
  the contract's end and move the file and the insurance within 15 days (《劳动合同法》第五十条);
  a loss it causes is its to make good (第八十九条): the entry on the leaving papers, also
  when by when they are due is asked, or the worker's own resignation is the excuse.
- "我准备不打工了 回屋头开个小面馆" then "医保呢 断了会咋样", or "养老保险呢" after unemployment
  benefit: the insurance kept up alone, in flexible employment (《社会保险法》第十条、第二十三条).
- "我63了 已经在领退休金了 … 老板说不签劳动合同 签个劳务协议": one drawing a pension and hired
  again is in a relation of services, not of labour (《最高人民法院关于审理劳动争议案件适用法律
  问题的解释（一）》第三十二条): the entry on work past the retirement age.
- "这个钱找厂头要还是找劳务公司要": the agency is the employer, the two answer jointly for
  harm done (《劳动合同法》第五十八条、第九十二条): the entry on who answers for a dispatched
  worker.
"""

from __future__ import annotations

import re

from bot.knowledge.index import Answer, Knowledge

LEAVING_PAPERS = "quit_certificate_final"
# the papers of leaving: the certificate, the file, the insurance moved
_PAPERS = re.compile(
    r"离职证明|解除证明|终止证明|工作证明|档案|社保(?:关系)?[^，,。？?]{0,4}转|转社保|停保"
)
# "如果他不开证明害我新工作黄了呢": a certificate refused, of leaving only when leaving is
# talked of (not "公司不给开证明 我能自己去诊断不": an occupational disease's papers)
_CERTIFICATE_REFUSED = re.compile(r"不(?:给|肯|帮)?(?:我)?开(?:个)?证明")
_LEAVING = re.compile(r"辞职|离职|走了|新工作|新公司|新单位|下家|入职")
_LEAVING_TOPICS = frozenset({"离职与解除", "经济补偿"})
# refused or dragged out ("不给我开", "一直拖着", "也不给我转")
_REFUSED = re.compile(r"不(?:给|肯|帮|愿意?)?(?:我)?(?:开|出|办|转|给)|拖着|拖起|卡着|扣着|压着")


# by when the papers are due, or who sees to them, asked ("我的社保和档案他们多久要转出去",
# "公司那边停保要我自己去办不")
_BY_WHEN = re.compile(
    r"多久|几天|好久|多长时间|啥时候|什么时候|哪天|期限|(?:我|我们)自己(?:去)?办|(?:哪个|谁)(?:去)?办"
)
# the refusal's excuse, the worker's own leaving ("他们说我是自己要走的 又不是他们开除我 不得开"):
# the certificate is due however the contract ended
_OWN_LEAVING_EXCUSE = re.compile(
    r"(?:自己|我)(?:要|主动|提出)?(?:走|辞职?|离职)的|不是(?:他们|公司|单位|厂里|老板)?(?:开除|辞退|开)"
)


def leaving_papers_refused(
    knowledge: Knowledge, previous: Answer | None, text: str
) -> Answer | None:
    """The entry on the leaving papers when the message tells them refused, asks by when they
    are due, or, right after it, tells the refusal's excuse of one's own leaving; else None."""
    if previous is not None and previous.slug == LEAVING_PAPERS:
        # ("社保也不给我转 好久之内要办": by when, asked of the answer just given)
        by_when = _PAPERS.search(text) and _BY_WHEN.search(text)
        return previous if _OWN_LEAVING_EXCUSE.search(text) or by_when else None
    if _PAPERS.search(text) and (_REFUSED.search(text) or _BY_WHEN.search(text)):
        return knowledge.get(LEAVING_PAPERS)
    leaving = _LEAVING.search(text) or (previous and previous.category in _LEAVING_TOPICS)
    if _CERTIFICATE_REFUSED.search(text) and leaving:
        return knowledge.get(LEAVING_PAPERS)
    return None


# "我准备不打工了 回屋头开个小面馆" then "医保呢 断了会咋样"; "养老保险呢" after the answer on
# unemployment benefit: the insurance kept up alone, as one in flexible employment
# (《社会保险法》第十条、第二十三条: paid by the worker; 第四十八条: the medical insurance of one
# drawing unemployment benefit is paid from its fund)
FLEXIBLE = "si_flexible_after_leaving"
UNEMPLOYMENT = "si_unemployment"
_OUT_OF_WORK = re.compile(
    r"不打工|不上班|不在单位|不干了|不做了|开(?:个|家)?[^，,。]{0,4}(?:店|馆|铺)|做(?:点)?(?:小)?生意"
    r"|个体|自己干|辞职|离职|失业|下岗|被裁|裁员"
)
_INSURANCE_NAMED = re.compile(r"养老|医保|医疗保险|社保")
_BARE = re.compile(r"呢|咋|怎么|如何|断了|断交|断缴|自己交|自己缴")
_BARE_LENGTH = 14


def insurance_after_leaving_asked(
    knowledge: Knowledge, previous: Answer | None, text: str, recent: tuple[str, ...]
) -> Answer | None:
    """The entry on insurance kept up alone, asked short after work was left; else None."""
    if previous is None or len(text) > _BARE_LENGTH or not _BARE.search(text):
        return None
    named = _INSURANCE_NAMED.search(text)
    if named is None:
        return None
    if previous.slug == UNEMPLOYMENT:  # ("养老保险呢": the benefit pays the medical insurance)
        return knowledge.get(FLEXIBLE) if named.group(0) == "养老" else None
    if previous.category == "社会保险" and any(map(_OUT_OF_WORK.search, (text, *recent))):
        return knowledge.get(FLEXIBLE)
    return None


PAST_RETIREMENT = "older_past_retirement"
# drawing a pension already ("已经在领退休金了", "退休了")
_PENSIONED = re.compile(r"领(?:了|着)?(?:退休金|养老金)|退休了|已经退休|退了休")
# the relation or the paper it is hired on, asked
_HIRED_ON = re.compile(
    r"劳务协议|劳务合同|劳动合同|签(?:个|啥子?|什么)?合同|算(?:啥子?|什么)关系|劳务关系"
)


# "那老板现在不要我了 要给经济补偿不" after that entry: its rule (no compensation by law,
# what was agreed); "一个月值12个夜班 加班费有没得": the pay and hours agreed
_LET_GO_OR_PAID = re.compile(
    r"不要我|不用我|辞退|开除|走人|莫来|不用来|补偿|赔偿|加班费|加班工资|加班钱|夜班费|值班费"
)
# past the retirement age, hurt at work ("早就过了退休年龄 … 拖地滑了一跤手腕骨折", "那要是值
# 夜班的时候摔了 算工伤不" after that entry): the entry on the injury of one past the age (the
# employer answers for it unless a pension is drawn: 人社部发〔2016〕29号第二条)
INJURY_PAST_AGE = "injury_past_retirement"
_PAST_AGE = re.compile(
    r"(?:过了|超过|超了|到了|达到|满了)(?:法定)?退休(?:年龄|年纪)|超龄|年纪超了|岁数超了"
)
_NO_PENSION = re.compile(r"(?:没|没有|从来没|不)(?:领|拿)(?:过|到)?(?:退休金|养老金)")
_HURT = re.compile(r"工伤|受伤|受了伤|摔|骨折|伤了|弄伤|砸|压伤|扭伤|割伤|烫伤")


def pensioner_hired_asked(
    knowledge: Knowledge, previous: Answer | None, text: str
) -> Answer | None:
    """The entry on work past the retirement age when one drawing a pension asks about the
    contract or the relation they are hired on, or, after it, about being let go or the pay
    and hours; the entry on an injury past that age when one is told; else None."""
    if previous is not None and previous.slug == PAST_RETIREMENT:
        if _HURT.search(text):
            return knowledge.get(INJURY_PAST_AGE)
        # ("我是农村的 从来没领过退休金 也是一样的啊": no pension drawn, which the entry says)
        return previous if _LET_GO_OR_PAID.search(text) or _NO_PENSION.search(text) else None
    if previous is None and _PAST_AGE.search(text) and _HURT.search(text):
        return knowledge.get(INJURY_PAST_AGE)
    if _PENSIONED.search(text) and _HIRED_ON.search(text):
        return knowledge.get(PAST_RETIREMENT)
    return None


DISPATCH_EMPLOYER = "flex_dispatch_employer"
_AGENCY = re.compile(r"劳务公司|派遣公司|派遣单位|劳务派遣|中介公司")
_CLIENT = re.compile(r"厂头|厂里|工厂|用工单位|汽配厂|[^\s，,。]{1,4}厂(?!头)|公司")
# which of the two is asked ("找厂头要还是找劳务公司要", "该哪个给")
_WHICH = re.compile(r"还是|哪家|(?:找|告)(?:哪个|谁)|(?:哪个|谁)(?:给|出|付|赔|负责|发|买|交)")


# "我在医院做保洁 是物业公司招的 … 医院说我们不是他们的职工 叫我们找物业 到底找哪个": hired by
# a service firm, working at a client that disowns them (《劳务派遣暂行规定》第二十七条 when the
# client manages them): the entry on the outsourced worker
OUTSOURCED = "flex_outsourcing"
_SERVICE_FIRM = re.compile(r"(?:物业|外包|保洁|保安|服务)公司(?:招|请|派|聘)")
_CLIENT_DISOWNS = re.compile(
    r"不是(?:他们|它|我们)?(?:的|单位的|医院的|厂里的)?(?:职工|员工|人)|不归(?:他们|它)管|(?:叫|喊|让)我们找"
    r"|(?:跟|和)(?:他们|它|厂里|医院)?没(?:得|有)?(?:关系|相干)"
)


def agency_or_client_asked(
    knowledge: Knowledge, previous: Answer | None, text: str
) -> Answer | None:
    """The entry on who answers for a dispatched worker when the message asks which of the
    agency and the firm it names (for an outsourced worker the client disowns, the entry on
    outsourcing); else None."""
    if previous is not None and previous.slug in (DISPATCH_EMPLOYER, OUTSOURCED):
        return None
    if _SERVICE_FIRM.search(text) and _CLIENT_DISOWNS.search(text):
        return knowledge.get(OUTSOURCED)
    rest = _AGENCY.sub(" ", text)
    if _AGENCY.search(text) and _CLIENT.search(rest) and _WHICH.search(text):
        return knowledge.get(DISPATCH_EMPLOYER)
    return None


# "下个月离职了 新工作还没找到 社保怎么办", "辞职了养老保险断了咋个办": work left and no new
# employer yet, the insurance asked of: kept up alone (灵活就业), whatever came before; not the
# employer's failure to pay it, the unemployment benefit, nor the insurance moved (their own)
_OUT_OF_A_JOB = re.compile(
    r"离职|辞职|辞工|不干了|不做了|不上班了|失业|下岗|被裁"
    r"|(?:新|下一个|下个)?(?:工作|单位|下家)[^，,。？?]{0,4}(?:没|还没|没有)(?:找|定|着落)"
)
_KEPT_UP_ASKED = re.compile(
    r"怎么办|咋办|咋个办|怎么弄|咋个弄|咋个续|怎么续|怎么交|咋个交|自己交|断了"
)
_NOT_KEPT_UP = re.compile(
    r"没(?:给|帮)?我?(?:买|交|缴)|不给|不买|不交|不缴|失业金|失业保险金|转|公积金"
)


def insurance_when_out_of_work_asked(knowledge: Knowledge, text: str) -> Answer | None:
    """The entry on insurance kept up alone when the worker, out of a job, asks what becomes
    of their insurance; else None."""
    if not (_OUT_OF_A_JOB.search(text) and _INSURANCE_NAMED.search(text)):
        return None
    if not _KEPT_UP_ASKED.search(text) or _NOT_KEPT_UP.search(text):
        return None
    return knowledge.get(FLEXIBLE)


# a student's internship (《职业学校学生实习管理规定》): after an answer on it, the pay compared
# with the regular workers' ("工资才2000 一起做的正式工拿4500": 80% of the same post's, 第十七条)
# or who oversees it asked ("那这些事找哪个管": the school and the education department, which
# the entry on the intern's hours and pay names)
INTERN_RIGHTS = "student_intern_rights"
_INTERN_PAY_COMPARED = re.compile(
    r"(?:正式工|正式员工|老员工|师傅|同岗位|一起做的|一起干的)[^，,。？?]{0,8}?(?:拿|有|是|发|工资|\d)"
    r"|(?:比|跟|和)(?:正式工|正式员工|老员工|师傅)"
)
_WHO_OVERSEES = re.compile(
    r"(?:找|归)(?:哪个|谁|哪里|哪儿|哪个部门)(?:管|投诉|反映|告)?|(?:哪个|谁|哪里|哪个部门)(?:来)?管"
    r"|(?:去|到|向)(?:哪里|哪儿|哪个部门)(?:投诉|反映|告|举报)"
)


# "我室友7月份毕业了 8月起一直在那上班 没签合同": a graduate at work, no intern (a labour
# relation from the first day: 《劳动合同法》第七条、第八十二条)
INTERN_RELATION = "student_intern_relation"
_GRADUATED = re.compile(r"毕业了|已经毕业|毕了业|拿到毕业证|毕业(?:以后|之后|后)")


def intern_followup_asked(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    """The entry on an intern's hours and pay when, after an internship answer, the pay is
    compared with the regular workers' or who oversees the internship is asked; the entry on
    the relation when one who has graduated is told of; else None."""
    if not previous.slug.startswith("student_intern"):
        return None
    if _GRADUATED.search(text) and previous.slug != INTERN_RELATION:
        return knowledge.get(INTERN_RELATION)
    if _INTERN_PAY_COMPARED.search(text) or _WHO_OVERSEES.search(text):
        return knowledge.get(INTERN_RIGHTS)
    return None


# "派遣公司又要派我去綦江一个厂 工资比原来少800 … 会不会把我开了": sent again on worse terms
# or let go, not one's own leaving (《劳务派遣暂行规定》第十五条; 《劳动合同法》第四十八条)
DISPATCH_RETURNED = "flex_dispatch_returned"
_SENT_AGAIN = re.compile(r"重新派|又要派|又派|另外派|改派|再派|派我去|调我去")
_LET_GO = re.compile(
    r"把我(?:给)?(?:开|辞|炒|裁)|(?:被|遭)(?:开除|辞退|解除|开|辞|炒)|开除我|辞退我|炒了?我|不要我"
)
# "派遣公司是成都的 社保一直在成都交": insured where the agency is (暂行规定第十八条: where sent)
DISPATCH_INSURANCE_PLACE = "flex_dispatch_insurance_place"
_INSURED_ELSEWHERE = re.compile(
    r"(?:社保|保险)[^，,。]{0,6}在(?!重庆|这边|本地)[\u4e00-\u9fff]{2,4}?(?:交|缴|买|参保)"
    r"|(?:外地|外省|异地|跨省|跨地区|跨市)[^，,。]{0,6}(?:社保|参保)"
    r"|(?:社保|参保)[^，,。]{0,6}(?:外地|外省|异地)"
)


def sent_again_told(knowledge: Knowledge, previous: Answer, text: str) -> Answer | None:
    """After a dispatch answer (before the rules of leaving and dismissal, which read "每个月少
    600 … 会不会被解除合同" as the worker's own case): insured where the agency is, sent again on
    worse terms or let go, or the contract's end asked after the sent-back entry; else None."""
    if not previous.slug.startswith("flex_dispatch"):
        return None
    if _INSURED_ELSEWHERE.search(text):
        return knowledge.get(DISPATCH_INSURANCE_PLACE)
    if _SENT_AGAIN.search(text) or _LET_GO.search(text):
        return knowledge.get(DISPATCH_RETURNED)
    if previous.slug == DISPATCH_RETURNED and re.search(r"到期|期满", text):
        return previous  # "can they just let it expire?": the contract runs on (第四十五条)
    return None
