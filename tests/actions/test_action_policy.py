"""Policy answers: answer when sure, the likeliest under its own question when fairly sure,
"您是想问" when unsure, an honest no-match otherwise."""

from __future__ import annotations

import pytest

from actions.knowledge import ActionAnswerPolicy
from actions.services import Services
from bot.knowledge.index import Answer, Hit
from tests.actions.action_support import (
    FakeKnowledge,
    make_tracker,
    payloads,
    run,
    slot_events,
    text_of,
)


def ask(services: Services, text: str, **slots: str):
    messages, events = run(
        ActionAnswerPolicy(services), make_tracker(text, "policy_question", slots=slots)
    )
    return messages, slot_events(events)


def test_a_clear_question_gets_the_answer_and_its_source(services: Services) -> None:
    messages, events = ask(services, "周末加班工资怎么算")
    text = text_of(messages)
    assert "不低于200%" in text
    assert "\n依据：《中华人民共和国劳动法》第四十四条" in text
    assert payloads(messages) == [
        '/faq_feedback{"faq_id":"overtime-pay","helpful":1}',
        '/faq_feedback{"faq_id":"overtime-pay","helpful":0}',
        '/law_text{"faq_id":"overtime-pay"}',  # 查看法条原文: 《劳动法》第四十四条 is held
        "/human_handoff",
        "/help",
    ]
    # the answered entry is remembered for follow-ups ("那周末呢")
    assert events == {"faq_id": None, "last_faq": "overtime-pay", "last_topic": "工资"}


def test_a_vague_question_offers_the_close_entries(services: Services) -> None:
    messages, _ = ask(services, "我想问一下加班和年假")
    assert text_of(messages).startswith("您是想问")
    buttons = payloads(messages)
    assert '/policy_question{"faq_id":"annual-leave"}' in buttons
    assert '/policy_question{"faq_id":"overtime-pay"}' in buttons
    assert buttons[-1] == "/human_handoff"
    titles = [b["title"] for m in messages for b in m.get("buttons", [])]
    assert "带薪年休假有几天？" in titles


def test_choosing_a_suggestion_answers_that_entry(services: Services) -> None:
    messages, events = ask(
        services, '/policy_question{"faq_id":"annual-leave"}', faq_id="annual-leave"
    )
    assert "年休假5天" in text_of(messages) and "《职工带薪年休假条例》第三条" in text_of(messages)
    assert events == {"faq_id": None, "last_faq": "annual-leave", "last_topic": "休假"}


def test_no_match_is_said_honestly_with_a_human_offered(services: Services) -> None:
    messages, _ = ask(services, "今天天气怎么样")
    assert messages[0]["response"] == "utter_policy_not_found"


def test_a_bare_button_asks_for_the_topic(services: Services) -> None:
    messages, _ = ask(services, "/policy_question")
    assert messages[0]["response"] == "utter_ask_policy_topic"


def _hit(slug: str, score: float) -> Hit:
    return Hit(Answer(slug, f"问题{slug}？", f"答案{slug}", "《劳动法》", "工资"), score)


@pytest.mark.parametrize(
    ("scores", "verdict"),
    [
        ([0.45], "answer"),  # exactly at the answer threshold
        ([0.60, 0.54], "answer"),  # second is outside the ambiguity margin
        ([0.60, 0.56], "likely"),  # a close second: answered under its question, 2nd offered
        ([0.44, 0.30], "likely"),  # below answer_threshold, above likely_threshold
        ([0.35], "likely"),  # exactly at the likely threshold
        ([0.34, 0.30], "suggest"),
        ([0.25], "suggest"),  # exactly at the suggest threshold
        ([0.24], "none"),
        ([], "none"),
    ],
)
def test_thresholds_from_config_decide(
    services: Services, scores: list[float], verdict: str
) -> None:
    services.config.retrieval.likely_threshold = 0.35
    services.knowledge = FakeKnowledge([_hit(f"q{i}", s) for i, s in enumerate(scores)])
    messages, events = ask(services, "加班费")
    text = text_of(messages)
    if verdict == "answer":
        assert text == "答案q0\n依据：《劳动法》"
        assert "faq_miss" not in messages[0]
    elif verdict == "likely":
        # the worker sees which question was answered, and the close ones one tap away
        assert text == "关于「问题q0」：\n答案q0\n依据：《劳动法》"
        assert messages[0]["faq"] == "q0" and "faq_miss" not in messages[0]
        assert events["last_faq"] == "q0"  # follow-ups lean on it like on any answer
        buttons = payloads(messages)
        assert '/policy_question{"faq_id":"q0"}' not in buttons
        if len(scores) > 1:
            assert buttons[0] == '/policy_question{"faq_id":"q1"}'
        assert buttons[-1] == "/human_handoff"
        assert '/faq_feedback{"faq_id":"q0","helpful":0}' in buttons
    elif verdict == "suggest":
        # (one guess is named in the words, never a lead with nothing after it)
        assert text == (
            "您是想问：" if len(scores) > 1 else "您是想问「问题q0」吗？点下面的问题看回答。"
        )
        assert '/policy_question{"faq_id":"q0"}' in payloads(messages)
        if len(scores) > 1:
            assert '/policy_question{"faq_id":"q1"}' in payloads(messages)
    else:
        # no FAQ entry close: the closest law articles (《劳动合同法》第三十一条 on overtime pay),
        # and a human
        assert "下面是可能相关的法律条文" in text and "《劳动合同法》第三十一条" in text
        assert "/human_handoff" in payloads(messages) and messages[0]["faq_miss"] == ""


def test_without_a_likely_threshold_only_a_close_second_makes_an_answer_likely(
    services: Services,
) -> None:
    """Configs written before likely answers keep their menus below answer_threshold."""
    assert services.config.retrieval.likely_threshold is None
    services.knowledge = FakeKnowledge([_hit("q0", 0.44), _hit("q1", 0.30)])
    assert text_of(ask(services, "加班费")[0]) == "您是想问："
    services.knowledge = FakeKnowledge([_hit("q0", 0.60), _hit("q1", 0.58)])
    assert text_of(ask(services, "加班费")[0]).startswith("关于「问题q0」")


def test_suggestions_are_capped(services: Services) -> None:
    services.knowledge = FakeKnowledge([_hit(f"q{i}", 0.40 - i * 0.01) for i in range(5)])
    services.config.retrieval.likely_threshold = 0.41
    messages, _ = ask(services, "工资")
    assert (
        len([p for p in payloads(messages) if "faq_id" in p])
        == services.config.retrieval.max_suggestions
    )


def test_an_answer_about_mediation_offers_to_apply_except_inside_a_request() -> None:
    from actions.answer_buttons import answer_buttons

    fee = Answer(
        "mediation_fee",
        "申请劳动争议调解收费吗？",
        "不收费。",
        "《人民调解法》第四条",
        "劳动争议处理",
    )
    assert "/mediation_request" in [b["payload"] for b in answer_buttons(fee)]
    inside = [b["payload"] for b in answer_buttons(fee, in_form=True)]
    assert "/mediation_request" not in inside and "/human_handoff" in inside


def test_a_dispute_told_of_ones_own_case_puts_mediation_under_the_answer():
    from actions.knowledge import tells_a_dispute
    from tests.actions.action_support import make_tracker

    told = "我在工地上摔断了手 老板说是我自己不小心 一分钱不赔"
    assert tells_a_dispute(make_tracker(told), told)
    assert tells_a_dispute(make_tracker("公司拖起加班费不发"), "公司拖起加班费不发")
    assert not tells_a_dispute(make_tracker("加班费咋算"), "加班费咋算")
    # inside a form the form is the way to apply
    assert not tells_a_dispute(make_tracker(told, active_loop="mediation_form"), told)
