"""Whole conversations through the real engine with our actions (the NLU is a fixed table)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from actions.services import Services
from bot.core.messages import Incoming
from bot.engine.conversation import Engine
from bot.engine.domain import Domain
from bot.engine.registry import ActionRegistry
from bot.engine.rules import RuleBook
from bot.store.models import Enrolment, MediationCase
from tests.actions.action_support import ROOT, TODAY, ent


class TableNLU:
    """Payloads as Rasa parses them; typed text from a fixed table, else nlu_fallback."""

    def __init__(self, table: dict[str, tuple[str, list[dict[str, Any]]]]) -> None:
        self.table = table

    def parse(self, text: str, today: Any = None) -> dict[str, Any]:
        if text.startswith("/"):
            intent, _, raw = text[1:].partition("{")
            values = json.loads("{" + raw) if raw else {}
            entities = [ent(k, v) for k, v in values.items()]
        else:
            intent, entities = self.table.get(text, ("nlu_fallback", []))
        return {
            "text": text,
            "intent": {"name": intent, "confidence": 1.0},
            "intent_ranking": [{"name": intent, "confidence": 1.0}],
            "entities": entities,
        }


class Chat:
    def __init__(self, engine: Engine, sender: str) -> None:
        self.engine, self.sender, self.n = engine, sender, 0

    def say(self, text: str) -> list[dict[str, Any]]:
        self.n += 1
        return self.engine.handle(
            Incoming("telegram", self.sender, text, f"{self.sender}-{self.n}")
        )

    def text(self, text: str) -> str:
        return "\n".join(r.get("text", "") for r in self.say(text))


@pytest.fixture
def engine(services: Services) -> Engine:
    nlu = TableNLU(
        {
            "我要申请劳动调解": ("mediation_request", []),
            "我想报名插花": ("course_enroll", [ent("course_name", "插花")]),
            "我要报名": ("course_enroll", []),
        }
    )
    return Engine(
        services.db,
        nlu,
        Domain.load(ROOT / "data" / "domain.yml"),
        RuleBook.load(ROOT / "data" / "rules.yml"),
        ActionRegistry(services),
        services.config,
        lambda: TODAY,
    )


def test_mediation_request_with_a_correction_before_submitting(
    engine: Engine, services: Services
) -> None:
    chat = Chat(engine, "o-wang")
    assert "请问您的姓名是" in chat.text("我要申请劳动调解")
    assert "手机号码" in chat.text("我叫王建国")
    assert "这个手机号好像不对" in chat.text("139123")
    assert "用人单位" in chat.text("139 1234 5678")
    # what happened is asked before the kind of dispute, which the story then tells
    assert "发生了什么" in chat.text("重庆渝建建筑工程有限公司")
    summary = chat.text("2026年8月到10月的工资一直没发，共计约2万5千元。")
    assert "请核对您的调解申请" in summary and "拖欠工资" in summary and "13912345678" in summary
    assert "调解诉求：补发拖欠的工资（按纠纷类型代填" in summary
    assert "要修改哪一项" in chat.text("/deny")
    assert "手机号码" in chat.text('/inform{"edit_field":"phone"}')
    summary = chat.text("13800001111")
    assert "请核对您的调解申请" in summary and "13800001111" in summary
    done = chat.text("/affirm")
    assert "案件编号：TJ20261122-0001" in done
    with services.db.session() as s:
        case = s.scalars(select(MediationCase)).one()
        assert (case.phone, case.dispute_type, case.name) == ("13800001111", "拖欠工资", "王建国")
        assert case.demand == "补发拖欠的工资"  # the proposal is stored without its note
    # name and phone are remembered: a second request starts at the employer
    assert "用人单位" in chat.text("我要申请劳动调解")


def test_enrolment_by_words_then_a_known_worker_is_not_asked_again(
    engine: Engine, services: Services
) -> None:
    chat = Chat(engine, "o-li")
    assert "姓名" in chat.text("我想报名插花")
    assert "手机号码" in chat.text("李强")
    summary = chat.text("13800000002")
    assert "请确认报名信息" in summary and "地点：" in summary and "费用：免费" in summary
    assert "报名成功" in chat.text("/affirm")
    assert "请问您想报名哪门课程" in chat.text("我要报名")
    summary = chat.text("叉车")  # name and phone already known: straight to the summary
    assert "费用：300元" in summary and "报名人：李强" in summary
    assert "报名成功" in chat.text("/affirm")
    assert "已经报名了「插花」" in chat.text('/course_enroll{"course_id":"XF05"}')
    with services.db.session() as s:
        assert len(s.scalars(select(Enrolment)).all()) == 2


def test_cancel_inside_the_form_writes_nothing(engine: Engine, services: Services) -> None:
    chat = Chat(engine, "o-zhao")
    chat.say("我要申请劳动调解")
    chat.say("赵敏")
    chat.say("13700000003")
    chat.say("重庆某某物流有限公司")
    engine.nlu.table["算了不弄了"] = ("cancel", [])
    assert "已取消" in chat.text("算了不弄了")
    with services.db.session() as s:
        assert s.scalars(select(MediationCase)).all() == []


def test_short_names_misread_as_questions_are_still_names(engine: Engine) -> None:
    engine.nlu.table.update(
        {
            "周晓": ("course_search", []),  # what the classifier really did with this name
            "年假": ("policy_question", []),
            "加班费怎么算": ("policy_question", [ent("dispute_type", "加班费")]),
        }
    )
    chat = Chat(engine, "o-zhou")
    chat.say("我要申请劳动调解")
    answer = chat.text("年假")  # a topic, not a person: answered, then the question again
    assert "依据：《职工带薪年休假条例》" in answer and answer.endswith("请问您的姓名是？")
    assert "手机号码" in chat.text("周晓")
    # a policy question in the middle of the form is answered, and sets no dispute type
    answer = chat.text("加班费怎么算")
    assert "依据：《中华人民共和国劳动法》第四十四条" in answer and "手机号码" in answer
    replies = chat.say("13800001234")
    assert "用人单位" in replies[-1]["text"]
    assert "发生了什么" in chat.text("重庆渝建建筑工程有限公司")
    replies = chat.say("我在工地上干了半年多，现在情况有点复杂")  # a story of no kind
    # the kind is still asked, not guessed from the question before
    assert any("dispute_type" in b["payload"] for r in replies for b in r.get("buttons", []))
