"""Typed-by-sound mistakes read as the labour-law terms they sound like (retrieval only)."""

from __future__ import annotations

import pytest

from intents.homophones import Homophones

FAQ = [
    "劳动仲裁要在多久之内申请",
    "劳动仲裁去哪里申请",
    "工伤认定去哪里申请",
    "工伤认定有时间限制吗",
    "加班费怎么算",
    "加班费的基数按什么工资算",
    "单位拖欠工资怎么办",
    "试用期最长多久",
    "可以补休吗",
]


@pytest.fixture(scope="module")
def homophones() -> Homophones:
    return Homophones(FAQ)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("劳动中裁要在多久之内申请", "劳动仲裁要在多久之内申请"),
        ("工上认定去哪里", "工伤认定去哪里"),
        ("家班费怎么算", "加班费怎么算"),
        ("单位拖欠工姿怎么办", "单位拖欠工资怎么办"),
        # 加班费's last character typed by sound
        ("天天加班到十点 加班废咋个算", "天天加班到十点 加班费咋个算"),
    ],
)
def test_a_mistyped_term_is_read_as_the_term(homophones, typed, read):
    assert homophones.correct(typed) == read


@pytest.mark.parametrize(
    "text",
    [
        "单位叫我签字说自愿不休年假",  # 不休 is not 补休: a function word is never "corrected"
        "有没有使用说明",  # an everyday word that sounds like 试用
        "麻烦人工回复一下",
        "帮我和同事一起报名",
        "重庆工商大学专升本班",
        "试用期最长多久",  # right already
        "",
    ],
)
def test_everything_else_is_left_alone(homophones, text):
    assert homophones.correct(text) == text


def test_a_term_mistyped_whose_pair_is_an_everyday_one():
    from intents.homophones import Homophones

    fixer = Homophones(["试用期工资不得低于约定工资的80%", "使用其他方式"])
    assert fixer.correct("试用其工资2800") == "试用期工资2800"


def test_the_certificate_of_leaving_typed_by_sound():
    from intents.homophones import Homophones

    reader = Homophones(["离职证明上面写什么", "离职证明公司不给开怎么办", "离职了证明怎么开"])
    assert reader.correct("离职正明上面要写些啥子") == "离职证明上面要写些啥子"
