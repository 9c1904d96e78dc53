"""Trains on the project's real data/nlu.yml (skipped only while that file does not exist)."""

from datetime import date
from pathlib import Path

import pytest
import yaml

from intents import CourseRef, Interpreter, NLUOptions, load_training_data

ROOT = Path(__file__).resolve().parents[2]
NLU = ROOT / "data" / "nlu.yml"
COURSES = ROOT / "data" / "courses.yml"
DOMAIN = ROOT / "data" / "domain.yml"
TODAY = date(2026, 11, 22)

pytestmark = pytest.mark.skipif(not NLU.exists(), reason="data/nlu.yml not written yet")


@pytest.fixture(scope="module")
def interp():
    it = Interpreter.train([NLU], NLUOptions())
    if COURSES.exists():
        rows = yaml.safe_load(COURSES.read_text(encoding="utf-8")).get("courses") or []
        it.set_courses(
            [
                CourseRef(
                    c["code"], c["name"], c.get("category", ""), list(c.get("keywords") or [])
                )
                for c in rows
            ]
        )
    return it


def test_intents_are_domain_intents(interp):
    domain = yaml.safe_load(DOMAIN.read_text(encoding="utf-8"))
    declared = {i if isinstance(i, str) else next(iter(i)) for i in domain["intents"]}
    assert set(interp.intents) <= declared
    assert {"greet", "course_search", "mediation_request", "policy_question"} <= set(interp.intents)


@pytest.mark.parametrize(
    "text, intent",
    [
        ("你好", "greet"),
        ("转人工", "human_handoff"),
        ("你这个机器人说些啥子哦 听不懂 喊个真人来跟我摆", "human_handoff"),
        ("取消", "cancel"),
        ("老板欠我两万五，想申请调解", "mediation_request"),
        ("加班费怎么算", "policy_question"),
        ("我想报名书法", "course_enroll"),
        # an enrolment that brings the name and phone along is still an enrolment
        ("报名 我叫陈大勇 电话15823456789", "course_enroll"),
        ("我要报名，13987654321，王芳", "course_enroll"),
        ("好嘛 帮我报电工 我叫孙勇 13022223333", "course_enroll"),
        ("再帮我报个插花 我叫孙勇 电话13022223333", "course_enroll"),
        ("调解申请 姓名蒋丽萍 手机18983214567 单位是重庆同创科技有限公司", "mediation_request"),
        # whether one may enrol asks about the course's requirements
        ("我只是高中毕业 专升本能报不", "course_followup"),
        ("我五十岁了还能不能报瑜伽", "course_followup"),
        # a policy question announced, to be asked next (the bot asks which)
        ("呃 我有个劳动方面的问题", "policy_question"),
        ("我想咨询一下劳动政策", "policy_question"),
    ],
)
def test_clear_sentences(interp, text, intent):
    assert interp.parse(text, today=TODAY)["intent"]["name"] == intent


@pytest.mark.parametrize(
    "text",
    [
        "报名的人多不多",
        "陈大勇 15823456789",
        "我叫陈大勇 电话15823456789",
        "报工伤 我叫李四 电话13800000000",
        "厂头不帮我报 我个人去报要得不",  # reporting an injury: no course, no enrolment
    ],
)
def test_details_without_asking_to_enrol_are_not_an_enrolment(interp, text):
    assert interp.parse(text, today=TODAY)["intent"]["name"] != "course_enroll"


@pytest.mark.parametrize("text", ["那女工人呢", "那我老婆呢", "如果是夜班呢"])
def test_a_follow_up_is_never_a_greeting(interp, text):
    assert interp.parse(text, today=TODAY)["intent"]["name"] != "greet"


@pytest.mark.parametrize("text", ["你好", "在吗", "你好呢", "哈喽 有人吗"])
def test_greetings_stay_greetings(interp, text):
    assert interp.parse(text, today=TODAY)["intent"]["name"] == "greet"


def test_entities_on_real_sentences(interp):
    result = interp.parse("周末有没得免费的课", today=TODAY)
    assert [(e["entity"], e["value"]) for e in result["entities"]] == [
        ("weekday", "周末"),
        ("fee", "免费"),
    ]
    result = interp.parse("3月5号开始就没发工资了，老板欠我两万五", today=TODAY)
    assert [(e["entity"], e["value"]) for e in result["entities"]] == [
        ("date", "2026-03-05"),
        ("dispute_type", "拖欠工资"),
        ("money", "25000"),
    ]


def test_annotations_are_reproduced_by_the_extractor(interp):
    """Nearly every annotated entity in the training data is found (same value, overlapping)."""
    data = load_training_data([NLU])
    total = found = 0
    for example in data.examples:
        got = interp.extractor.extract(example.text, None, TODAY)
        for ann in example.entities:
            total += 1
            found += any(
                g["entity"] == ann["entity"]
                and str(g["value"]) == str(ann["value"])
                and g["start"] < ann["end"]
                and ann["start"] < g["end"]
                for g in got
            )
    assert total > 0
    assert found / total >= 0.95
