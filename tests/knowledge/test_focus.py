"""The part of an answer a follow-up asks about (bot/knowledge/focus.py)."""

from bot.knowledge.focus import asks_how_long, covers, details_named, focused

OVERTIME = (
    "工作日延长工时：不低于工资的150%；休息日加班：先安排补休，补不了的付不低于200%；"
    "法定节假日加班：付不低于300%，而且不能用补休代替。日工资一般按月工资÷21.75算。"
)


def test_a_rest_day_follow_up_gets_the_rest_day_sentence() -> None:
    assert focused(OVERTIME, "那周末呢") == "休息日加班：先安排补休，补不了的付不低于200%。"
    assert focused(OVERTIME, "星期天加班嘞") == "休息日加班：先安排补休，补不了的付不低于200%。"


def test_a_long_break_gets_both_rest_days_and_public_holidays() -> None:
    part = focused(OVERTIME, "那过年呢")
    assert part is not None
    assert "200%" in part and "300%" in part and "150%" not in part


def test_nothing_is_narrowed_without_a_facet_or_when_every_sentence_has_it() -> None:
    assert focused(OVERTIME, "那要是不给呢") is None
    assert focused("休息日不上班；休息日不加班。", "周末呢") is None
    assert focused(OVERTIME, "那平时呢").startswith("工作日延长工时")  # type: ignore[union-attr]


INJURY = (
    "因工伤需要暂停工作治疗的，在停工留薪期内原工资福利待遇不变，由单位按月支付。"
    "停工留薪期一般不超过12个月；伤情严重的，经劳动能力鉴定委员会确认可以延长。"
    "单位不发的，可申请劳动仲裁。"
)


def test_how_long_gets_the_sentence_with_the_length() -> None:
    assert focused(INJURY, "这个期限一般好久") == "停工留薪期一般不超过12个月。"
    assert focused(INJURY, "单位不发咋办") is None


PART_TIME = (
    "非全日制用工是按小时计酬、每周累计不超过24小时的用工。"
    "不得约定试用期；双方都可以随时通知对方终止，单位不用给经济补偿。"
    "工资结算周期最长不超过15天。"
)


def test_a_detail_the_answer_states_is_covered_by_it() -> None:
    assert covers(PART_TIME, "老板说不要我了 要给补偿不")
    assert covers(PART_TIME, "工资好久结一回")
    assert covers(PART_TIME, "一个星期最多能做好久")
    assert focused(PART_TIME, "工资好久结一回", details=True) == "工资结算周期最长不超过15天。"
    # a length, a day of rest or the weekly rest are no such detail
    assert not covers(PART_TIME, "产假有好久")
    assert not covers(PART_TIME, "一个星期至少要休好久")
    assert not covers(OVERTIME, "现在一年总共有几天法定节假日")


def test_the_employer_refusing_what_the_answer_covers() -> None:
    answer = "单位应在30日内申请工伤认定。单位不申请的，你本人可以在1年内直接去申请。要带申请表。"
    assert covers(answer, "单位不帮我报咋办")
    assert (
        focused(answer, "单位不帮我报咋办", details=True)
        == "单位不申请的，你本人可以在1年内直接去申请。"
    )
    assert not covers(answer, "单位不给我买社保咋办")


def test_a_detail_the_entry_is_about_is_no_detail_of_it() -> None:
    probation = "不满3个月的不能约定试用期；1年以上不满3年的最多2个月。试用期包含在合同期内。"
    assert covers(probation, "有试用期没得")
    assert not covers(probation, "有试用期没得", topic="试用期最长可以定好久")
    assert covers(PART_TIME + "可以口头约定。", "要签合同不")
    # a story of no contract asks nothing of an answer that mentions applying orally
    assert not covers("可以书面申请，也可以口头申请。要带身份证。", "没签合同能要双倍工资不")


JOINING = (
    "靠工资收入生活的劳动者都能入，向单位工会或区总工会申请。"
    "也可以通过工会App、微信公众号网上入会。会员每月按本人工资收入的0.5%交会费。"
)


def test_what_it_costs_asked_bare_gets_the_fee_sentence() -> None:
    fee = "会员每月按本人工资收入的0.5%交会费。"
    assert covers(JOINING, "要交钱不")
    assert focused(JOINING, "要交钱不", details=True) == fee
    # the words around the ask name what the answer is about
    assert focused(JOINING, "入会要交钱不", details=True) == fee
    # ... or something else: mediation's fee is not asked of the joining answer
    assert not covers(JOINING, "调解收费不")
    # an answer with no fee sentence is not narrowed
    assert not covers(OVERTIME, "要交钱不")


def test_below_the_standard_gets_what_happens_then() -> None:
    minimum = (
        "由重庆市政府定，分档执行。最低工资不包括加班工资。"
        "正常上满班的，工资不能低于当地最低工资；低于标准的，向劳动保障监察投诉，单位要补足差额。"
    )
    part = focused(minimum, "公司给我发的比这个还低咋办", details=True)
    assert part is not None and "补足差额" in part and "分档" not in part


def test_an_approval_refused_gets_the_sentence_that_none_is_needed() -> None:
    notice = (
        "提前30天书面通知；试用期内提前3天。过了试用期辞职，提前30天书面通知单位就行，"
        "不需要单位批准，30天到了就可以走。最好写书面辞职信，自己留底。"
    )
    assert covers(notice, "公司不批咋办")
    part = focused(notice, "公司不批咋办", details=True)
    assert part is not None and "不需要单位批准" in part and "辞职信" not in part


def test_which_insurance_the_employer_pays_is_asked_of_the_part_time_answer() -> None:
    part_time = (
        "非全日制用工是按小时计酬的用工。不得约定试用期。"
        "单位要给你交工伤保险，养老、医疗保险可以按灵活就业人员自己参保。"
    )
    assert covers(part_time, "那老板要给我买社保不")
    assert focused(part_time, "那老板要给我买社保不", details=True) == (
        "单位要给你交工伤保险，养老、医疗保险可以按灵活就业人员自己参保。"
    )


def test_a_fee_charged_gets_the_sentence_that_nobody_may_charge() -> None:
    equal_pay = (
        "不能，派遣工和正式工同工同酬。加班费、绩效奖金也要给。"
        "派遣公司不得克扣用工单位付给你的报酬，派遣公司和用工单位都不能向你收费。"
        "待遇被压低的，可以找工会，或申请劳动仲裁。"
    )
    asked = "派遣公司每个月还要扣我200块管理费"
    assert covers(equal_pay, asked)
    part = focused(equal_pay, asked, details=True)
    assert part is not None and "不能向你收费" in part and "同工同酬" not in part


def test_the_pay_period_and_the_notice_asked_of_an_answer_that_states_them() -> None:
    part_time = "可以口头约定，不得约定试用期。工资结算周期最长不超过15天。单位要给你交工伤保险。"
    assert covers(part_time, "工资一个月发一次可以不")
    part = focused(part_time, "工资一个月发一次可以不", details=True)
    assert part is not None and "15天" in part and "试用期" not in part
    leaving = "可以，不用等30天，还能要经济补偿。要写书面解除通知。"
    assert covers(leaving, "要不要提前30天跟他说")
    assert "30天" in details_named("要不要提前一个月跟老板说", "单位不发工资，我能马上走人吗")
    assert asks_how_long("好久之内要去申请") and not asks_how_long("要去申请")
