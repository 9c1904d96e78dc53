"""Mediation: the form's checks, the summary and edit loop, submitting a case, the status list."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from actions.mediation import ValidateMediationForm
from actions.mediation_asks import ActionAskMediationConfirm
from actions.mediation_cases import ActionMediationStatus, ActionSubmitMediation
from actions.services import Services
from bot.store.models import CaseUpdate, MediationCase
from tests.actions.action_support import make_tracker, payloads, run, slot_events, text_of

FORM = "mediation_form"
FILLED = {
    "name": "王建国",
    "phone": "13912345678",
    "employer": "重庆渝建建筑工程有限公司",
    "dispute_type": "拖欠工资",
    "description": "2026年8月到10月的工资一直没发，共计约2万5千元，多次找项目经理都说再等等。",
    "demand": "补发3个月工资",
}


def validate(services: Services, text: str, requested: str, candidates: dict, **kw: Any):
    slots = {**kw.pop("slots", {}), "requested_slot": requested}
    tracker = make_tracker(
        text, kw.pop("intent", "inform"), slots=slots, candidates=candidates, active_loop=FORM, **kw
    )
    messages, events = run(ValidateMediationForm(services), tracker)
    return messages, slot_events(events)


def cases(services: Services) -> list[MediationCase]:
    with services.db.session() as s:
        return list(s.scalars(select(MediationCase)).all())


def submit(services: Services, sender: str = "o-wang", **slots: Any):
    tracker = make_tracker(
        "/affirm", "affirm", slots={**FILLED, "mediation_confirm": True, **slots}, sender=sender
    )
    messages, events = run(ActionSubmitMediation(services), tracker)
    return text_of(messages), slot_events(events)


def test_a_bad_phone_is_asked_again(services: Services) -> None:
    messages, slots = validate(services, "139123", "phone", {"phone": "139123"})
    assert slots["phone"] is None
    assert messages[0]["response"] == "utter_invalid_phone"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("老板三个月没发工资了", "拖欠工资"),
        ("公司把我辞退了", "解除劳动合同"),
        ("他们一直不给我交社保", "社会保险"),
        ("干活的时候受伤了", "工伤"),
        ("入职半年都没签合同", "劳动合同"),
        ("周末加班不给钱", "加班费"),
        ("其他", "其他"),
        ("拖欠工资", "拖欠工资"),
    ],
)
def test_dispute_type_from_the_workers_words(services: Services, typed: str, expected: str) -> None:
    _, slots = validate(services, typed, "dispute_type", {"dispute_type": typed})
    assert slots["dispute_type"] == expected


def test_unclear_dispute_type_is_asked_again_not_guessed_as_other(services: Services) -> None:
    messages, slots = validate(
        services, "我也说不清楚", "dispute_type", {"dispute_type": "我也说不清楚"}
    )
    assert slots["dispute_type"] is None
    assert "选一个最接近的" in text_of(messages)
    messages, slots = validate(
        services, "被开除了还欠着工资", "dispute_type", {"dispute_type": "被开除了还欠着工资"}
    )
    assert slots["dispute_type"] is None
    assert "拖欠工资、解除劳动合同" in text_of(messages)


def test_a_later_answer_does_not_change_the_chosen_type(services: Services) -> None:
    history = [{"event": "slot", "name": "dispute_type", "value": "工伤"}]
    _, slots = validate(
        services,
        "工伤之后公司还拖欠工资",
        "description",
        {"description": "工伤之后公司还拖欠工资两个月", "dispute_type": "拖欠工资"},
        history=history,
        slots={"dispute_type": "工伤"},
    )
    assert slots["dispute_type"] == "工伤"
    assert slots["description"] == "工伤之后公司还拖欠工资两个月"


@pytest.mark.parametrize(
    ("slot", "typed"),
    [("employer", "123456"), ("employer", "。。"), ("description", "没发钱"), ("demand", "要")],
)
def test_too_short_or_meaningless_answers_are_asked_again(
    services: Services, slot: str, typed: str
) -> None:
    messages, slots = validate(services, typed, slot, {slot: typed})
    assert slots[slot] is None
    assert messages


def test_the_summary_shows_every_field_with_confirm_edit_cancel(services: Services) -> None:
    long = "2026年8月开始" + "工资一直拖着不发，" * 40
    tracker = make_tracker(
        "补发工资",
        slots={**FILLED, "description": long, "requested_slot": "mediation_confirm"},
        active_loop=FORM,
    )
    messages, _ = run(ActionAskMediationConfirm(services), tracker)
    text = text_of(messages)
    for value in ("王建国", "13912345678", "重庆渝建建筑工程有限公司", "拖欠工资", "补发3个月工资"):
        assert value in text
    assert f"（共{len(long)}字）" in text and len(text) < 600
    assert payloads(messages) == ["/affirm", "/deny", "/cancel"]


def test_deny_asks_which_field_and_the_choice_clears_it(services: Services) -> None:
    messages, slots = validate(
        services,
        "/deny",
        "mediation_confirm",
        {"mediation_confirm": False},
        slots=FILLED,
        intent="deny",
    )
    assert slots["mediation_confirm"] is False
    assert slots["requested_slot"] == "edit_field"

    after_deny = {**FILLED, "mediation_confirm": False}
    messages, slots = validate(
        services,
        '/inform{"edit_field":"phone"}',
        "edit_field",
        {},
        slots={**after_deny, "edit_field": "phone"},
    )
    assert slots["phone"] is None and slots["edit_field"] is None
    assert slots["mediation_confirm"] is None
    assert slots["requested_slot"] == "phone"  # asked again, then the summary again


def test_the_field_can_be_named_in_words(services: Services) -> None:
    after_deny = {**FILLED, "mediation_confirm": False}
    _, slots = validate(services, "单位名字写错了", "edit_field", {}, slots=after_deny)
    assert slots["employer"] is None and slots["mediation_confirm"] is None
    _, slots = validate(
        services,
        '/inform{"edit_field":"none"}',
        "edit_field",
        {},
        slots={**after_deny, "edit_field": "none"},
    )
    assert slots["mediation_confirm"] is None and "employer" not in slots


def test_submit_creates_exactly_one_complete_case_and_gives_its_number(services: Services) -> None:
    text, events = submit(services)
    stored = cases(services)
    assert len(stored) == 1
    case = stored[0]
    assert case.case_no == "TJ20261122-0001"
    assert (
        case.name,
        case.phone,
        case.employer,
        case.dispute_type,
        case.description,
        case.demand,
    ) == tuple(FILLED.values())
    assert (case.channel, case.sender_id, case.status) == ("telegram", "o-wang", "submitted")
    assert "TJ20261122-0001" in text
    assert "3 个工作日内电话联系您" in text and "第十四条" in text and "15 日内" in text
    assert "139****5678" in text
    assert events == {
        k: None
        for k in (
            "employer",
            "dispute_type",
            "description",
            "demand",
            "mediation_confirm",
            "edit_field",
        )
    }
    with services.db.session() as s:
        notes = s.scalars(select(CaseUpdate.note)).all()
    assert notes == ["已提交申请"]


def test_submitting_the_same_request_twice_keeps_one_case(services: Services) -> None:
    submit(services)
    text, _ = submit(services)
    assert len(cases(services)) == 1
    assert "已经提交过了" in text and "TJ20261122-0001" in text


def test_nothing_is_stored_without_confirmation_or_with_a_gap(services: Services) -> None:
    text, _ = submit(services, mediation_confirm=None)
    assert "没有提交" in text
    text, events = submit(services, description="")
    assert "事情经过" in text and "没有提交" in text
    assert events["description"] is None
    text, _ = submit(services, dispute_type="打架")
    assert "纠纷类型" in text
    assert cases(services) == []


def test_status_lists_only_the_workers_own_cases(services: Services) -> None:
    submit(services, sender="o-wang")
    submit(services, sender="o-li", employer="重庆某某物流有限公司")
    messages, _ = run(
        ActionMediationStatus(services),
        make_tracker("我的调解进度怎么样了", "mediation_status", sender="o-wang"),
    )
    text = text_of(messages)
    assert "TJ20261122-0001" in text and "TJ20261122-0002" not in text
    assert "待受理" in text and "最新进展：已提交申请" in text
    assert "3 个工作日内打电话联系您（139****5678）" in text  # what happens next
    assert "重庆某某物流" not in text
    none, _ = run(
        ActionMediationStatus(services), make_tracker("查进度", "mediation_status", sender="o-new")
    )
    assert "没有查到您在这里提交过调解申请" in text_of(none)
    # a case filed elsewhere is never looked up by a phone number typed here
    assert "不能按手机号查询" in text_of(none)
    assert payloads(none) == ["/mediation_request", "/human_handoff"]
    by_phone, _ = run(
        ActionMediationStatus(services),
        make_tracker("帮我查下13812345678的调解进度", "mediation_status", sender="o-new"),
    )
    assert "不能按手机号查询" in text_of(by_phone) and "TJ2026" not in text_of(by_phone)


def test_an_old_edit_choice_left_in_the_slots_changes_nothing(services: Services) -> None:
    # e.g. an edit button pressed after a form had ended leaves edit_field set
    _, slots = validate(
        services,
        "我要申请劳动调解",
        None,
        {},
        intent="mediation_request",
        slots={"name": "王建国", "phone": "13912345678", "edit_field": "phone"},
    )
    assert "phone" not in slots and "name" not in slots


def test_a_yes_in_dialect_with_particles_is_no_demand() -> None:
    from actions.assent import clean_demand

    assert clean_demand("对头 交了嘛") is None
    assert clean_demand("要得 提交嘛") is None
    assert clean_demand("好嘛 就这样吧") is None
    assert clean_demand("把工资补了嘛") == "把工资补了嘛"


def test_the_demand_proposed_for_a_dispute_type() -> None:
    from actions.mediation_text import proposed_demand, summary

    assert proposed_demand("拖欠工资") == "补发拖欠的工资"
    assert proposed_demand("解除劳动合同") == "依法支付经济补偿或赔偿金"
    assert proposed_demand("劳动合同") is None  # too varied to guess: asked
    slots = {"name": "王芳", "dispute_type": "工伤", "demand": "依法享受工伤待遇"}
    assert "依法享受工伤待遇（按纠纷类型代填" in summary(slots)
    assert "代填" not in summary({**slots, "demand": "赔医药费"})


def test_a_worker_withdraws_only_their_own_case_and_only_once_confirmed(
    services: Services,
) -> None:
    from actions.case_withdrawal import ActionWithdrawCase

    submit(services, sender="o-wang")
    submit(services, sender="o-li", employer="重庆某某物流有限公司")
    withdraw = ActionWithdrawCase(services)
    asked, _ = run(withdraw, make_tracker("调解申请撤回", "withdraw_case", sender="o-wang"))
    assert "确定要撤回调解申请 TJ20261122-0001" in text_of(asked)
    assert payloads(asked)[0] == '/withdraw_case_confirm{"case_no":"TJ20261122-0001"}'
    assert [c.status for c in cases(services)] == ["submitted", "submitted"]
    # another worker's case number, even confirmed, is not theirs to withdraw
    other = make_tracker(
        '/withdraw_case_confirm{"case_no":"TJ20261122-0002"}', "withdraw_case_confirm",
        sender="o-wang",
    )  # fmt: skip
    refused, _ = run(withdraw, other)
    assert "没有可以撤回" in text_of(refused)
    mine = make_tracker(
        '/withdraw_case_confirm{"case_no":"TJ20261122-0001"}', "withdraw_case_confirm",
        sender="o-wang",
    )  # fmt: skip
    done, _ = run(withdraw, mine)
    assert "已撤回调解申请 TJ20261122-0001" in text_of(done)
    assert [c.status for c in cases(services)] == ["withdrawn", "submitted"]
    with services.db.session() as s:
        last = s.scalars(select(CaseUpdate).order_by(CaseUpdate.id.desc())).first()
        assert last is not None and last.status == "withdrawn" and last.actor == "worker"
    # nothing left to withdraw
    again, _ = run(withdraw, make_tracker("撤回调解", "withdraw_case", sender="o-wang"))
    assert "没有可以撤回" in text_of(again)
