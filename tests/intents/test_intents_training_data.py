from pathlib import Path

from intents.training_data import load_training_data, parse_annotated

FIXTURE = Path(__file__).parent / "data" / "nlu_fixture.yml"


def test_annotation_syntaxes_are_stripped_with_offsets():
    text, ents = parse_annotated("我想学[书法](course_name)，[礼拜天](weekday:周日)有课没得")
    assert text == "我想学书法，礼拜天有课没得"
    assert ents == [
        {"entity": "course_name", "value": "书法", "start": 3, "end": 5},
        {"entity": "weekday", "value": "周日", "start": 6, "end": 9},
    ]
    for ent, surface in zip(ents, ["书法", "礼拜天"], strict=True):
        assert text[ent["start"] : ent["end"]] == surface


def test_json_annotation_with_value_and_role():
    text, ents = parse_annotated(
        '有没有[技能培训]{"entity": "course_category"}的[晚上]{"entity": "time_of_day", "value": "晚上", "role": "start"}课'
    )
    assert text == "有没有技能培训的晚上课"
    assert ents[0] == {"entity": "course_category", "value": "技能培训", "start": 3, "end": 7}
    assert ents[1]["role"] == "start" and (ents[1]["start"], ents[1]["end"]) == (8, 10)


def test_load_fixture_file():
    data = load_training_data([FIXTURE])
    assert "course_search" in data.intents
    assert len(data.intents) == 11
    search = [e for e in data.examples if e.intent == "course_search"]
    assert len(search) == 12
    family = next(e for e in data.examples if e.text == "有亲子的课吗")
    assert family.entities == [
        {"entity": "course_category", "value": "亲子活动", "start": 1, "end": 3}
    ]
    # synonyms from synonym: blocks and from annotated values that differ from the text
    assert data.synonyms["欠薪"] == "拖欠工资"
    assert data.synonyms["礼拜天"] == "周日"
    assert data.synonyms["辞退"] == "解除劳动合同"
    assert data.lookups["course_name"] == ["书法", "八段锦", "乒乓球"]
    assert data.regexes["enrolment_ref"] == [r"BM\d{6}"]


def test_list_examples_and_files_without_nlu(tmp_path):
    a = tmp_path / "a.yml"
    a.write_text(
        'version: "3.1"\nnlu:\n- intent: greet\n  examples:\n  - text: 你好\n  - text: 在吗\n',
        encoding="utf-8",
    )
    b = tmp_path / "b.yml"
    b.write_text('version: "3.1"\nrules: []\n', encoding="utf-8")
    data = load_training_data([a, b])
    assert [(e.text, e.intent) for e in data.examples] == [("你好", "greet"), ("在吗", "greet")]
