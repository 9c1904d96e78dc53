import json
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from intents import CourseRef, Interpreter, NLUOptions, fingerprint
from intents.interpreter import RetrievalOptions  # the bot imports it from here

FIXTURE = Path(__file__).parent / "data" / "nlu_fixture.yml"
TODAY = date(2026, 11, 22)
COURSES = [
    CourseRef("XF01", "中西式面点烘焙", "幸福学堂", ["烘焙", "面包"]),
    CourseRef("XF02", "书法", "幸福学堂", ["毛笔字", "练字"]),
    CourseRef("XF03", "八段锦", "幸福学堂", ["健身气功"]),
]


@pytest.fixture(scope="module")
def interp():
    it = Interpreter.train([FIXTURE], NLUOptions())
    it.set_courses(COURSES)
    return it


def test_shape_and_rounding(interp):
    result = interp.parse("我想学八段锦", today=TODAY)
    assert set(result) == {"text", "intent", "intent_ranking", "entities"}
    assert result["text"] == "我想学八段锦"
    assert result["intent"]["name"] == "course_search"
    ranking = result["intent_ranking"]
    assert ranking[0] == result["intent"]
    assert len(ranking) == 10  # 11 intents in the fixture, top 10 kept
    assert [r["confidence"] for r in ranking] == sorted(
        (r["confidence"] for r in ranking), reverse=True
    )
    for r in ranking:
        assert r["confidence"] == round(r["confidence"], 4)
    assert result["entities"] == [
        {"entity": "course_name", "value": "八段锦", "start": 3, "end": 6, "extractor": "catalogue"}
    ]
    json.dumps(result, ensure_ascii=False)  # JSON-serialisable


@pytest.mark.parametrize(
    "text, intent",
    [
        ("你好", "greet"),
        ("老板欠我两万五", "mediation_request"),
        ("請問加班費怎麼算", "policy_question"),
        ("周末有没得免费的课", "course_search"),
        ("我想取消书法课的报名", "cancel_enrolment"),
        ("取消报名", "cancel_enrolment"),
    ],
)
def test_model_intents(interp, text, intent):
    assert interp.parse(text, today=TODAY)["intent"]["name"] == intent


def test_entities_use_original_offsets(interp):
    text = "  老板欠我两万五，电话１３８ １２３４ ５６７８  "
    result = interp.parse(text, today=TODAY)
    got = [(e["entity"], e["value"], text[e["start"] : e["end"]]) for e in result["entities"]]
    assert got == [
        ("money", "25000", "两万五"),
        ("phone", "13812345678", "１３８ １２３４ ５６７８"),
    ]
    assert result["text"] == text


def test_relative_dates_use_today(interp):
    result = interp.parse("上周五被辞退", today=date(2026, 3, 18))
    assert [(e["entity"], e["value"]) for e in result["entities"]] == [
        ("date", "2026-03-13"),
        ("dispute_type", "解除劳动合同"),
    ]


@pytest.mark.parametrize(
    "text, intent, confidence, entities",
    [
        ('/course_enroll{"course_id":"XF01"}', "course_enroll", 1.0, [("course_id", "XF01")]),
        ("/greet", "greet", 1.0, []),
        (
            ' /mediation_request{"dispute_type": "拖欠工资", "x": [1, 2]}',
            "mediation_request",
            1.0,
            [("dispute_type", "拖欠工资"), ("x", 1), ("x", 2)],
        ),
        ("/affirm@0.7", "affirm", 0.7, []),
        ('/course_enroll{"course_id":', "course_enroll", 1.0, []),  # malformed JSON
        ("/course_enroll{oops}", "course_enroll", 1.0, []),
        ('/no_such_intent{"a":"b"}', "nlu_fallback", 0.0, []),
        ("/human_handoff", "human_handoff", 1.0, []),
    ],
)
def test_payloads(interp, text, intent, confidence, entities):
    result = interp.parse(text)
    assert result["intent"] == {"name": intent, "confidence": confidence}
    assert result["intent_ranking"][0] == result["intent"]
    assert [(e["entity"], e["value"]) for e in result["entities"]] == entities
    for e in result["entities"]:
        assert (e["start"], e["end"]) == (0, len(text))


def test_slash_text_that_is_not_a_payload_is_classified(interp):
    assert interp.parse("/转人工")["intent"]["name"] == "human_handoff"
    assert interp.parse("/你好")["intent"]["name"] == "greet"


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "\u3000"])
def test_empty_is_fallback(interp, text):
    result = interp.parse(text)
    assert result["intent"] == {"name": "nlu_fallback", "confidence": 0.0}
    assert result["entities"] == []


@pytest.mark.parametrize(
    "text",
    [
        "转人工",
        "我要人工",
        "人工客服在吗",
        "找真人！",
        "轉人工",
        "转接人工服务",
        "人工",
        "帮我找工作人员",
        "真人客服",
        "人工服务",
        "帮我转个人工嘛",
        "能不能转人工",
        "等了半天都不回复，转人工",
        "我等了半天都不回复转人工",
    ],
)
def test_handoff_rule(interp, text):
    result = interp.parse(text)
    assert result["intent"] == {"name": "human_handoff", "confidence": 1.0}
    assert result["intent_ranking"][0] == {"name": "human_handoff", "confidence": 1.0}


@pytest.mark.parametrize(
    "text",
    ["不要转人工", "不用人工服务，我自己来", "人工智能课程有没有", "我不需要人工", "莫找人工"],
)
def test_handoff_rule_does_not_fire(interp, text):
    result = interp.parse(text)
    assert result["intent"]["confidence"] < 1.0


@pytest.mark.parametrize(
    "text",
    ["取消", "算了", "算了吧", "不办了！", "退出。", "不填了", "取消了", " 算了算了 ", "那算了"],
)
def test_cancel_rule(interp, text):
    assert interp.parse(text)["intent"] == {"name": "cancel", "confidence": 1.0}


@pytest.mark.parametrize(
    "text", ["等哈 我星期一晚上要值班 不报了", "我想了一下，先不申请了", "老婆不让去 不报名了吧"]
)
def test_stopping_said_last_after_a_reason_is_a_cancel(interp, text):
    assert interp.parse(text)["intent"] == {"name": "cancel", "confidence": 1.0}


@pytest.mark.parametrize(
    "text",
    [
        "取消报名",
        "我想取消书法课的报名",
        "退出这个课程",
        "算了一下工资不对",
        "老板说工伤不报了",
        "我以前报过 后来不报了",
    ],
)
def test_cancel_rule_does_not_fire(interp, text):
    assert interp.parse(text)["intent"]["confidence"] < 1.0


def test_fallback_threshold(interp):
    base = interp.parse("你好")
    top = base["intent"]["confidence"]
    strict = Interpreter.train([FIXTURE], NLUOptions(fallback_threshold=min(0.99, top + 0.01)))
    result = strict.parse("你好")
    assert result["intent"] == {
        "name": "nlu_fallback",
        "confidence": round(min(0.99, top + 0.01), 4),
    }
    assert result["intent_ranking"][0] == result["intent"]
    assert result["intent_ranking"][1:] == base["intent_ranking"]


def test_ambiguity_threshold(interp):
    text = "报名的课"
    base = interp.parse(text)["intent_ranking"]
    gap = base[0]["confidence"] - base[1]["confidence"]
    assert base[0]["confidence"] >= 0.01
    loose = Interpreter.train(
        [FIXTURE], NLUOptions(fallback_threshold=0.01, ambiguity_threshold=gap / 2)
    )
    assert loose.parse(text)["intent"]["name"] == base[0]["name"]
    tight = Interpreter.train(
        [FIXTURE], NLUOptions(fallback_threshold=0.01, ambiguity_threshold=gap + 0.01)
    )
    result = tight.parse(text)
    assert result["intent"] == {"name": "nlu_fallback", "confidence": 0.01}
    assert result["intent_ranking"][1]["name"] == base[0]["name"]


def test_only_first_chars_are_classified_but_entities_cover_all(interp):
    opts = NLUOptions(max_classify_chars=10)
    short = Interpreter.train([FIXTURE], opts)
    text = "老板欠我两万五不给" + "啊" * 400 + "电话13812345678"
    result = short.parse(text)
    assert result["intent_ranking"] == short.parse(text[:10])["intent_ranking"]
    assert [e["entity"] for e in result["entities"]] == ["money", "phone"]


def test_save_load_round_trip(interp, tmp_path):
    path = interp.save(tmp_path / "model")
    assert path == tmp_path / "model"
    meta = json.loads((path / "metadata.json").read_text(encoding="utf-8"))
    assert meta["fingerprint"] == interp.fingerprint == fingerprint([FIXTURE], NLUOptions())
    assert "course_search" in meta["intents"] and meta["trained_at"]
    loaded = Interpreter.load(path)
    assert loaded.fingerprint == interp.fingerprint
    assert loaded.intents == interp.intents
    for text in [
        "我想学做面包",
        "老板欠我两万五",
        "转人工",
        "/greet",
        "礼拜天有课没得",
        "啥子哦",
        "学练字",
    ]:
        assert loaded.parse(text, today=TODAY) == interp.parse(text, today=TODAY)


def test_fingerprint_changes_with_data_and_options(tmp_path):
    data = tmp_path / "nlu.yml"
    shutil.copy(FIXTURE, data)
    opts = NLUOptions()
    first = fingerprint([data], opts)
    assert first == fingerprint([data], NLUOptions())
    assert len(first) == 64
    assert fingerprint([data], replace(opts, fallback_threshold=0.5)) != first
    assert fingerprint([data], replace(opts, ngram_max=4)) != first
    data.write_text(data.read_text(encoding="utf-8") + "      - 哈喽哈喽\n", encoding="utf-8")
    assert fingerprint([data], opts) != first


def test_options_from_config_mapping():
    config = {
        "ngram_min": 1,
        "ngram_max": 2,
        "fallback_threshold": 0.3,
        "ambiguity_threshold": 0.1,
        "max_classify_chars": 200,
    }
    assert NLUOptions(**config).ngram_max == 2
    assert NLUOptions.from_dict({**config, "unknown": 1}).fallback_threshold == 0.3
    assert (
        RetrievalOptions(
            answer_threshold=0.5, suggest_threshold=0.2, ambiguity_margin=0.05, max_suggestions=3
        ).answer_threshold
        == 0.5
    )


def test_train_without_examples_fails(tmp_path):
    empty = tmp_path / "empty.yml"
    empty.write_text('version: "3.1"\nnlu: []\n', encoding="utf-8")
    with pytest.raises(ValueError):
        Interpreter.train([empty], NLUOptions())


@pytest.mark.parametrize(
    "text",
    [
        "帮我弄个劳动调解 我叫杨丽 电话13912345678",
        "搞个调解嘛 老板欠我两个月工资不给 电话13912345678",
    ],
)
def test_a_request_for_mediation_in_everyday_words(interp, text):
    assert interp.parse(text)["intent"]["name"] == "mediation_request"
