"""Messages about work that ask rather than file: a what-if, a story that asks what to do or
how long a claim lasts, a question about what the employer does. For an unsure
`mediation_request` these are policy questions (their answers offer mediation)."""

from __future__ import annotations

import re

# "要是公司想续 是我自己不想续呢": a hypothetical about work is a question, not a request
_HYPOTHETICAL = re.compile(r"^(?:那|那么)?(?:要是|如果|假如|万一|假设|若是)")
_ABOUT_WORK = re.compile(
    r"公司|老板|包工头|单位|厂里|厂头|工地|合同|工资|工钱|欠薪|补偿|赔偿|续签|辞退|开除|加班|工伤|社保|离职|辞职"
    # "叫我先交800押金才上得到班", "刚进厂当学徒 师傅喊我…": a new job's first days
    r"|押金|保证金|进厂|学徒|师傅|入职|试用期|身份证|毕业证|证件"
)
_ASKS_FOR_HELP = re.compile(r"调解|申请|帮我|帮忙|转人工|人工")


# "…老板说是我自己不小心 不得赔 咋个整嘛": a story that ends asking what to do or whether it
# is allowed wants an answer first (which offers mediation), not a form
_ASKS_WHAT_TO_DO = re.compile(
    r"(?:咋个整|咋个办|怎么办|咋办|咋整|怎么整|咋个弄|咋弄|怎么弄|合法吗|合不合法|合法不|要得不|算不算|违法吗|违法不"
    # "…这个正常不": whether what the employer does is normal, asked
    r"|正常不|正常吗|正不正常|合理不|合理吗"
    # "…还扣了毕业证原件 也一样不": the same rule asked of another case
    r"|也一样不|也一样吗|一样不|一样吗)"
    r"[嘛吗呢啊哦哈]*[？?。!！~]*$"
)


# "…欠我工资 过了好久就告不成了": asking how long before a claim runs out is a question (the
# time limit), not a request to file one
_ASKS_TIME_LIMIT = re.compile(
    r"(?:好久|多久|多长时间|几年|几个月)[^,，。!！?？]{0,6}"
    r"(?:不成|不了|不到|不回|不能|不行|没用|过期|失效|作废|无效|超时)"
)


# "要在好久之内去申请": within how long something must be done
_ASKS_WITHIN = re.compile(r"(?:好久|多久|多长时间|几天|几个月|几年)(?:之内|以内|内)")
# help the employer gives or refuses ("老板说帮我报工伤", "公司不帮我申请"): not the worker
# asking the union for help
_THEIR_HELP = re.compile(
    r"(?:老板|公司|单位|厂里|厂头|主管|领导|他|她)"
    r"(?:(?!我想|我要|想要|想申请|调解|工会|你们)[^，。,！!？?]){0,10}?(?:申请|报|认定|办)"
)


def _worker_asks_for_help(compact: str) -> bool:
    return _ASKS_FOR_HELP.search(_THEIR_HELP.sub("", compact)) is not None


def asks_what_to_do(compact: str) -> bool:
    """A message about work that asks what to do or how long a claim lasts, and asks for no
    help itself."""
    return (
        (
            _ASKS_WHAT_TO_DO.search(compact) is not None
            or _ASKS_TIME_LIMIT.search(compact) is not None
            or _ASKS_WITHIN.search(compact) is not None
        )
        and not _worker_asks_for_help(compact)
        and _ABOUT_WORK.search(compact) is not None
    )


# "老板欠我们两个月工资了 我们该找哪个", "我想换个厂 要提前好久跟老板说嘛": a story the
# classifier only leans to read as a request, but that asks something and asks for no help,
# is a question (its answer offers mediation)
_QUESTION_CUE = re.compile(
    r"[?？吗么]|找哪|找谁|哪里|哪个|哪些|好久(?!了)|多久|几天|几个月|咋个|怎么|咋|啥子|什么|"
    r"能不能|可不可以|可以不|该不该|合不合|算不算|有没有|有没得|要得不|行不行|对不对|对不|合理不|"
    # "没跟我商量过 这个得行啊": 得行 asked back, in doubt that it may
    r"得行(?:啊|嘛|哦|呀|不|吗)|"
    # "我要不要写嘛", "签不签": asked A-not-A
    r"要不要|([\u4e00-\u9fff])不\1|"
    r"(?:老板|公司|厂里|厂头|单位|领导|主管|站长)(?:说|讲)|"
    # "我想问哈 包工头欠了我们一伙人的工钱": the worker says a question comes
    r"我想问|想问(?:一?下|哈|个事)|请问|问(?:一?下|哈)|"
    # "我平均工资5千2 帮我算下好多": a sum asked
    r"算(?:一)?下|算一哈|算哈|好多钱?$|"
    # "还能要回来不", "算不算数不": asked with 不 at the end
    r"(?:能|可以|会|算|有|要得)[^，,。!！]{0,10}不[嘛吗哦啊呢]?$"
)
# "我想问一下 包工头欠了我们好几个人的工资": a message that opens by saying a question comes
_ANNOUNCES_A_QUESTION = re.compile(
    r"^(?:你好|您好|喂)?[，,]?(?:我)?(?:想|要)?(?:请问|问(?:一?下|哈|个事|点事))"
)
_FILES_A_REQUEST = re.compile(
    r"调解|申请|帮我(?!算|看下|看一下|查)|帮忙|帮下|转人工|人工|工会|管不管|找你们|登记"
)


def asks_rather_than_files(compact: str) -> bool:
    """A message about work that asks something, or reports what the boss said, and asks for
    no help: for an unsure `mediation_request`, a question (compact text)."""
    return (
        _QUESTION_CUE.search(compact) is not None
        and _FILES_A_REQUEST.search(compact) is None
        and _ABOUT_WORK.search(compact) is not None
    )


def announces_a_question(compact: str) -> bool:
    """The message opens with 我想问一下 / 请问 (compact text): the worker asks, whatever the
    story after it sounds like."""
    return _ANNOUNCES_A_QUESTION.match(compact) is not None


def is_hypothetical(compact: str) -> bool:
    """A "what if" about work that asks for nothing (compact text)."""
    return (
        _HYPOTHETICAL.match(compact) is not None
        and _ABOUT_WORK.search(compact) is not None
        and _ASKS_FOR_HELP.search(compact) is None
    )


# "老板不帮我弄 我个人可以去申请不嘛": whether the worker may apply (for injury recognition,
# arbitration) on their own, asked; not a request for the union's mediation
_MAY_I_APPLY = re.compile(
    r"我(?:个人|自己|本人)?(?:可以|能|能不能|可不可以)(?:自己|个人)?(?:去)?申请"
    r"(?!调解)[^，。,！!]{0,6}?(?:不|吗|么|没|嘛|不嘛)[嘛吗哦呢?？]*$"
)


def asks_if_one_may_apply(compact: str) -> bool:
    """Whether the worker may apply on their own, asked (compact text, no mediation named)."""
    return "调解" not in compact and _MAY_I_APPLY.search(compact) is not None


# "老板欠我800块钱 就这点钱值不值得找工会哦", "为几百块钱去调解划得来不": whether claiming
# is worth the trouble, asked by a worker still deciding (answered, the request offered)
_WORTH_IT = re.compile(
    r"值不值得|值得不|值得吗|值不值|划不划算|划算不|划得来不|划不来|有没有必要|有必要不|有必要吗|犯不着|犯得着"
)
_CLAIMING = re.compile(r"工会|调解|申请|告|仲裁|投诉|维权|讨|追|要回|找(?:他|老板|公司|厂)")


def asks_if_worth_it(compact: str) -> bool:
    """Whether going to the union (mediation, a complaint) is worth it, asked (compact text)."""
    worth = _WORTH_IT.search(compact)
    return worth is not None and _CLAIMING.search(compact) is not None


# "那要请律师不", "仲裁的话得不得找律师": whether a lawyer is needed (or the union's legal help)
# is asked, never a request to file ("我叫… 电话…" would be the details)
# (not "我要找律师": a person asked for, the handoff)
_LAWYER_ASKED = re.compile(
    r"律师(?:不|吗|么|没|嘛|呢|哇)[？?]*$"
    r"|(?:要不要|需不需要|用不用|得不得|是不是要|是不是得|必须|非得|一定要|一定得)(?:去)?(?:请|找)?(?:个)?律师"
)
_A_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def asks_about_a_lawyer(compact: str) -> bool:
    """Whether a lawyer is needed, asked in a message that gives no details for a request
    (compact text)."""
    return _LAWYER_ASKED.search(compact) is not None and _A_MOBILE.search(compact) is None


# who sees what the worker tells: privacy named, or someone coming to know, see or be told
_PRIVACY_NAMED = re.compile(r"保密|泄露|泄漏|隐私|个人信息|confidential|privacy|private", re.I)
_KNOWING = re.compile(
    r"知道|晓得|看得到|看到|看得见|传出去|传到|告诉|说出去|讲出去|发现|给不给|know|see", re.I
)
_WHO_MAY_KNOW = re.compile(r"老板|公司|厂|单位|领导|主管|别人|哪些人|谁|boss|company", re.I)


def about_privacy(text: str) -> bool:
    """ "我跟你说厂头的事 会不会被老板晓得": whether the words speak of who may know ("不晓得是
    真是假" does not)."""
    return _PRIVACY_NAMED.search(text) is not None or (
        _KNOWING.search(text) is not None and _WHO_MAY_KNOW.search(text) is not None
    )


# "你们人工好久上班", "工作人员几点下班", "人工客服什么时候有人": when the union's staff are at
# the desk, asked (answered with the hours, not a place in the queue)
_STAFF_HOURS = re.compile(
    r"(?:人工|真人|工作人员|客服|服务台|你们|工会)(?:客服|服务)?(?:一般|都|是|每天)?"
    r"(?:几点|好久|多久|什么时候|啥时候|啥子时候|哪天|哪个时候|星期几|周几)"
    r"(?:开始)?(?:上班|下班|有人|在|上线|开门|关门|能回|回复|服务)"
    r"|(?:人工|工作人员|客服|服务台)(?:的)?(?:上班|工作|服务|值班)时间"
)


def asks_staff_hours(compact: str) -> bool:
    """The message asks when staff are at the desk."""
    return bool(_STAFF_HOURS.search(compact))
