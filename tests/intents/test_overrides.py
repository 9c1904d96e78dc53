"""Rules read before the classifier: questions about mediation or about what the employer
does are no request to file a case; small talk in front of a question is not what it asks."""

import pytest

from intents.greetings import without_aside
from intents.overrides import rule_intent


@pytest.mark.parametrize(
    "text",
    [
        "找工会调解要收好多钱",  # what mediation costs
        "调解贵不贵",
        "找工会调解要出钱不",
        "公司不帮我申请咋办",  # the employer refuses to apply: what to do
        "我在厂头搬货把腰闪了 老板说帮我报攻伤 他要在好久之内去申请哦",
        "工伤认定要在多久之内办",
        "老板不帮我弄 我个人可以去申请不嘛",  # whether the worker may apply alone
    ],
)
def test_questions_about_mediation_or_the_employer_are_policy_questions(text):
    assert rule_intent(text) == "policy_question"


@pytest.mark.parametrize(
    "text",
    ["老板欠我工资我想申请调解 咋办", "老板拖了三个月工资 帮我申请个调解"],
)
def test_the_worker_asking_to_file_is_no_question(text):
    assert rule_intent(text) != "policy_question"


@pytest.mark.parametrize(
    "text",
    [
        # registered, in the worker's word, with the details after it (read as `inform`)
        "帮我登记个调解 我在快递站分拣 叫周红梅 电话13500001111 站长不退保证金",
        "我想登记一下调解 老板欠我三个月工资不给",
    ],
)
def test_registering_a_mediation_with_details_is_the_request(text):
    assert rule_intent(text) == "mediation_request"


def test_back_to_business_words_are_not_the_question():
    assert without_aside("好嘛说正事 厂头一天上11个钟头正常不") == "厂头一天上11个钟头正常不"
    assert without_aside("言归正传，加班费咋算") == "加班费咋算"
    assert without_aside("说正事") == "说正事"  # nothing else said: kept


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # 报 said of a mediation request, not of a course
        ("麻烦帮我报个调解 我叫何兰 电话13983216650", "mediation_request"),
        # a request filed elsewhere, filed again
        ("可能是我儿子手机上报的 记不得了 你再帮我报一个", "mediation_request"),
        # mediation tried first, with what the employer should do
        ("我暂时不想走 想先调解一下 让公司把加班费补给我", "mediation_request"),
        # applying too, after questions about mediation
        ("那我也申请一个 老板欠了我两个月工资", "mediation_request"),
        # a decline only if it costs: the fee is the question
        ("要交钱不 要交钱就算了", "course_followup"),
        # which side a request is against, asked
        ("我是派遣的 调解是找派遣公司还是找用工的厂", "policy_question"),
    ],
)
def test_requests_and_questions_read_before_the_classifier(text, intent):
    assert rule_intent(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "我上周报了个调解 到现在都没人联系",  # a status check, not a new request
        "报名书法 重新帮我报一个",  # a course enrolment
    ],
)
def test_reports_of_a_request_already_made_are_no_new_request(text):
    assert rule_intent(text) != "mediation_request"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # when staff are at the desk, asked: the handoff answers with the hours
        ("你们人工好久上班", "human_handoff"),
        ("工作人员几点下班", "human_handoff"),
        # schooling told, what one can study asked
        ("我有个同事只有高中文凭 他能读啥子", "course_search"),
    ],
)
def test_hours_withdrawals_and_schooling_read_before_the_classifier(text, intent):
    assert rule_intent(text) == intent


@pytest.mark.parametrize("text", ["公司把我们部门撤了 要跟我解除合同", "我们厂几点上班"])
def test_a_department_closed_or_ones_own_hours_are_neither(text):
    assert rule_intent(text) not in ("withdraw_case", "human_handoff")


@pytest.mark.parametrize(
    "text", ["那算了 我自己学点啥子 星期四下午我轮休", "算了 那我自己学点啥子 周四下午我调休"]
)
def test_a_course_for_oneself_after_giving_up_is_a_search(text):
    assert rule_intent(text) == "course_search"


def test_more_told_for_the_request_filed_is_no_new_request():
    # "刚才那个申请我还想补充一哈 …": read against the conversation (actions/case_additions.py)
    assert rule_intent("刚才那个申请我还想补充一哈 老板还欠我国庆的加班费") == "inform"
    assert rule_intent("我那个申请再补充一点 公司还扣了我500押金") == "inform"


@pytest.mark.parametrize(
    "text",
    [
        "老板说我们车间撤销了 喊我去看仓库 我不去就叫我走人",
        "公司讲我的岗位撤销了 明天不用来了 合法吗",
    ],
)
def test_a_post_done_away_with_is_no_request_withdrawn(text):
    assert rule_intent(text) != "withdraw_case"


def test_a_request_withdrawn_bare_still_is():
    assert rule_intent("想了下还是撤销算了") == "withdraw_case"


def test_a_job_changed_is_no_course_changed():
    from intents.course_rules import switches_course

    text = "在电子厂做了三年 想换个工作去当育儿嫂 工会有没得考证的"
    start = text.index("育儿嫂")
    entities = [{"entity": "course_name", "value": "育婴员", "start": start, "end": start + 3}]
    assert not switches_course(text, entities)
    assert switches_course("换个书法", [{"entity": "course_name", "value": "书法", "start": 2}])


def test_whether_a_course_meets_on_a_busy_day_is_about_the_course():
    from intents.course_rules import asks_if_a_course_fits

    named = [{"entity": "course_name", "value": "电商直播"}]
    assert asks_if_a_course_fits("哎呀 周五晚上厂头要加班 直播那个周五也要上噻", named)
    assert not asks_if_a_course_fits("周五晚上厂头要加班 加班费咋算", [])


@pytest.mark.parametrize(
    "text",
    [
        "厂里欠我600 为这点钱找工会值得不",  # whether it is worth the trouble
        "就几百块钱 有没有必要去申请调解",
        "那去仲裁得不得请律师",  # whether a lawyer is needed
        "调解的时候要请律师吗",
    ],
)
def test_a_worker_weighing_up_whether_to_claim_asks(text):
    assert rule_intent(text) == "policy_question"


@pytest.mark.parametrize("text", ["这个工作值不值得做", "我要找律师"])
def test_worth_and_lawyer_words_alone_are_not_these_questions(text):
    assert rule_intent(text) != "policy_question"


def test_applying_then_telling_the_dispute_is_the_request():
    # "那申请嘛 我在快递站分拣 欠了我两个月工资 一个月5200": no details yet, the story after it
    assert rule_intent("那我申请嘛 我在超市理货 他们欠了我三个月工资") == "mediation_request"
    assert rule_intent("怎么申请 公司欠我工资") != "mediation_request"  # how, asked


def test_a_request_not_wanted_is_no_new_request():
    from intents.request_cues import mediation_without_dispute

    assert mediation_without_dispute("老板把钱还我了 这个申请我们不要了", [])
    assert not mediation_without_dispute("老板欠我工资 我要申请调解", [])


def test_the_unions_help_asked_should_the_sum_be_refused():
    from intents.asked_cues import help_asked_with_unpaid_wages

    assert help_asked_with_unpaid_wages("公司要是不赔我们几个可以一起找工会不")
    assert not help_asked_with_unpaid_wages("工会是干啥子的")


@pytest.mark.parametrize(
    "text",
    [
        "我在注塑厂上班 昨天手遭机器压了 缝了十几针 现在该咋个办",
        "在车间被机床夹到手了 老板会赔不",
    ],
)
def test_an_injury_at_work_with_a_question_is_a_policy_question(text):
    assert rule_intent(text) == "policy_question"


def test_an_injury_with_mediation_or_a_phone_number_is_not_this_rule_s():
    from intents.asked_cues import asks_after_a_work_injury

    assert not asks_after_a_work_injury("我在厂里手被机器压了想申请调解怎么办")
    assert not asks_after_a_work_injury("我在厂里手被机器压了电话13812345678怎么办")
