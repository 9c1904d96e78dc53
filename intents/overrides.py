"""Messages that bypass the classifier: button payloads and must-not-miss keyword rules."""

from __future__ import annotations

import json
import re

from intents.asked_cues import (
    IF_IT_COSTS,
    asks_after_a_work_injury,
    asks_after_an_injury,
    asks_which_party,
    help_asked_with_unpaid_wages,
    protected_worker_shifts,
)
from intents.enrol_cues import CAN_I_ENROL, enrolments_asked, enrols_with, party_enrols
from intents.filing_cues import files_a_case
from intents.handoff_cues import HANDOFF, negated
from intents.mediation_cues import MEDIATION_QUESTION, mediation_read
from intents.question_cues import (
    asks_about_a_lawyer,
    asks_if_one_may_apply,
    asks_if_worth_it,
    asks_staff_hours,
    asks_what_to_do,
    is_hypothetical,
)
from intents.request_cues import (
    ADDS_TO_REQUEST,
    APPLIES_AGAIN,
    APPLY_AFTER_ALL,
    APPLY_AFTER_ALL_LATER,
    APPLY_THEN_STORY,
    APPLY_WITH_DETAILS,
    DETAILS,
    DISPUTE_TOLD,
    HANDS_IN_THE_REQUEST,
    MEDIATION_FIRST,
    MEDIATION_WITH_DETAILS,
    MOBILE,
    NOT_MEDIATION,
    REPORTS_MEDIATION,
    TRIES_MEDIATION,
    UNION_CAN_MEDIATE,
    UNION_HELPS_MEDIATE,
    WANTS_IT_PAID,
)

# Rasa's payload syntax: /intent, /intent{"entity": "value"}, /intent@0.8{...}
PAYLOAD = re.compile(
    r"^/(?P<intent>[A-Za-z_][\w.-]*)(?:@(?P<confidence>[0-9.]+))?\s*(?P<entities>\{.*)?$",
    re.DOTALL,
)

HANDOFF_WHOLE = re.compile(r"^(?:人工|真人|客服|human|agent)[!?.。！？~，,]*$")
CANCEL = re.compile(
    r"^(?:那|那就|还是|我)?(?:取消|算了|不办了|退出|不填了|不弄了|不整了|不搞了|cancel|quit|exit)"
    r"(?:算了)?[吧了啦嘛哈]*[\s!?.。！？~，,…]*$"
)
# "等哈 不报了 我先问下他", "先不申请了，我再想想": stopping, with a reason after it
CANCEL_WITH_REASON = re.compile(
    r"^(?:等哈|等下|等一下|等等|那|那就|还是|我)?[\s，,]*(?:先)?(?:不报了|不报名了|不申请了|不办了|不填了)"
    r"[吧啦嘛哈]*[\s，,。!！]+(?:我)?(?:先|再|还是)(?:问|想|考虑|商量|和|跟)"
)
# "等下 算了不用了 我先去找老板当面说一哈": never mind first, then what the worker will do
# instead (not "算了 我先问个事…": a question follows)
CANCEL_THEN_INSTEAD = re.compile(
    r"^(?:等下|等哈|等一下|等等|哦|那|嗯)?[\s，,]*(?:算了|不用了)"
    r"(?:[\s，,]*(?:算了|不用了|不弄了|不申请了|不办了|不报了))*[\s，,]+"
    r"(?:我)?(?:先|自己|明天|改天|回头)(?!问)(?![^?？]*[?？吗])"
    # ("那算了 我自己去学叉车 周几上课 在哪里": another course, and what is asked of it)
    r"(?![^?？]*(?:去学|来学|学个|学门|学点|学些|学啥|学什么|报个|报名|周几|星期几|几点|哪里|哪儿|在哪|好多钱|多少钱))"
    # ("算了 我先去考个厨师证 你们工会有没得这种培训": a course asked for instead)
    r"(?![^?？]*(?:考个|考证|培训|有没得|有没有|有莫得))"
)
# "等哈 我星期一晚上要加班 不报了", "周三晚上跑不脱 还是取消了嘛": the reason first,
# stopping said last on its own
CANCEL_LAST = re.compile(
    r"[\s，,。!！](?:那|那就|还是|我|先|就)?(?:不报了|不报名了|不申请了|不填了)[吧啦嘛哈]*[\s!！。.~～]*$"
)
# ... or 取消 / 不去了 last, when no course is named (then it is that course's enrolment:
# "太极班我不去了 取消掉")
CANCEL_LAST_UNNAMED = re.compile(
    r"[\s，,。!！](?:那|那就|还是|我|先|就)?(?:取消了?|取消掉|不去了|不上了)[吧啦嘛哈]*[\s!！。.~～]*$"
)
_NAMES_A_COURSE = re.compile(r"班|课|营|报的|报名|学堂")


# "等哈再说 我先去送单了", "回头再弄": stopping for now, whatever the form was asking
CANCEL_FOR_NOW = re.compile(
    r"^(?:那|好|好嘛|算了)?[\s，,]*(?:等哈|等下|等一下|回头|晚点|晚些|下次|改天|有空|过两天)"
    r"(?:再说|再弄|再填|再搞|再来|再办)(?:吧|嘛|哈|了)?(?:[\s，,。!！]+.{0,12})?$"
)


def parse_payload(text: str) -> tuple[str, float | None, list[dict]] | None:
    """Split `/intent@conf{json}` into (intent, confidence or None, entities); None if not one."""
    m = PAYLOAD.match(text.strip())
    if m is None:
        return None
    confidence = None
    if m.group("confidence"):
        try:
            confidence = max(0.0, min(1.0, float(m.group("confidence"))))
        except ValueError:
            confidence = None
    entities: list[dict] = []
    raw = m.group("entities")
    if raw:
        try:
            data = json.loads(raw)
        except ValueError:
            data = None
        if isinstance(data, dict):
            end = len(text)
            for key, value in data.items():
                for item in value if isinstance(value, list) else [value]:
                    entities.append(
                        {
                            "entity": str(key),
                            "value": item,
                            "start": 0,
                            "end": end,
                            "extractor": "payload",
                        }
                    )
    return m.group("intent"), confidence, entities


# "我有个劳动方面的问题", "想咨询一下": a policy question still to be asked (the bot asks which)
ASK_INTRO = re.compile(
    r"^(?:嗯|呃|额|那个|就是说?|请问)*(?:我)?(?:还)?(?:有|想问|想咨询|要咨询|咨询|问)(?:一)?"
    r"(?:个|下|些|点)?(?:劳动|法律|政策|劳动法|劳动政策|工作上?的?|上班的?)(?:方面|相关|上)?的?"
    r"(?:问题|事情?|事儿)?(?:想问|要问|请教|咨询)?(?:一下|下)?[吗呢啊哈嘛。！!？?~]*$"
)


# "工会是干啥子的", "总工会是个啥子组织": what the union is (a policy answer), not what this
# bot can do ("你是干啥子的", "工会能帮我啥子" stay `help`)
WHAT_THE_UNION_IS = re.compile(
    r"^(?:请问|那|你好)?(?:这个|你们|我们)?(?:区|总|区总|基层)?工会(?:到底|究竟|主要)?"
    r"(?:是(?:干|做|搞|管)(?:啥子?|什么|啥|些啥子?)的|是(?:个|一个)?(?:啥子?|什么)(?:组织|单位|机构|东西)"
    r"|(?:到底)?(?:管|干|做)(?:些)?(?:啥子?|什么)(?:事)?)[吗呢啊哈嘛哦。！!？?~]*$"
)


# "老板把钱给我了 我不想调解了 撤回", "调解申请撤销": withdrawing one's own mediation request
# (not an enrolment: 报名撤回 is cancel_enrolment's)
# (加班 and 上班 are work, not a class)
ENROLMENT_TALK = re.compile(r"报名|课|(?<![加上值夜白早晚中倒换轮跟下])班|培训")
_WITHDRAWS_CASE = re.compile(
    r"(?:调解|案子|案件)[^，,。？?]{0,8}?(?:撤回|撤销|撤掉|撤了|不要了|不用了|不弄了|不搞了)"
    # "那我那个申请撤了嘛": the request filed, taken back
    # ("申请撤了嘛" alone too; "申请撤销仲裁裁决" names another object)
    r"|(?:那个|这个|我的|刚才的?|提交的)?申请[^，,。？?]{0,4}?(?:撤回|撤销|撤掉|撤了)"
    r"(?![^，,。？?]{0,4}(?:仲裁|裁决|判决|处分|处罚|决定))"
    # "老板把钱打给我了 那个申请我不要了": the request filed, no longer wanted
    r"|(?:那个|这个|我的|刚才的?|提交的)申请[^，,。？?]{0,4}?(?:不要了|不用了|不弄了|不搞了|不办了)"
    # ("我想把申请撤了")
    r"|把(?:那个|这个|我的|刚才的?)?申请(?:给)?(?:撤回|撤销|撤掉|撤了)"
    r"|(?:撤回|撤销|撤掉|撤了)[^，,。？?]{0,6}?(?:调解|案子|案件)"
    r"|不(?:想|要|用|打算)(?:再)?(?:申请)?调解了.{0,6}?(?:撤|取消)"
)


# "想了下还是撤销算了 …", "我还是想撤回 我准备直接去仲裁": the verb alone, its object understood
# (the worker's request: a course is 报名 talk; "撤销仲裁裁决" names another object)
_BARE_WITHDRAWAL = re.compile(r"(?<![不别莫])(?:撤回|撤销)(?=了|掉|吧|嘛|算了|好了|$|[\s，,。!！])")
# "公司说我那个岗位撤销了 让我去当保安": a post or a department done away with (the story of a
# dismissal, 《劳动合同法》第四十条第三项), not the worker's request taken back
_POST_ABOLISHED = re.compile(
    r"(?:岗位|职位|岗|部门|车间|班组|科室|编制|门店|分店|店子|生产线|产线|项目|工种"
    # ("质检科撤销了", "我们组撤了": a unit named by its last character)
    r"|[\u4e00-\u9fff][科组室部处队线店])(?:被|给|都|也|要)?(?:撤销|撤了|撤掉|撤)"
)


# "回到刚才那个补偿 要是他们没得理由乱开的呢" after a request was filed: the policy topic
# talked of before, taken up again (not where the request stands)
_BACK_TO_A_SUM = re.compile(
    r"(?:回到|说回|再说回|接着说|还是说)(?:刚才|之前|前面|先前)?(?:那个|说的|问的|的)?"
    r"(?:补偿|赔偿|赔偿金|加班费|加班|年假|工资|社保|试用期|工伤|产假|病假|双倍工资)"
    # "还有合同那个事 如果我满了一年都还没签呢": a matter of work taken up again after courses
    r"|还有(?:刚才|之前)?(?:那个)?(?:补偿|赔偿|加班费|加班|年假|工资|社保|试用期|工伤|产假|病假|合同)"
    r"(?:那个|的)?(?:事|事情|问题)"
)


# a diploma wanted ("想去弄个文凭", "想拿个大专文凭", "提升下学历")
_WANTS_A_DIPLOMA = re.compile(
    r"(?:想|要|准备|打算)(?:去)?(?:弄|拿|考|读|混|搞|整)(?:个|一个)?(?:大专|本科)?(?:文凭|学历)"
    r"|(?:想|要)(?:提升|提高)(?:一?下|一哈)?学历"
    # "那算了 我自己学点啥子 星期四下午我轮休": a course for oneself, asked
    r"|(?:我|我自己)(?:去|来)?学(?:点|些|个|门)(?:啥子?|什么)"
    # "我有个同事只有高中文凭 他能读啥子": schooling told, what one can study asked
    r"|(?:文凭|学历|毕业|文化)[^，,。？?]{0,6}?(?:能|可以)(?:读|报|上)(?:个)?(?:啥子?|什么|哪个|哪些)"
    # "厂里裁员了 … 想学个好找工作的 推荐一下嘛": a course wanted, whatever the story before
    r"|想学(?:个|点|门|一门|一个|一点)[^，,。？?\s]{0,8}?(?:的|手艺|技术)"
    # "我还想考个证 以后休完产假可以去做育儿嫂": a certificate course wanted
    r"|(?:想|要|准备|打算)(?:去)?(?:考|拿|弄)(?:个|一个)(?:[^，,。？?\s]{0,4}?)证(?!明|据|件)"
)


# the seats of a course asked ("名额够不", "收好多个人哦", "还有位置没")
_SEATS_ASKED = re.compile(
    r"名额(?:够不|够吗|够不够|还有没|还有吗|有好多|有多少|多不多|满了没)|收好多个?人|收多少人|收几个人"
    r"|一个?班(?:收|有)?好多人|还有(?:位置|空位|名额)(?:没|吗|不)"
)


# "周六下午我休息 可以报名", "那就帮我报个名嘛": enrolling said last
_ENROL_AT_THE_END = re.compile(
    r"(?:可以|能|就|那就|帮我|给我|我要|我想)报(?:名|个名)[吧嘛噻哦了啊呀]*$"
)


# "那小的咋个办嘛", "那大的呢": the other child of two told of, asked about bare
_THE_OTHER_CHILD = re.compile(
    r"^(?:那|那么)?(?:小的|大的|老大|老二|老幺|小的那个|大的那个)(?:咋个办|怎么办|咋办|呢|嘞|喃|咋整)?"
    r"[嘛呢哦喃啊？?。]*$"
)


# "我们两口子都要报 咋个报", "我俩都想报名": the worker and a partner enrolling together
_BOTH_ENROL = re.compile(
    r"(?:两口子|我们两个|我们俩|我俩|我们两人|我跟我(?:老婆|老公|爱人|媳妇|婆娘|男人)(?:两个)?)"
    r"(?:都|一起)(?:要|想)?(?:报|报名)(?![^，,。？?]{0,6}(?:工伤|调解|仲裁|案))"
)


# "那我还剩啥子", "我现在还剩哪几门课": the worker's enrolments left (not seats: "还剩几个")
_WHAT_IS_LEFT = re.compile(
    r"^(?:那|那么|哦)?(?:我)?(?:现在)?(?:还)?剩(?:下)?(?:的)?(?:啥子|什么|哪些|哪几门|啥|哪几个课|几门课)"
    r"(?:课|了|呢|嘛|哦|哇)?[？?。]*$"
)


def is_ask_intro(text: str) -> bool:
    """A message that announces a question without asking it (compact text, no spaces)."""
    compact = text.replace(" ", "")
    return len(compact) >= 3 and ASK_INTRO.match(compact) is not None


# "那算了 周二周四晚上我要接孙子 下回再说": the offer declined for now, with a reason
_PUT_OFF = re.compile(
    r"^(?:那|哦|好|唉)?算了.{0,20}(?:下回再说|以后再说|下次再说|下次吧|下回吧|以后再报|下期再报|再说吧)"
    r"[吧嘛哈啦。.!！]*$"
)


# "确认 要是…咋个办" at a summary: a yes, then a question of its own
CONFIRMS_THEN_ASKS = re.compile(
    # ("要得 确认 对了这个好久有回复": a word of assent before it)
    r"^(?:(?:好|好的|要得|对|对的|行|可以|嗯|没问题)[，,。\s]*)?"
    r"(?:确认|确认提交|确定提交|提交)(?:了|吧|嘛)?[，,。\s]+(?=\S{4,})"
)


# "…算了 我这个确认报名", "那就确认提交": the summary's confirmation said last
_CONFIRMED_AT_THE_END = re.compile(
    r"(?:^|算了|不管了|[，,。])(?:我(?:这个|的)?|那)?(?:就|还是)?确认(?:报名|提交)"
    r"(?:嘛|吧|了|哈)?[。!！]?$"
)
# "我老公也报上了噻", "她也报好了吧": whether someone named is enrolled too, asked
_ALSO_ENROLLED_ASKED = re.compile(
    r"^(?:那)?(?:我)?(?:老公|老婆|爱人|媳妇|男人|妈|爸|娃儿|孩子|同事|工友|朋友|他|她)"
    r"(?:的)?也(?:都)?(?:报上|报好|报了|报名了|登记上|登记好)(?:了)?(?:噻|吧|没|吗|么|哈|嘛|哦|不)[？?]*$"
)


def rule_intent(text: str) -> str | None:
    """`human_handoff`, `cancel`, `course_enroll`, `course_followup`, `policy_question` (an
    announced question) or `mediation_request` when the
    (normalised, space-free) text clearly asks for it."""
    compact = text.replace(" ", "")
    if not compact:
        return None
    if HANDOFF_WHOLE.match(compact):
        return "human_handoff"
    if CONFIRMS_THEN_ASKS.match(text.strip()):
        # "确认 要是调解的时候老板也不来咋个办": handed in, the question answered after
        return "affirm"
    if IF_IT_COSTS.search(compact):
        # "要钱不 要钱就算了": the fee asked, the decline only if it costs
        return "course_followup"
    if _PUT_OFF.match(compact):
        return "cancel"  # "那算了 周二周四晚上我要接孙子 下回再说": not now
    if asks_staff_hours(compact):
        return "human_handoff"  # "你们人工好久上班": answered by the handoff with the hours
    # (a space ends a clause: "当面说哈不 想找个真人" is no "不想")
    spaced = re.sub(r"\s+", "，", text.strip())
    for m in HANDOFF.finditer(spaced):
        if not negated(spaced, m.start()):
            return "human_handoff"
    if (
        CANCEL.match(compact)
        or CANCEL_FOR_NOW.match(text.strip())
        or CANCEL_WITH_REASON.match(text.strip())
        or CANCEL_LAST.search(text.strip())
        or (CANCEL_LAST_UNNAMED.search(text.strip()) and not _NAMES_A_COURSE.search(compact))
        or CANCEL_THEN_INSTEAD.match(text.strip())
    ):
        return "cancel"
    if NOT_MEDIATION.search(compact) and "仲裁" in compact:
        # "我不想调解 直接去仲裁可以不": arbitration asked about, no request to mediate
        return "policy_question"
    if (
        _WITHDRAWS_CASE.search(compact)
        or (_BARE_WITHDRAWAL.search(text) and not _POST_ABOLISHED.search(compact))
    ) and not ENROLMENT_TALK.search(compact):
        return "withdraw_case"
    if ADDS_TO_REQUEST.search(compact) and not ENROLMENT_TALK.search(compact):
        # "刚才那个申请我还想补充一哈 …": more told for a request already filed (added to it
        # by the fallback's reading of the conversation: actions/case_additions.py)
        return "inform"
    if REPORTS_MEDIATION.search(compact) and not ENROLMENT_TALK.search(compact):
        return "mediation_request"
    if _CONFIRMED_AT_THE_END.search(compact):
        # "她周六上午要上班 去不成 算了 我这个确认报名": the summary's button said in words
        return "affirm"
    if _BACK_TO_A_SUM.search(compact) and not ENROLMENT_TALK.search(compact):
        return "policy_question"  # "回到刚才那个补偿 要是…呢": the topic taken up again
    if _WANTS_A_DIPLOMA.search(compact):
        return "course_search"  # "我只读了高中 想去弄个文凭": the union's schooling courses
    if _THE_OTHER_CHILD.match(compact):
        return "course_search"  # "那小的咋个办嘛" after a course too old for her: for that child
    if enrolments_asked(text):  # "现在还有哪个报着的", "把他去掉"
        return enrolments_asked(text)
    if party_enrols(text) and not REPORTS_MEDIATION.search(compact):
        return "course_enroll"  # "报我们两个 我叫严小东 136… 工友何家伟 187…"
    if _ENROL_AT_THE_END.search(compact) and not REPORTS_MEDIATION.search(compact):
        return "course_enroll"  # "周六下午我休息 可以报名": the course in view, enrolled
    if _BOTH_ENROL.search(compact) and not REPORTS_MEDIATION.search(compact):
        return "course_enroll"  # "我们两口子都要报 咋个报": the course in view, for both
    if _SEATS_ASKED.search(compact) and not REPORTS_MEDIATION.search(compact):
        return "course_followup"  # "我们三姊妹都想去 名额够不": the seats of the course in view
    if _WHAT_IS_LEFT.match(compact):
        return "my_enrolments"  # "那我还剩啥子" after a cancellation: the enrolments left
    if _ALSO_ENROLLED_ASKED.match(compact):
        return "my_enrolments"  # "我老公也报上了噻": whether the partner is enrolled too
    if enrols_with(compact) and DETAILS.search(compact):
        return "course_enroll"
    if MEDIATION_WITH_DETAILS.match(compact) and DETAILS.search(compact):
        return "mediation_request"
    if APPLY_WITH_DETAILS.match(text.strip()) and DETAILS.search(compact):
        return "mediation_request"
    if APPLY_THEN_STORY.match(text.strip()) and DISPUTE_TOLD.search(compact):
        # "那申请嘛 我在快递站分拣 欠了我两个月工资 一个月5200": the dispute told after it
        return "mediation_request"
    if APPLY_AFTER_ALL.match(compact):
        return "mediation_request"
    if TRIES_MEDIATION.match(text.strip()) and re.search(r"试|走|先|看看|就", text):
        return "mediation_request"
    if HANDS_IN_THE_REQUEST.search(compact):
        # "那好嘛 我先把申请交了 电话是151…": the request (begun before) handed in now
        return "mediation_request"
    if APPLY_AFTER_ALL_LATER.search(text) and (
        DETAILS.search(compact) or WANTS_IT_PAID.search(compact)
    ):
        # ("唉 还是申请嘛 他们说了好几回了都没兑现 … 要他全部补给我": what is wanted, told)
        return "mediation_request"
    if MEDIATION_FIRST.search(text) and not MEDIATION_QUESTION.search(compact):
        return "mediation_request"
    if APPLIES_AGAIN.search(text) and not ENROLMENT_TALK.search(compact):
        # "编号我没记到 … 那我重新申请一个嘛": a request the bot cannot find, made again
        return "mediation_request"
    if UNION_CAN_MEDIATE.search(compact) and DISPUTE_TOLD.search(compact):
        # "包工头的钱一直不给 工会调节得不": the union asked to mediate this dispute
        return "mediation_request"
    if CAN_I_ENROL.search(compact):
        return "course_followup"
    if files_a_case(compact):
        # "我要告…公司 押金不退…", "冉秀英 158… 想要回工资和押金": the request
        return "mediation_request"
    if UNION_HELPS_MEDIATE.search(compact) and MOBILE.search(compact):
        # "你们工会能帮我找老板调解不 我叫周小兵 158… 在渝北宏运物流上班": asked with the
        # details the request needs, it is the request
        return "mediation_request"
    if help_asked_with_unpaid_wages(compact):
        return "mediation_request"  # "…两个月工资都没给 你们管不管": the union's help asked
    if asks_after_an_injury(compact) or asks_which_party(compact):
        # "…你们工会到底管不管嘛" after an injury; "调解的话是找派遣公司还是找厂里"
        return "policy_question"
    if asks_after_a_work_injury(compact) and not ENROLMENT_TALK.search(compact):
        return "policy_question"  # "…昨天手遭机器压了 缝了十几针 现在该咋个办"
    if (
        is_ask_intro(compact)
        or WHAT_THE_UNION_IS.match(compact)
        or is_hypothetical(compact)
        or asks_what_to_do(compact)
        or asks_if_one_may_apply(compact)
        or asks_if_worth_it(compact)
        or asks_about_a_lawyer(compact)
        or protected_worker_shifts(compact)
    ):
        return "policy_question"
    return mediation_read(compact)
