from pathlib import Path

import yaml

from bot.engine.domain import Domain
from bot.engine.rules import RuleBook
from intents.overrides import rule_intent

ROOT = Path(__file__).resolve().parents[2]


def test_domain_is_consistent():
    domain = Domain.load(ROOT / "data" / "domain.yml")
    assert domain.validate_problems() == []
    assert domain.forms["mediation_form"][:2] == ["name", "phone"]


def test_every_rule_intent_and_action_is_in_the_domain():
    domain = Domain.load(ROOT / "data" / "domain.yml")
    rules = RuleBook.load(ROOT / "data" / "rules.yml")
    assert rules.intents() - set(domain.intents) == set()
    for name in rules.action_names():
        assert name in domain.actions or name in domain.responses or domain.is_form(name), name


def test_rules_route_intents_and_forms():
    rules = RuleBook.load(ROOT / "data" / "rules.yml")
    assert rules.for_intent("greet", None) == ("action_greet",)
    assert rules.for_intent("mediation_request", None) == ("mediation_form",)
    assert rules.after_form("mediation_form") == ("action_submit_mediation",)
    # inside a form, cancel uses the form's own rule
    assert rules.for_intent("cancel", "mediation_form") == ("action_cancel_form",)
    assert rules.for_intent("no_such_intent", None) is None


def test_render_fills_slots_and_keeps_payload_json():
    domain = Domain(
        yaml.safe_load(
            """
responses:
  utter_x:
    - text: "您好，{name}！{unknown}"
      buttons:
        - title: "选 {name}"
          payload: '/inform{"dispute_type":"工伤"}'
"""
        )
    )
    reply = domain.render("utter_x", {"name": "张三"})
    assert reply["text"] == "您好，张三！{unknown}"
    assert reply["buttons"] == [{"title": "选 张三", "payload": '/inform{"dispute_type":"工伤"}'}]


def test_mapping_conditions_follow_rasa():
    domain = Domain.load(ROOT / "data" / "domain.yml")
    (text_mapping,) = [m for m in domain.slots["employer"].mappings]
    assert text_mapping.applies("inform", "mediation_form", "employer")
    assert not text_mapping.applies("inform", "mediation_form", "phone")
    assert not text_mapping.applies("cancel", "mediation_form", "employer")
    assert not text_mapping.applies("inform", None, None)


def test_a_what_if_about_work_is_a_question_unless_it_asks_for_help():
    assert rule_intent("要是公司想续 是我自己不想续呢") == "policy_question"
    assert rule_intent("如果老板不给加班费咋办") == "policy_question"
    assert rule_intent("要是老板不给钱我想申请调解") != "policy_question"
    assert rule_intent("如果我想报名书法") is None  # not about work: the classifier decides


def test_a_dispute_that_asks_what_to_do_is_a_question_unless_it_asks_for_mediation():
    assert (
        rule_intent("我在工地上摔断了手老板说是我自己不小心一分钱不赔咋个整嘛") == "policy_question"
    )
    assert rule_intent("老板欠我工资想申请调解怎么办") != "policy_question"


def test_asking_how_long_before_a_claim_runs_out_is_a_question():
    assert rule_intent("厂里欠的加班费隔了多久就追不回来了") == "policy_question"
    assert rule_intent("工伤几年以后就认定不了") == "policy_question"
    assert rule_intent("欠薪好多年了还要不要得到 帮我申请调解") != "policy_question"


def test_a_long_wait_told_with_a_mediation_request_is_a_request():
    # "好久了" tells how long it has lasted; "调解要好久" asks how long mediation takes
    assert rule_intent("工资拖了我好久了 想申请调解") != "policy_question"
    assert rule_intent("调解一般要好久") == "policy_question"


def test_an_unsure_request_that_asks_something_and_asks_for_no_help_is_a_question():
    from intents.question_cues import asks_rather_than_files

    assert asks_rather_than_files("老板欠了两个月工资电话也不接我们找哪个")
    assert asks_rather_than_files("主管说打烂的东西每个月从工资里扣一半")
    assert not asks_rather_than_files("老板欠了两个月工资帮我申请一下")
    assert not asks_rather_than_files("老板说没钱拖了半年了工会管不管")
    # "这个得行啊": asked back in doubt, not a request
    assert asks_rather_than_files("厂里把我从班长换成普工工资少了一千五也没问过我这样得行哦")


def test_a_message_that_opens_by_announcing_a_question_asks_whatever_its_story():
    from intents.question_cues import announces_a_question, asks_rather_than_files

    assert announces_a_question("我想问一下工地上的包工头欠了我们好几个人的工资")
    assert announces_a_question("你好请问老板不发工资咋整")
    assert asks_rather_than_files("我想问哈包工头欠了我们一伙人的工钱")
    assert not announces_a_question("老板欠了工资我想问问工会")
    # asking for the union's help still files the request
    assert not asks_rather_than_files("我想问一下老板欠我三个月工资我想申请调解")


def test_an_enrolment_with_details_may_name_the_course_first_but_a_work_injury_is_no_course():
    assert rule_intent("好那八段锦帮我报个名我叫张建国电话18996517328") == "course_enroll"
    assert rule_intent("帮我报个工伤电话13812345678") != "course_enroll"
    assert rule_intent("老板帮我报个名电话13812345678") != "course_enroll"


def test_every_form_ignores_the_pushed_staff_message_as_rasa_does():
    """EXTERNAL_staff_message (a staff message pushed through a Rasa server) fills no slot
    of an active form (Rasa's ignored_intents): the form rejects it and the rule shows it."""
    domain = Domain.load(ROOT / "data" / "domain.yml")
    intent = "EXTERNAL_staff_message"
    for form, required in domain.forms.items():
        assert intent in domain.ignored_intents[form], form
        for name in required:
            for m in domain.slots[name].mappings:
                assert not m.applies(intent, form, name, domain.ignored_intents[form]), name
    # as in Rasa: a mapping that names the intent itself still takes it, and a form's
    # ignored intents do not block mappings whose conditions are about other forms
    (text_mapping,) = domain.slots["employer"].mappings
    assert text_mapping.applies("inform", "mediation_form", "employer", [intent])
    assert not text_mapping.applies(intent, "mediation_form", "employer", [intent])
    named = Domain({"slots": {"x": {"mappings": [{"type": "from_intent", "intent": intent}]}}})
    assert named.slots["x"].mappings[0].applies(intent, "mediation_form", None, [intent])
    other = Domain(
        {
            "slots": {
                "x": {"mappings": [{"type": "from_text", "conditions": [{"active_loop": "f"}]}]}
            }
        }
    )
    assert other.slots["x"].mappings[0].applies(intent, "g", None, [intent]) is False  # no match


def test_what_the_union_is_is_a_policy_question_and_what_the_bot_does_is_help():
    assert rule_intent("工会是干啥子的") == "policy_question"
    assert rule_intent("总工会是个啥子组织") == "policy_question"
    assert rule_intent("工会到底管些啥子事") == "policy_question"
    assert rule_intent("工会能帮我啥子") is None
    assert rule_intent("你是干啥子的") is None


def test_withdrawing_ones_mediation_request_is_told_from_filing_one():
    assert rule_intent("老板把钱给我了我不想调解了撤回") == "withdraw_case"
    assert rule_intent("调解申请撤销") == "withdraw_case"
    assert rule_intent("我的调解案子不要了") == "withdraw_case"
    assert rule_intent("书法报名撤回") != "withdraw_case"
    assert rule_intent("我要申请调解") == "mediation_request"
    assert rule_intent("登个调解嘛") == "mediation_request"


def test_how_many_places_is_a_question_about_the_course():
    assert rule_intent("我屋头两个娃儿要报两个名额不") == "course_followup"
    assert rule_intent("一家人算几个名额") == "course_followup"


def test_an_unsure_policy_reading_that_names_a_course_and_asks_its_fee_is_about_the_course():
    from bot.engine.requests import request_of

    course = [{"entity": "course_name", "value": "叉车操作"}]
    unsure = {"intent": {"name": "policy_question", "confidence": 0.37}, "entities": course}
    assert request_of({**unsure, "text": "我先问下 叉车证好多钱"}) == "course_search"
    # no part of a course asked: not a course request
    assert request_of({**unsure, "text": "开叉车受伤算工伤吗"}) is None
