from datetime import date

import pytest

from intents.entities import EntityExtractor
from intents.normalise import normalise
from intents.options import CourseRef
from intents.patterns import valid_id_number
from intents.training_data import Example, TrainingData, parse_annotated

TODAY = date(2026, 3, 18)  # a Wednesday

COURSES = [
    CourseRef("XF01", "中西式面点烘焙", "幸福学堂", ["烘焙", "面包", "蛋糕"]),
    CourseRef("XF03", "八段锦", "幸福学堂", ["健身气功", "养生"]),
    CourseRef("JN01", "育婴员（五级）培训班", "技能培训", ["育婴"]),
    CourseRef("JN02", "西式面点师", "技能培训", ["蛋糕"]),
]


@pytest.fixture(scope="module")
def extractor():
    x = EntityExtractor()
    x.set_courses(COURSES)
    return x


def ents(extractor, text, today=TODAY):
    found = extractor.extract(text, normalise(text), today)
    for e in found:
        assert 0 <= e["start"] < e["end"] <= len(text)
    return [(e["entity"], e["value"], text[e["start"] : e["end"]]) for e in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("我电话13812345678", [("phone", "13812345678", "13812345678")]),
        ("电话 138 1234 5678", [("phone", "13812345678", "138 1234 5678")]),
        ("打138-1234-5678找我", [("phone", "13812345678", "138-1234-5678")]),
        ("１３８１２３４５６７８", [("phone", "13812345678", "１３８１２３４５６７８")]),
        ("号码是123456789012", []),
        ("电话23812345678", []),
    ],
)
def test_phone(extractor, text, expected):
    assert ents(extractor, text) == expected


def test_id_number_checksum(extractor):
    assert valid_id_number("11010519491231002X")
    assert not valid_id_number("110105194912310021")
    assert ents(extractor, "身份证号11010519491231002X") == [
        ("id_number", "11010519491231002X", "11010519491231002X")
    ]
    assert ents(extractor, "身份证号11010519491231002x")[0][1] == "11010519491231002X"
    # invalid checksum: no id_number, and its digits are not mistaken for a phone
    assert ents(extractor, "身份证号110105194912310021") == []
    # a valid ID whose digits contain a phone-like run is still only an ID
    body = "51380019900101123"  # contains 13800199001
    valid = body + _check_digit(body)
    assert valid_id_number(valid)
    assert ents(extractor, f"身份证{valid}，电话13912345678") == [
        ("id_number", valid, valid),
        ("phone", "13912345678", "13912345678"),
    ]
    spaced = "110105 19491231 002X"
    assert ents(extractor, spaced) == [("id_number", "11010519491231002X", spaced)]


def test_id_checksum_every_check_character():
    seen = set()
    for seq in range(100, 200):
        body = f"50010119900307{seq:03d}"
        check = _check_digit(body)
        seen.add(check)
        assert valid_id_number(body + check), body + check
        for wrong in "0123456789X":
            if wrong != check:
                assert not valid_id_number(body + wrong)
    assert seen == set("0123456789X")


def _check_digit(body: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]


@pytest.mark.parametrize(
    "text, value, surface",
    [
        ("老板欠我两万五", "25000", "两万五"),
        ("还差1.5万", "15000", "1.5万"),
        ("欠了八千块钱", "8000", "八千块钱"),
        ("工资3000块", "3000", "3000块"),
        ("一个月3000元", "3000", "3000元"),
        ("押金¥2000", "2000", "¥2000"),
        ("一个月才2k", "2000", "2k"),
        ("欠我3000", "3000", "3000"),
        ("月薪 4,500 元", "4500", "4,500 元"),
        ("3000多块", "3000", "3000多块"),
    ],
)
def test_money(extractor, text, value, surface):
    money = [(v, s) for e, v, s in ents(extractor, text) if e == "money"]
    assert money == [(value, surface)]


@pytest.mark.parametrize("text", ["两万五个人", "一千多人的厂", "欠了3个月", "3000", "干了30天"])
def test_not_money(extractor, text):
    assert [e for e in ents(extractor, text) if e[0] == "money"] == []


@pytest.mark.parametrize(
    "text, value, surface",
    [
        ("3月5号开始就没发工资了", "2026-03-05", "3月5号"),
        ("3月5日", "2026-03-05", "3月5日"),
        ("2025年12月31日入职", "2025-12-31", "2025年12月31日"),
        ("二〇二五年十二月三十一日", "2025-12-31", "二〇二五年十二月三十一日"),
        ("2026-01-05那天", "2026-01-05", "2026-01-05"),
        ("上周五被辞退", "2026-03-13", "上周五"),
        ("上個星期天", "2026-03-15", "上個星期天"),
        ("昨天", "2026-03-17", "昨天"),
        ("今天", "2026-03-18", "今天"),
        ("前天", "2026-03-16", "前天"),
        ("上个月", "2026-02-01", "上个月"),
        ("上个月5号", "2026-02-05", "上个月5号"),
        ("三个月前", "2025-12-18", "三个月前"),
        ("10月1号进的厂", "2025-10-01", "10月1号"),  # months ahead without a year: last year
        ("4月1号", "2026-04-01", "4月1号"),  # within a month from now: this year
    ],
)
def test_dates(extractor, text, value, surface):
    dates = [(v, s) for e, v, s in ents(extractor, text) if e == "date"]
    assert dates == [(value, surface)]


def test_date_default_today_is_used(extractor):
    found = extractor.extract("今天", "今天")
    assert found[0]["value"] == date.today().isoformat()


@pytest.mark.parametrize(
    "text, value",
    [
        ("干了三个月", "3个月"),
        ("3个月", "3个月"),
        ("半年", "6个月"),
        ("两年", "2年"),
        ("十天", "10天"),
        ("一年半", "18个月"),
        ("半个月", "15天"),
        ("两个星期", "2周"),
        ("每天干十二个小时", "12小时"),
    ],
)
def test_durations(extractor, text, value):
    assert [v for e, v, _ in ents(extractor, text) if e == "duration"] == [value]


def test_year_of_a_date_is_not_a_duration(extractor):
    assert [e for e, _, _ in ents(extractor, "2026年3月5日")] == ["date"]
    assert [e for e, _, _ in ents(extractor, "3月")] == []


def test_courses(extractor):
    assert ents(extractor, "我想学八段锦") == [("course_name", "八段锦", "八段锦")]
    assert ents(extractor, "我想学做面包") == [("course_name", "中西式面点烘焙", "面包")]
    assert ents(extractor, "育婴员怎么报") == [("course_name", "育婴员（五级）培训班", "育婴员")]
    # 蛋糕 is a keyword of two courses: it names neither
    assert ents(extractor, "学做蛋糕") == []
    assert ents(extractor, "報名中西式麵點烘焙") == [
        ("course_name", "中西式面点烘焙", "中西式麵點烘焙")
    ]


def test_set_courses_replaces_catalogue():
    x = EntityExtractor(TrainingData(lookups={"course_name": ["书法"]}))
    x.set_courses([CourseRef("XF02", "书法", "幸福学堂", ["练字"])])
    assert [e["value"] for e in x.extract("练字", "练字")] == ["书法"]
    x.set_courses([])
    assert x.extract("练字", "练字") == []
    # the training-data lookup survives a catalogue change
    assert [e["extractor"] for e in x.extract("书法", "书法")] == ["lookup"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("周末有没得免费的课", [("weekday", "周末"), ("fee", "免费")]),
        ("礼拜天下午有课吗", [("weekday", "周日"), ("time_of_day", "下午")]),
        ("星期六晚上", [("weekday", "周六"), ("time_of_day", "晚上")]),
        ("下班后能学", [("time_of_day", "晚上")]),
        ("不要钱的课", [("fee", "免费")]),
        ("娃儿能去吗", [("course_category", "亲子活动")]),
        ("老板欠薪", [("dispute_type", "拖欠工资")]),
        ("工资没发", [("dispute_type", "拖欠工资")]),
        ("社保没交", [("dispute_type", "社会保险")]),
        ("五险都没得", [("dispute_type", "社会保险")]),
        ("在厂里受伤了", [("dispute_type", "工伤")]),
        ("加班工资不给", [("dispute_type", "加班费")]),
        ("被炒鱿鱼了", [("dispute_type", "解除劳动合同")]),
        ("老板把我们几个老员工都辞了", [("dispute_type", "解除劳动合同")]),
        ("把我们的工资开了", []),  # wages paid, in dialect
        ("解除劳动合同", [("dispute_type", "解除劳动合同")]),
        ("没签合同", [("dispute_type", "劳动合同")]),
    ],
)
def test_keyword_entities(extractor, text, expected):
    assert [(e, v) for e, v, _ in ents(extractor, text)] == expected


@pytest.mark.parametrize(
    "text, meant",
    [
        ("有没得周末带娃儿的", True),  # a parent bringing a child: 亲子活动
        ("跟孩子一起的活动", True),
        ("带娃儿去的那种", True),
        ("我想学带娃儿", False),  # learning childcare: 育婴员
        ("有没得教带娃儿的课", False),
        ("带娃的技能培训", False),
    ],
)
def test_a_parent_bringing_a_child_is_told_from_learning_childcare(text, meant):
    from intents.entities import BRINGS_A_CHILD

    assert (BRINGS_A_CHILD.search(text) is not None) is meant


def test_training_data_synonyms_lookups_and_regexes():
    text, annotated = parse_annotated("[夜班](time_of_day:晚上)的课")
    data = TrainingData(
        examples=[Example(text, "course_search", annotated)],
        synonyms={"夜班": "晚上", "毛笔字": "书法", "工资条": "工资单"},
        lookups={"course_name": ["书法"], "edit_field": ["电话", "姓名"]},
        regexes={"enrolment_ref": [r"BM\d{6}"], "broken": ["(unclosed"]},
    )
    x = EntityExtractor(data)
    found = [(e["entity"], e["value"]) for e in x.extract("夜班练毛笔字", None, TODAY)]
    assert found == [("time_of_day", "晚上"), ("course_name", "书法")]
    assert [(e["entity"], e["value"]) for e in x.extract("改电话", None)] == [
        ("edit_field", "电话")
    ]
    ref = x.extract("我的报名号是BM123456", None)
    assert [(e["entity"], e["value"], e["start"]) for e in ref] == [
        ("enrolment_ref", "BM123456", 6)
    ]


def test_longest_match_and_no_overlap(extractor):
    found = ents(extractor, "上周五被开除了，三个月前入职，工资两万五，电话13812345678")
    assert found == [
        ("date", "2026-03-13", "上周五"),
        ("dispute_type", "解除劳动合同", "开除"),
        ("date", "2025-12-18", "三个月前"),
        ("money", "25000", "两万五"),
        ("phone", "13812345678", "13812345678"),
    ]


def test_offsets_into_original_when_whitespace_collapses(extractor):
    text = "  電話：１３８  １２３４  ５６７８ "
    found = extractor.extract(text, normalise(text), TODAY)
    assert len(normalise(text)) != len(text)
    assert [(e["entity"], e["value"]) for e in found] == [("phone", "13812345678")]
    assert text[found[0]["start"] : found[0]["end"]] == "１３８  １２３４  ５６７８"


def test_a_dismissal_told_in_words_is_the_dispute_even_when_the_contract_is_named() -> None:
    from intents.entities import DISMISSAL

    assert DISMISSAL.search("合同没到期就把我辞了")
    assert DISMISSAL.search("经理喊我明天不用来了")
    assert DISMISSAL.search("主管说我年纪大了 喊我明天就不要来了")
    assert DISMISSAL.search("经理说下周就别来上班了")
    assert not DISMISSAL.search("合同到期不续签")


SOUND_COURSES = [
    CourseRef("XF02", "书法", "幸福学堂", ["书法", "毛笔字"]),
    CourseRef("XF04", "乒乓球", "幸福学堂", ["乒乓球", "乒乓"]),
    CourseRef("XF07", "瑜伽", "幸福学堂", ["瑜伽"]),
    CourseRef("QZ02", "亲子绘本阅读", "亲子活动", ["绘本", "亲子阅读"]),
    CourseRef("XF05", "插花", "幸福学堂", ["插花", "花艺"]),
]


@pytest.fixture(scope="module")
def sound_extractor():
    x = EntityExtractor()
    x.set_courses(SOUND_COURSES)
    return x


@pytest.mark.parametrize(
    ("text", "course"),
    [
        ("书发班还报得到不", "书法"),  # one character shared, beside 班
        ("乒乓求在哪里打", "乒乓球"),  # two shared: anywhere
        ("想学瑜珈", "瑜伽"),
        ("我想学舒法", "书法"),
    ],
)
def test_a_course_word_typed_by_its_sound(sound_extractor, text, course):
    found = [e for e in sound_extractor.extract(text) if e["entity"] == "course_name"]
    assert [e["value"] for e in found] == [course]


@pytest.mark.parametrize("text", ["多久能回本", "插话可以不", "开会时插话被扣钱"])
def test_a_word_that_only_sounds_like_a_course_word_is_none(sound_extractor, text):
    assert not [e for e in sound_extractor.extract(text) if e["entity"] == "course_name"]


def test_a_schooling_held_said_before_the_keyword_names_no_course():
    from intents.entities import _schooling_held

    text = "我有大专文凭 想读专升本"
    assert _schooling_held(text, 2, 4)
    assert _schooling_held("我是大专学历", 2, 4)
    assert not _schooling_held("我想读大专 有没得班", 3, 5)
    assert not _schooling_held("想考个大专文凭", 3, 5)


@pytest.mark.parametrize(
    "text, owed",
    [
        ("他拿了钱就跑了 一共欠我们9万6", True),  # a sum owed to the group: wages
        ("老板欠我们两万块 人找不到了", True),
        ("老板欠我两万块", False),  # one person's sum: maybe a loan, the question tells
        ("我欠了信用卡两万块", False),  # the worker's own debt
    ],
)
def test_a_sum_owed_without_the_word_wages(extractor, text, owed):
    found = [v for e, v, _ in ents(extractor, text) if e == "dispute_type"]
    assert (found == ["拖欠工资"]) is owed
