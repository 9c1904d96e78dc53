"""Several people told in one message with their numbers (bot/domain/party.py)."""

from bot.domain.party import Member, kin_of, party_told


def test_the_worker_and_a_workmate():
    assert party_told("报两个 我 蒋华 13708369215 同事 付小军 18996547302") == [
        Member("蒋华", "13708369215", None),
        Member("付小军", "18996547302", "同事"),
    ]


def test_the_worker_is_the_one_who_says_i_wherever_they_come():
    party = party_told("我妹邓丽娟 15923318470 我叫邓丽萍 13883106295")
    assert [(m.name, m.who) for m in party] == [("邓丽萍", None), ("邓丽娟", "妹妹")]


def test_three_people_the_last_one_without_a_word_for_who_they_are():
    party = party_told("报我们三个 我曾凡 13512087743 同事 罗娟 15870236619 还有胡涛 18182053347")
    assert [(m.name, m.who) for m in party] == [("曾凡", None), ("罗娟", "同事"), ("胡涛", "")]


def test_a_kin_word_right_before_the_name_is_not_part_of_it():
    party = party_told("报嘛 我谢军 13896125047 同事王德明 15178803264")
    assert [m.name for m in party] == ["谢军", "王德明"]
    party = party_told("王和平 13812345678 李学友 13912345678")
    assert [m.name for m in party] == ["王和平", "李学友"]  # 和, 学 inside a name


def test_english_and_pinyin():
    party = party_told(
        "ok sign us both up. I am Liu Wei 13512348876, my wife is Zhang Min 18623047719"
    )
    assert [(m.name, m.who) for m in party] == [("Liu Wei", None), ("Zhang Min", "爱人")]
    party = party_told("bao ming wo jiao chen gang 13618290457 lao po liu fang 15696231078")
    assert [(m.name, m.who) for m in party] == [("chen gang", None), ("liu fang", "爱人")]


def test_the_course_one_person_alone_wants():
    party = party_told("那我报瑜伽 我叫何春梅 电话13996201847 我老公报书法 他叫杨建国 15823419062")
    assert [m.course_words for m in party] == ["瑜伽", "书法"]
    assert party_told("报两个 我 蒋华 13708369215 同事 付小军 18996547302")[0].course_words is None


def test_no_party_without_two_numbers_each_after_a_name():
    assert party_told("我叫周丽 13983321475 儿子叫周浩") == []
    assert party_told("13812345678 13912345678") == []
    assert party_told("电话13812345678 也可以打13812345678") == []


def test_kin_of():
    assert kin_of("我儿子") == "儿子"
    assert kin_of("我老婆") == "爱人"
    assert kin_of("我") is None


def test_the_one_person_before_a_number():
    from bot.domain.party import person_before_number

    assert person_before_number("还有我表姐周敏 13765520498 也帮她登记个候补嘛") == (
        "周敏",
        "13765520498",
    )
    assert person_before_number("13765520498") is None
