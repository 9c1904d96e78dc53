"""Facts of the dispute told inside a question asked in the middle of the mediation form: kept
as what happened, without the asking."""

from __future__ import annotations

from actions.side_facts import facts_told_aside, story_told_aside, told_facts
from tests.actions.action_support import make_tracker, user_event


def test_the_facts_of_a_question_without_its_asking() -> None:
    said = "等下 先问个事 我在厂里干了14个月 到现在都没签合同 能要双倍工资不"
    assert told_facts(said) == ["我在厂里干了14个月", "到现在都没签合同"]
    assert told_facts("底薪3800 那他要赔我好多") == ["底薪3800"]
    # (a plain statement beside a fact of the dispute is one of its facts)
    said = "对了问一下 我在那做了两年多 每个月5200 没提前通知我 能赔好多"
    assert told_facts(said) == ["我在那做了两年多", "每个月5200", "没提前通知我"]
    # (no spaces: the asking cut where it begins)
    assert told_facts("我在那做了两年一直没签劳动合同可以要双倍工资不") == [
        "我在那做了两年一直没签劳动合同"
    ]


def test_a_question_alone_tells_nothing() -> None:
    assert told_facts("调解要收钱不") == []
    assert told_facts("加班费咋个算") == []
    assert told_facts("年假一年有好多天") == []
    assert told_facts("对了 先问一下") == []


def _answered(text: str, faq: str = "no_contract_double_pay") -> list[dict]:
    return [user_event(text), {"event": "bot", "text": "…", "data": {"faq": faq}}]


def _form_history(*asides: str) -> list[dict]:
    history = [
        user_event("我想申请调解 老板把我辞了"),
        {"event": "active_loop", "name": "mediation_form"},
        {"event": "bot", "text": "请问您的姓名是？"},
        user_event("何丽 电话15923456781"),
        {"event": "bot", "text": "请问发生纠纷的用人单位（公司）名称是什么？"},
    ]
    for text in asides:
        history += _answered(text)
    return history


def test_only_messages_answered_inside_the_form_are_read() -> None:
    tracker = make_tracker(
        "重庆山城包装有限公司",
        intent="inform",
        history=_form_history("等下 先问个事 我在厂里干了14个月 到现在都没签合同 能要双倍工资不"),
        slots={"requested_slot": "employer"},
        candidates={"employer": "重庆山城包装有限公司"},
        active_loop="mediation_form",
    )
    # (the name and phone answered the form, not a question: no fact of the story)
    assert facts_told_aside(tracker) == ["我在厂里干了14个月", "到现在都没签合同"]
    assert story_told_aside(tracker) == "老板把我辞了；我在厂里干了14个月，到现在都没签合同"


def test_nothing_kept_while_the_story_itself_is_asked_or_without_a_dispute() -> None:
    history = _form_history("工资4200 那能多要好多")
    asked = make_tracker("就这些", history=history, slots={"requested_slot": "description"})
    assert story_told_aside(asked) is None
    plain = make_tracker(
        "重庆山城包装有限公司",
        history=_form_history("调解要收钱不"),
        slots={"requested_slot": "employer"},
    )
    assert story_told_aside(plain) is None


def test_nothing_kept_when_the_worker_leaves_the_form() -> None:
    """ "算了 我先不申请了" answers no question: a story set then would keep the form going."""
    history = _form_history("等下先问个事 他不买社保 我可不可以直接辞职还要他给补偿")
    leaving = make_tracker(
        "算了 我先不申请了 回去再想下",
        intent="cancel",
        history=history,
        slots={"requested_slot": "employer"},
    )
    assert story_told_aside(leaving) is None
